import { checkWorkbook, formatFinding, type CheckReport, type LayoutKind } from '../../src/core';
import { REAL_FIXTURES, realFixture, realGrid, setCell, type RealFixture } from '../fixtures/real/load';

/**
 * Real tables published by budget units in six provinces, in the three layouts besides Guangzhou's
 * (test/fixtures/real/SOURCES.md). Each is read with its projects and indicators, and every error the
 * checker reports on it is argued below as a real defect of the published table: nothing else is an error.
 */

const LAYOUT: { readonly [L in RealFixture['layout']]: LayoutKind } = { 2: 'row-per-indicator', 3: 'form', 4: 'department' };

/** The errors of each published table, as rule@cell, each with why a reviewer would send it back. */
const REAL_ERRORS: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  // 实施期绩效目标 (D6) is empty in the published table: the project states no goal at all.
  'l2-hunan-xiangxi-tejiao-2023': [['goal.missing@D6', 'the project has no goal']],
  'l2-sichuan-jianyan-mata-2023': [],
  // Three 三级指标 still carry the template's “(≤**万元)” / “(≥**%)” where the number should be.
  'l3-anhui-jinzhai-kfq-2021': [
    ['content.placeholder@D13', '项目总成本(≤**万元)'],
    ['content.placeholder@D14', '…物业费(≥**%)'],
    ['content.placeholder@D18', '小区居民满意度(≥**%)'],
  ],
  'l3-hubei-qingshan-bxxx-2020': [],
  // Only warnings: the 长期 half of the indicator block is left as the template's level names.
  'l3-hubei-qingshan-jcss-2020': [],
  // Eleven 三级指标 keep the template's “(≥**个)”, “(≥**%)” markers or a leading “*”.
  'l3-hunan-nanyue-rdjd-2018': ['D11', 'D13', 'D14', 'D18', 'D19', 'D20', 'D21', 'D22', 'D23', 'D24', 'D25'].map((c) => [`content.placeholder@${c}`, 'template marker left in']),
  'l3-hunan-nanyue-zcsy-2018': ['D10', 'D11', 'D17', 'D19', 'D20'].map((c) => [`content.placeholder@${c}`, 'template marker left in']),
  // 财政拨款 reads “854万854万(…畅通工程15”: the amount is printed twice and cut off — no amount can be read.
  'l3-hunan-yueyangxian-gbznt-2022': [['amount.invalid@C6', '财政拨款 garbled']],
  'l3-tianjin-ninghe-myfz-2020': [],
  // The tasks add up to 49.8 + 11 + 171.41 = 232.21 against a 资金总额 of 171.41: the 基本支出 task carries
  // the whole budget instead of its 110.61. The diagnosis finds that cell: 资金总额 agrees with 项目支出 + 基本支出,
  // and only E11 can drop by 60.80 without turning negative.
  'l4-fujian-ningde-dangshi-2019': [['totals.cause@E11', 'the 基本支出 task should be 110.61']],
  // 2022 expenditure: 99611.05 + 9564.46 = 109175.51, but the 合计 says 109175.04 (the income total copied in).
  'l4-hubei-guangshui-jiaoyu-2023': [['totals.block@G12', '支出合计 off by 0.47']],
};

