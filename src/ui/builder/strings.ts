import type { Locale } from '../../core';

/** Every text of the indicator builder and the template library in one language. */
export interface BuilderStrings {
  // Builder: target cell
  readonly builderHeading: string;
  readonly selectIndicatorCell: string;
  readonly reading: string;
  readonly editing: (project: string, cell: string) => string;
  /** A project whose indicators have rows of their own (a row per indicator, a form). */
  readonly editingBlock: (project: string, first: number, last: number) => string;
  readonly blockPreviewLabel: string;
  readonly blockPreviewLine: (n: number, parts: readonly string[]) => string;
  readonly rowsWritten: (count: number, first: number) => string;
  readonly rowsFrom: (first: number) => string;
  readonly blockUnsupported: string;
  readonly emptyCell: string;
  readonly selectionMoved: (cell: string) => string;
  readonly switchToSelection: string;
  readonly unparsedTitle: string;
  readonly unparsedHint: string;
  readonly unparsedTextLabel: string;
  // Builder: rows
  readonly rowsHeading: string;
  readonly noRows: string;
  readonly rowTitle: (n: number) => string;
  readonly level1: string;
  readonly level2: string;
  readonly chooseLevel1: string;
  readonly chooseLevel2: string;
  readonly name: string;
  readonly period: string;
  readonly annual: string;
  readonly comparator: string;
  readonly noComparator: string;
  readonly qualitative: string;
  readonly number: string;
  readonly unit: string;
  readonly qualitativeText: string;
  readonly copyPeriodToAnnual: string;
  readonly copyPeriodToAnnualLabel: (n: number) => string;
  readonly addRow: string;
  readonly moveUp: (n: number) => string;
  readonly moveDown: (n: number) => string;
  readonly duplicateRow: (n: number) => string;
  readonly deleteRow: (n: number) => string;
  // Builder: preview and messages
  readonly overallHeading: string;
  readonly previewHeading: string;
  readonly previewLabel: string;
  readonly length: (length: number, limit: number) => string;
  readonly tooLong: string;
  // Builder: writing
  readonly replace: string;
  readonly append: string;
  readonly undo: string;
  readonly written: (cell: string) => string;
  readonly undone: (cell: string) => string;
  readonly conflict: (cell: string) => string;
  readonly undoConflict: (cell: string) => string;
  readonly confirmReplaceTitle: string;
  readonly confirmReplaceBody: string;
  readonly confirmReplace: string;
  readonly cancel: string;
  readonly failed: (detail: string) => string;
  readonly dismiss: string;
  // Builder: normalise column
  readonly normaliseColumn: string;
  readonly normaliseTitle: (count: number) => string;
  readonly normaliseNothing: string;
  readonly normaliseSkipped: (count: number) => string;
  readonly normaliseBefore: string;
  readonly normaliseAfter: string;
  readonly normaliseConfirm: string;
  readonly normalised: (count: number) => string;
  readonly normaliseConflicts: (cells: string) => string;
  // Template library
  readonly libraryHeading: string;
  readonly search: string;
  readonly searchPlaceholder: string;
  readonly projectType: string;
  readonly allTypes: string;
  readonly recommend: string;
  readonly recommendFor: (project: string) => string;
  readonly showAll: string;
  readonly noRecommendation: string;
  readonly noMatch: string;
  readonly resultCount: (count: number) => string;
  readonly because: (words: string) => string;
  /** The project has no indicator of this category or 二级 indicator yet. */
  readonly fills: (label: string) => string;
  readonly inName: (word: string) => string;
  readonly inGoal: (word: string) => string;
  readonly typicalValue: (value: string) => string;
  readonly selectTemplate: (name: string) => string;
  readonly insert: string;
  readonly insertTemplate: (name: string) => string;
  readonly insertSelected: (count: number) => string;
  readonly inserted: (count: number) => string;
  // User templates
  readonly myTemplates: string;
  readonly noUserTemplates: string;
  readonly rowCount: (count: number) => string;
  readonly saveAsTemplate: string;
  readonly saveTitle: string;
  readonly templateName: string;
  readonly templateNameHint: string;
  readonly rowsToSave: string;
  readonly notSavable: string;
  readonly save: string;
  readonly saved: (name: string) => string;
  readonly nothingToSave: string;
  readonly edit: string;
  readonly editTemplate: (name: string) => string;
  readonly editTitle: string;
  readonly deleteTemplate: (name: string) => string;
  readonly confirmDeleteTitle: string;
  readonly confirmDeleteBody: (name: string) => string;
  readonly delete: string;
  readonly deleted: (name: string) => string;
  readonly exportTemplates: string;
  readonly importTemplates: string;
  readonly importFileLabel: string;
  readonly imported: (count: number) => string;
  readonly importFailed: string;
  readonly notJson: string;
  readonly fileTooLarge: (size: string) => string;
  readonly tooManyTemplates: (existing: number, incoming: number, max: number) => string;
  readonly templateLimitReached: (max: number) => string;
  readonly exportFileName: string;
  readonly storeCorrupt: string;
  readonly storeFull: string;
  readonly storeUnavailable: string;
  readonly storeInvalid: string;
  readonly nameRequired: string;
  readonly editFailed: string;
  readonly levelsOf: (level1: string, level2: string) => string;
  readonly unnamed: string;
}

