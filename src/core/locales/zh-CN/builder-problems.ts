import type { BuilderProblemTexts } from '../builder-strings';

/** What the builder says about a row the table could not hold as typed. */
export const builderProblems: BuilderProblemTexts = {
  'number-invalid': () => '数值应为半角数字，如 95、0.5（比较符和单位分别选择）。',
  separator: () => '不能含有分号“；”“;”、句号“。”或换行：它们用来分隔指标。',
  misread: () => '这段内容会被读成别的内容（例如以“年度：”“实施周期指标值”开头，或含有“1、产出”这样的序号），请改写。',
  'too-long': (p) => `绩效指标共 ${p.length} 个字符，超过 Excel 单元格上限 32767 个字符。请删减指标或缩短名称。`,
  count: () => '生成的绩效指标无法按行逐项读回，请检查各行名称和指标值中的序号或标点。',
};
