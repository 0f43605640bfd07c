import type { WorkbookGrid } from '../core';
import { readCsvGrid } from './csv-grid';
import { sniffSpreadsheet } from './input-kind';

export type SpreadsheetProblem = 'corrupt' | 'password' | 'legacy-xls' | 'not-spreadsheet';

export type SpreadsheetRead = { readonly ok: true; readonly workbook: WorkbookGrid } | { readonly ok: false; readonly problem: SpreadsheetProblem };

/**
 * Bytes of an .xlsx or .csv file → grids, for the CLI and the standalone page alike. ExcelJS is
 * imported only when an .xlsx needs it, so the page loads it on demand.
 */
export async function readSpreadsheet(bytes: Uint8Array, fileName: string): Promise<SpreadsheetRead> {
  switch (sniffSpreadsheet(bytes, fileName)) {
    case 'xlsx':
      try {
        const { readXlsxGrid } = await import(/* webpackChunkName: "xlsx" */ './xlsx-grid');
        return { ok: true, workbook: await readXlsxGrid(bytes) };
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
