import { ZERO, type Decimal } from '../amounts';
import { AMOUNT_COLUMNS, FUNDING_COLUMNS, type AmountCell, type PerformanceTable, type TableRow } from '../table-model';
import type { TotalsComparison } from './rule';

/** Value of an amount cell for summing: empty counts as 0; null when the cell is unreadable. */
function valueOf(cell: AmountCell | null): Decimal | null {
  if (cell === null) return ZERO;
  if (cell.parsed.kind === 'number') return cell.parsed.value;
  return cell.parsed.kind === 'empty' ? ZERO : null;
}

function isBlank(cell: AmountCell | null): boolean {
  return cell === null || cell.parsed.kind === 'empty';
}

/**
 * Every sum the table claims that does not hold, computed once per table in one pass over its rows:
 * each row's 总计 against its funding columns, and each unit / 合计 cell against its children.
 * Sums that hold are left out (no rule reports them); sums with an unreadable cell are skipped
 * (amount.invalid reports that cell).
 */
export function compareTotals(table: PerformanceTable): TotalsComparison[] {
  const out: TotalsComparison[] = [];
  const hasFunding = FUNDING_COLUMNS.some((c) => table.columns[c] !== null);
  for (const row of table.rows) {
    if (table.columns.total !== null && hasFunding) compareRow(row, out);
    if (row.children.length > 0) compareChildren(table, row, out);
  }
  return out;
}

function compareRow(row: TableRow, out: TotalsComparison[]): void {
  const total = row.amounts.total;
  if (total === null) return;
  let expected = ZERO;
  let allBlank = isBlank(total);
  for (const column of FUNDING_COLUMNS) {
    const v = valueOf(row.amounts[column]);
    if (v === null) return;
    expected += v;
    allBlank &&= isBlank(row.amounts[column]);
  }
  const actual = valueOf(total);
  if (actual === null || allBlank || actual === expected) return;
  out.push({ scope: 'row', column: 'total', location: total.location, expected, actual, count: FUNDING_COLUMNS.length, of: 'projects', raw: total.raw });
}

function compareChildren(table: PerformanceTable, row: TableRow, out: TotalsComparison[]): void {
  const children = row.children.map((i) => table.rows[i]).filter((r): r is TableRow => r !== undefined);
  const scope = row.kind === 'grand-total' ? 'grand' : 'unit';
  const of = children.some((c) => c.kind === 'unit') ? 'units' : 'projects';
  for (const column of AMOUNT_COLUMNS) {
    const cell = row.amounts[column];
    if (cell === null) continue;
    const actual = valueOf(cell);
    if (actual === null) continue;
    let expected: Decimal | null = ZERO;
    for (const child of children) {
      const v = valueOf(child.amounts[column]);
      if (v === null) {
        expected = null;
        break;
      }
      expected += v;
    }
    if (expected === null || expected === actual) continue;
    out.push({ scope, column, location: cell.location, expected, actual, count: children.length, of, raw: cell.raw });
  }
}
