import { readFile } from 'fs/promises';
import { inflateRawSync } from 'zlib';
import type { WorkbookGrid } from '../core/grid';
import type { IgnoredSheetRead } from '../workbook/ignored-sheet';
import { sniffSpreadsheet } from '../workbook/input-kind';
import { readSpreadsheet } from '../workbook/open-spreadsheet';
import { readXlsxFast } from '../workbook/xlsx-fast/read';

export type UnreadableReason =
  | { readonly kind: 'missing' }
  | { readonly kind: 'directory' }
  | { readonly kind: 'io'; readonly code: string }
  | { readonly kind: 'empty' }
  | { readonly kind: 'corrupt' }
  | { readonly kind: 'password' }
  | { readonly kind: 'legacy-xls' }
  | { readonly kind: 'not-spreadsheet' };

export type InputRead =
  /** `ignored`: the ignore list the file carries, when it has one. */
  | { readonly ok: true; readonly workbook: WorkbookGrid; readonly ignored?: IgnoredSheetRead }
  | { readonly ok: false; readonly reason: UnreadableReason };

/** Reads a file without ever writing to it: the officer's original must stay exactly as it was. */
export async function readInputFile(filePath: string): Promise<InputRead> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(filePath);
  } catch (error) {
    return { ok: false, reason: ioReason(error) };
  }
  // The check's own reader first (no ExcelJS to load); whatever it leaves, ExcelJS reads as before.
  const fast = sniffSpreadsheet(bytes, filePath) === 'xlsx' ? readXlsxFast(bytes, inflateRawSync, utf8Text) : null;
  if (fast && fast.workbook.sheets.length > 0) return fast.ignored ? { ok: true, workbook: fast.workbook, ignored: fast.ignored } : { ok: true, workbook: fast.workbook };
  const read = await readSpreadsheet(bytes, filePath);
  return read.ok ? read : { ok: false, reason: { kind: read.problem } };
}

const utf8Text = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');

function ioReason(error: unknown): UnreadableReason {
  // Structural check: fs errors need not be instances of this realm's Error (jest runs tests in a vm).
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : 'EIO';
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
  if (code === 'EISDIR') return { kind: 'directory' };
  return { kind: 'io', code };
}

/** One sentence per language, so stderr can say both. */
export function reasonText(reason: UnreadableReason): { zh: string; en: string } {
  switch (reason.kind) {
    case 'missing':
      return { zh: '文件不存在。', en: 'the file does not exist.' };
    case 'directory':
      return { zh: '这是一个文件夹，不是文件。', en: 'it is a folder, not a file.' };
    case 'io':
      return { zh: `无法打开文件（${reason.code}）。`, en: `the file cannot be opened (${reason.code}).` };
    case 'empty':
      return {
        zh: '文件是空的（0 字节），请确认选对了文件，或重新保存、导出后再检查。',
        en: 'the file is empty (0 bytes); check that it is the right file, or save or export it again.',
      };
    case 'corrupt':
      return {
        zh: '文件已损坏或不完整，无法作为 Excel 工作簿打开。',
        en: 'the file is damaged or incomplete and cannot be opened as an Excel workbook.',
      };
    case 'password':
      return {
        zh: '文件受密码保护，请先取消密码后再检查。',
        en: 'the file is password-protected; remove the password and try again.',
      };
    case 'legacy-xls':
      return {
        zh: '这是旧版 Excel 97-2003（.xls）文件，请在 Excel 中另存为 .xlsx 后再检查。',
        en: 'this is an old Excel 97-2003 (.xls) file; save it as .xlsx in Excel and try again.',
      };
    case 'not-spreadsheet':
      return {
        zh: '这不是 Excel 工作簿（.xlsx）或 CSV 文件。',
        en: 'it is not an Excel workbook (.xlsx) or a CSV file.',
      };
  }
}
