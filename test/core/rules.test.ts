import { BUILTIN_PROFILES, checkWorkbook, formatFinding, parseProfile, RULES, type CellValue, type Finding, type Profile } from '../../src/core';
import { SEED_SHEET } from '../fixtures/seed-grid';
import { messageOf, paramOf, withMessage } from './finding-helpers';

const HEADER = ['项目名称（资金使用单位）', '总计', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标'];
const GOOD =
  '1、1-产出指标；11-数量指标；培训人次；实施周期指标值:≥200人次；年度指标值:≥200人次。' +
  '2、2-效益指标；22-社会效益；业务能力提升；实施周期指标值:≥90%；年度指标值:≥90%。' +
  '3、3-满意度指标；31-服务对象满意度；参训人员满意度；实施周期指标值:≥90%；年度指标值:≥90%。' +
  '4、1-产出指标；14-成本指标；人均培训成本；实施周期指标值:≤500元；年度指标值:≤500元。';
const GOAL = '完成年度业务培训，提升干部业务能力。';

type Row = readonly CellValue[];
const project = (name: string, amounts: readonly CellValue[] = [10, 10, null, null], goal: CellValue = GOAL, indicators: CellValue = GOOD): Row => [
  `    ${name}`, ...amounts, goal, indicators,
];

/** A one-table workbook: title, 部门名称 + 单位, header, 合计, one unit, then the given project rows. */
function workbook(projects: readonly Row[], opts: { unit?: string | null; grand?: readonly CellValue[]; unitRow?: readonly CellValue[] } = {}) {
  const sum = projects.reduce((s, r) => s + (typeof r[1] === 'number' ? r[1] : 0), 0);
  const unit = opts.unit === undefined ? '单位：万元' : opts.unit;
  return {
    sheets: [{
      name: 'Sheet1', originRow: 0, originCol: 0,
      values: [
        ['项目支出绩效目标表', null, null, null, null, null, null],
        ['部门名称：测试局', null, null, null, null, null, unit],
        HEADER,
        ['合计', ...(opts.grand ?? [sum, sum, null, null]), null, null],
        ['测试局', ...(opts.unitRow ?? [sum, sum, null, null]), null, null],
        ...projects,
      ],
    }],
  };
}

const seen = new Set<string>();
function check(wb: ReturnType<typeof workbook>, profile?: Profile): readonly Finding[] {
  const findings = checkWorkbook(wb, profile ? { profile } : {}).findings;
  for (const f of findings) seen.add(f.rule);
  return findings;
}
const only = (findings: readonly Finding[], rule: string) => findings.filter((f) => f.rule === rule);

afterAll(() => {
  // Every rule of the catalogue is triggered by at least one test in this file.
  expect(RULES.map((r) => r.id).filter((id) => !seen.has(id))).toEqual([]);
});

describe('a clean table', () => {
  test('has no findings', () => expect(check(workbook([project('业务培训')]))).toEqual([]));
});

describe('the seed table', () => {
  const findings = () => check({ sheets: [SEED_SHEET] } as ReturnType<typeof workbook>);

  test('has exactly one error: 党建引领擦亮广州信访品牌 has no 效益指标', () => {
    const errors = findings().filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ rule: 'category.effect-missing', project: '党建引领擦亮广州信访品牌', location: { sheet: '项目支出绩效目标表', cell: 'G12' } });
  });

  test('has no totals findings', () => expect(findings().filter((f) => f.rule.startsWith('totals.'))).toEqual([]));

  test('warns where the seed is weak', () => {
    const f = findings();
    expect(only(f, 'category.satisfaction-missing').map((x) => x.project)).toEqual([
      '机构运行辅助经费', '信访工作专项经费', '党建引领擦亮广州信访品牌', '广州市信访局2024-2025年信息化运维项目', '广州市信访局2025-2026年信息化运维项目',
    ]);
    expect(only(f, 'value.satisfaction-unit')).toMatchObject([{ project: '社工服务外包项目', params: { value: '≤5件' } }]);
    expect(only(f, 'value.unit-missing').map((x) => [x.project, paramOf(x, 'value')])).toEqual([
      ['物业管理费', '≤5'], ['社工服务外包项目', '6'], ['广州市信访局2024-2025年信息化运维项目', '2'], ['广州市信访局2025-2026年信息化运维项目', '2'],
    ]);
    expect(f.filter((x) => x.severity === 'warning')).toHaveLength(10);
  });

  test('informs about qualitative values and cost indicators', () => {
    const infos = findings().filter((x) => x.severity === 'info');
    expect(only(infos, 'value.qualitative')).toMatchObject([{ project: '社工服务外包项目', params: { value: '优秀' } }]);
    expect(only(infos, 'category.cost-missing')).toHaveLength(9);
  });
});

