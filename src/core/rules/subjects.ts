import { isComplete, isTemplateItem, parseIndicators } from '../indicators/grammar';
import { locate, type CellLocation } from '../grid';
import type { IndicatorRecord, PerformanceTable, TableRow, ValueSlots } from '../table-model';
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

/** Where the project's indicators are as a whole: the 绩效指标 cell, or the first cell of the indicator block. */
function indicatorsPlace(table: PerformanceTable, row: TableRow): CellLocation | null {
  if (row.indicators) return row.indicators.location;
  const block = row.block;
  if (!block) return null;
  const col = block.columns.level1 ?? block.columns.level2 ?? block.columns.level3;
  return col === undefined ? null : locate(table.sheet, block.firstRow, col);
}

/** What the project rules see: the row's subject, its indicators and the facts read from them once. */
export function projectSubject(subject: RowSubject, taxonomy: Taxonomy): ProjectSubject {
  const { table, row, amountsClean } = subject;
  const indicatorsText = row.indicators?.text ?? '';
  const parsed = row.indicators ? parseIndicators(indicatorsText, taxonomy) : null;
  const { indicators, templateItems } = parsed ? withoutTemplateItems(parsed.indicators) : { indicators: row.records ?? [], templateItems: NO_TEMPLATE_ITEMS };
  // In one cell the values an indicator is asked for are those the cell gives (a table of the year alone has no 实施周期).
  const valueSlots = parsed ? parsed.slots : table.valueSlots;
  const { categories, complete } = summariseIndicators(indicators, taxonomy, valueSlots);
  return {
    table,
    row,
    amountsClean,
    indicators,
    indicatorsAt: indicatorsPlace(table, row),
    templateItems,
    parsed,
    indicatorsText,
    valueSlots,
    multiYear: isMultiYearProject(row.name),
    categories,
    complete,
  };
}

const NO_TEMPLATE_ITEMS: ProjectSubject['templateItems'] = [];

/** A cell's items apart from those of levels alone; the others keep their numbers in the cell. */
function withoutTemplateItems(items: readonly IndicatorRecord[]): { indicators: readonly IndicatorRecord[]; templateItems: ProjectSubject['templateItems'] } {
  if (!items.some(isTemplateItem)) return { indicators: items, templateItems: NO_TEMPLATE_ITEMS };
  const indicators: IndicatorRecord[] = [];
  const templateItems: { position: number; level1: string; level2: string }[] = [];
  items.forEach((ind, i) => {
    if (isTemplateItem(ind)) templateItems.push({ position: i + 1, level1: ind.level1?.name ?? '', level2: ind.level2?.name ?? '' });
    else indicators.push({ ...ind, position: i + 1 });
  });
  return { indicators, templateItems };
}

function amountsClean(row: TableRow): boolean {
  for (const cell of row.amounts) {
    const parsed = cell.parsed;
    if (parsed.kind === 'empty') continue;
    if (parsed.kind === 'invalid' || parsed.value < 0n || parsed.storedAsText || parsed.excessPrecision) return false;
  }
  return true;
}

/** Whether an indicator has what its slots ask (its own, else the table's or the cell's). */
export function isCompleteFor(ind: IndicatorRecord, slots: ValueSlots): boolean {
  return isComplete(ind, ind.slots ?? slots);
}

/** One pass over the indicators for what several rules ask: the categories covered, and whether all are complete. */
function summariseIndicators(indicators: readonly IndicatorRecord[], taxonomy: Taxonomy, slots: ValueSlots): { categories: CategorySet; complete: boolean } {
  let categories = 0;
  let complete = true;
  for (const ind of indicators) {
    const l1 = ind.level1?.entry;
    const l2 = ind.level2?.entry;
    if (l1) categories |= categoryBit(l1.category);
    if (l2) categories |= categoryBit(taxonomy.categoryOf(l2));
    complete &&= isCompleteFor(ind, slots);
  }
  return { categories, complete };
}
