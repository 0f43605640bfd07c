import type { CliStrings } from '../cli-strings';

export const cli: CliStrings = {
  sheet: (name) => `工作表 ${name}`,
  row: { project: '项目', unit: '单位', 'grand-total': '合计' },
  table: (where, layout, projects) => `表格 ${where}：${layout}，${projects} 个项目`,
  noProblems: '未发现问题。',
  unreadableCount: (n) => `；${n} 个文件无法读取`,
  ignoredHeading: (n) => `已忽略 ${n} 条（文件中保存的忽略列表，不计入错误）`,
  ignoredReason: (reason, by) => `忽略原因：${reason}${by === '' ? '' : `（${by}）`}`,
  fixLabel: (cell) => `→ 修正${cell === null ? '' : `（${cell}）`}：`,
  clearCell: '（清空单元格）',
  wroteReport: (target) => `已写入报告：${target}`,
  wroteMarked: (target) => `已写入带标记的副本：${target}`,
  textToNumber: (text, value) => `文本“${text}” → 数值 ${value}`,
  consequences: '由这一格造成的合计不符（改正这一格后即相符，无需另改）：',
  counts: (t, overall) => `${overall ? `共 ${t.files} 个文件、${t.projects} 个项目` : `${t.projects} 个项目`}：错误 ${t.errors}，警告 ${t.warnings}，提示 ${t.infos}`,
  unreadable: {
    missing: () => '文件不存在。',
    directory: () => '这是一个文件夹，不是文件。',
    io: (r) => `无法打开文件（${r.code}）。`,
    empty: () => '文件是空的（0 字节），请确认选对了文件，或重新保存、导出后再检查。',
    corrupt: () => '文件已损坏或不完整，无法作为 Excel 工作簿打开。',
    password: () => '文件受密码保护，请先取消密码后再检查。',
    'legacy-xls': () => '这是旧版 Excel 97-2003（.xls）文件，请在 Excel 中另存为 .xlsx 后再检查。',
    'not-spreadsheet': () => '这不是 Excel 工作簿（.xlsx）或 CSV 文件。',
  },
};