describe('totals', () => {
  test('总计 ≠ parts: error at the 总计 cell with expected, actual and difference, fix = the sum', () => {
    const f = check(workbook([project('业务培训', [99, 98, null, 0.5])], { grand: [99, 98, null, 0.5], unitRow: [99, 98, null, 0.5] }));
    const hit = only(f, 'totals.row').find((x) => x.project === '业务培训');
    expect(hit).toMatchObject({ severity: 'error', location: { cell: 'B6' }, params: { expected: '98.50', actual: '99.00', difference: '0.50', unit: '万元' }, fix: { expected: 99, value: 98.5 } });
    expect(messageOf(hit)).toBe('总计 99.00 不等于 财政拨款 + 财政专户拨款 + 其他资金 之和 98.50，相差 0.50 万元。请核对分项，或将总计改为 98.50。');
    // The grand total and the unit row disagree with their own parts in the same way.
    expect(only(f, 'totals.row').map((x) => x.location.cell)).toEqual(['B4', 'B5', 'B6']);
  });

  test('a difference within 0.01 万元 is 尾差, reported apart', () => {
    const f = check(workbook([project('业务培训', [10.01, 10, null, null])], { grand: [10.01, 10, null, null], unitRow: [10.01, 10, null, null] }));
    expect(only(f, 'totals.row')).toEqual([]);
    expect(only(f, 'totals.rounding')[0]).toMatchObject({ severity: 'warning', params: { scope: 'row', difference: '0.01', tolerance: '0.01' } });
  });

  test('a unit that disagrees with its projects is reported once per column, at the unit cell, as a consequence', () => {
    // 合计 agrees with the unit row, so setting the unit to 30 would break 合计 (the old fix): the smallest
    // corrections are one project's 总计 and 财政拨款, 甲 or 乙, both offered.
    const f = check(workbook([project('甲', [10, 10, null, null]), project('乙', [20, 20, null, null])], { unitRow: [31, 31, null, null], grand: [31, 31, null, null] }));
    const units = only(f, 'totals.consequence');
    expect(units.map((u) => u.location.cell)).toEqual(['B5', 'C5']);
    expect(units[0]).toMatchObject({ project: '测试局', params: { expected: '30.00', actual: '31.00', difference: '1.00', cause: 'B6+C6,B7+C7' }, fix: undefined });
    expect(only(f, 'totals.cause').map((x) => [x.location.cell, x.fix?.value])).toEqual([['B6', 11], ['C6', 11], ['B7', 21], ['C7', 21]]);
    expect(only(f, 'totals.unit')).toEqual([]);
    expect(only(f, 'totals.grand')).toEqual([]);
    // Without the diagnosis: totals.unit per column, and no fix, as setting the unit to 30 would break 合计.
    const off = parseProfile({ severities: { 'totals.cause': 'off' } });
    if (!off.ok) throw new Error(off.errors.join());
    const plain = check(workbook([project('甲', [10, 10, null, null]), project('乙', [20, 20, null, null])], { unitRow: [31, 31, null, null], grand: [31, 31, null, null] }), off.profile);
    expect(only(plain, 'totals.unit').map((u) => [u.location.cell, u.fix])).toEqual([['B5', undefined], ['C5', undefined]]);
  });

  test('合计 ≠ sum of the units', () => {
    const f = check(workbook([project('甲', [10, 10, null, null])], { grand: [12, 12, null, null] }));
    // Both 合计 cells are off and nothing else: the two of them are the smallest correction.
    expect(only(f, 'totals.cause').map((x) => [x.location.cell, paramOf(x, 'expected'), x.fix?.value])).toEqual([['B4', '10.00', 10], ['C4', '10.00', 10]]);
    // Without the diagnosis each 合计 cell is its own totals.grand.
    const off = parseProfile({ severities: { 'totals.cause': 'off' } });
    if (!off.ok) throw new Error(off.errors.join());
    const plain = check(workbook([project('甲', [10, 10, null, null])], { grand: [12, 12, null, null] }), off.profile);
    expect(only(plain, 'totals.grand')[0]).toMatchObject({ location: { cell: 'B4' }, params: { expected: '10.00', actual: '12.00', of: 'units', count: 1 } });
  });

  test('元 tables use the 元 tolerance', () => {
    const f = check(workbook([project('甲', [100001, 100000, null, null])], { unit: '单位：元', grand: [100001, 100000, null, null], unitRow: [100001, 100000, null, null] }));
    expect(only(f, 'totals.rounding')[0]?.params).toMatchObject({ unit: '元', difference: '1.00' });
  });

  test('amounts are exact: 0.1 + 0.2 = 0.3', () => {
    expect(only(check(workbook([project('甲', [0.3, 0.1, 0.2, null])])), 'totals.row')).toEqual([]);
  });
});

