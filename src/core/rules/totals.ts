import { ZERO, type Decimal } from '../amounts';
import { amountIn, valueOf, type AmountCell, type AmountSum, type PerformanceTable, type TableRow } from '../table-model';
import type { TotalsComparison } from './rule';
import { readTotalFormula } from './formula-totals';

function isBlank(cell: AmountCell | null): boolean {
  return cell === null || cell.parsed.kind === 'empty';
}

/** A sum with a cell whose formula the host could not recalculate is not compared: its value may be out of date. */
const isStale = (cell: AmountCell | null) => cell?.stale === true;

/** The cells of a failing sum, and what its total's formula says about it when the cell holds one. */
function cellsOf(total: AmountCell, parts: readonly (AmountCell | null)[]) {
  const cells = parts.filter((p): p is AmountCell => p !== null);
  return { total, partCells: cells, ...(total.formula === undefined ? {} : { formula: readTotalFormula(total, total.formula, cells) }) };
}

/**
 * Every sum the table claims that does not hold, computed once per table in one pass over its rows:
 * each row's total against its funding columns, each unit / 合计 cell against its children, and the
 * sums stated outside the rows (a form's 总额, a block's 合计, the department's tasks).
 * Sums that hold are left out (no rule reports them); sums with an unreadable cell are skipped
 * (amount.invalid reports that cell).
 */
export function compareTotals(table: PerformanceTable): TotalsComparison[] {
  const out: TotalsComparison[] = [];
  const funding = table.amountColumns.filter((c) => c !== 'total');
  const rowSums = table.amountColumns.includes('total') && funding.length > 0;
  for (const row of table.rows) {
    if (rowSums) compareRow(row, funding.length, out);
    if (row.children.length > 0) compareChildren(table, row, out);
  }
  for (const sum of table.sums) compareSum(sum, out);
  return out;
}

function compareRow(row: TableRow, fundingCount: number, out: TotalsComparison[]): void {
  const total = amountIn(row, 'total');
  if (total === null || row.amounts.some(isStale)) return;
  let expected = ZERO;
  let allBlank = isBlank(total);
  for (const cell of row.amounts) {
    if (cell === total) continue;
    const v = valueOf(cell);
    if (v === null) return;
    expected += v;
    allBlank &&= isBlank(cell);
  }
  const actual = valueOf(total);
  if (actual === null || allBlank || actual === expected) return;
  const funding = row.amounts.filter((c) => c !== total);
  const parts = funding.map((c) => c.column);
  out.push({ scope: 'row', column: 'total', location: total.location, expected, actual, count: fundingCount, of: 'projects', raw: total.raw, parts, label: '', ...cellsOf(total, funding) });
}

function compareChildren(table: PerformanceTable, row: TableRow, out: TotalsComparison[]): void {
  const children = row.children.map((i) => table.rows[i]).filter((r): r is TableRow => r !== undefined);
  const scope = row.kind === 'grand-total' ? 'grand' : 'unit';
  const of = children.some((c) => c.kind === 'unit') ? 'units' : 'projects';
  for (const cell of row.amounts) {
    const actual = valueOf(cell);
    if (actual === null || cell.stale) continue;
    let expected: Decimal | null = ZERO;
    for (const child of children) {
      const part = amountIn(child, cell.column);
      const v = isStale(part) ? null : valueOf(part);
      if (v === null) {
        expected = null;
        break;
      }
      expected += v;
    }
    if (expected === null || expected === actual) continue;
    // The parts' list only for a failing sum: most hold, and a 合计's list has 1,000s of units.
    const parts = children.map((child) => amountIn(child, cell.column));
    out.push({ scope, column: cell.column, location: cell.location, expected, actual, count: children.length, of, raw: cell.raw, parts: [], label: '', ...cellsOf(cell, parts) });
  }
}

function compareSum(sum: AmountSum, out: TotalsComparison[]): void {
  const actual = valueOf(sum.total);
  if (actual === null || sum.parts.length === 0 || isStale(sum.total) || sum.parts.some(isStale)) return;
  let expected = ZERO;
  let allBlank = isBlank(sum.total);
  for (const part of sum.parts) {
    const v = valueOf(part);
    if (v === null) return;
    expected += v;
    allBlank &&= isBlank(part);
  }
  if (allBlank || actual === expected) return;
  out.push({
    scope: sum.scope,
    column: sum.total.column,
    location: sum.total.location,
    expected,
    actual,
    count: sum.parts.length,
    of: 'projects',
    raw: sum.total.raw,
    parts: sum.parts.map((p) => p.column),
    label: sum.label,
    ...cellsOf(sum.total, sum.parts),
  });
}
