import { isComplete, parseIndicators, type IndicatorParse } from '../indicators/grammar';
import { AMOUNT_COLUMNS, type PerformanceTable, type TableRow } from '../table-model';
import { categoryBit, type CategorySet, type Taxonomy } from '../taxonomy';
import type { ProjectSubject, RowSubject } from './rule';

// “年\s*” together: \s*年?\s* backtracks quadratically on a long run of spaces.
const MULTI_YEAR = /((?:19|20)\d{2})\s*(?:年\s*)?[-－—–~～至到]\s*((?:19|20)\d{2})/;

/** A project name with a year range such as 2024-2025年 runs over several years. */
export function isMultiYearProject(name: string): boolean {
  const m = MULTI_YEAR.exec(name);
  return m !== null && Number(m[2]) > Number(m[1]);
}

/** What the row rules see: the row, and the facts that let them skip it. */
export function rowSubject(table: PerformanceTable, row: TableRow): RowSubject {
  return { table, row, amountsClean: amountsClean(row) };
}

/** What the project rules see: the row's subject, its parsed 绩效指标 and the facts read from it once. */
export function projectSubject(subject: RowSubject, taxonomy: Taxonomy): ProjectSubject {
  const { table, row, amountsClean } = subject;
  const indicatorsText = row.indicators?.text ?? '';
  const parsed = row.indicators ? parseIndicators(indicatorsText, taxonomy) : null;
  const { categories, complete } = summariseIndicators(parsed, taxonomy);
  return { table, row, amountsClean, indicatorsText, parsed, multiYear: isMultiYearProject(row.name), categories, complete };
}

function amountsClean(row: TableRow): boolean {
  for (const column of AMOUNT_COLUMNS) {
    const parsed = row.amounts[column]?.parsed;
    if (parsed === undefined || parsed.kind === 'empty') continue;
    if (parsed.kind === 'invalid' || parsed.value < 0n || parsed.storedAsText || parsed.excessPrecision) return false;
  }
  return true;
}

/** One pass over the indicators for what several rules ask: the categories covered, and whether all are complete. */
function summariseIndicators(parsed: IndicatorParse | null, taxonomy: Taxonomy): { categories: CategorySet; complete: boolean } {
  let categories = 0;
  let complete = true;
  for (const ind of parsed?.indicators ?? []) {
    const l1 = ind.level1?.entry;
    const l2 = ind.level2?.entry;
    if (l1) categories |= categoryBit(l1.category);
    if (l2) categories |= categoryBit(taxonomy.categoryOf(l2));
    complete &&= isComplete(ind);
  }
  return { categories, complete };
}
