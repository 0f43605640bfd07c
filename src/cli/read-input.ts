import { readFile } from 'fs/promises';
import { inflateRawSync } from 'zlib';
import { unreadableText, type UnreadableReason, type WorkbookGrid } from '../core/index';
import { CLI_TEXTS } from '../core/locales/cli-texts';
import type { IgnoredSheetRead } from '../workbook/ignored-sheet';
import { sniffSpreadsheet } from '../workbook/input-kind';
import { readSpreadsheet } from '../workbook/open-spreadsheet';
import { readXlsxFast } from '../workbook/xlsx-fast/read';

export type { UnreadableReason } from '../core/index';

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
/** Why a file could not be read, in both languages (stderr says both). */
export function reasonText(reason: UnreadableReason): { zh: string; en: string } {
  return { zh: unreadableText(reason, CLI_TEXTS['zh-CN']), en: unreadableText(reason, CLI_TEXTS['en-US']) };
}
