/** The columns of the 校验结果 report sheet, in the order they stand from A. */
export const REPORT_COLUMNS = ['severity', 'sheet', 'cell', 'project', 'rule', 'message', 'fix', 'ruleCode'] as const;
/** The columns every report has carried (reports written before 规则代码 stop here): how a report sheet is recognised. */
export const REPORT_SIGNATURE_COLUMNS = REPORT_COLUMNS.slice(0, 7);
export type ReportColumn = (typeof REPORT_COLUMNS)[number];

/** The 校验结果 sheet's texts. Its header row from A1 is also how every reader recognises the sheet, in any language. */
export interface ReportStrings {
  readonly columns: { readonly [C in ReportColumn]: string };
  /** The section of ignored findings: its title, and its columns after the report's first six (then the rule's code). */
  readonly ignoredTitle: string;
  readonly ignoredColumns: { readonly reason: string; readonly by: string; readonly at: string };
}
