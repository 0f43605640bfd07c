import type { Locale, Severity } from '../core';

export type CheckStage = 'read' | 'check' | 'mark';

/** Feature switches of HostCapabilities shown in the About panel. */
export type FeatureName = 'conditionalFormatMarks' | 'changeEvents' | 'selectionEvents' | 'persistentSettings' | 'undoGroups';

/** Every text of the task pane in one language. Rule messages come from the core's catalogues. */
export interface UiStrings {
  readonly appTitle: string;
  readonly tabCheck: string;
  readonly tabAbout: string;
  readonly tabBuilder: string;
  readonly loading: string;
  readonly runCheck: string;
  readonly checking: string;
  readonly cancel: string;
  readonly stage: { readonly [S in CheckStage]: string };
  readonly stageProgress: (stage: string, done: number, total: number) => string;
  readonly cancelled: string;
  readonly notCheckedYet: string;
  readonly noAutoRecheck: string;
  readonly summaryCounts: (errors: number, warnings: number, infos: number) => string;
  /** How each table was read: where it starts, its layout (the catalogue's name), how many projects. */
  readonly tablesRead: (count: number) => string;
  readonly tableRead: (where: string, layout: string, projects: number) => string;
  readonly readyToSubmit: string;
  readonly fixBeforeSubmit: string;
  readonly ignoredCount: (count: number) => string;
  readonly severity: { readonly [S in Severity]: string };
  readonly severityFilter: string;
  /** The severity filter's options, each followed by its count: 全部 21 · 只看错误 1 … */
  readonly filterAll: string;
  readonly severityOnly: { readonly [S in Severity]: string };
  readonly showMore: (next: number, left: number) => string;
  readonly showIgnored: string;
  readonly clearMarks: string;
  readonly marksCleared: string;
  /** The switch that turns off re-marking after each edit (each re-mark is a write Excel's undo sees). */
  readonly autoMark: string;
  readonly exportReport: string;
  readonly reportWritten: (sheet: string) => string;
  /** The report went to `sheet` because the user's own sheet has the name `taken`. */
  readonly reportBesideUserSheet: (sheet: string, taken: string) => string;
  readonly convertTo: string;
  readonly convertTitle: (where: string) => string;
  readonly profileLabel: string;
  readonly profileAuto: string;
  readonly convertExplain: (layout: string) => string;
  readonly convertToLayout: (layout: string) => string;
  readonly convertedSuffix: string;
  readonly converted: (sheet: string, layout: string) => string;
  readonly convertRefused: (where: string) => string;
  readonly convertProblem: (kind: 'separator' | 'two-halves' | 'department', where: string) => string;
  readonly convertTableGone: (where: string) => string;
  readonly fixAll: string;
  readonly undo: string;
  readonly undone: (count: number) => string;
  readonly findingsHeading: string;
  readonly noFindings: string;
  readonly allFiltered: string;
  readonly tableLevel: string;
  /** Heading of the sums listed under the cell that breaks them (totals.cause). */
  readonly consequences: string;
  readonly currentCell: (cell: string) => string;
  readonly goToCell: (message: string, cell: string) => string;
  readonly ignore: string;
  readonly unignore: string;
  readonly ignoredBecause: (reason: string) => string;
  readonly ignoreTitle: string;
  readonly ignoreReason: string;
  readonly ignoreReasonHint: string;
  readonly confirmIgnore: string;
  readonly close: string;
  readonly fix: string;
  readonly fixTitle: string;
  readonly fixAllTitle: (count: number) => string;
  readonly fixBefore: string;
  readonly fixAfter: string;
  readonly confirmFix: string;
  readonly fixed: (count: number) => string;
  readonly conflict: (cell: string) => string;
  readonly formulaConflict: (cell: string, formula: string) => string;
  /** Shown in the fix preview above a cell that holds a formula. */
  readonly replacesFormula: string;
  readonly confirmReplaceFormula: string;
  /** The fix preview's "after" of a fix that writes a formula: the formula and its result. */
  readonly fixFormulaResult: (formula: string, value: string) => string;
  readonly unexpectedError: (detail: string) => string;
  readonly ignoredReset: string;
  readonly reasonTooLong: (limit: number) => string;
  readonly tooManyIgnored: (limit: number) => string;
  readonly dismiss: string;
  readonly featuresHeading: string;
  readonly diagnostics: {
    readonly title: string;
    readonly host: string;
    readonly platform: string;
    readonly highest: string;
    readonly sets: string;
    readonly notInOffice: string;
    readonly unknown: string;
    readonly none: string;
    readonly supported: string;
    readonly unsupported: string;
  };
  readonly notInExcel: string;
  readonly openStandalone: string;
  readonly feature: { readonly [F in FeatureName]: string };
  readonly on: string;
  readonly off: string;
}

