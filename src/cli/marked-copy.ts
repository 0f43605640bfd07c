import { readFile } from 'fs/promises';
import { type CheckReport, type Locale, type WorkbookGrid } from '../core/index';
import { ignoredReportRows } from '../workbook/ignored-report';
import { sniffSpreadsheet } from '../workbook/input-kind';
import { marksOf, reportOrder, reportRowOf } from '../workbook/port';
import { writeXlsxGrid } from '../workbook/xlsx-writer';
import type { IgnoredHit } from './ignored';
import { writeFileAtomically } from './output-file';

export type MarkedCopyResult = { readonly ok: true } | { readonly ok: false; readonly reason: 'not-xlsx' };

/**
 * Writes a copy of the input .xlsx with a mark on each finding's cell and a 校验结果 sheet. It starts
 * from the input's own bytes, so everything else in it stays; the input itself is only read.
 */
export async function writeMarkedCopy(input: string, grid: WorkbookGrid, report: CheckReport, locale: Locale, target: string, overwrite: boolean, ignored: readonly IgnoredHit[] = []): Promise<MarkedCopyResult> {
  const bytes = await readFile(input);
  if (sniffSpreadsheet(bytes, input) !== 'xlsx') return { ok: false, reason: 'not-xlsx' };
  const sheetOrder = grid.sheets.map((sheet) => sheet.name);
  const rows = reportOrder(report.findings, sheetOrder).map((f) => reportRowOf(f, locale));
  const ignoredReport = ignoredReportRows(reportOrder(ignored.map((hit) => hit.finding), sheetOrder), ignored.map((hit) => hit.entry), locale);
  // The values that were checked, over the file's formatting, so each mark sits on what it is about.
  const copy = await writeXlsxGrid(grid, { base: bytes, marks: marksOf(report.findings), report: rows, ignoredReport, locale });
  await writeFileAtomically(target, (handle) => handle.writeFile(copy), overwrite);
  return { ok: true };
}