const zhCN: BuilderStrings = {
  builderHeading: '指标编辑器',
  selectIndicatorCell: '请在表格中选中一个项目的“绩效指标”单元格，即可在此逐项编辑指标。',
  reading: '正在读取所选单元格…',
  editing: (project, cell) => `正在编辑：${project}（${cell}）`,
  editingBlock: (project, first, last) => `正在编辑：${project}（第 ${first}–${last} 行）`,
  blockPreviewLabel: '将写入表格的指标行（按表格原有的列写入）',
  blockPreviewLine: (n, parts) => `${n}. ${parts.filter((p) => p !== '').join('：')}`,
  rowsWritten: (count, first) => `已写入 ${count} 行指标（第 ${first} 行起），表格中的合并单元格已随之扩展。`,
  rowsFrom: (first) => `第 ${first} 行起的指标行`,
  blockUnsupported: '这张表的指标分“长期”“年度”两栏填写，指标编辑器暂不能写入，请直接在表格中修改。',
  emptyCell: '该单元格还没有绩效指标：请点击“添加指标”，或从模板库插入。',
  selectionMoved: (cell) => `你已选中 ${cell}。当前的修改还没有写入表格。`,
  switchToSelection: '放弃修改，编辑所选单元格',
  unparsedTitle: '以下内容无法识别，没有转换为指标行',
  unparsedHint: '这些文字原样保留在单元格中。点击“替换”会覆盖它们（写入后可撤销）；“追加”会保留它们。',
  unparsedTextLabel: '无法识别的内容',
  rowsHeading: '指标',
  noRows: '还没有指标。',
  rowTitle: (n) => `第 ${n} 项`,
  level1: '一级指标',
  level2: '二级指标',
  chooseLevel1: '选择一级指标',
  chooseLevel2: '选择二级指标',
  name: '三级指标名称',
  period: '实施周期指标值',
  annual: '年度指标值',
  comparator: '比较符',
  noComparator: '（无）',
  qualitative: '定性',
  number: '数值',
  unit: '单位',
  qualitativeText: '定性描述',
  copyPeriodToAnnual: '年度同实施周期',
  copyPeriodToAnnualLabel: (n) => `第 ${n} 项：年度指标值同实施周期指标值`,
  addRow: '添加指标',
  moveUp: (n) => `上移第 ${n} 项`,
  moveDown: (n) => `下移第 ${n} 项`,
  duplicateRow: (n) => `复制第 ${n} 项`,
  deleteRow: (n) => `删除第 ${n} 项`,
  overallHeading: '整体检查',
  previewHeading: '预览',
  previewLabel: '将写入单元格的绩效指标',
  length: (length, limit) => `${length.toLocaleString('zh-CN')} / ${limit.toLocaleString('zh-CN')} 字符`,
  tooLong: '超过 Excel 单元格字符上限，无法写入。',
  replace: '替换',
  append: '追加',
  undo: '撤销',
  written: (cell) => `已写入 ${cell}。`,
  undone: (cell) => `已撤销，${cell} 已恢复为原来的内容。`,
  conflict: (cell) => `${cell} 在读取后已被修改，为避免覆盖别人的修改，本次没有写入。请重新选中该单元格后再试。`,
  undoConflict: (cell) => `${cell} 在写入后又被修改过，无法撤销。`,
  confirmReplaceTitle: '替换无法识别的内容？',
  confirmReplaceBody: '单元格中有无法识别的内容（见“无法识别的内容”）。替换后这些内容将被覆盖，写入后可点击“撤销”恢复。',
  confirmReplace: '仍然替换',
  cancel: '取消',
  failed: (detail) => `操作没有完成：${detail}`,
  dismiss: '关闭',
  normaliseColumn: '规范整列',
  normaliseTitle: (count) => `规范整列：${count} 个单元格将改为规范格式`,
  normaliseNothing: '本表的绩效指标都已是规范格式，无需修改。',
  normaliseSkipped: (count) => `另有 ${count} 个单元格缺少内容或无法识别，不能自动规范，请逐个补齐。`,
  normaliseBefore: '原内容',
  normaliseAfter: '规范后',
  normaliseConfirm: '全部规范',
  normalised: (count) => `已规范 ${count} 个单元格（可一次撤销）。`,
  normaliseConflicts: (cells) => `以下单元格在读取后已被修改，没有改动：${cells}。`,
  libraryHeading: '模板库',
  search: '搜索',
  searchPlaceholder: '名称、指标类别或单位，如 满意度、社会效益、22、人次',
  projectType: '项目类型',
  allTypes: '全部类型',
  recommend: '为本项目推荐',
  recommendFor: (project) => `为“${project}”推荐`,
  showAll: '返回搜索',
  noRecommendation: '没有找到与本项目名称或绩效目标相关的模板，请用关键词搜索。',
  noMatch: '没有符合条件的模板。',
  resultCount: (count) => `共 ${count} 个模板`,
  because: (words) => `推荐理由：${words}`,
  fills: (label) => `本项目还没有“${label}”`,
  inName: (word) => `项目名称含“${word}”`,
  inGoal: (word) => `绩效目标含“${word}”`,
  typicalValue: (value) => `常用值：${value}`,
  selectTemplate: (name) => `选择“${name}”`,
  insert: '插入',
  insertTemplate: (name) => `插入“${name}”`,
  insertSelected: (count) => `插入所选（${count}）`,
  inserted: (count) => `已插入 ${count} 项指标，可在指标编辑器中修改。`,
  myTemplates: '我的模板',
  noUserTemplates: '还没有自己的模板。在编辑器中填好指标后，可“保存为我的模板”。',
  rowCount: (count) => `${count} 项指标`,
  saveAsTemplate: '保存为我的模板',
  saveTitle: '保存为我的模板',
  templateName: '模板名称',
  templateNameHint: '只保存一项时可不填，默认用指标名称。',
  rowsToSave: '要保存的指标',
  notSavable: '（需先选好一级、二级指标并填写名称）',
  save: '保存',
  saved: (name) => `已保存模板“${name}”。`,
  nothingToSave: '请至少选择一项已填好一级、二级指标和名称的指标。',
  edit: '编辑',
  editTemplate: (name) => `编辑模板“${name}”`,
  editTitle: '编辑模板',
  deleteTemplate: (name) => `删除模板“${name}”`,
  confirmDeleteTitle: '删除模板？',
  confirmDeleteBody: (name) => `确定删除模板“${name}”吗？删除前可先导出备份。`,
  delete: '删除',
  deleted: (name) => `已删除模板“${name}”。`,
  exportTemplates: '导出',
  importTemplates: '导入',
  importFileLabel: '选择模板文件（.json）',
  imported: (count) => `已导入 ${count} 个模板。`,
  importFailed: '模板文件有问题，没有导入任何模板：',
  notJson: '这不是 JSON 文件，无法读取。请选择由“导出”生成的模板文件。',
  fileTooLarge: (size) => `模板文件有 ${size}，超过 1 MB 的上限，没有导入任何模板。请选择由“导出”生成的模板文件。`,
  tooManyTemplates: (existing, incoming, max) => `我的模板最多 ${max} 个：现有 ${existing} 个，文件中有 ${incoming} 个。没有导入任何模板，请先删除部分模板。`,
  templateLimitReached: (max) => `我的模板已达 ${max} 个的上限，没有保存。请先导出备份并删除部分模板。`,
  exportFileName: '绩效指标模板.json',
  storeCorrupt: '本机保存的模板数据无法读取，已重置为空。可重新导入之前导出的模板文件。',
  storeFull: '浏览器存储空间已满，模板没有保存。请导出备份后删除部分模板。',
  storeUnavailable: '无法在本机保存模板（浏览器禁止了存储）。请用“导出”备份模板。',
  storeInvalid: '模板超出了数量或长度的上限，没有保存在本机。请删除部分模板或指标后重试。',
  nameRequired: '保存多项指标时请填写模板名称。',
  editFailed: '模板有问题，没有保存：',
  levelsOf: (level1, level2) => `${level1} / ${level2}`,
  unnamed: '（未命名）',
};

