import type { Finding, Locale } from '../core';
import { REPORT_TEXTS } from '../core/locales/report-texts';
import { reportHeader, reportRowOf, type IgnoredFinding, type ReportRow } from './port';

/** A line of the 校验结果 sheet's section of ignored findings: the finding, and who ignored it, why and when. */
export interface IgnoredReportRow extends ReportRow {
  readonly reason: string;
  readonly by: string;
  readonly at: string;
}

/** The section's title, above its own header (the findings above it are the ones still to fix). */
export const IGNORED_REPORT_TITLE = REPORT_TEXTS['zh-CN'].ignoredTitle;

/** The section's columns in `locale`: the report's first six, then the ignore's reason, who and when, then the rule's code. */
export function ignoredReportHeader(locale: Locale): readonly string[] {
  const { reason, by, at } = REPORT_TEXTS[locale].ignoredColumns;
  const header = reportHeader(locale);
  return [...header.slice(0, 6), reason, by, at, REPORT_TEXTS[locale].columns.ruleCode];
}

export const IGNORED_REPORT_HEADER: readonly string[] = ignoredReportHeader('zh-CN');

/** The section's rows as cell values, from A; the 单元格 column (index 2) is left for a link to the cell. */
export function ignoredSectionValues(rows: readonly IgnoredReportRow[], locale: Locale = 'zh-CN'): (string | null)[][] {
  return [
    [REPORT_TEXTS[locale].ignoredTitle],
    [...ignoredReportHeader(locale)],
    ...rows.map((r) => [r.level, r.sheet, r.cell, r.project, r.title, r.message, r.reason, r.by, r.at, r.rule]),
  ];
}

/** The findings the list names, in the order given (the report's), each with its entry. */
export function ignoredReportRows(findings: readonly Finding[], ignored: readonly IgnoredFinding[], locale: Locale): IgnoredReportRow[] {
  const byKey = new Map(ignored.map((entry) => [entry.key, entry]));
  return findings.flatMap((finding) => {
    const entry = byKey.get(finding.key);
    return entry ? [{ ...reportRowOf(finding, locale), reason: entry.reason, by: entry.by, at: entry.at }] : [];
  });
}
