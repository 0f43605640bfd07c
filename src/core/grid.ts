/** A cell as every adapter (the Office add-in, ExcelJS, CSV, in-memory) hands it to the core. */
export type CellValue = string | number | boolean | null;

/** A rectangle of cells by absolute 0-based position: a merged area, a block of rows. */
export interface CellRange {
  readonly row: number;
  readonly col: number;
  readonly rowCount: number;
  readonly colCount: number;
}

/**
 * One worksheet as a 2-D array of values. `values[0][0]` sits at (originRow, originCol),
 * both 0-based, so a used range that starts at C5 keeps its real addresses.
 */
export interface SheetGrid {
  readonly name: string;
  readonly originRow: number;
  readonly originCol: number;
  readonly values: readonly (readonly CellValue[])[];
  /**
   * The merged areas, where the host can tell (a merged area's value sits in its top-left cell, the rest
   * read empty). Absent when unknown: readers never need them, writers that extend a project use them.
   */
  readonly merges?: readonly CellRange[];
  /**
   * The cells that hold a formula, by A1 address ("B9" → "=SUM(B6:B8)"); `values` hold their results.
   * Absent when unknown. Writers and fixes use it so that a formula is never replaced without saying so.
   */
  readonly formulas?: ReadonlyMap<string, string>;
  /**
   * Formula cells (A1) whose value may be out of date: they depend on a cell written since, and the host could not
   * recalculate them (the page evaluates simple formulas only). Excel recalculates them when it opens the file.
   */
  readonly staleFormulas?: ReadonlySet<string>;
}

/** "A5:A12" (or "A5" for one cell) of a range. */
export function rangeAddress(range: CellRange): string {
  const first = toA1(range.row, range.col);
  return range.rowCount === 1 && range.colCount === 1 ? first : `${first}:${toA1(range.row + range.rowCount - 1, range.col + range.colCount - 1)}`;
}

/** "A5:A12" or "A5" (with or without $) → the range; null for anything else. */
export function parseRange(address: string): CellRange | null {
  const [from, to = from] = address.split(':');
  const a = from === undefined ? null : parseA1(from);
  if (to === undefined) return null;
  const b = parseA1(to);
  if (!a || !b) return null;
  const row = Math.min(a.row, b.row);
  const col = Math.min(a.col, b.col);
  return { row, col, rowCount: Math.abs(b.row - a.row) + 1, colCount: Math.abs(b.col - a.col) + 1 };
}

export interface WorkbookGrid {
  readonly sheets: readonly SheetGrid[];
}

/** A cell location in findings: sheet name + A1 address without the sheet. */
export interface CellLocation {
  readonly sheet: string;
  readonly cell: string;
  /** 0-based absolute row and column, for adapters that address by index. */
  readonly row: number;
  readonly col: number;
}

const A1_PATTERN = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/;
export const MAX_EXCEL_ROWS = 1_048_576;
export const MAX_EXCEL_COLUMNS = 16_384;

const LETTERS_CACHE: string[] = [];

/** 0-based column index → letters (0 → A, 25 → Z, 26 → AA). */
export function columnLetters(col: number): string {
  if (col < 702) return (LETTERS_CACHE[col] ??= lettersOf(col));
  return lettersOf(col);
}

function lettersOf(col: number): string {
  let n = col + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Letters → 0-based column index, or -1 when they are not column letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based (row, col) → "B7". */
export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "B7" or "$B$7" → 0-based (row, col); null for anything else or outside Excel's grid. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = A1_PATTERN.exec(address.trim());
  if (!m) return null;
  const col = columnIndex(m[1] as string);
  const row = Number(m[2]) - 1;
  if (col < 0 || col >= MAX_EXCEL_COLUMNS || row >= MAX_EXCEL_ROWS) return null;
  return { row, col };
}

export function locate(sheet: string, row: number, col: number): CellLocation {
  return { sheet, cell: toA1(row, col), row, col };
}

/** Value at an absolute 0-based position, null outside the grid. */
export function cellAt(sheet: SheetGrid, row: number, col: number): CellValue {
  return sheet.values[row - sheet.originRow]?.[col - sheet.originCol] ?? null;
}

/** The text of a cell as a user would read it ("" for empty). */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  return String(value);
}
