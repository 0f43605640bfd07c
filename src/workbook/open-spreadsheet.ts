import type { WorkbookGrid } from '../core';
import { readCsvGrid } from './csv-grid';
import type { IgnoredSheetRead } from './ignored-sheet';
import type { ColumnWidths } from './xlsx-grid';
import { sniffSpreadsheet } from './input-kind';

export type SpreadsheetProblem = 'empty' | 'corrupt' | 'password' | 'legacy-xls' | 'not-spreadsheet';

export type SpreadsheetRead =
  /** `ignored`: the ignore list an .xlsx file carries (absent when it has none); `columnWidths`: an .xlsx file's (absent for CSV). */
  | { readonly ok: true; readonly workbook: WorkbookGrid; readonly ignored?: IgnoredSheetRead; readonly columnWidths?: ColumnWidths }
  | { readonly ok: false; readonly problem: SpreadsheetProblem };

const BOMS = [[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]];

/**
 * Bytes of an .xlsx or .csv file → grids, for the CLI and the standalone page alike. ExcelJS is
 * imported only when an .xlsx needs it, so the page loads it on demand. Never throws.
 */
export async function readSpreadsheet(bytes: Uint8Array, fileName: string): Promise<SpreadsheetRead> {
  // A 0-byte file (or a CSV that is only a byte order mark): a failed download or export, not a table.
  if (bytes.length === 0 || BOMS.some((bom) => bom.length === bytes.length && bom.every((b, i) => bytes[i] === b))) {
    return { ok: false, problem: 'empty' };
  }
  switch (sniffSpreadsheet(bytes, fileName)) {
    case 'xlsx':
      try {
        const { readXlsxFile } = await import(/* webpackChunkName: "xlsx" */ './xlsx-grid');
        const { workbook, ignored, columnWidths } = await readXlsxFile(bytes);
        // A zip without a workbook part (a .docx, a plain archive renamed .xlsx) loads as no sheets at all.
        if (workbook.sheets.length === 0) return { ok: false, problem: 'not-spreadsheet' };
        return { ok: true, workbook, ...(ignored ? { ignored } : {}), columnWidths };
      } catch {
        return { ok: false, problem: 'corrupt' };
      }
    case 'csv':
      // The sheet is named after the file, without folder or extension.
      return { ok: true, workbook: readCsvGrid(bytes, fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '')) };
    case 'encrypted-ooxml':
      return { ok: false, problem: 'password' };
    case 'legacy-xls':
      return { ok: false, problem: 'legacy-xls' };
    case 'unknown':
      return { ok: false, problem: 'not-spreadsheet' };
  }
}
