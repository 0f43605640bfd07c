import type { ReportStrings } from '../report-strings';

export const report: ReportStrings = {
  columns: { severity: '级别', sheet: '工作表', cell: '单元格', project: '项目', rule: '规则', message: '问题', fix: '修正建议', ruleCode: '规则代码' },
  ignoredTitle: '已忽略的问题（不计入错误）',
  ignoredColumns: { reason: '忽略原因', by: '忽略人', at: '忽略时间' },
};
