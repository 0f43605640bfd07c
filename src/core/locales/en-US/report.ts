import type { ReportStrings } from '../report-strings';

export const report: ReportStrings = {
  columns: { severity: 'Severity', sheet: 'Sheet', cell: 'Cell', project: 'Project', rule: 'Rule', message: 'Problem', fix: 'Suggested fix', ruleCode: 'Rule code' },
  ignoredTitle: 'Ignored findings (not counted as errors)',
  ignoredColumns: { reason: 'Reason ignored', by: 'Ignored by', at: 'Ignored at' },
};
