import { absAmount, amountToNumber, formatAmount } from '../amounts';
import { locate } from '../grid';
import type { Fix } from '../findings';
import type { TableColumns } from '../table-model';
import type { RuleParams } from './rule-ids';
import { NO_HITS, type RuleContext, type RuleHit, type TableRule, type TotalsComparison } from './rule';
import { cellKeyOf, comparisonKey, type CellCorrection } from './diagnosis';
import { SOURCES } from './sources';

function firstColumn(columns: TableColumns): number {
  let first = Number.POSITIVE_INFINITY;
  for (const col of Object.values(columns)) if (col !== undefined && col < first) first = col;
  return Number.isFinite(first) ? first : 0;
}

/** 表头缺列: one hit per required column the table lacks. */
export const columnMissing: TableRule<'table.column-missing'> = {
  id: 'table.column-missing',
  source: SOURCES.tableRequired,
  defaultSeverity: 'error',
  scope: 'table',
  check: ({ table }) =>
    table.missingColumns.map((column) => ({
      rule: 'table.column-missing',
      params: { column },
      location: locate(table.sheet, table.headerRow, firstColumn(table.columns)),
      discriminator: column,
    })),
};

export const unitMissing: TableRule<'table.unit-missing'> = {
  id: 'table.unit-missing',
  source: SOURCES.template,
  defaultSeverity: 'warning',
  scope: 'table',
  check: ({ table }) => (table.unit === null ? [{ rule: 'table.unit-missing', params: {}, location: table.unitLocation }] : NO_HITS),
};

export const noProjects: TableRule<'table.no-projects'> = {
  id: 'table.no-projects',
  source: SOURCES.tableRequired,
  defaultSeverity: 'warning',
  scope: 'table',
  check: ({ table }) =>
    table.rows.some((r) => r.kind === 'project')
      ? NO_HITS
      : [{ rule: 'table.no-projects', params: {}, location: table.unitLocation }],
};

function amountsParams(c: TotalsComparison, ctx: RuleContext) {
  return {
    unit: ctx.unit,
    expected: formatAmount(c.expected),
    actual: formatAmount(c.actual),
    difference: formatAmount(absAmount(c.actual - c.expected)),
    ...formulaParams(c),
  };
}

function formulaParams(c: TotalsComparison) {
  if (!c.formula) return {};
  if (c.formula.kind === 'unclear') return { formula: c.formula.formula, missing: '', corrected: '' };
  return { formula: c.formula.formula, missing: c.formula.missing.join(','), corrected: c.formula.corrected };
}

/** The expected sum; on a formula cell the corrected formula, or nothing when the formula cannot be read (the user checks it). */
function fixOf(c: TotalsComparison): Fix | null {
  const fix = { location: c.location, expected: c.raw, value: amountToNumber(c.expected) };
  if (!c.formula) return fix;
  return c.formula.kind === 'misses' ? { ...fix, formula: c.formula.corrected } : null;
}

const beyondTolerance = (c: TotalsComparison, ctx: RuleContext) => absAmount(c.actual - c.expected) > ctx.tolerance;

/** A totals rule: every comparison the filter accepts becomes a hit with these params, fixed to the expected sum. */
function totalsRule<R extends 'totals.row' | 'totals.unit' | 'totals.grand' | 'totals.rounding' | 'totals.funding' | 'totals.block' | 'totals.tasks'>(
  id: R,
  defaultSeverity: 'error' | 'warning',
  accepts: (c: TotalsComparison, ctx: RuleContext) => boolean,
  params: (c: TotalsComparison, ctx: RuleContext) => RuleParams[R],
  withFix = true,
): TableRule<R> {
  return {
    id,
    source: SOURCES.sums,
    ...(withFix ? { fixable: true as const } : {}),
    defaultSeverity,
    scope: 'table',
    check: ({ comparisons, diagnosis }, ctx) => {
      const hits: RuleHit<R>[] = [];
      for (const c of comparisons) {
        // A sum that only fails because of the diagnosed cell is reported as totals.consequence.
        if (!accepts(c, ctx) || diagnosis.explained.has(comparisonKey(c.scope, c))) continue;
        const fix = withFix && !diagnosis.unsafeFixes.has(cellKeyOf(c)) ? fixOf(c) : null;
        hits.push({ rule: id, params: params(c, ctx), location: c.location, ...(fix ? { fix } : {}) });
      }
      return hits;
    },
  };
}

/** A unit row's amount is not the sum of its projects (or sub-units); points at the unit's cell only. */
export const unitTotals = totalsRule(
  'totals.unit',
  'error',
  (c, ctx) => c.scope === 'unit' && beyondTolerance(c, ctx),
  (c, ctx) => ({ ...amountsParams(c, ctx), column: c.column, count: c.count }),
);

/** The 合计 row is not the sum of the units (or of the projects when there are no unit rows). */
export const grandTotals = totalsRule(
  'totals.grand',
  'error',
  (c, ctx) => c.scope === 'grand' && beyondTolerance(c, ctx),
  (c, ctx) => ({ ...amountsParams(c, ctx), column: c.column, count: c.count, of: c.of }),
);

