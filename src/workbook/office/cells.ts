import { type CellRange, type CellValue, parseA1, parseRange, toA1 } from '../../core';

/** Excel on the web rejects requests and responses over 5 MB; stay well under. */
export const MAX_PAYLOAD_BYTES = 4_000_000;
/** First guess of a cell's share of a response; long indicator texts can exceed it, then chunks halve. */
export const ESTIMATED_BYTES_PER_CELL = 200;
/** Excel refuses to read more cells than this from one range (RangeExceedsLimit): each chunk stays under it. */
export const MAX_CELLS = 5_000_000;
/** Our marks' rule: always true, and recognisable among the user's own conditional formats. */
export const MARK_FORMULA = '=N("jixiao")=0';
export const IGNORED_SETTING = 'jixiao.ignored';
/**
 * Request bytes one mark costs (add + rule + two colours: eight object paths and eleven actions), measured
 * with Office.js's own request builder at ~1,560 for a short address, plus headroom for long addresses and
 * sheet names (test/workbook/office-request-sizes.test.ts).
 */
export const BYTES_PER_MARK = 2_000;
/** Rows per getMergedAreas call when a whole sheet holds more merged areas than Excel hands over at once (512). */
export const MERGE_BAND_ROWS = 128;
/** Rows per getMergedAreas call when a rewrite checks the merged areas it moves. */
export const GUARD_BAND_ROWS = 64;
/** Calls per request when reading merged areas band by band; above it the areas stay unknown. */
export const MAX_MERGE_BANDS = 4_000;
/** How long a write of the add-in waits for its change event on hosts that do not name the event's source (before ExcelApi 1.14). */
export const OWN_CHANGE_WINDOW_MS = 10_000;


export function toCellValue(value: unknown): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/**
 * The formula a cell holds, from its `formulas` and `values`: `formulas` repeats a constant, and reads a text typed
 * with a quote prefix ('=abc) without the apostrophe (office-js #6687), so a "formula" equal to the value is text.
 */
export function formulaOf(formula: unknown, value: CellValue): string | null {
  return typeof formula === 'string' && formula.startsWith('=') && formula !== value ? formula : null;
}

export const utf8Length = (text: string) => new TextEncoder().encode(text).length;


/** "'My Sheet'!B7:C9" → sheet "My Sheet", top-left row/col. */
export function splitAddress(address: string): { sheet: string; row: number; col: number } | null {
  const bang = address.lastIndexOf('!');
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const topLeft = parseA1(address.slice(bang + 1).split(':')[0] ?? '');
  return bang < 0 || !topLeft ? null : { sheet, ...topLeft };
}

export function rangeAddress(row: number, col: number, rowCount: number, columnCount: number): string {
  return `${toA1(row, col)}:${toA1(row + rowCount - 1, col + columnCount - 1)}`;
}

/** "5:7": whole sheet rows, 0-based `row`. */
export function rowsAddress(row: number, count: number): string {
  return `${row + 1}:${row + count}`;
}

/**
 * A RangeAreas address as a list of ranges: "'表 1'!A5:A12,'表 1'!B5:B12" or "表1!A5:A12, B5:B12" (a sheet name
 * may hold commas inside its quotes). Parts that are not A1 ranges are dropped.
 */
export function parseAreasAddress(address: string): CellRange[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    if (address[i] === "'") quoted = !quoted;
    else if (address[i] === ',' && !quoted) {
      parts.push(address.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(address.slice(start));
  return parts.flatMap((part) => {
    const range = parseRange(part.slice(part.lastIndexOf('!') + 1).trim());
    return range ? [range] : [];
  });
}

export function linkFormula(sheet: string, cell: string): string {
  const target = `#'${sheet.replace(/'/g, "''")}'!${cell}`;
  return `=HYPERLINK("${target.replace(/"/g, '""')}","${cell}")`;
}
