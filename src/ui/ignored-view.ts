import type { Finding, Locale } from '../core';
import { ignoredReportRows, type IgnoredReportRow } from '../workbook/ignored-report';
import type { IgnoredFinding } from '../workbook/port';
import { findingMessage, groupFindings } from './finding-view';

/** The ignored findings as rows of the 校验结果 sheet's own section, in the report's order, messages in its language. */
export function ignoredRows(findings: readonly Finding[], ignored: readonly IgnoredFinding[], sheetOrder: readonly string[], locale: Locale): IgnoredReportRow[] {
  const ordered = groupFindings(findings, sheetOrder).flatMap((sheet) => sheet.projects.flatMap((group) => group.findings));
  return ignoredReportRows(ordered, ignored, (f) => findingMessage(f, locale));
}
