import type { Finding, Locale } from '../core';
import { ignoredReportRows, type IgnoredReportRow } from '../workbook/ignored-report';
import { reportOrder, type IgnoredFinding } from '../workbook/port';

/** The ignored findings as rows of the 校验结果 sheet's own section, in the report's order, in its language. */
export function ignoredRows(findings: readonly Finding[], ignored: readonly IgnoredFinding[], sheetOrder: readonly string[], locale: Locale): IgnoredReportRow[] {
  return ignoredReportRows(reportOrder(findings, sheetOrder), ignored, locale);
}