describe('amounts', () => {
  test('text that is not a number', () => {
    expect(only(check(workbook([project('甲', [10, '十万', null, null])])), 'amount.invalid')[0]).toMatchObject({ location: { cell: 'C6' }, params: { column: 'fiscal', text: '十万' } });
  });
  test('negative, on every row kind', () => {
    const f = only(check(workbook([project('甲', [-1, -1, null, null])])), 'amount.negative');
    expect(f.map((x) => x.location.cell)).toEqual(['B4', 'C4', 'B5', 'C5', 'B6', 'C6']);
    expect(messageOf(f[4])).toBe('“总计”为负数 -1.00 万元，金额不能为负。');
  });
  test('number stored as text, with a fix to the number', () => {
    expect(only(check(workbook([project('甲', ['10.00', 10, null, null])])), 'amount.text')[0]).toMatchObject({ severity: 'warning', fix: { expected: '10.00', value: 10 } });
  });
  test('full-width digits and thousands separators are read', () => {
    expect(only(check(workbook([project('甲', ['１０', '10', null, null])])), 'amount.invalid')).toEqual([]);
  });
  test('more than 6 decimal places', () => {
    expect(only(check(workbook([project('甲', ['10.0000001', 10, null, null])])), 'amount.precision')[0]?.params).toMatchObject({ value: '10.00' });
  });
  test('an Excel error value names the error and asks for the formula to be fixed', () => {
    const findings = check(workbook([project('甲', [10, '#DIV/0!', null, null])]));
    expect(only(findings, 'amount.invalid')).toEqual([]);
    expect(only(findings, 'amount.formula-error').map(withMessage)).toMatchObject([
      { severity: 'error', location: { cell: 'C6' }, message: '“财政拨款”是错误值 #DIV/0!（公式除以了零或空白单元格），无法读取金额。请修正该单元格的公式，或直接填写金额。' },
    ]);
  });
  test('a number with a unit, fixed to the number in the table\'s unit', () => {
    const wan = check(workbook([project('甲', ['10万元', 10, null, null])]));
    expect(only(wan, 'amount.invalid')).toEqual([]);
    expect(only(wan, 'amount.unit').map(withMessage)).toMatchObject([
      { severity: 'error', location: { cell: 'B6' }, fix: { expected: '10万元', value: 10 }, message: '“总计”填的是“10万元”，带了单位。金额单元格只能填数字，单位统一写在表头上方（单位：万元）。请改为 10。' },
    ]);
    const yuan = only(check(workbook([project('甲', [10, '12,345.6元', null, null])])), 'amount.unit');
    expect(yuan).toMatchObject([{ location: { cell: 'C6' }, fix: { value: 1.23456 }, params: { unit: '元', tableUnit: '万元', value: '1.23456' } }]);
    expect(only(check(workbook([project('甲', [10, '3万', null, null])], { unit: '单位：元' })), 'amount.unit')[0]?.fix?.value).toBe(30000);
  });
  test('a row with contents but no name', () => {
    const findings = check(workbook([project('甲'), ['', null, null, null, null, null, GOOD]]));
    expect(only(findings, 'name.missing')).toMatchObject([{ severity: 'error', location: { cell: 'A7' }, project: '' }]);
  });
});