const zhCN: UiStrings = {
  appTitle: '绩效目标表助手',
  tabCheck: '校验',
  tabAbout: '关于',
  tabBuilder: '指标编辑',
  loading: '正在加载…',
  runCheck: '一键校验',
  checking: '正在校验…',
  cancel: '取消',
  stage: { read: '读取工作表', check: '校验', mark: '标记' },
  stageProgress: (stage, done, total) => `${stage}（${done}/${total}）`,
  cancelled: '已取消校验，工作簿没有改动。',
  notCheckedYet: '点击“一键校验”，检查本工作簿中所有的项目支出绩效目标表。',
  noAutoRecheck: '此环境不支持自动重新校验：修改表格后请再次点击“一键校验”。',
  summaryCounts: (e, w, i) => `${e} 个错误、${w} 个警告、${i} 个提示`,
  tablesRead: (n) => `读取了 ${n} 个表格`,
  tableRead: (where, layout, projects) => `${where}：${layout}${projects > 0 ? `，${projects} 个项目` : ''}`,
  readyToSubmit: '没有错误，可以提交。',
  fixBeforeSubmit: '请先改正错误再提交。',
  ignoredCount: (n) => `另有 ${n} 条已忽略。`,
  severity: { error: '错误', warning: '警告', info: '提示' },
  severityFilter: '按严重程度筛选',
  filterAll: '全部',
  severityOnly: { error: '只看错误', warning: '只看警告', info: '只看提示' },
  showMore: (next, left) => `再显示 ${next} 条（还有 ${left} 条）`,
  showIgnored: '显示已忽略',
  clearMarks: '清除标记',
  marksCleared: '已清除表格中的标记。',
  autoMark: '编辑后自动更新标记（关闭后，标记只在校验、修正或忽略时更新，Excel 的撤销不受影响）',
  exportReport: '导出报告',
  reportWritten: (sheet) => `已生成“${sheet}”工作表。`,
  reportBesideUserSheet: (sheet, taken) => `工作簿里的“${taken}”工作表是您自己的，不是本加载项的报告，它未作任何改动；报告已写入“${sheet}”工作表。`,
  convertTo: '转换格式',
  convertTitle: (where) => `转换 ${where} 的表格`,
  profileLabel: '规则配置',
  profileAuto: '自动（按表格选择）',
  convertExplain: (layout) => `这张表现在是“${layout}”。转换后的表格写在一个新工作表中，内容一项不少；原表不会改动。`,
  convertToLayout: (layout) => `写成：${layout}`,
  convertedSuffix: '转换',
  converted: (sheet, layout) => `已把表格写成“${layout}”，放在新工作表“${sheet}”中；原表没有改动。`,
  convertRefused: (where) => `${where} 的表格没有转换，因为有内容无法原样写入：`,
  convertProblem: (kind, where) =>
    kind === 'separator'
      ? `${where}：含有“；”“。”或换行，写进一个单元格会被读成另一项指标。`
      : kind === 'two-halves'
        ? `${where}：指标分“长期”“年度”两栏，各有自己的指标，无法合成一张表。`
        : `${where}：部门整体支出绩效目标表不是项目表，没有可转换的格式。`,
  convertTableGone: (where) => `在 ${where} 没有找到这张表，它可能已被移动或修改：请重新校验后再转换。`,
  fixAll: '全部修正格式',
  undo: '撤销',
  undone: (n) => `已撤销，恢复了 ${n} 个单元格。`,
  findingsHeading: '问题列表',
  noFindings: '没有发现问题。',
  allFiltered: '所选类别中没有问题。',
  tableLevel: '整表',
  consequences: '由这一格造成的合计不符（改正这一格后即相符，无需另改）：',
  currentCell: (cell) => `当前单元格 ${cell}`,
  goToCell: (message, cell) => `${message}（${cell}）`,
  ignore: '忽略',
  unignore: '取消忽略',
  ignoredBecause: (reason) => `已忽略：${reason}`,
  ignoreTitle: '忽略此问题',
  ignoreReason: '忽略原因',
  ignoreReasonHint: '必填，例如“已与财政局确认”。原因会保存在工作簿中。',
  confirmIgnore: '忽略',
  close: '关闭',
  fix: '修正',
  fixTitle: '修正单元格',
  fixAllTitle: (n) => `全部修正格式（${n} 个单元格）`,
  fixBefore: '原内容',
  fixAfter: '修正为',
  confirmFix: '确认修正',
  fixed: (n) => `已修正 ${n} 个单元格。`,
  conflict: (cell) => `单元格 ${cell} 在读取后已被修改，未写入。请重新校验。`,
  formulaConflict: (cell, formula) => `单元格 ${cell} 是公式 ${formula}，未替换。如确需改为数值，请再次点击修正，在预览中确认替换公式；更好的做法是改正公式本身。`,
  replacesFormula: '将替换公式：',
  confirmReplaceFormula: '替换公式并修正',
  fixFormulaResult: (formula, value) => `公式 ${formula}（结果 ${value}）`,
  unexpectedError: (detail) => `操作失败：${detail}。请重试；如果问题持续，请联系技术支持。`,
  ignoredReset: '工作簿中保存的忽略列表无法读取，已重置为空：之前忽略的问题会重新显示，请重新标记。',
  reasonTooLong: (limit) => `忽略理由最多 ${limit} 个字符，请精简后再保存。`,
  tooManyIgnored: (limit) => `一个工作簿最多忽略 ${limit} 个问题，没有保存。请先修正或取消忽略部分问题。`,
  dismiss: '关闭提示',
  featuresHeading: '功能',
  diagnostics: {
    title: '运行环境诊断',
    host: '宿主程序',
    platform: '平台',
    highest: '最高 ExcelApi 版本',
    sets: 'ExcelApi 要求集支持情况',
    notInOffice: '未知（不在 Office 中运行）',
    unknown: '未知',
    none: '无',
    supported: '支持',
    unsupported: '不支持',
  },
  notInExcel: '本页面是 Excel 加载项的任务窗格，需要在 Excel 中打开（开始 → 绩效校验）。没有 Excel、使用 WPS 或旧版 Office？请使用网页版检查器。',
  openStandalone: '打开网页版检查器',
  feature: {
    conditionalFormatMarks: '用条件格式标记问题单元格',
    changeEvents: '修改后自动重新校验',
    selectionEvents: '显示当前单元格的问题',
    persistentSettings: '忽略列表保存在工作簿中',
    undoGroups: 'Excel 内一步撤销修正',
  },
  on: '已启用',
  off: '不可用',
};

