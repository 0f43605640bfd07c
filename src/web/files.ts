import type { WorkbookGrid } from '../core';
import { readCsvGrid } from '../workbook/csv-grid';
import { sniffSpreadsheet } from '../workbook/input-kind';
import type { WebStrings } from './strings';

export type OpenResult = { readonly ok: true; readonly workbook: WorkbookGrid } | { readonly ok: false; readonly message: string };

/** Reads a file the user picked. Everything happens in the browser; ExcelJS loads only when an .xlsx needs it. */
export async function openSpreadsheet(name: string, bytes: Uint8Array, strings: WebStrings): Promise<OpenResult> {
  const kind = sniffSpreadsheet(bytes, name);
  const fail = (reason: string): OpenResult => ({ ok: false, message: strings.readFailed(name, reason) });
  switch (kind) {
    case 'csv':
      return { ok: true, workbook: readCsvGrid(bytes, name.replace(/\.csv$/i, '')) };
    case 'xlsx':
      try {
        const { readXlsxGrid } = await import(/* webpackChunkName: "xlsx" */ '../workbook/xlsx-grid');
        return { ok: true, workbook: await readXlsxGrid(bytes) };
      } catch {
        return fail(strings.unreadable.corrupt);
      }
    case 'encrypted-ooxml':
      return fail(strings.unreadable.encrypted);
    case 'legacy-xls':
      return fail(strings.unreadable.legacy);
    case 'unknown':
      return fail(strings.unreadable.unknown);
  }
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