describe('table structure', () => {
  test('no table anywhere', () => {
    const f = check({ sheets: [{ name: '说明', originRow: 0, originCol: 0, values: [['本表无数据']] }] } as ReturnType<typeof workbook>);
    expect(f).toMatchObject([{ rule: 'table.not-found', severity: 'error', params: { sheets: ['说明'] } }]);
    expect(formatFinding(f[0] as Finding, 'zh-CN')).toMatch(/^在工作表 “说明” 中没有找到绩效目标表。/);
    expect(formatFinding(f[0] as Finding, 'en-US')).toMatch(/^No performance target table found in sheet "说明"\. /);
  });
  test('a missing column', () => {
    const wb = workbook([project('甲')]);
    const values = wb.sheets[0]!.values.map((r) => r.slice(0, 6));
    const f = check({ sheets: [{ ...wb.sheets[0]!, values }] });
    expect(only(f, 'table.column-missing')).toMatchObject([{ params: { column: 'indicators' }, location: { cell: 'A3' } }]);
  });
  test('no unit stated', () => expect(only(check(workbook([project('甲')], { unit: null })), 'table.unit-missing')).toHaveLength(1));
  test('no projects', () => {
    const wb = workbook([]);
    const values = wb.sheets[0]!.values.slice(0, 4);
    expect(only(check({ sheets: [{ ...wb.sheets[0]!, values }] }), 'table.no-projects')).toHaveLength(1);
  });
});

describe('completeness', () => {
  test('goal missing', () => expect(only(check(workbook([project('甲', undefined, '')])), 'goal.missing')[0]?.location.cell).toBe('F6'));
  test('indicators missing', () => expect(only(check(workbook([project('甲', undefined, GOAL, null)])), 'indicators.missing')[0]?.location.cell).toBe('G6'));
  test('indicators unreadable', () => expect(only(check(workbook([project('甲', undefined, GOAL, '详见附件')])), 'indicators.unparseable')[0]?.params).toEqual({ text: '详见附件' }));

  test('format deviations: one finding with the canonical string as fix', () => {
    const messy = GOOD.replace(/；/g, ';').replace(/:/g, '：');
    const [hit] = only(check(workbook([project('甲', undefined, GOAL, messy)])), 'indicators.format');
    expect(hit).toMatchObject({ severity: 'warning', params: { deviations: 'semicolon-halfwidth,colon-fullwidth', fixable: 1 }, fix: { expected: messy, value: GOOD } });
    expect(messageOf(hit)).toBe('绩效指标格式不规范：分隔符应为全角分号“；”；“指标值”后应为半角冒号“:”。可一键改为规范格式。');
  });

  test('format deviations without a fix when something is missing', () => {
    const broken = '1、1-产出指标;11-数量指标;培训人次;实施周期指标值:≥200人次。';
    const [hit] = only(check(workbook([project('甲', undefined, GOAL, broken)])), 'indicators.format');
    expect(hit?.fix).toBeUndefined();
    expect(paramOf(hit, 'fixable')).toBe(0);
  });

  test('ambiguous half-width full stop', () => {
    const text = GOOD.replace('≥200人次。2、', '≥200.2、');
    expect(only(check(workbook([project('甲', undefined, GOAL, text)])), 'indicators.ambiguous-terminator')).toHaveLength(1);
  });

  test.each([
    ['category.output-missing', /1、1-产出指标.*?。|4、.*$/g],
    ['category.effect-missing', /2、2-效益指标.*?。/],
    ['category.satisfaction-missing', /3、3-满意度指标.*?。/],
    ['category.cost-missing', /4、.*$/],
  ])('%s', (rule, drop) => {
    const f = check(workbook([project('甲', undefined, GOAL, GOOD.replace(drop, ''))]));
    expect(only(f, rule)).toHaveLength(1);
  });

  test('category severities: output and effect errors, satisfaction warning, cost info', () => {
    const f = check(workbook([project('甲', undefined, GOAL, '1、3-满意度指标；31-服务对象满意度；满意度；实施周期指标值:90%；年度指标值:90%。')]));
    expect(f.filter((x) => x.rule.startsWith('category.')).map((x) => [x.rule, x.severity])).toEqual([
      ['category.output-missing', 'error'], ['category.effect-missing', 'error'], ['category.cost-missing', 'info'],
    ]);
  });
});