const enUS: BuilderStrings = {
  builderHeading: 'Indicator builder',
  selectIndicatorCell: 'Select the 绩效指标 (indicators) cell of a project to edit its indicators here, one by one.',
  reading: 'Reading the selected cell…',
  editing: (project, cell) => `Editing: ${project} (${cell})`,
  editingBlock: (project, first, last) => `Editing: ${project} (rows ${first}–${last})`,
  blockPreviewLabel: 'Indicator rows to be written (into the table\'s own columns)',
  blockPreviewLine: (n, parts) => `${n}. ${parts.filter((p) => p !== '').join(': ')}`,
  rowsWritten: (count, first) => `Wrote ${count} indicator rows from row ${first}; merged cells were extended to match.`,
  rowsFrom: (first) => `the indicator rows from row ${first}`,
  blockUnsupported: 'This table lists its indicators in two halves (long-term and annual); the editor cannot write them yet. Edit the table directly.',
  emptyCell: 'This cell has no indicators yet: click “Add indicator” or insert from the template library.',
  selectionMoved: (cell) => `You selected ${cell}. Your changes have not been written yet.`,
  switchToSelection: 'Discard changes and edit the selected cell',
  unparsedTitle: 'This text could not be read and was not turned into rows',
  unparsedHint: 'It stays in the cell as it is. “Replace” overwrites it (you can undo); “Append” keeps it.',
  unparsedTextLabel: 'Text that could not be read',
  rowsHeading: 'Indicators',
  noRows: 'No indicators yet.',
  rowTitle: (n) => `Item ${n}`,
  level1: 'Level 1',
  level2: 'Level 2',
  chooseLevel1: 'Choose level 1',
  chooseLevel2: 'Choose level 2',
  name: 'Indicator name',
  period: 'Target for the whole period',
  annual: 'Target for the year',
  comparator: 'Comparator',
  noComparator: '(none)',
  qualitative: 'Qualitative',
  number: 'Number',
  unit: 'Unit',
  qualitativeText: 'Description',
  copyPeriodToAnnual: 'Year = period',
  copyPeriodToAnnualLabel: (n) => `Item ${n}: set the year's target to the period's`,
  addRow: 'Add indicator',
  moveUp: (n) => `Move item ${n} up`,
  moveDown: (n) => `Move item ${n} down`,
  duplicateRow: (n) => `Duplicate item ${n}`,
  deleteRow: (n) => `Delete item ${n}`,
  overallHeading: 'Overall check',
  previewHeading: 'Preview',
  previewLabel: 'Indicators to be written to the cell',
  length: (length, limit) => `${length.toLocaleString('en-US')} / ${limit.toLocaleString('en-US')} characters`,
  tooLong: 'Over Excel’s character limit for one cell: cannot be written.',
  replace: 'Replace',
  append: 'Append',
  undo: 'Undo',
  written: (cell) => `Written to ${cell}.`,
  undone: (cell) => `Undone: ${cell} holds its previous text again.`,
  conflict: (cell) => `${cell} changed after it was read, so nothing was written (to avoid overwriting that change). Select the cell again and retry.`,
  undoConflict: (cell) => `${cell} changed after the write, so it cannot be undone.`,
  confirmReplaceTitle: 'Replace text that could not be read?',
  confirmReplaceBody: 'The cell holds text that could not be read (see “Text that could not be read”). Replacing overwrites it; you can undo after writing.',
  confirmReplace: 'Replace anyway',
  cancel: 'Cancel',
  failed: (detail) => `That did not work: ${detail}`,
  dismiss: 'Dismiss',
  normaliseColumn: 'Normalise column',
  normaliseTitle: (count) => `Normalise column: ${count} cells will be rewritten in canonical form`,
  normaliseNothing: 'Every indicators cell of this table is already canonical.',
  normaliseSkipped: (count) => `${count} more cells are incomplete or unreadable and cannot be normalised automatically.`,
  normaliseBefore: 'Before',
  normaliseAfter: 'After',
  normaliseConfirm: 'Normalise all',
  normalised: (count) => `Normalised ${count} cells (one undo step).`,
  normaliseConflicts: (cells) => `These cells changed after they were read and were left alone: ${cells}.`,
  libraryHeading: 'Template library',
  search: 'Search',
  searchPlaceholder: 'Name, category or unit, e.g. 满意度, 社会效益, 22, 人次',
  projectType: 'Project type',
  allTypes: 'All types',
  recommend: 'Recommend for this project',
  recommendFor: (project) => `Recommended for “${project}”`,
  showAll: 'Back to search',
  noRecommendation: 'No template matches this project’s name or goal: search by keyword instead.',
  noMatch: 'No template matches.',
  resultCount: (count) => `${count} templates`,
  because: (words) => `Why: ${words}`,
  fills: (label) => `The project has no “${label}” yet`,
  inName: (word) => `name contains “${word}”`,
  inGoal: (word) => `goal contains “${word}”`,
  typicalValue: (value) => `Typical value: ${value}`,
  selectTemplate: (name) => `Select “${name}”`,
  insert: 'Insert',
  insertTemplate: (name) => `Insert “${name}”`,
  insertSelected: (count) => `Insert selected (${count})`,
  inserted: (count) => `Inserted ${count} indicators; edit them in the builder.`,
  myTemplates: 'My templates',
  noUserTemplates: 'No templates of your own yet. Fill in indicators in the builder, then “Save as my template”.',
  rowCount: (count) => `${count} indicators`,
  saveAsTemplate: 'Save as my template',
  saveTitle: 'Save as my template',
  templateName: 'Template name',
  templateNameHint: 'Optional for a single indicator: its name is used.',
  rowsToSave: 'Indicators to save',
  notSavable: '(choose both levels and a name first)',
  save: 'Save',
  saved: (name) => `Saved template “${name}”.`,
  nothingToSave: 'Select at least one indicator with both levels and a name.',
  edit: 'Edit',
  editTemplate: (name) => `Edit template “${name}”`,
  editTitle: 'Edit template',
  deleteTemplate: (name) => `Delete template “${name}”`,
  confirmDeleteTitle: 'Delete template?',
  confirmDeleteBody: (name) => `Delete template “${name}”? Export a backup first if you may need it.`,
  delete: 'Delete',
  deleted: (name) => `Deleted template “${name}”.`,
  exportTemplates: 'Export',
  importTemplates: 'Import',
  importFileLabel: 'Choose a template file (.json)',
  imported: (count) => `Imported ${count} templates.`,
  importFailed: 'The template file has problems; nothing was imported:',
  notJson: 'This is not a JSON file. Choose a file made by “Export”.',
  fileTooLarge: (size) => `The template file is ${size}, over the 1 MB limit; nothing was imported. Choose a file made by “Export”.`,
  tooManyTemplates: (existing, incoming, max) => `You can keep at most ${max} templates: ${existing} now, ${incoming} in the file. Nothing was imported; delete some templates first.`,
  templateLimitReached: (max) => `You already have ${max} templates, the limit; nothing was saved. Export a backup and delete some first.`,
  exportFileName: 'indicator-templates.json',
  storeCorrupt: 'The templates saved on this computer could not be read and have been reset. Import an exported template file to restore them.',
  storeFull: 'Browser storage is full; the templates were not saved. Export a backup, then delete some templates.',
  storeUnavailable: 'Templates cannot be saved on this computer (the browser blocks storage). Use “Export” to keep a copy.',
  storeInvalid: 'The templates exceed the limits on number or length and were not saved on this computer. Delete some templates or indicators and try again.',
  nameRequired: 'Name the template when saving several indicators.',
  editFailed: 'The template has problems and was not saved:',
  levelsOf: (level1, level2) => `${level1} / ${level2}`,
  unnamed: '(unnamed)',
};

export const BUILDER_STRINGS: { readonly [L in Locale]: BuilderStrings } = { 'zh-CN': zhCN, 'en-US': enUS };

/** Units offered for quantities (the box also takes any other unit). */
export const UNIT_OPTIONS: readonly string[] = [
  '%', '人', '人次', '件', '次', '份', '个', '项', '分', '天', '个工作日', '小时', '分钟', '万元', '元', '台', '套', '平方米', '公里', '场', '期', '年',
];

/** Qualitative values offered (the box also takes any other text). */
export const QUALITATIVE_OPTIONS: readonly string[] = ['优秀', '良好', '合格', '达标', '有效提升', '明显改善', '持续提升', '应保尽保', '按时完成', '正常运行'];
