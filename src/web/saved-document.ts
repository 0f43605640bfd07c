import { MAX_EXCEL_COLUMNS, MAX_EXCEL_ROWS, type CellRange, type CellValue, type SheetGrid, type WorkbookGrid } from '../core';
import { isQuotaExceeded } from '../ui/stored-data';
import { isRecord, ownField } from '../core/json-shape';

/** The workbook the standalone page keeps in this browser between visits (never sent anywhere). */
export interface SavedDocument {
  readonly name: string;
  readonly grid: WorkbookGrid;
  /**
   * The ignore list as the workbook setting holds it. Kept as text: the port validates it when the
   * pane loads it, and reports and resets a corrupt one as in Excel.
   */
  readonly ignored?: string;
}

export const SAVED_DOCUMENT_KEY = 'jixiao.web.document';
// localStorage holds about 5 MB of UTF-16 text per origin; stay well below it.
export const MAX_SAVED_CHARS = 2_000_000;

export type SavedDocumentLoad =
  | { readonly status: 'none' }
  | { readonly status: 'restored'; readonly document: SavedDocument }
  /** Unreadable (not JSON, wrong shape, too large): it has been removed. */
  | { readonly status: 'reset' }
  | { readonly status: 'unavailable' };

export type SavedDocumentSave = { readonly ok: true } | { readonly ok: false; readonly reason: 'too-large' | 'full' | 'unavailable' };

function isCell(v: unknown): v is CellValue {
  return v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

function isIndex(v: unknown, limit: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < limit;
}

function readSheet(raw: unknown): SheetGrid | null {
  if (!isRecord(raw)) return null;
  const name = ownField(raw, 'name');
  const originRow = ownField(raw, 'originRow');
  const originCol = ownField(raw, 'originCol');
  const values = ownField(raw, 'values');
  if (typeof name !== 'string' || name === '') return null;
  if (!isIndex(originRow, MAX_EXCEL_ROWS) || !isIndex(originCol, MAX_EXCEL_COLUMNS) || !Array.isArray(values)) return null;
  if (originRow + values.length > MAX_EXCEL_ROWS) return null;
  const rows: CellValue[][] = [];
  for (const row of values) {
    if (!Array.isArray(row) || originCol + row.length > MAX_EXCEL_COLUMNS || !row.every(isCell)) return null;
    rows.push(row);
  }
  const merges = readMerges(ownField(raw, 'merges'));
  if (merges === null) return null;
  return merges.length > 0 ? { name, originRow, originCol, values: rows, merges } : { name, originRow, originCol, values: rows };
}

/** Merged areas as the page saved them (absent = none); null when anything is not a valid area. */
function readMerges(raw: unknown): CellRange[] | null {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return null;
  const merges: CellRange[] = [];
  for (const m of raw) {
    if (!isRecord(m)) return null;
    const [row, col, rowCount, colCount] = ['row', 'col', 'rowCount', 'colCount'].map((k) => ownField(m, k));
    if (!isIndex(row, MAX_EXCEL_ROWS) || !isIndex(col, MAX_EXCEL_COLUMNS) || !isIndex(rowCount, MAX_EXCEL_ROWS + 1) || !isIndex(colCount, MAX_EXCEL_COLUMNS + 1)) return null;
    if (rowCount < 1 || colCount < 1 || row + rowCount > MAX_EXCEL_ROWS || col + colCount > MAX_EXCEL_COLUMNS) return null;
    merges.push({ row, col, rowCount, colCount });
  }
  return merges;
}

/** The saved document if it has exactly the shape the page wrote, else null. */
export function readSavedDocument(json: unknown): SavedDocument | null {
  if (!isRecord(json)) return null;
  const name = ownField(json, 'name');
  const grid = ownField(json, 'grid');
  const ignored = ownField(json, 'ignored');
  if (typeof name !== 'string' || !isRecord(grid) || (ignored !== undefined && typeof ignored !== 'string')) return null;
  const rawSheets = ownField(grid, 'sheets');
  if (!Array.isArray(rawSheets)) return null;
  const sheets: SheetGrid[] = [];
  for (const raw of rawSheets) {
    const sheet = readSheet(raw);
    if (!sheet || sheets.some((s) => s.name === sheet.name)) return null;
    sheets.push(sheet);
  }
  return ignored === undefined ? { name, grid: { sheets } } : { name, grid: { sheets }, ignored };
}

/** Reads the saved document; anything unreadable is removed so that the page starts clean. */
export function loadSavedDocument(storage: Storage | null): SavedDocumentLoad {
  if (!storage) return { status: 'none' };
  let text: string | null;
  try {
    text = storage.getItem(SAVED_DOCUMENT_KEY);
  } catch {
    return { status: 'unavailable' };
  }
  if (text === null) return { status: 'none' };
  let document: SavedDocument | null = null;
  if (text.length <= MAX_SAVED_CHARS) {
    try {
      document = readSavedDocument(JSON.parse(text));
    } catch {
      document = null;
    }
  }
  if (document) return { status: 'restored', document };
  try {
    storage.removeItem(SAVED_DOCUMENT_KEY);
  } catch {
    // Reported all the same; the next save replaces it.
  }
  return { status: 'reset' };
}

/**
 * Whether the grid's JSON is surely longer than `limit` characters, counting each cell's characters (JSON only
 * adds to them) and stopping once over: a workbook far too large to keep (20,000 projects) is never serialised.
 */
function surelyLonger(grid: WorkbookGrid, limit: number): boolean {
  let length = 0;
  for (const sheet of grid.sheets) {
    for (const row of sheet.values) {
      // A string's quotes, a number's digits (one at least), null or true; each cell's comma or the row's bracket.
      for (const value of row) length += (typeof value === 'string' ? value.length + 2 : typeof value === 'number' ? 1 : 4) + 1;
      if (length > limit) return true;
    }
  }
  return false;
}

export function saveDocument(storage: Storage, document: SavedDocument): SavedDocumentSave {
  if (surelyLonger(document.grid, MAX_SAVED_CHARS)) return { ok: false, reason: 'too-large' };
  const text = JSON.stringify({ name: document.name, grid: document.grid, ignored: document.ignored });
  if (text.length > MAX_SAVED_CHARS) return { ok: false, reason: 'too-large' };
  try {
    storage.setItem(SAVED_DOCUMENT_KEY, text);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: isQuotaExceeded(error) ? 'full' : 'unavailable' };
  }
}