describe('each indicator', () => {
  const one = (item: string) => check(workbook([project('甲', undefined, GOAL, GOOD + item)]));

  test('level missing', () => expect(only(one('5、培训天数；实施周期指标值:3天；年度指标值:3天。'), 'indicator.level-missing').map((f) => paramOf(f, 'level'))).toEqual([1, 2]));
  test('level unknown', () => expect(only(one('5、1-产出指标；19-其他指标；培训天数；实施周期指标值:3天；年度指标值:3天。'), 'indicator.level-unknown')[0]?.params).toMatchObject({ seq: 5, level: 2, written: '19-其他指标' }));
  test('code and name disagree', () => expect(only(one('5、1-产出指标；12-数量指标；培训天数；实施周期指标值:3天；年度指标值:3天。'), 'indicator.level-mismatch')[0]?.params).toMatchObject({ level: 2, code: '12', written: '数量指标', expected: '质量指标' }));
  test('level 2 under the wrong level 1', () => expect(only(one('5、1-产出指标；22-社会效益；培训天数；实施周期指标值:3天；年度指标值:3天。'), 'indicator.level-parent')[0]?.params).toMatchObject({ level2: '22-社会效益', level1: '1-产出指标', expected: '2-效益指标' }));
  test('name missing', () => expect(only(one('5、1-产出指标；11-数量指标；实施周期指标值:3天；年度指标值:3天。'), 'indicator.name-missing')[0]?.params).toEqual({ seq: 5 }));
  test('value missing', () => expect(only(one('5、1-产出指标；11-数量指标；培训天数；年度指标值:3天。'), 'indicator.value-missing')[0]?.params).toMatchObject({ slot: 'period' }));
  test('extra field', () => expect(only(one('5、1-产出指标；11-数量指标；培训天数；另附；实施周期指标值:3天；年度指标值:3天。'), 'indicator.extra-field')[0]?.params).toMatchObject({ fields: '另附' }));
  test('duplicate', () => expect(only(one('5、1-产出指标；11-数量指标；培训人次；实施周期指标值:≥200人次；年度指标值:≥200人次。'), 'indicator.duplicate')[0]?.params).toMatchObject({ seq: 5, first: 1 }));
  test.each(['***', '★', 'xx', '××', '＿', '……'])('placeholder %s', (mark) => {
    expect(only(one(`5、1-产出指标；11-数量指标；培训天数；实施周期指标值:${mark}天；年度指标值:3天。`), 'content.placeholder')[0]).toMatchObject({ severity: 'error', params: { field: 'period', seq: 5, text: mark } });
    expect(only(one(`5、1-产出指标；11-数量指标；培训天数；实施周期指标值:${mark}；年度指标值:${mark}。`), 'value.qualitative')).toEqual([]);
  });
  test('placeholder in the goal', () => expect(only(check(workbook([project('甲', undefined, '完成××项工作')])), 'content.placeholder')[0]?.location.cell).toBe('F6'));
  test('unit missing', () => expect(only(one('5、1-产出指标；11-数量指标；培训天数；实施周期指标值:3；年度指标值:3。'), 'value.unit-missing')[0]?.params).toMatchObject({ value: '3' }));
  test('satisfaction not a percentage or score', () => expect(only(one('5、3-满意度指标；31-服务对象满意度；学员满意度；实施周期指标值:满意；年度指标值:满意。'), 'value.satisfaction-unit')).toHaveLength(1));
  test('satisfaction as a score is fine', () => expect(only(one('5、3-满意度指标；31-服务对象满意度；学员满意度；实施周期指标值:≥85分；年度指标值:≥85分。'), 'value.satisfaction-unit')).toEqual([]));
  test('qualitative', () => expect(only(one('5、2-效益指标；22-社会效益；服务质量；实施周期指标值:优良；年度指标值:优良。'), 'value.qualitative')[0]?.severity).toBe('info'));
  test('a value that only states a trend is vague: a warning, not also the qualitative info', () => {
    const found = one('5、2-效益指标；22-社会效益；服务质量；实施周期指标值:有效提升；年度指标值:有效提升。');
    expect(only(found, 'value.vague').map((f) => [f.severity, paramOf(f, 'value')])).toEqual([['warning', '有效提升']]);
    expect(only(found, 'value.qualitative')).toEqual([]);
  });
  test('a cost indicator not stated in money', () => {
    expect(only(one('5、1-产出指标；14-成本指标；设备采购成本；实施周期指标值:100%；年度指标值:100%。'), 'value.cost-not-money').map((f) => paramOf(f, 'value'))).toEqual(['100%']);
    expect(only(one('5、1-产出指标；14-成本指标；设备采购成本；实施周期指标值:≤50万元；年度指标值:≤120元/台。'), 'value.cost-not-money')).toEqual([]);
  });
  test('one-year project: annual should equal period', () => expect(only(one('5、1-产出指标；11-数量指标；培训天数；实施周期指标值:3天；年度指标值:2天。'), 'value.annual-differs')).toHaveLength(1));

  test('multi-year project: annual may differ, but not exceed the period count', () => {
    const multi = (item: string) => check(workbook([project('2024-2025年培训项目', undefined, GOAL, GOOD + item)]));
    expect(only(multi('5、1-产出指标；11-数量指标；培训天数；实施周期指标值:6天；年度指标值:3天。'), 'value.annual-differs')).toEqual([]);
    expect(only(multi('5、1-产出指标；11-数量指标；培训天数；实施周期指标值:3天；年度指标值:6天。'), 'value.annual-exceeds-period')[0]?.params).toMatchObject({ period: '3天', annual: '6天' });
    expect(only(multi('5、1-产出指标；12-质量指标；合格率；实施周期指标值:90%；年度指标值:95%。'), 'value.annual-exceeds-period')).toEqual([]);
  });
});

