import { parseAmount } from './amounts';
import { cellText, type CellValue } from './grid';
import type { PerformanceTable, TableRow } from './table-model';
import { isGrandTotalName, isHeaderCell, isNoteText, leadingIndent, METADATA_REACH } from './table-reader';

// The title or 部门名称 / 单位 line of a table below (wider than the reader's marks: a miss only costs a full check).
const METADATA_MARK = /绩效目标表|部门名称|单位名称|预算部门|主管部门|单位\s*[:：]/;

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
  // Only the one-cell layout is re-checked cell by cell; in the others an edit may move an indicator between projects.
  if (table.layout !== 'one-cell') return null;
  // Above the data the header or metadata may change; below it the table may grow.
  if (edit.row < table.firstDataRow || edit.row > table.lastRow) return null;
  const { columns } = table;
  const mapped = Object.values(columns).some((c) => c === edit.col);
  if (!mapped) return table;
  const index = rowIndexAt(table.rows, edit.row);
  if (index < 0) return null;
  const row = table.rows[index] as TableRow;
  const text = cellText(edit.value);
  // A row that starts with a note (注：…) ends the table; a header starts another.
  if (isNoteText(text) || isHeaderCell(edit.value)) return null;
  // Emptied, a row may vanish or start with a note further right, unless a cell before it stays filled.
  if (text.trim() === '' && !filledBefore(row, columns, edit.col)) return null;
  const nearEnd = edit.row > table.lastRow - METADATA_REACH;
  if (nearEnd && METADATA_MARK.test(text)) return null;
  let next: TableRow;

  const amountIndex = row.amounts.findIndex((c) => c.location.col === edit.col);
  const cell = row.amounts[amountIndex];
  if (cell) {
    const amounts = row.amounts.slice();
    // An edited cell holds what was typed: no formula any more.
    amounts[amountIndex] = { column: cell.column, location: cell.location, raw: edit.value, parsed: parseAmount(edit.value) };
    next = { ...row, amounts };
  } else if (edit.col === columns.goal || edit.col === columns.indicators) {
    if (row.kind !== 'project') return null;
    const goal = edit.col === columns.goal && row.goal ? { ...row.goal, text: text.trim() } : row.goal;
    const indicators = edit.col === columns.indicators && row.indicators ? { ...row.indicators, raw: edit.value, text: text.trim() } : row.indicators;
    // Whether a row has texts decides whether the row above it is a unit.
    if ((goal?.text ?? '') === '' && (indicators?.text ?? '') === '') return null;
    if ((row.goal?.text ?? '') === '' && (row.indicators?.text ?? '') === '') return null;
    next = { ...row, goal, indicators };
  } else if (edit.col === columns.name) {
    const name = text.trim();
    // A nameless row takes the level of the row above it: naming it (or emptying a name) may move it.
    if (leadingIndent(text) !== row.indent || isGrandTotalName(name) || row.kind === 'grand-total' || name === '' || row.name === '') return null;
    next = { ...row, name };
  } else {
    return null;
  }
  // Without an amount or a text, a row just above another table's header is read as that table's title.
  if (nearEnd && !next.amounts.some((c) => c.parsed.kind === 'number') && !next.goal?.text && !next.indicators?.text) return null;
  const rows = table.rows.slice();
  rows[index] = next;
  return { ...table, rows };
}

/** Whether a cell of the row left of `col` holds something (the 序号 column is not kept, so it does not count). */
function filledBefore(row: TableRow, columns: PerformanceTable['columns'], col: number): boolean {
  const filled = (c: number | undefined, value: string) => c !== undefined && c < col && value.trim() !== '';
  if (filled(columns.name, row.name) || filled(columns.goal, row.goal?.text ?? '') || filled(columns.indicators, row.indicators?.text ?? '')) return true;
  return row.amounts.some((c) => filled(c.location.col, cellText(c.raw)));
}
