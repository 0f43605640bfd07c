import type { WorkbookGrid } from '../core';
import type { IgnoredSheetRead } from '../workbook/ignored-sheet';
import type { ColumnWidths } from '../workbook/xlsx-grid';
import { sniffSpreadsheet } from '../workbook/input-kind';
import { readSpreadsheet } from '../workbook/open-spreadsheet';
import type { WebStrings } from './strings';

export type OpenResult =
  /** `source`: an .xlsx file's bytes, which downloads start from so that none of the user's formatting is lost. */
  /** `ignored`: the ignore list the file carries, when it has one. */
  /** `columnWidths`: the .xlsx file's own, which the grid lays its columns out by. */
  | { readonly ok: true; readonly workbook: WorkbookGrid; readonly source: Uint8Array | null; readonly ignored?: IgnoredSheetRead; readonly columnWidths?: ColumnWidths }
  | { readonly ok: false; readonly message: string };

/** Reads a file the user picked. Everything happens in the browser. */
export async function openSpreadsheet(name: string, bytes: Uint8Array, strings: WebStrings): Promise<OpenResult> {
  const read = await readSpreadsheet(bytes, name);
  if (read.ok) {
    const source = sniffSpreadsheet(bytes, name) === 'xlsx' ? bytes : null;
    return { ok: true, workbook: read.workbook, source, ...(read.ignored ? { ignored: read.ignored } : {}), ...(read.columnWidths ? { columnWidths: read.columnWidths } : {}) };
  }
  const reasons = { empty: strings.unreadable.empty, corrupt: strings.unreadable.corrupt, password: strings.unreadable.encrypted, 'legacy-xls': strings.unreadable.legacy, 'not-spreadsheet': strings.unreadable.unknown };
  return { ok: false, message: strings.readFailed(name, reasons[read.problem]) };
}

/** Offers bytes as a download without any request leaving the page. */
export function downloadBytes(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