describe('profiles', () => {
  test('a rule can be switched off or its severity changed', () => {
    const loaded = parseProfile({ severities: { 'category.satisfaction-missing': 'off', 'category.effect-missing': 'warning' } });
    if (!loaded.ok) throw new Error(loaded.errors.join());
    const f = check({ sheets: [SEED_SHEET] } as ReturnType<typeof workbook>, loaded.profile);
    expect(only(f, 'category.satisfaction-missing')).toEqual([]);
    expect(only(f, 'category.effect-missing')[0]?.severity).toBe('warning');
  });

  test('caiyu-2021 wants a first-level cost indicator', () => {
    const profile = BUILTIN_PROFILES['caiyu-2021']!;
    const f = check(workbook([project('甲')]), profile);
    expect(only(f, 'category.cost-missing')[0]?.severity).toBe('warning');
    expect(only(f, 'indicator.level-unknown')[0]?.params).toMatchObject({ written: '14-成本指标' });
  });

  test('a custom tolerance', () => {
    const loaded = parseProfile({ roundingTolerance: { 万元: '0.05' } });
    if (!loaded.ok) throw new Error(loaded.errors.join());
    const f = check(workbook([project('甲', [10.04, 10, null, null])], { grand: [10.04, 10, null, null], unitRow: [10.04, 10, null, null] }), loaded.profile);
    expect(only(f, 'totals.row')).toEqual([]);
    expect(only(f, 'totals.rounding')).toHaveLength(3);
  });

  test('bad profiles are refused with every problem named', () => {
    const loaded = parseProfile({ severities: { 'no.such-rule': 'error', 'goal.missing': 'fatal' }, costIndicator: 'maybe', colour: 'red', roundingTolerance: { 万元: '-1' } });
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.errors).toHaveLength(5);
    expect(parseProfile([]).ok).toBe(false);
  });

  test('English messages', () => {
    const f = checkWorkbook({ sheets: [SEED_SHEET] }).findings.find((x) => x.severity === 'error');
    expect(messageOf(f, 'en-US')).toBe('No effect indicator (2-效益指标): every project needs one.');
  });
});