const enUS: UiStrings = {
  appTitle: 'Performance Target Assistant',
  tabCheck: 'Check',
  tabAbout: 'About',
  tabBuilder: 'Indicators',
  loading: 'Loading…',
  runCheck: 'Check workbook',
  checking: 'Checking…',
  cancel: 'Cancel',
  stage: { read: 'Reading sheets', check: 'Checking', mark: 'Marking' },
  stageProgress: (stage, done, total) => `${stage} (${done}/${total})`,
  cancelled: 'Check cancelled; the workbook was not changed.',
  notCheckedYet: 'Select "Check workbook" to check every performance target table in this workbook.',
  noAutoRecheck: 'This host cannot re-check automatically: select "Check workbook" again after editing.',
  summaryCounts: (e, w, i) => `${e} ${e === 1 ? 'error' : 'errors'}, ${w} ${w === 1 ? 'warning' : 'warnings'}, ${i} ${i === 1 ? 'note' : 'notes'}`,
  tablesRead: (n) => `${n} ${n === 1 ? 'table' : 'tables'} read`,
  tableRead: (where, layout, projects) => `${where}: ${layout}${projects > 0 ? `, ${projects} ${projects === 1 ? 'project' : 'projects'}` : ''}`,
  readyToSubmit: 'No errors: ready to submit.',
  fixBeforeSubmit: 'Correct the errors before submitting.',
  ignoredCount: (n) => `${n} more ignored.`,
  severity: { error: 'Error', warning: 'Warning', info: 'Note' },
  severityFilter: 'Filter by severity',
  filterAll: 'All',
  severityOnly: { error: 'Errors only', warning: 'Warnings only', info: 'Notes only' },
  showMore: (next, left) => `Show ${next} more (${left} left)`,
  showIgnored: 'Show ignored',
  clearMarks: 'Clear marks',
  marksCleared: 'Marks removed from the sheets.',
  autoMark: 'Update marks after each edit (when off, marks change only when you check, fix or ignore, and Excel’s undo is left alone)',
  exportReport: 'Export report',
  reportWritten: (sheet) => `Report written to sheet "${sheet}".`,
  reportBesideUserSheet: (sheet, taken) => `The sheet "${taken}" is your own, not this add-in's report, and was left untouched; the report was written to sheet "${sheet}".`,
  convertTo: 'Convert layout',
  convertTitle: (where) => `Convert the table at ${where}`,
  profileLabel: 'Rules',
  profileAuto: 'Automatic (as the tables call for)',
  convertExplain: (layout) => `This table is laid out as ${layout}. The converted table goes onto a new sheet with nothing left out; this table is not changed.`,
  convertToLayout: (layout) => `Write as: ${layout}`,
  convertedSuffix: 'converted',
  converted: (sheet, layout) => `The table was written as ${layout} in the new sheet "${sheet}"; the table itself is unchanged.`,
  convertRefused: (where) => `The table at ${where} was not converted: some of it cannot be written as it is:`,
  convertProblem: (kind, where) =>
    kind === 'separator'
      ? `${where}: holds ；, 。 or a line break, which one cell would read as another indicator.`
      : kind === 'two-halves'
        ? `${where}: lists long-term and annual indicators apart, which one table cannot hold.`
        : `${where}: the department-wide table is not a table of projects.`,
  convertTableGone: (where) => `No table found at ${where}: it may have moved or changed. Check again, then convert.`,
  fixAll: 'Fix all formatting',
  undo: 'Undo',
  undone: (n) => `Undone: ${n} ${n === 1 ? 'cell' : 'cells'} restored.`,
  findingsHeading: 'Findings',
  noFindings: 'No problems found.',
  allFiltered: 'No findings of the selected kinds.',
  tableLevel: 'Whole table',
  consequences: 'Sums off only because of this cell (they hold once it is corrected; nothing else to change):',
  currentCell: (cell) => `Current cell ${cell}`,
  goToCell: (message, cell) => `${message} (${cell})`,
  ignore: 'Ignore',
  unignore: 'Stop ignoring',
  ignoredBecause: (reason) => `Ignored: ${reason}`,
  ignoreTitle: 'Ignore this finding',
  ignoreReason: 'Reason',
  ignoreReasonHint: 'Required, e.g. "confirmed with the finance bureau". It is saved in the workbook.',
  confirmIgnore: 'Ignore',
  close: 'Close',
  fix: 'Fix',
  fixTitle: 'Fix cell',
  fixAllTitle: (n) => `Fix all formatting (${n} ${n === 1 ? 'cell' : 'cells'})`,
  fixBefore: 'Now',
  fixAfter: 'Becomes',
  confirmFix: 'Apply fix',
  fixed: (n) => `${n} ${n === 1 ? 'cell' : 'cells'} fixed.`,
  conflict: (cell) => `Cell ${cell} changed after it was read and was not written. Check again.`,
  formulaConflict: (cell, formula) => `Cell ${cell} holds the formula ${formula} and was not replaced. To make it a number, fix it again and confirm replacing the formula in the preview; correcting the formula itself is usually better.`,
  replacesFormula: 'Replaces the formula:',
  confirmReplaceFormula: 'Replace formula and fix',
  fixFormulaResult: (formula, value) => `The formula ${formula} (result ${value})`,
  unexpectedError: (detail) => `The operation failed: ${detail}. Try again; if it keeps failing, contact support.`,
  ignoredReset: 'The ignore list saved in this workbook could not be read and has been reset: findings ignored before show again; ignore them again.',
  reasonTooLong: (limit) => `The reason may be at most ${limit} characters; shorten it and save again.`,
  tooManyIgnored: (limit) => `A workbook can ignore at most ${limit} findings; nothing was saved. Fix or un-ignore some first.`,
  dismiss: 'Dismiss',
  featuresHeading: 'Features',
  diagnostics: {
    title: 'Diagnostics',
    host: 'Host',
    platform: 'Platform',
    highest: 'Highest ExcelApi version',
    sets: 'ExcelApi requirement sets',
    notInOffice: 'unknown (not running in Office)',
    unknown: 'unknown',
    none: 'none',
    supported: 'supported',
    unsupported: 'not supported',
  },
  notInExcel: 'This page is the task pane of an Excel add-in and opens inside Excel (Home → Check targets). No Excel, or WPS or an old Office? Use the standalone checker.',
  openStandalone: 'Open the standalone checker',
  feature: {
    conditionalFormatMarks: 'Mark cells with conditional formats',
    changeEvents: 'Re-check automatically after edits',
    selectionEvents: 'Show findings of the current cell',
    persistentSettings: 'Ignored list saved in the workbook',
    undoGroups: 'One-step undo of fixes in Excel',
  },
  on: 'On',
  off: 'Unavailable',
};

const STRINGS: { readonly [L in Locale]: UiStrings } = { 'zh-CN': zhCN, 'en-US': enUS };

export function uiStrings(locale: Locale): UiStrings {
  return STRINGS[locale];
}
