import { readFile } from 'fs/promises';
import { CATALOGS, formatFinding, type CheckReport, type Locale, type WorkbookGrid } from '../core/index';
import { ignoredReportRows } from '../workbook/ignored-report';
import { sniffSpreadsheet } from '../workbook/input-kind';
import { marksOf, reportRowOf } from '../workbook/port';
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
  const rows = report.findings.map((f) => reportRowOf(f, formatFinding(f, locale)));
  // The values that were checked, over the file's formatting, so each mark sits on what it is about.
  const ignoredReport = ignoredReportRows(ignored.map((hit) => hit.finding), ignored.map((hit) => hit.entry), (f) => formatFinding(f, locale));
  const copy = await writeXlsxGrid(grid, { base: bytes, marks: marksOf(report.findings), report: rows, ignoredReport, severityLabels: CATALOGS[locale].severity, locale });
  await writeFileAtomically(target, (handle) => handle.writeFile(copy), overwrite);
  return { ok: true };
}
