import { checkWorkbook, type Finding } from '../../../src/core';
import { realFixture, realGrid, setCell } from '../../fixtures/real/load';

/** The reviewer's rules beyond missing parts, on real tables: what they find as published, and planted slips. */

const warnings = (findings: readonly Finding[], rules: readonly string[]) =>
  findings.filter((f) => rules.includes(f.rule)).map((f) => `${f.severity} ${f.rule}@${f.location.cell}`);
const QUALITY = ['value.vague', 'value.cost-not-money', 'value.direction', 'value.name-unit', 'weights.sum', 'goal.restates-name', 'goal.same-as-period', 'indicator.satisfaction-misplaced'];

function checked(id: string, edits: readonly (readonly [string, string | number | null])[] = []) {
  return checkWorkbook(realGrid(realFixture(id), (_sheet, rows) => edits.forEach(([at, v]) => setCell(rows, at, v)))).findings;
}

test('as published: Qingshan\'s cost “参照政府采购成本控制” is no amount, its “巩固提高” / “持续改善” only trends', () => {
  // The fixture's own notes list G15 as a defect: a cost indicator whose value is not a measurable amount.
  expect(warnings(checked('l3-hubei-qingshan-jcss-2020'), QUALITY)).toEqual([
    'warning value.cost-not-money@G15',
    'warning value.vague@G17',
    'warning value.vague@G18',
  ]);
});

test('as published: Sichuan\'s weights add up to 90, which leaves 预算执行率 its 10; “村组干部230人” is valued “≥230个”', () => {
  expect(warnings(checked('l2-sichuan-jianyan-mata-2023'), QUALITY)).toEqual(['warning value.name-unit@I8']);
});

test('planted in Sichuan: weights off 100 and 90, a 反向 indicator with ≥, a goal that is the project name', () => {
  const found = checked('l2-sichuan-jianyan-mata-2023', [['K5', 25], ['L6', '反向指标'], ['D4', '村组干部报酬。']]);
  expect(warnings(found, QUALITY)).toEqual(['warning goal.restates-name@D4', 'warning weights.sum@K4', 'warning value.direction@L6', 'warning value.name-unit@I8']);
  expect(found.filter((f) => f.severity === 'error')).toEqual([]);
});

test('planted in Sichuan: satisfaction filed under 社会效益 is said to be misplaced', () => {
  const found = checked('l2-sichuan-jianyan-mata-2023', [['E11', '效益指标'], ['F11', '社会效益指标']]);
  expect(warnings(found, ['indicator.satisfaction-misplaced'])).toEqual(['warning indicator.satisfaction-misplaced@F11']);
});

test('a multi-year project whose 年度目标 copies its 实施期 goal; a one-year project may', () => {
  const form = 'l3-hubei-qingshan-jcss-2020';
  // 项目起止时间 202001-202012 makes it one year: no finding even when the goals are the same.
  const same: readonly (readonly [string, string])[] = [['E10', '优化教育布局,推进教育领域综合改革全面提升育人质量实现基础教育持续发展']];
  expect(warnings(checked(form, same), ['goal.same-as-period'])).toEqual([]);
  // Named for three years, as multi-year projects are: now the copy is said.
  const multiYear = [...same, ['B3', '2020-2022年教育系统基础设施建设和设备购置'] as const];
  expect(warnings(checked(form, multiYear), ['goal.same-as-period'])).toEqual(['warning goal.same-as-period@E10']);
});