const errorsOf = (report: CheckReport) => report.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}@${f.location.cell}`);

function counts(report: CheckReport): { projects: number; indicators: number } {
  let projects = 0;
  let indicators = 0;
  for (const table of report.tables) {
    for (const row of table.rows) {
      if (row.kind !== 'project') continue;
      indicators += row.records?.length ?? 0;
      // The department table's "projects" are its tasks.
      projects += table.layout === 'department' ? (table.sums.find((s) => s.scope === 'tasks')?.parts.length ?? 0) : 1;
    }
  }
  return { projects, indicators };
}

describe.each(REAL_FIXTURES.map((f) => [f.id, f] as const))('%s', (_id, fixture) => {
  const report = checkWorkbook(realGrid(fixture));

  it(`is read as one ${LAYOUT[fixture.layout]} table with its projects and indicators`, () => {
    expect(report.tables.map((t) => t.layout)).toEqual([LAYOUT[fixture.layout]]);
    expect(counts(report)).toEqual({ projects: fixture.expected.projects, indicators: fixture.expected.indicators });
  });

  it('has no error but its real defects', () => {
    expect(errorsOf(report)).toEqual((REAL_ERRORS[fixture.id] ?? []).map(([at]) => at));
  });
});

test('every fixture has its errors argued here', () => {
  expect(Object.keys(REAL_ERRORS).sort()).toEqual(REAL_FIXTURES.map((f) => f.id));
});

describe('what the real tables show, read right', () => {
  test('a row per indicator: merged level cells continue down, units and values come from their own columns', () => {
    const report = checkWorkbook(realGrid(realFixture('l2-sichuan-jianyan-mata-2023')));
    const project = report.tables[0]?.rows.find((r) => r.kind === 'project');
    expect(project?.name).toBe('村组干部报酬');
    expect(project?.records?.map((r) => [r.level1?.entry?.code, r.level2?.entry?.code, r.name, r.annual?.text, r.details?.weight, r.details?.direction])).toEqual([
      ['2', '22', '维护社会稳定', '≥95%', '10', '正向指标'],
      ['1', '13', '维持时效', '≥1年', '20', '正向指标'],
      ['1', '12', '按时发放', '≥1人/年', '10', '正向指标'],
      ['2', '21', '促进村集体经济发展', '≥95%', '10', '正向指标'],
      ['1', '11', '村组干部230人', '≥230个', '10', '正向指标'],
      ['2', '23', '保护生态环境卫生', '≥95%', '10', '正向指标'],
      ['2', '24', '项目维持时效', '≥95%', '10', '正向指标'],
      ['3', '31', '人民群众满意度', '≥95%', '10', '正向指标'],
    ]);
    expect(report.tables[0]?.unit).toBe('元');
  });

  test('Hunan: the unit row adds up its project, 一级 / 二级 merged over their rows, five template rows kept apart', () => {
    const report = checkWorkbook(realGrid(realFixture('l2-hunan-xiangxi-tejiao-2023')));
    const table = report.tables[0];
    expect(table?.rows.map((r) => [r.kind, r.name, r.parent])).toEqual([['unit', '州民族特殊教育学校', null], ['project', '学生伙食费', 0]]);
    const records = table?.rows[1]?.records ?? [];
    expect(records.map((r) => `${r.level1?.name}/${r.level2?.name}`).slice(3, 6)).toEqual(['产出指标/质量指标', '产出指标/质量指标', '产出指标/质量指标']);
    expect(records[3]?.cells?.level1?.cell).toBe('E10');
    expect(table?.rows[1]?.templateRows?.map((t) => t.location.cell)).toEqual(['F7', 'F8', 'F15', 'F19', 'F20']);
    expect(report.findings.filter((f) => f.rule === 'indicator.template-row').map((f) => f.severity)).toEqual(['warning', 'warning', 'warning', 'warning', 'warning']);
  });

  test('a form: the 长期 and 年度 halves side by side, two funding blocks (资金总额, 当年资金总额) each adding up', () => {
    const report = checkWorkbook(realGrid(realFixture('l3-hubei-qingshan-jcss-2020')));
    const table = report.tables[0];
    expect(table?.sums.map((s) => [s.label, s.total.location.cell, s.parts.map((p) => p.location.cell)])).toEqual([
      ['资金总额', 'C6', ['C7', 'C8']],
      ['当年资金总额', 'E6', ['E7', 'E8']],
    ]);
    expect(table?.rows[0]?.goal?.text).toBe('按工作计划完成教育局重点项目建设经费预算安排');
    expect(table?.rows[0]?.periodGoal?.location.cell).toBe('B10');
    expect(table?.rows[0]?.records?.map((r) => [r.cells?.name?.cell, r.slots])).toEqual(
      ['F13', 'F14', 'F15', 'F16', 'F17', 'F18', 'F19'].map((c) => [c, 'annual']),
    );
  });

  test('a form: satisfaction as a second level under 效益 (社会公众或服务对象满意度指标) is satisfaction', () => {
    const report = checkWorkbook(realGrid(realFixture('l3-hubei-qingshan-bxxx-2020')));
    expect(report.findings.map((f) => f.rule)).not.toContain('category.satisfaction-missing');
    expect(report.findings.map((f) => f.rule)).not.toContain('indicator.level-unknown');
  });

  test('amounts written with the form\'s unit (“10000万元”, “854万（…）”) are read as amounts', () => {
    const jcss = checkWorkbook(realGrid(realFixture('l3-hubei-qingshan-jcss-2020')));
    expect(jcss.tables[0]?.rows[0]?.amounts[0]?.parsed).toMatchObject({ kind: 'number', value: 10_000_000_000n });
    const yueyang = checkWorkbook(realGrid(realFixture('l3-hunan-yueyangxian-gbznt-2022')));
    expect(yueyang.tables[0]?.rows[0]?.amounts[0]?.parsed).toMatchObject({ kind: 'number', value: 854_000_000n });
  });
});

describe('planted defects are found, each on its own cell', () => {
  const findings = (id: string, edits: readonly (readonly [string, string | number | null])[]) =>
    checkWorkbook(realGrid(realFixture(id), (_sheet, rows) => edits.forEach(([at, v]) => setCell(rows, at, v)))).findings.filter((f) => f.severity === 'error');

  test('a row per indicator: the unit row off by one, an indicator without a name, a value emptied', () => {
    const found = findings('l2-hunan-xiangxi-tejiao-2023', [['C5', 31], ['G11', null], ['H16', null], ['D6', '保障学生伙食补助按时足额发放。']]);
    // The unit has one project and the table no other sum: the unit row or the project, equally likely, both offered.
    expect(found.map((f) => `${f.rule}@${f.location.cell}`)).toEqual(['totals.cause@C5', 'totals.cause@C6', 'indicator.name-missing@G11', 'indicator.value-missing@H16']);
    expect(formatFinding(found[0] as (typeof found)[number])).toBe('“总计” 31.00 改为 30.00，或者 C6 改为 31.00，都能使本表的合计全部相符：两种改法同样可能，请核对是哪一处填错了，只按其中一种修正。');
  });

  test('a row per indicator: an unknown second level and a missing 效益 category', () => {
    const found = findings('l2-sichuan-jianyan-mata-2023', [['F4', '社会效应指标'], ['E7', '产出指标'], ['E9', '产出指标'], ['E10', '产出指标']]);
    expect(found.map((f) => `${f.rule}@${f.location.cell}`)).toEqual(['indicator.level-unknown@F4', 'indicator.level-parent@F7', 'indicator.level-parent@F9', 'indicator.level-parent@F10']);
  });

  test('a form: the total off its sources, and the project without a goal', () => {
    const found = findings('l3-anhui-jinzhai-kfq-2021', [['C5', 1200], ['B8', null]]);
    expect(found.map((f) => `${f.rule}@${f.location.cell}`)).toEqual(['totals.funding@C5', 'goal.missing@B8', 'content.placeholder@D13', 'content.placeholder@D14', 'content.placeholder@D18']);
  });

  test('the department table: its total off its parts', () => {
    const found = findings('l4-fujian-ningde-dangshi-2019', [['C6', 100.61]]);
    // The planted 基本支出 (C6) or 项目支出 (C5), together with the table's own wrong task E11.
    expect(found.map((f) => `${f.rule}@${f.location.cell}`)).toEqual(['totals.cause@C5', 'totals.cause@C6', 'totals.cause@E11']);
  });
});