describe('finding keys', () => {
  test('are unique, even when one indicator misses both levels', () => {
    const f = check(workbook([project('甲', ['x', -1, '1.0000001', null], '完成**', GOOD + '5、培训天数；实施周期指标值:3；年度指标值:满意。6、1-产出指标；19-其他；甲；实施周期指标值:1；年度指标值:2。')]));
    const keys = f.map((x) => x.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(only(f, 'indicator.level-missing').map((x) => x.key)).toEqual(['indicator.level-missing|Sheet1!G6|5.1', 'indicator.level-missing|Sheet1!G6|5.2']);
  });
});

describe('rules on the other layouts: each finding at the cell of its own field', () => {
  const sheet = (values: readonly Row[]) => ({ sheets: [{ name: 'Sheet1', originRow: 0, originCol: 0, values: [...values] }] });
  const ROW_HEADER: Row = ['单位名称', '项目名称', '预算数', '年度目标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位'];

  test('a row per indicator: a missing value points at the value cell, a template row at its level cell', () => {
    const f = check(sheet([
      ['金额单位：万元'],
      ROW_HEADER,
      ['测试局', '培训项目', 10, '完成培训。', '产出指标', '数量指标', '培训人次', '≥', 200, '人次'],
      [null, null, null, null, null, '质量指标', '培训合格率', '≥', null, '%'],
      [null, null, null, null, '效益指标', '社会效益指标', '业务能力提升', '定性', '有所提升', null],
      [null, null, null, null, null, '生态效益指标', null, null, null, null],
      [null, null, null, null, '满意度指标', '服务对象满意度指标', '参训人员满意度', '≥', 90, '%'],
    ]));
    expect(only(f, 'indicator.value-missing').map((x) => [x.location.cell, paramOf(x, 'slot')])).toEqual([['I4', 'annual']]);
    expect(only(f, 'indicator.template-row').map((x) => [x.location.cell, x.severity, messageOf(x)])).toEqual([
      ['F6', 'warning', '这一行只有指标层级（效益指标 / 生态效益指标），没有三级指标和指标值，是模板留下的空行。请填写指标，或删除这一行。'],
    ]);
    // One value column: nothing asks for a 实施周期 value.
    expect(f.filter((x) => x.severity === 'error').map((x) => x.rule)).toEqual(['indicator.value-missing']);
  });

  test('a form: the total against its sources, and a 合计 row against the rows above it', () => {
    const f = check(sheet([
      ['项目支出绩效目标申报表'],
      ['项目名称', '培训项目', null, null],
      ['项目资金（万元）', '年度资金总额：', 12, null],
      [null, '其中：财政拨款', 10, null],
      [null, '其他资金', 1, null],
      ['成本构成', '师资费', 6, null],
      [null, '场地费', 3, null],
      [null, '合计', 10, null],
      ['年度目标', '完成培训。', null, null],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '培训人次', '≥200人次'],
      ['效益指标', '社会效益指标', '业务能力提升', '有所提升'],
    ]));
    expect(only(f, 'totals.funding').map((x) => [x.location.cell, messageOf(x), x.fix?.value])).toEqual([
      ['C3', '“年度资金总额” 12.00 不等于 财政拨款 + 其他资金 之和 11.00，相差 1.00 万元。请核对各项资金来源，或将“年度资金总额”改为 11.00。', 11],
    ]);
    expect(only(f, 'totals.block').map((x) => [x.location.cell, paramOf(x, 'expected'), paramOf(x, 'count')])).toEqual([['C8', '9.00', 2]]);
  });

  test('the department table: its tasks against its total, without a fix (which task is wrong is unknown)', () => {
    const f = check(sheet([
      ['部门整体支出绩效目标表'],
      ['部门(单位)名称', '测试局', null, null],
      ['年度预算安排(万元)', '资金总额', 100, null],
      [null, '项目支出', 40, null],
      [null, '基本支出', 60, null],
      ['年度总体目标', '完成全年工作。', null, null],
      ['年度履职目标', '年度目标任务', '支出项目名称', '预算金额(万元)'],
      [null, '培训', '培训经费', 40],
      [null, '宣传', '宣传经费', 20],
      [null, '运转', '基本支出', 50],
    ]));
    expect(only(f, 'totals.funding')).toEqual([]);
    expect(only(f, 'totals.tasks').map((x) => [x.location.cell, paramOf(x, 'expected'), paramOf(x, 'actual'), x.fix])).toEqual([['C3', '110.00', '100.00', undefined]]);
  });
});

