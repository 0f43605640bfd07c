import { absAmount, amountToNumber, formatAmount } from '../amounts';
import { locate } from '../grid';
import type { TableColumns } from '../table-model';
import type { ColumnLabel, RuleParams } from './rule-ids';
import { NO_HITS, type RuleContext, type RuleHit, type TableRule, type TotalsComparison } from './rule';

function firstColumn(columns: TableColumns): number {
  let first = Number.POSITIVE_INFINITY;
  for (const col of Object.values(columns)) if (col !== null && col < first) first = col;
  return Number.isFinite(first) ? first : 0;
}

/** 表头缺列: one hit per required column the table lacks. */
export const columnMissing: TableRule<'table.column-missing'> = {
  id: 'table.column-missing',
  defaultSeverity: 'error',
  scope: 'table',
  check: ({ table }) =>
    table.missingColumns.map((column) => ({
      rule: 'table.column-missing',
      params: { column: column as ColumnLabel },
      location: locate(table.sheet, table.headerRow, firstColumn(table.columns)),
      discriminator: column,
    })),
};

export const unitMissing: TableRule<'table.unit-missing'> = {
  id: 'table.unit-missing',
  defaultSeverity: 'warning',
  scope: 'table',
  check: ({ table }) => (table.unit === null ? [{ rule: 'table.unit-missing', params: {}, location: table.unitLocation }] : NO_HITS),
};

export const noProjects: TableRule<'table.no-projects'> = {
  id: 'table.no-projects',
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
  };
}

function fixOf(c: TotalsComparison) {
  return { location: c.location, expected: c.raw, value: amountToNumber(c.expected) };
}

const beyondTolerance = (c: TotalsComparison, ctx: RuleContext) => absAmount(c.actual - c.expected) > ctx.tolerance;

/** A totals rule: every comparison the filter accepts becomes a hit with these params, fixed to the expected sum. */
function totalsRule<R extends 'totals.row' | 'totals.unit' | 'totals.grand' | 'totals.rounding'>(
  id: R,
  defaultSeverity: 'error' | 'warning',
  accepts: (c: TotalsComparison, ctx: RuleContext) => boolean,
  params: (c: TotalsComparison, ctx: RuleContext) => RuleParams[R],
): TableRule<R> {
  return {
    id,
    fixable: true,
    defaultSeverity,
    scope: 'table',
    check: ({ comparisons }, ctx) => {
      const hits: RuleHit<R>[] = [];
      for (const c of comparisons) if (accepts(c, ctx)) hits.push({ rule: id, params: params(c, ctx), location: c.location, fix: fixOf(c) });
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

/** 总计 ≠ 财政拨款 + 财政专户拨款 + 其他资金 on a row, beyond rounding. */
export const rowTotals = totalsRule('totals.row', 'error', (c, ctx) => c.scope === 'row' && beyondTolerance(c, ctx), amountsParams);

/** Any of the sums above off by no more than the rounding tolerance (尾差): reported apart from real mismatches. */
export const roundingDifference = totalsRule(
  'totals.rounding',
  'warning',
  (c, ctx) => c.actual !== c.expected && !beyondTolerance(c, ctx),
  (c, ctx) => ({ ...amountsParams(c, ctx), scope: c.scope, column: c.column, tolerance: formatAmount(ctx.tolerance) }),
);
