import { parseAmount } from './amounts';
import { cellText, type CellValue } from './grid';
import { AMOUNT_COLUMNS, type PerformanceTable, type TableRow } from './table-model';
import { GRAND_TOTAL, leadingIndent } from './table-reader';

/** One cell the user changed, by absolute 0-based position. */
export interface CellEdit {
  readonly row: number;
  readonly col: number;
  readonly value: CellValue;
}

function rowIndexAt(rows: readonly TableRow[], row: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = (rows[mid] as TableRow).row;
    if (r === row) return mid;
    if (r < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The table with one cell changed, when the change cannot alter the table's shape: the same table
 * when the cell lies outside its columns, null when only a fresh read can tell (a header, a blank
 * row filled in, a name whose indentation or 合计-ness changed, a project emptied of its texts).
 */
export function applyEdit(table: PerformanceTable, edit: CellEdit): PerformanceTable | null {
  // Above the data the header or metadata may change; below it the table may grow.
  if (edit.row < table.firstDataRow || edit.row > table.lastRow) return null;
  const { columns } = table;
  const mapped = Object.values(columns).some((c) => c === edit.col);
  if (!mapped) return table;
  const index = rowIndexAt(table.rows, edit.row);
  if (index < 0) return null;
  const row = table.rows[index] as TableRow;
  const text = cellText(edit.value);
  let next: TableRow;

  const column = AMOUNT_COLUMNS.find((c) => columns[c] === edit.col);
  if (column) {
    const cell = row.amounts[column];
    if (!cell) return null;
    next = { ...row, amounts: { ...row.amounts, [column]: { ...cell, raw: edit.value, parsed: parseAmount(edit.value) } } };
  } else if (edit.col === columns.goal || edit.col === columns.indicators) {
    if (row.kind !== 'project') return null;
    const goal = edit.col === columns.goal && row.goal ? { ...row.goal, text: text.trim() } : row.goal;
    const indicators = edit.col === columns.indicators && row.indicators ? { ...row.indicators, raw: edit.value, text: text.trim() } : row.indicators;
    if ((goal?.text ?? '') === '' && (indicators?.text ?? '') === '') return null;
    next = { ...row, goal, indicators };
  } else if (edit.col === columns.name) {
    const name = text.trim();
    if (leadingIndent(text) !== row.indent || GRAND_TOTAL.test(name.replace(/\s+/g, '')) || row.kind === 'grand-total' || name === '') return null;
    next = { ...row, name };
  } else {
    return null;
  }
  const rows = table.rows.slice();
  rows[index] = next;
  return { ...table, rows };
}