/** 总计 ≠ the sum of the row's funding columns (财政拨款 + 财政专户拨款 + 其他资金, or whatever sources the table has), beyond rounding. */
export const rowTotals = totalsRule('totals.row', 'error', (c, ctx) => c.scope === 'row' && beyondTolerance(c, ctx), (c, ctx) => ({ ...amountsParams(c, ctx), parts: c.parts.join(',') }));

/** A form's (or the department's) total is not the sum of its sources (其中：财政拨款、其他资金 …). */
export const fundingTotals = totalsRule(
  'totals.funding',
  'error',
  (c, ctx) => c.scope === 'funding' && beyondTolerance(c, ctx),
  (c, ctx) => ({ ...amountsParams(c, ctx), label: c.label, parts: c.parts.join(',') }),
);

/** A 合计 / 小计 row of a block (成本构成, 收入构成, 支出构成) is not the sum of the rows above it. */
export const blockTotals = totalsRule(
  'totals.block',
  'error',
  (c, ctx) => c.scope === 'block' && beyondTolerance(c, ctx),
  (c, ctx) => ({ ...amountsParams(c, ctx), label: c.label, count: c.count }),
);

/** The department's 年度主要任务 do not add up to its total budget (金额合计 / 资金总额). */
export const taskTotals = totalsRule(
  'totals.tasks',
  'error',
  (c, ctx) => c.scope === 'tasks' && beyondTolerance(c, ctx),
  (c, ctx) => ({ ...amountsParams(c, ctx), label: c.label, count: c.count }),
  // Which task is wrong is not known: setting the total to the tasks' sum would hide the mistake.
  false,
);

/** Any of the sums above off by no more than the rounding tolerance (尾差): reported apart from real mismatches. */
export const roundingDifference = totalsRule(
  'totals.rounding',
  'warning',
  (c, ctx) => c.actual !== c.expected && !beyondTolerance(c, ctx),
  (c, ctx) => ({ ...amountsParams(c, ctx), scope: c.scope, column: c.column, tolerance: formatAmount(ctx.tolerance) }),
);

/** "B6=11.00;C6=11.00": cells and the values they should have, as the messages list them. */
const correctionList = (corrections: readonly CellCorrection[]) => corrections.map((c) => `${c.cell.location.cell}=${formatAmount(c.value)}`).join(';');

/**
 * The smallest set of amount cells (one, else two) whose correction makes every failing row, unit and 合计 sum hold
 * (a typo pushed upward): each reported on its cell with the value it should have and fixed to it. When two
 * explanations are equally small, both are reported and offered, each naming the other.
 */
export const totalsCause: TableRule<'totals.cause'> = {
  id: 'totals.cause',
  source: SOURCES.sums,
  fixable: true,
  defaultSeverity: 'error',
  scope: 'table',
  check: ({ diagnosis }, ctx) => {
    // A cell in both explanations is reported once, with the first one's wording.
    const reported = new Set<string>();
    return diagnosis.explanations.flatMap((explanation, i) => {
      const other = diagnosis.explanations[1 - i];
      return explanation.filter(({ cell }) => !reported.has(cellKeyOf(cell)) && reported.add(cellKeyOf(cell))).map(({ cell, value, formula }) => {
        const actual = cell.parsed.kind === 'number' ? cell.parsed.value : 0n;
        const params = {
          unit: ctx.unit,
          expected: formatAmount(value),
          actual: formatAmount(actual),
          difference: formatAmount(absAmount(value - actual)),
          column: cell.column,
          count: diagnosis.explained.size,
          together: correctionList(explanation.filter((c) => c.cell !== cell)),
          alternative: other ? correctionList(other) : '',
          ...(formula?.kind === 'misses' ? { formula: formula.formula, missing: formula.missing.join(','), corrected: formula.corrected } : {}),
        };
        const fix = { location: cell.location, expected: cell.raw, value: amountToNumber(value), ...(formula?.kind === 'misses' ? { formula: formula.corrected } : {}) };
        return { rule: 'totals.cause' as const, params, location: cell.location, fix };
      });
    });
  },
};

/** A failing sum explained by totals.cause: pointed at its cause, no fix of its own. */
export const totalsConsequence: TableRule<'totals.consequence'> = {
  id: 'totals.consequence',
  source: SOURCES.sums,
  defaultSeverity: 'info',
  scope: 'table',
  check: ({ comparisons, diagnosis }, ctx) => {
    if (diagnosis.explanations.length === 0) return NO_HITS;
    // "B6+C6,B7+C7": the cells of each explanation; the sum holds once either set is corrected.
    const cause = diagnosis.explanations.map((e) => e.map((c) => c.cell.location.cell).join('+')).join(',');
    const causes = new Set(diagnosis.explanations.flatMap((e) => e.map((c) => cellKeyOf(c.cell))));
    return comparisons
      .filter((c) => diagnosis.explained.has(comparisonKey(c.scope, c)) && !causes.has(cellKeyOf(c)))
      .map((c) => ({
        rule: 'totals.consequence' as const,
        params: { ...amountsParams(c, ctx), scope: c.scope, column: c.column, cause },
        location: c.location,
        // A unit cell can fail both its row sum and its column sum.
        discriminator: c.scope,
      }));
  },
};
