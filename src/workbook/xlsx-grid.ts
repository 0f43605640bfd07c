import ExcelJS from 'exceljs';
import { parseRange, type CellRange, type CellValue, type SheetGrid, type WorkbookGrid } from '../core/grid';
import { IGNORED_SHEET_NAME, readIgnoredSheet, type IgnoredSheetRead } from './ignored-sheet';

/**
 * Reads every worksheet of an .xlsx file into grids. No Node I/O here: the web page uses it too.
 * Throws whatever ExcelJS throws for a file it cannot open; callers sniff the bytes first.
 */
export async function readXlsxGrid(data: Uint8Array | ArrayBuffer): Promise<WorkbookGrid> {
  return (await readXlsxFile(data)).workbook;
}

export interface XlsxFile {
  /** Every worksheet but the ignore list's. */
  readonly workbook: WorkbookGrid;
  /** The ignore list the file carries (its hidden sheet); null when it has none. */
  readonly ignored: IgnoredSheetRead | null;
  /** Each sheet's column widths as the file sets them, in Excel's units (characters); null where the file sets none. */
  readonly columnWidths: ColumnWidths;
}

/** Sheet name → its columns' widths in characters (index 0 is column A), null for a column at the default width. */
export type ColumnWidths = ReadonlyMap<string, readonly (number | null)[]>;

/** The widths the worksheet's <cols> set; a shown grid lays its columns out by them. */
export function columnWidthsOf(worksheet: ExcelJS.Worksheet): (number | null)[] {
  const widths: (number | null)[] = [];
  for (let c = 1; c <= worksheet.columnCount; c++) {
    const column = worksheet.getColumn(c);
    widths.push(typeof column.width === 'number' && column.width > 0 ? (column.hidden ? 0 : column.width) : null);
  }
  return widths;
}

/** The file's sheets and the ignore list it carries, from one load. Throws as readXlsxGrid. */
export async function readXlsxFile(data: Uint8Array | ArrayBuffer): Promise<XlsxFile> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(toArrayBuffer(data));
  const list = workbook.worksheets.find((ws) => ws.name === IGNORED_SHEET_NAME);
  const shown = workbook.worksheets.filter((ws) => ws !== list);
  const columnWidths = new Map(shown.map((ws) => [ws.name, columnWidthsOf(ws)] as const));
  return { workbook: { sheets: shown.map(sheetGrid) }, ignored: list ? readIgnoredSheet(ignoredSheetValues(list)) : null, columnWidths };
}

/** The list sheet's values from A1 (A1, B1, then column A), whatever its used range. */
export function ignoredSheetValues(worksheet: ExcelJS.Worksheet): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let r = 1; r <= worksheet.rowCount; r++) {
    const row = worksheet.getRow(r);
    rows.push([plainValue(row.getCell(1).value), plainValue(row.getCell(2).value)]);
  }
  return rows;
}

/** ExcelJS loads an ArrayBuffer; a Uint8Array may be a view into a larger Node buffer, so it is copied. */
export function toArrayBuffer(data: Uint8Array | ArrayBuffer): ArrayBuffer {
  if (data instanceof ArrayBuffer) return data;
  const copy = new Uint8Array(data.byteLength);
  copy.set(data);
  return copy.buffer;
}

// A stray value far away (XFD1048576) must not make a grid of billions of cells: past this many
// cells rows are only as long as their last value, and blank rows share one empty row.
const MAX_DENSE_CELLS = 4_000_000;
const EMPTY_ROW: readonly CellValue[] = Object.freeze([]);

interface PlacedValue {
  readonly row: number;
  readonly col: number;
  readonly value: Exclude<CellValue, null>;
}

/** ExcelJS keeps a sheet's merged areas here, by master cell; its typings leave the property out. */
interface WithMerges {
  readonly _merges?: Readonly<Record<string, { readonly range: string } | undefined>>;
}

/** The worksheet's merged areas, read without building its whole model (which copies every row). */
export function mergesOf(worksheet: ExcelJS.Worksheet): CellRange[] {
  const merges = (worksheet as unknown as WithMerges)._merges ?? {};
  return Object.values(merges).flatMap((m) => {
    const range = m ? parseRange(m.range) : null;
    return range ? [range] : [];
  });
}

/** A loaded worksheet's values (and merged areas) as a grid. */
export function sheetGrid(worksheet: ExcelJS.Worksheet): SheetGrid {
  const merges = mergesOf(worksheet);
  const formulas = new Map<string, string>();
  const grid = valuesGrid(worksheet, formulas);
  return { ...grid, ...(merges.length > 0 ? { merges } : {}), ...(formulas.size > 0 ? { formulas } : {}) };
}

/** A cell's formula ("=SUM(B6:B7)"; ExcelJS keeps it without "=", shared formulas translated to the cell), or null. */
function formulaOf(cell: ExcelJS.Cell): string | null {
  const value = cell.value;
  if (typeof value !== 'object' || value === null || !('formula' in value || 'sharedFormula' in value)) return null;
  const formula = cell.formula;
  return typeof formula === 'string' && formula !== '' ? `=${formula}` : null;
}

function valuesGrid(worksheet: ExcelJS.Worksheet, formulas: Map<string, string>): SheetGrid {
  const placed: PlacedValue[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      // Office.js reports a merged area's value on its master cell only; do the same.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const formula = formulaOf(cell);
      if (formula) formulas.set(cell.address, formula);
      const value = plainValue(cell.value);
      if (value !== null) placed.push({ row: Number(cell.row) - 1, col: Number(cell.col) - 1, value });
    });
  });
  const name = worksheet.name;
  if (placed.length === 0) return { name, originRow: 0, originCol: 0, values: [] };

  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const p of placed) {
    top = Math.min(top, p.row);
    left = Math.min(left, p.col);
    bottom = Math.max(bottom, p.row);
    right = Math.max(right, p.col);
  }
  const height = bottom - top + 1;
  const width = right - left + 1;
  if (height * width <= MAX_DENSE_CELLS) {
    const values = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
    for (const p of placed) {
      const rowValues = values[p.row - top];
      if (rowValues) rowValues[p.col - left] = p.value;
    }
    return { name, originRow: top, originCol: left, values };
  }
  const rows = new Map<number, CellValue[]>();
  for (const p of placed) {
    let rowValues = rows.get(p.row - top);
    if (!rowValues) rows.set(p.row - top, (rowValues = []));
    while (rowValues.length < p.col - left) rowValues.push(null);
    rowValues[p.col - left] = p.value;
  }
  const values = Array.from({ length: height }, (_, r) => rows.get(r) ?? EMPTY_ROW);
  return { name, originRow: top, originCol: left, values };
}

type ExcelValue = ExcelJS.CellValue | ExcelJS.CellFormulaValue['result'];

/** ExcelJS's value shapes → the plain values every adapter hands to the core. */
function plainValue(value: ExcelValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return isoDateText(value);
  if ('richText' in value) return plainValue(value.richText.map((run) => run.text).join(''));
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return plainValue(value.result);
  // Hyperlink text may itself be rich text, so resolve it the same way.
  if ('hyperlink' in value) return plainValue(value.text as ExcelValue);
  return null;
}

/** ExcelJS builds dates in UTC from the serial number; Excel dates have no time zone. */
function isoDateText(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}
