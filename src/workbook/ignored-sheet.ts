import type { CellValue } from '../core';
import { IGNORED_LIMITS } from './port';

/**
 * The ignore list as it travels inside the .xlsx file: a very hidden sheet that the pane (Office.js), the page and
 * the CLI (ExcelJS) can all read. Workbook settings live in the add-in's web-extension part, which ExcelJS neither
 * reads nor keeps, and custom document properties hold at most 255 characters outside Excel on the web.
 *
 * Layout: A1 the marker, B1 the format version, A2, A3 … the list's JSON text (the setting's own text, so it is
 * validated by `parseIgnoredSetting` exactly like the setting) in pieces that fit Excel's 32,767 characters per cell.
 */
export const IGNORED_SHEET_NAME = 'jixiao.ignored';
export const IGNORED_SHEET_MARKER = 'jixiao.ignored';
export const IGNORED_SHEET_VERSION = 1;
/** Characters per cell: under Excel's 32,767. */
export const IGNORED_CHUNK_CHARS = 30_000;

/** Setting text that holds no entry: the file then needs no list sheet. */
export function isEmptyIgnoredSetting(setting: string): boolean {
  return setting === '' || setting === '[]';
}

/** Why a stored list cannot be read; `newer` when a newer version wrote it: kept as it is, never replaced by what this version makes of it. */
export interface IgnoredReadProblem {
  readonly detail: string;
  readonly newer?: true;
}

export type IgnoredSheetRead = { readonly ok: true; readonly setting: string } | ({ readonly ok: false } & IgnoredReadProblem);

/** The sheet's cells (first column the text pieces), row by row from A1, for the list's setting text. */
export function ignoredSheetRows(setting: string): (string | number)[][] {
  const rows: (string | number)[][] = [[IGNORED_SHEET_MARKER, IGNORED_SHEET_VERSION]];
  for (let start = 0; start < setting.length; ) {
    let end = Math.min(start + IGNORED_CHUNK_CHARS, setting.length);
    // Never split a surrogate pair (half of one is not valid in the file's XML), and never start a piece with "'":
    // Excel takes a leading apostrophe for its text prefix and drops it, even in a text-formatted cell.
    while (end < setting.length && end > start + 2 && (isHighSurrogate(setting.charCodeAt(end - 1)) || setting[end] === "'")) end--;
    rows.push([setting.slice(start, end)]);
    start = end;
  }
  return rows;
}

/** Rows the sheet can need for a list within IGNORED_LIMITS.settingChars: the pane writes (and clears) this many. */
export const IGNORED_SHEET_ROWS = 1 + Math.ceil(IGNORED_LIMITS.settingChars / (IGNORED_CHUNK_CHARS - 100));

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * The setting text the sheet holds (values from A1, as any adapter reads them), or why it cannot be read: a sheet
 * that is not ours or a newer format is reported, never half read (a partly read list would un-ignore findings).
 */
export function readIgnoredSheet(values: readonly (readonly CellValue[])[]): IgnoredSheetRead {
  const [head, ...pieces] = values;
  if (head?.[0] !== IGNORED_SHEET_MARKER) return { ok: false, detail: `sheet ${IGNORED_SHEET_NAME}: A1 is not ${IGNORED_SHEET_MARKER}` };
  const version = head[1];
  if (version !== IGNORED_SHEET_VERSION) {
    const detail = `sheet ${IGNORED_SHEET_NAME}: format version ${String(version)} (this version reads ${IGNORED_SHEET_VERSION})`;
    return typeof version === 'number' && version > IGNORED_SHEET_VERSION ? { ok: false, detail, newer: true } : { ok: false, detail };
  }
  let setting = '';
  for (const [index, row] of pieces.entries()) {
    const piece = row[0] ?? null;
    if (piece === null || piece === '') break;
    if (typeof piece !== 'string') return { ok: false, detail: `sheet ${IGNORED_SHEET_NAME}: A${index + 2} is not text` };
    setting += piece;
  }
  return { ok: true, setting };
}
