import type { Locale, Severity } from '../core';

/** Every text of the standalone page's own frame (the pane brings its own strings from src/ui/i18n.ts). */
export interface WebStrings {
  readonly pageTitle: string;
  readonly tagline: string;
  readonly openFile: string;
  readonly openSample: string;
  readonly download: string;
  readonly downloadMarked: string;
  readonly downloadClean: string;
  readonly privacy: string;
  readonly sheets: string;
  readonly editCell: string;
  readonly emptyWorkbook: string;
  /** A formula cell whose value the page could not recalculate after a change (its marker's label). */
  readonly staleFormula: string;
  /** Above the grid when the sheet has such cells. */
  readonly staleNote: (count: number) => string;
  readonly previousPage: string;
  readonly nextPage: string;
  readonly loadedFile: (name: string) => string;
  readonly sampleName: string;
  readonly pageOf: (page: number, pages: number, from: number, to: number) => string;
  readonly severity: { readonly [S in Severity]: string };
  readonly readFailed: (name: string, reason: string) => string;
  readonly unreadable: { readonly empty: string; readonly encrypted: string; readonly legacy: string; readonly unknown: string; readonly corrupt: string };
  readonly restored: string;
  readonly notSaved: string;
  readonly storedReset: string;
  readonly notSavedFull: string;
  readonly notSavedUnavailable: string;
  readonly selectedCell: (address: string) => string;
  /** Asked before another workbook replaces one with edits not yet downloaded. */
  readonly discardTitle: string;
  readonly discardBody: (next: string) => string;
  readonly discardConfirm: string;
  readonly cancel: string;
  /** The language switch names the other language in that language. */
  readonly otherLanguage: string;
  readonly otherLanguageCode: string;
}

const zhCN: WebStrings = {
  pageTitle: '绩效目标表助手',
  tagline: '在浏览器中检查项目支出绩效目标表：文件只在本机处理，不会上传。',
  openFile: '打开文件（.xlsx / .csv）',
  openSample: '打开示例表',
  download: '下载 .xlsx',
  downloadMarked: '含标记和“校验结果”表',
  downloadClean: '干净的副本（不含标记）',
  privacy: '文件不会离开本浏览器。',
  sheets: '工作表',
  editCell: '编辑单元格',
  emptyWorkbook: '工作簿是空的。',
  staleFormula: '公式待重算',
  staleNote: (n) => `有 ${n} 个公式单元格（标有 ↻）读取的单元格已改动，但其公式网页无法计算，显示的仍是旧值；校验暂不核对涉及它们的合计。下载后用 Excel 打开时会重新计算这些公式。`,
  previousPage: '上一页',
  nextPage: '下一页',
  loadedFile: (name) => `当前文件：${name}`,
  sampleName: '示例：广州市信访局项目支出绩效目标表',
  pageOf: (page, pages, from, to) => `第 ${page}/${pages} 页（第 ${from}–${to} 行）`,
  severity: { error: '错误', warning: '警告', info: '提示' },
  readFailed: (name, reason) => `无法打开 ${name}：${reason}`,
  unreadable: {
    empty: '文件是空的（0 字节），请确认选对了文件，或重新保存后再打开。',
    encrypted: '文件受密码保护，请在 Excel 中取消密码后再打开。',
    legacy: '这是旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再打开。',
    unknown: '这不是 .xlsx 或 .csv 文件。',
    corrupt: '文件已损坏或不是有效的 .xlsx 文件。',
  },
  restored: '已恢复上次在本浏览器中编辑的工作簿。',
  notSaved: '工作簿太大，无法自动保存在浏览器中；请及时下载。',
  storedReset: '本浏览器中保存的上次编辑的数据无法读取，已重置；现在打开的是示例表。',
  notSavedFull: '浏览器存储空间已满，最近的修改没有自动保存；请及时下载。',
  notSavedUnavailable: '浏览器禁止了本地存储，修改不会自动保存；请及时下载。',
  selectedCell: (address) => `选中 ${address}`,
  discardTitle: '放弃未下载的修改？',
  discardBody: (next) => `当前工作簿有修改还没有下载。打开“${next}”会丢弃这些修改。要保留它们，请先取消，用“下载 .xlsx”保存后再打开。`,
  discardConfirm: '放弃修改并打开',
  cancel: '取消',
  otherLanguage: 'English',
  otherLanguageCode: 'en-US',
};

const enUS: WebStrings = {
  pageTitle: 'Performance Target Table Assistant',
  tagline: 'Check 项目支出绩效目标表 in the browser: files are processed on this machine and never uploaded.',
  openFile: 'Open file (.xlsx / .csv)',
  openSample: 'Open the sample',
  download: 'Download .xlsx',
  downloadMarked: 'With marks and the 校验结果 sheet',
  downloadClean: 'Clean copy (no marks)',
  privacy: 'Files never leave this browser.',
  sheets: 'Sheets',
  editCell: 'Edit cell',
  emptyWorkbook: 'The workbook is empty.',
  staleFormula: 'formula not recalculated',
  staleNote: (n) => `${n} formula ${n === 1 ? 'cell reads' : 'cells read'} changed cells, but the page cannot calculate ${n === 1 ? 'its formula' : 'their formulas'} (marked ↻): the old ${n === 1 ? 'value is' : 'values are'} shown, and the check leaves out the sums involving them. Excel recalculates them when it opens the downloaded file.`,
  previousPage: 'Previous',
  nextPage: 'Next',
  loadedFile: (name) => `File: ${name}`,
  sampleName: 'Sample: 广州市信访局 performance target table',
  pageOf: (page, pages, from, to) => `Page ${page}/${pages} (rows ${from}–${to})`,
  severity: { error: 'Error', warning: 'Warning', info: 'Info' },
  readFailed: (name, reason) => `Cannot open ${name}: ${reason}`,
  unreadable: {
    empty: 'the file is empty (0 bytes); check that it is the right file, or save it again.',
    encrypted: 'the file is password-protected; remove the password in Excel and open it again.',
    legacy: 'this is a legacy .xls file; save it as .xlsx in Excel or WPS first.',
    unknown: 'this is not an .xlsx or .csv file.',
    corrupt: 'the file is damaged or not a valid .xlsx file.',
  },
  restored: 'Restored the workbook you last edited in this browser.',
  notSaved: 'The workbook is too large to keep in the browser; download it before leaving.',
  storedReset: 'The work saved in this browser last time could not be read and has been reset; the sample is open instead.',
  notSavedFull: 'Browser storage is full; your latest changes were not kept. Download the workbook before leaving.',
  notSavedUnavailable: 'The browser blocks local storage; changes are not kept. Download the workbook before leaving.',
  selectedCell: (address) => `Selected ${address}`,
  discardTitle: 'Discard the changes not downloaded?',
  discardBody: (next) => `This workbook has changes you have not downloaded. Opening “${next}” discards them. To keep them, cancel, save them with “Download .xlsx”, then open it.`,
  discardConfirm: 'Discard and open',
  cancel: 'Cancel',
  otherLanguage: '中文',
  otherLanguageCode: 'zh-CN',
};

export function webStrings(locale: Locale): WebStrings {
  return locale === 'en-US' ? enUS : zhCN;
}
