import type { ErrorStrings } from '../error-strings';

/** "表!A1、表!B2 …": the first 20 cells, then how many in all. */
const cellList = (cells: readonly string[]) => (cells.length > 20 ? `${cells.slice(0, 20).join('、')} 等共 ${cells.length} 个` : cells.join('、'));

export const errors: ErrorStrings = {
  workbook: {
    'cell-edit-mode': '请先按 Enter 或 Esc 结束单元格编辑，再重试。',
    protected: '工作表受保护：请先撤销工作表保护（审阅 → 撤销工作表保护），再重试。',
    'payload-too-large': '要传输的数据超过 Excel 的单次上限：请删除多余的空行空列，或把表格拆到几个工作表后重试。',
    'too-many-cells': '要读取或写入的区域超过了 Excel 单次可处理的单元格数（5,000,000 个）：请删除表格右侧和下方多余的空行空列（或把表格拆到几个工作表），然后重试。',
    busy: 'Excel 正忙，请稍后重试。',
    cancelled: '已取消。',
    'not-found': '找不到要操作的工作表或单元格，它可能已被重命名或删除：请重新校验后再试。',
    unsupported: '当前 Excel 版本不支持此操作：请更新 Office 后重试。',
    'corrupt-data': '工作簿中保存的加载项数据无法读取。',
    unknown: 'Excel 操作失败，请重试；如仍失败，请保存并重新打开工作簿后再试。',
  },
  readCancelled: '已取消读取工作簿。',
  sheetMissing: (sheet) => `找不到工作表“${sheet}”，它可能已被重命名或删除。请重新校验。`,
  badAddress: (address) => `“${address}”不是有效的单元格地址。`,
  ignoredTooLong: (chars) => `忽略列表太长（${chars} 个字符），没有保存：请先修正或取消忽略部分问题。`,
  ignoredSaveFailed: '无法保存忽略列表：请保存工作簿后重试。',
  ignoredUnreadable: '工作簿中保存的忽略列表无法读取，已按空列表处理。',
  ignoredNewer: '工作簿中的忽略列表由更新版本的绩效目标表助手保存，此版本无法读取：请更新加载项（或使用更新的版本）后再查看或修改。该列表保持不变。',
  writeRefused: {
    'bad-cell': (p) => `没有写入任何单元格：“${p.address}”不是有效的单元格位置。`,
    'too-long': (p) => `没有写入任何单元格：${p.address} 的新内容有 ${p.chars} 个字符，超过了 Excel 单元格的上限 32,767 个字符，请缩短后重试。`,
    'not-number': (p) => `没有写入任何单元格：${p.address} 的新值不是有效的数字。`,
  },
  writePartial: (landed, left) => {
    if (landed.length === 0) return '没有写入任何单元格。';
    if (left.length === 0) return `已写入全部 ${landed.length} 个单元格：${cellList(landed)}。`;
    return `只写入了 ${landed.length} 个单元格：${cellList(landed)}；未写入 ${left.length} 个：${cellList(left)}。`;
  },
  marksPartial: (sheets) => `工作表 ${sheets.map((s) => `“${s}”`).join('、')} 的标记未能更新，其余工作表已更新。`,
  mergesUnsupported: '当前 Excel 版本无法读取合并单元格，不能把项目的合并单元格扩展到新的指标行：请更新 Office 后重试，或改用独立校验页面。',
  rewriteRefused: {
    'out-of-sheet': (sheet, row) => `没有改动任何单元格：“${sheet}”第 ${row} 行起的指标行超出了工作表的范围。`,
    'bad-columns': (sheet, row) => `没有改动任何单元格：“${sheet}”第 ${row} 行起的指标行的列无效。`,
    shape: (sheet, row) => `没有改动任何单元格：“${sheet}”第 ${row} 行起的指标行的行数或列数与内容不符。`,
    'too-long': (sheet, row) => `没有改动任何单元格：“${sheet}”第 ${row} 行起的指标行的新内容超过了 Excel 单元格的上限 32,767 个字符，请缩短后重试。`,
    'not-number': (sheet, row) => `没有改动任何单元格：“${sheet}”第 ${row} 行起的指标行的新值不是有效的数字。`,
  },
  rewriteUntouched: '没有改动任何单元格。',
  rewritePartial: (sheet, first, last) => `工作表“${sheet}”${last > first ? `第 ${first}–${last} 行` : `第 ${first} 行`}可能只改了一部分，请检查这些行后重新校验。`,
  writeUnconfirmed: (cells) => `无法确认哪些单元格已写入，请逐一检查：${cellList(cells)}。`,
  profile: {
    'not-object': () => '配置文件应为一个 JSON 对象。',
    'unknown-key': (p) => `未知的配置项“${p.key}”。`,
    'empty-text': (p) => `“${p.field}”应为非空文本。`,
    'description-not-text': () => '“description”应为文本。',
    'severities-shape': () => '“severities”应为 { 规则编号: "error" | "warning" | "info" | "off" }。',
    'unknown-rule': (p) => `未知的规则编号“${p.rule}”。`,
    'bad-severity': (p) => `规则“${p.rule}”的级别“${p.setting}”无效，应为 error、warning、info 或 off。`,
    'tolerance-shape': () => '“roundingTolerance”应为 { "万元": "0.01", "元": "1" }。',
    'tolerance-unit': (p) => `尾差容差的单位“${p.unit}”无效，应为“万元”或“元”。`,
    'tolerance-not-number': (p) => `尾差容差“${p.unit}”应为数字。`,
    'tolerance-negative': (p) => `尾差容差“${p.unit}”的值“${p.value}”不是非负数。`,
    'cost-indicator': () => '“costIndicator”应为 "level2"、"level1" 或 "either"。',
  },
};
