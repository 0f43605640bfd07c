import type { CellValue, Locale } from '../core';
import { isReportGrid, reportHeader, REPORT_SHEET_NAME, type ReportRow } from './port';
import { uniqueSheetName } from './sheet-names';
import { ignoredSectionValues, type IgnoredReportRow } from './ignored-report';
import type { CellStore } from './memory-cells';

/** Writes the report sheet into the memory workbook's store; returns its name. */
export function writeMemoryReport(store: CellStore, rows: readonly ReportRow[], ignored: readonly IgnoredReportRow[], locale: Locale = 'zh-CN'): string {
  const { sheets, sheetGrid } = store;
  const values: CellValue[][] = [
    [...reportHeader(locale)],
    ...rows.map((r) => [r.level, r.sheet, r.cell, r.project, r.title, r.message, r.fix, r.rule]),
    ...(ignored.length > 0 ? [[], ...ignoredSectionValues(ignored, locale)] : []),
  ];
  // Our report sheet (by its header; the one named 校验结果 first) keeps its place; a new one goes last, as
  // Excel adds it, named 校验结果（2）… when the user has a sheet of that name, which is left alone.
  const ours = [...sheets].filter(([name, cells]) => isReportGrid(sheetGrid(name, cells))).map(([name]) => name);
  const name = ours.find((n) => n === REPORT_SHEET_NAME) ?? ours[0] ?? uniqueSheetName(REPORT_SHEET_NAME, new Set(sheets.keys()));
  store.setSheet(name, { name, originRow: 0, originCol: 0, values });
  return name;
}
