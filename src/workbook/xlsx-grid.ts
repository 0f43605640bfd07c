import ExcelJS from 'exceljs';
import { parseRange, type CellRange, type CellValue, type SheetGrid, type WorkbookGrid } from '../core/grid';
import { IGNORED_SHEET_NAME, readIgnoredSheet, type IgnoredSheetRead } from './ignored-sheet';
import { gridOfPlaced, isoDateText, placedValues } from './placed-grid';

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
  // Only the columns the file defines (<cols>): `columnCount` walks every row on each read and getColumn creates columns.
  const defined = (worksheet.columns as ExcelJS.Column[] | null) ?? [];
  const widths: (number | null)[] = [];
  for (const column of defined) {
    const index = column.number - 1;
    while (widths.length < index) widths.push(null);
    widths[index] = typeof column.width === 'number' && column.width > 0 ? (column.hidden ? 0 : column.width) : null;
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
  const placed = placedValues();
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      // Office.js reports a merged area's value on its master cell only; do the same.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const formula = formulaOf(cell);
      if (formula) formulas.set(cell.address, formula);
      const value = plainValue(cell.value);
      if (value !== null) placed.add(Number(cell.row) - 1, Number(cell.col) - 1, value);
    });
  });
  return gridOfPlaced(worksheet.name, placed);
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