describe('what reviewers send back beyond missing parts (one cell per project)', () => {
  const one = (item: string) => check(workbook([project('甲', undefined, GOAL, GOOD + item)]));
  const rulesAt = (findings: readonly Finding[], rule: string) => only(findings, rule).map((f) => [f.severity, f.location.cell]);

  test('a goal that only repeats the project name', () => {
    expect(rulesAt(check(workbook([project('业务培训', undefined, '业务培训。')])), 'goal.restates-name')).toEqual([['warning', 'F6']]);
  });
  test('satisfaction filed under 社会效益', () => {
    expect(rulesAt(one('5、2-效益指标；22-社会效益；群众满意度；实施周期指标值:≥90%；年度指标值:≥90%。'), 'indicator.satisfaction-misplaced')).toEqual([['warning', 'G6']]);
  });
  test('a 反向 indicator with a floor', () => {
    const found = one('5、1-产出指标；11-数量指标；投诉件数；实施周期指标值:≥3件；年度指标值:≥3件；指标方向:反向指标。');
    expect(only(found, 'value.direction').map((f) => [paramOf(f, 'direction'), paramOf(f, 'value')])).toEqual([['反向指标', '≥3件']]);
  });
  test('a name that states its target in another unit than the value', () => {
    expect(only(one('5、1-产出指标；11-数量指标；培训教师20人；实施周期指标值:≥20名；年度指标值:≥20名。'), 'value.name-unit').map((f) => paramOf(f, 'unit'))).toEqual(['人']);
  });
  test('weights that add up to neither 100 nor 90', () => {
    const weighted = (w: number, seq: number, l1: string, l2: string, name: string) => `${seq}、${l1}；${l2}；${name}；实施周期指标值:≥90%；年度指标值:≥90%；权重:${w}。`;
    const cell = (a: number, b: number) => weighted(a, 1, '1-产出指标', '12-质量指标', '验收合格率') + weighted(b, 2, '2-效益指标', '22-社会效益', '群众知晓率');
    expect(only(check(workbook([project('甲', undefined, GOAL, cell(60, 30))])), 'weights.sum')).toEqual([]);
    expect(only(check(workbook([project('甲', undefined, GOAL, cell(60, 50))])), 'weights.sum').map((f) => [paramOf(f, 'total'), paramOf(f, 'count')])).toEqual([['110', 2]]);
  });
  test('a multi-year project whose 年度目标 copies its 实施期 goal', () => {
    const header = ['项目名称', '总计', '财政拨款', '实施期绩效目标', '绩效目标', '绩效指标'];
    const goal = '完成全市信息系统运维。';
    const sheet = (name: string) => ({ sheets: [{ name: 'Sheet1', originRow: 0, originCol: 0, values: [['单位：万元'], header, [name, 10, 10, goal, goal, GOOD]] }] });
    expect(rulesAt(check(sheet('2024-2025年信息化运维项目')), 'goal.same-as-period')).toEqual([['warning', 'E3']]);
    expect(only(check(sheet('信息化运维项目')), 'goal.same-as-period')).toEqual([]);
  });
});
