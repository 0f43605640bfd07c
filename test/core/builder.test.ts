import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  appendBuilderRows,
  builderMessagesFor,
  builderRowsFromText,
  builderValueFromText,
  builderValueText,
  canonicalLength,
  checkBuilderRows,
  EMPTY_BUILDER_VALUE,
  emptyBuilderRow,
  EXCEL_CELL_LIMIT,
  formatBuilderRows,
  type BuilderRow,
  type BuilderValue,
} from '../../src/core/builder';
import { createChecker } from '../../src/core/check';
import { COMPARATORS, type Comparator } from '../../src/core/indicators/value';
import { parseIndicators } from '../../src/core/indicators/grammar';
import { renderMessage } from '../../src/core/messages';
import { DEFAULT_TAXONOMY } from '../../src/core/taxonomy';
import { SEED_ROWS, SEED_SHEET } from '../fixtures/seed-grid';
import { formatFinding } from '../../src/core';

const seedCells = readFileSync(join(__dirname, '../fixtures/indicators/seed-cells.txt'), 'utf8').split('\n').filter((l) => l !== '');
const checker = createChecker();
const context = { projectName: '业务培训', goal: '完成年度业务培训。' };

const quantity = (comparator: Comparator | null, number: string, unit: string): BuilderValue => ({ kind: 'quantity', comparator, number, unit });
const row = (level1: string, level2: string, name: string, period: BuilderValue, annual: BuilderValue = period, id = name): BuilderRow => ({
  id, level1, level2, name, period, annual,
});
const withoutIds = (rows: readonly BuilderRow[]) => rows.map((r) => ({ level1: r.level1, level2: r.level2, name: r.name, period: r.period, annual: r.annual }));

describe('seed cells', () => {
  test('there are nine', () => expect(seedCells).toHaveLength(9));

  test.each(seedCells.map((c, i) => [i + 1, c] as const))('cell %i → rows → text is byte-identical', (_i, cell) => {
    const result = builderRowsFromText(cell);
    expect(result.unparsed).toBeNull();
    expect(result.problems).toEqual([]);
    expect(result.rows).toHaveLength(parseIndicators(cell).indicators.length);
    expect(formatBuilderRows(result.rows)).toBe(cell);
  });

  test('reads 2人（含）以下 into number and unit without changing its spelling', () => {
    const rows = builderRowsFromText(seedCells[2] ?? '').rows;
    expect(rows[1]?.period).toEqual(quantity(null, '2', '人（含）以下'));
    expect(rows[0]).toMatchObject({ level1: '1', level2: '11', name: '劳务派遣人员', period: quantity(null, '4', '人') });
  });

  test('the builder reports what the checker reports for each seed project', () => {
    const report = checker.checkWorkbook({ sheets: [SEED_SHEET] });
    SEED_ROWS.forEach((values, r) => {
      const text = values[6];
      if (typeof text !== 'string' || !text.startsWith('1、')) return;
      const name = String(values[0]).trim();
      const expected = report.findings.filter((f) => f.location.row === r && f.location.col === 6).map((f) => `${f.rule}|${formatFinding(f)}`);
      const check = checkBuilderRows(builderRowsFromText(text).rows, { projectName: name, goal: String(values[5]) }, checker);
      const got = check.messages.map((m) => `${m.rule}|${m.message}`);
      expect(new Set(got)).toEqual(new Set(expected));
      expect(check.text).toBe(text);
    });
  });
});

describe('builderRowsFromText', () => {
  test('an empty cell gives no rows', () => expect(builderRowsFromText('  ')).toEqual({ rows: [], unparsed: null, problems: [], slots: 'both' }));

  test('non-canonical text becomes rows that format to the canonical text', () => {
    const messy = '1、1-产出指标;12-质量指标;投诉次数;实施周期指标值：<=5;年度指标值：<=5。';
    const result = builderRowsFromText(messy);
    expect(result.unparsed).toBeNull();
    expect(result.rows[0]?.period).toEqual(quantity('≤', '5', ''));
    expect(formatBuilderRows(result.rows)).toBe(parseIndicators(messy).canonical);
  });

  test('an incomplete item still becomes a row (the missing parts stay empty)', () => {
    const result = builderRowsFromText('1、1-产出指标；11-数量指标；培训人次。');
    expect(result.unparsed).toBeNull();
    expect(withoutIds(result.rows)).toEqual([{ level1: '1', level2: '11', name: '培训人次', period: EMPTY_BUILDER_VALUE, annual: EMPTY_BUILDER_VALUE }]);
  });

  test('text that is not indicators is returned whole, with what failed', () => {
    const result = builderRowsFromText('详见附件');
    expect(result.rows).toEqual([]);
    expect(result.unparsed).toBe('详见附件');
    expect(result.problems).toEqual([renderMessage('indicators.unparseable', { text: '详见附件' })]);
  });

  test('an item with an unknown level or extra fields is kept as text; the others become rows', () => {
    const text =
      '1、1-产出指标；11-数量指标；培训人次；实施周期指标值:≥200人次；年度指标值:≥200人次。' +
      '2、5-其他指标；55-其他；某项；实施周期指标值:1；年度指标值:1。' +
      '3、2-效益指标；22-社会效益；能力提升；备注；实施周期指标值:有效提升；年度指标值:有效提升。';
    const result = builderRowsFromText(text);
    expect(result.rows.map((r) => r.name)).toEqual(['培训人次']);
    expect(result.unparsed).toBe('2、5-其他指标；55-其他；某项；实施周期指标值:1；年度指标值:1。3、2-效益指标；22-社会效益；能力提升；备注；实施周期指标值:有效提升；年度指标值:有效提升。');
    expect(result.problems).toEqual([
      renderMessage('indicator.level-unknown', { seq: 2, name: '某项', level: 1, written: '5-其他指标' }),
      renderMessage('indicator.level-unknown', { seq: 2, name: '某项', level: 2, written: '55-其他' }),
      renderMessage('indicator.extra-field', { seq: 3, name: '能力提升', fields: '备注' }),
    ]);
  });

  test('a code that contradicts its name is kept as text', () => {
    const result = builderRowsFromText('1、1-效益指标；12-质量指标；合格率；实施周期指标值:100%；年度指标值:100%。');
    expect(result.rows).toEqual([]);
    expect(result.unparsed).not.toBeNull();
    expect(result.problems[0]).toContain('编码与名称不符');
  });

  test('an ambiguous “95.2、” keeps the whole text', () => {
    const text = '1、1-产出指标；12-质量指标；合格率；实施周期指标值:95；年度指标值:95.2、2-效益指标；22-社会效益；提升；实施周期指标值:优秀；年度指标值:优秀。';
    const result = builderRowsFromText(text);
    expect(result).toEqual({ rows: [], unparsed: text, problems: [renderMessage('indicators.ambiguous-terminator', {})], slots: 'both' });
  });
});

describe('values', () => {
  test.each([['≥95%'], ['100%'], ['优秀'], ['2人（含）以下'], ['≤5'], ['']])('%s reads back unchanged', (text) => {
    expect(builderValueText(builderValueFromText(text))).toBe(text);
  });

  test('a quantity without a number writes nothing', () => expect(builderValueText(quantity('≥', '', '%'))).toBe(''));
});

describe('formatBuilderRows and appendBuilderRows', () => {
  const training = row('1', '11', '培训人次', quantity('≥', '200', '人次'));
  const satisfaction = row('3', '31', '参训人员满意度', quantity('≥', '90', '%'));

  test('numbers the rows 1、2、 in canonical form', () => {
    expect(formatBuilderRows([training, satisfaction])).toBe(
      '1、1-产出指标；11-数量指标；培训人次；实施周期指标值:≥200人次；年度指标值:≥200人次。2、3-满意度指标；31-服务对象满意度；参训人员满意度；实施周期指标值:≥90%；年度指标值:≥90%。',
    );
  });

  test('an incomplete row is written with what it has, and reads back the same', () => {
    const partial = row('', '12', '', EMPTY_BUILDER_VALUE, quantity(null, '1', '次'));
    const text = formatBuilderRows([partial]);
    expect(text).toBe('1、1-产出指标；12-质量指标；实施周期指标值:；年度指标值:1次。');
    expect(withoutIds(builderRowsFromText(text).rows)).toEqual(withoutIds([{ ...partial, level1: '1' }]));
  });

  test('appends after the cell’s indicators, renumbered', () => {
    const cell = seedCells[0] ?? '';
    const text = appendBuilderRows(cell, [training]);
    expect(text.startsWith(cell)).toBe(true);
    expect(text.slice(cell.length)).toBe('4、1-产出指标；11-数量指标；培训人次；实施周期指标值:≥200人次；年度指标值:≥200人次。');
    expect(parseIndicators(text).deviations).toEqual([]);
  });

  test('appending to a non-canonical cell normalises it', () => {
    const text = appendBuilderRows('1、1-产出指标;12-质量指标;投诉次数;实施周期指标值:≤5;年度指标值:≤5。', [satisfaction]);
    expect(text).toBe('1、1-产出指标；12-质量指标；投诉次数；实施周期指标值:≤5；年度指标值:≤5。2、3-满意度指标；31-服务对象满意度；参训人员满意度；实施周期指标值:≥90%；年度指标值:≥90%。');
  });

  test('appending to an empty cell or to text it cannot read keeps that text', () => {
    expect(appendBuilderRows('', [training])).toBe(formatBuilderRows([training]));
    expect(appendBuilderRows('详见附件', [training])).toBe(`详见附件${formatBuilderRows([training])}`);
  });

  test('canonicalLength is the length of the text', () => {
    expect(canonicalLength([training, satisfaction])).toBe(formatBuilderRows([training, satisfaction]).length);
    expect(canonicalLength([])).toBe(0);
  });
});

describe('checkBuilderRows', () => {
  const good = [
    row('1', '11', '培训人次', quantity('≥', '200', '人次')),
    row('2', '22', '业务能力提升', quantity('≥', '90', '%')),
    row('3', '31', '参训人员满意度', quantity('≥', '90', '%')),
    row('4', '41', '人均培训成本', quantity('≤', '500', '元')),
  ];
  const check = (rows: readonly BuilderRow[], ctx = context) => checkBuilderRows(rows, ctx, checker);

  test('good rows give no messages; the text is the canonical string', () => {
    const result = check(good);
    expect(result.messages).toEqual([]);
    expect(result.text).toBe(formatBuilderRows(good));
    expect(result.tooLong).toBe(false);
  });

  test('a missing value is reported on that field, with the checker’s message', () => {
    const rows = [good[0] as BuilderRow, row('2', '22', '业务能力提升', quantity('≥', '90', '%'), EMPTY_BUILDER_VALUE, 'x'), good[2] as BuilderRow, good[3] as BuilderRow];
    const messages = builderMessagesFor(check(rows), 'x');
    expect(messages).toEqual([{
      rowId: 'x', field: 'annual', rule: 'indicator.value-missing', severity: 'error',
      message: renderMessage('indicator.value-missing', { seq: 2, name: '业务能力提升', slot: 'annual' }),
    }]);
  });

  test('missing levels and name are reported on their fields', () => {
    const result = check([...good, row('', '', '', quantity(null, '1', '次'), quantity(null, '1', '次'), 'e')]);
    expect(builderMessagesFor(result, 'e').map((m) => [m.field, m.rule])).toEqual([
      ['level1', 'indicator.level-missing'],
      ['level2', 'indicator.level-missing'],
      ['name', 'indicator.name-missing'],
    ]);
  });

  test('unit missing on the period value only', () => {
    const result = check([...good, row('1', '12', '合格率', quantity(null, '95', ''), quantity(null, '95', '%'), 'u')]);
    const unit = builderMessagesFor(result, 'u').filter((m) => m.rule === 'value.unit-missing');
    expect(unit.map((m) => m.field)).toEqual(['period']);
  });

  test('a satisfaction value that is not a percentage is reported on both values', () => {
    const rows = [good[0] as BuilderRow, good[1] as BuilderRow, row('3', '31', '满意度', quantity('≤', '5', '件'), quantity('≤', '5', '件'), 's')];
    expect(builderMessagesFor(check(rows), 's').filter((m) => m.rule === 'value.satisfaction-unit').map((m) => m.field)).toEqual(['period', 'annual']);
  });

  test('placeholders, duplicates and missing categories', () => {
    const rows = [row('1', '11', 'XX人次', quantity('≥', '1', '人'), quantity('≥', '1', '人'), 'p'), row('1', '11', 'XX人次', quantity('≥', '1', '人'), quantity('≥', '1', '人'), 'd')];
    const result = check(rows);
    expect(builderMessagesFor(result, 'p', 'name').map((m) => m.rule)).toEqual(['content.placeholder']);
    expect(builderMessagesFor(result, 'd', 'name').map((m) => m.rule)).toEqual(['indicator.duplicate', 'content.placeholder']);
    expect(builderMessagesFor(result, null).map((m) => [m.field, m.rule])).toEqual([
      ['category', 'category.effect-missing'],
      ['category', 'category.satisfaction-missing'],
      ['category', 'category.cost-missing'],
    ]);
  });

  test('no rows: the indicators are missing', () => {
    expect(check([]).messages.map((m) => [m.rowId, m.field, m.rule])).toEqual([[null, 'indicators', 'indicators.missing']]);
  });

  test('a one-year project wants equal values; a multi-year one does not', () => {
    const differing = [...good, row('1', '13', '完成率', quantity(null, '100', '%'), quantity(null, '50', '%'), 'y')];
    expect(builderMessagesFor(check(differing), 'y').map((m) => [m.field, m.rule])).toEqual([['annual', 'value.annual-differs']]);
    expect(builderMessagesFor(check(differing, { projectName: '2024-2025年运维项目', goal: '运维' }), 'y')).toEqual([]);
  });

  test('text the cell cannot carry is reported by the builder, and the rest is still checked', () => {
    const rows = [
      ...good,
      row('1', '12', '合格率；备注', quantity(null, '100', '%'), quantity(null, '100', '%'), 'sep'),
      row('1', '12', '年度：任务完成率', quantity(null, '100', '%'), quantity(null, '100', '%'), 'label'),
      row('1', '12', '年度任务完成率', quantity(null, '100', '%'), quantity(null, '100', '%'), 'plain'),
      row('1', '11', '人数', quantity('≥', '９5', '人'), quantity('≥', '5', '人'), 'num'),
    ];
    const result = check(rows);
    expect(builderMessagesFor(result, 'sep').map((m) => [m.field, m.rule])).toEqual([['name', 'builder.separator']]);
    expect(builderMessagesFor(result, 'label').map((m) => [m.field, m.rule])).toEqual([['name', 'builder.misread']]);
    expect(builderMessagesFor(result, 'plain')).toEqual([]);
    expect(builderMessagesFor(result, 'num').map((m) => [m.field, m.rule])).toEqual([['period', 'builder.number-invalid']]);
    expect(result.messages.filter((m) => m.rule.startsWith('indicators.'))).toEqual([]);
  });

  test('messages follow the locale', () => {
    const result = checkBuilderRows([row('1', '12', '合格率；备注', quantity(null, '100', '%'))], { ...context, locale: 'en-US' }, createChecker());
    expect(result.messages.find((m) => m.rule === 'builder.separator')?.message).toMatch(/Semicolons/);
    expect(result.messages.find((m) => m.rule === 'category.effect-missing')?.message).toMatch(/effect|benefit/i);
  });

  test('text over Excel’s cell limit is reported', () => {
    const long = Array.from({ length: 400 }, (_, i) => row('1', '11', `培训人次${'甲'.repeat(40)}${i}`, quantity('≥', '200', '人次'), quantity('≥', '200', '人次'), `r${i}`));
    const result = check(long);
    expect(result.length).toBeGreaterThan(EXCEL_CELL_LIMIT);
    expect(result.tooLong).toBe(true);
    expect(builderMessagesFor(result, null, 'indicators').map((m) => m.rule)).toContain('builder.too-long');
  });

  test('an empty new row is reported on every field', () => {
    const result = check([...good, emptyBuilderRow('n')]);
    expect(new Set(builderMessagesFor(result, 'n').map((m) => m.field))).toEqual(new Set(['level1', 'level2', 'name', 'period', 'annual']));
  });
});

describe('property: any builder state', () => {
  const nameChars = fc.constantFrom(...'服务质量完成率人员设备系统运行宣传培训投诉次数满意度项目资金使用管理信息工作（）%'.split(''));
  const name = fc.array(nameChars, { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
  const units = ['', '%', '人', '人次', '件', '次', '份', '个', '项', '分', '天', '个工作日', '小时', '分钟', '万元', '元', '台', '套', '平方米', '公里', '人（含）以下'];
  const number = fc.oneof(fc.nat(100000).map(String), fc.tuple(fc.nat(999), fc.nat(99)).map(([a, b]) => `${a}.${b}`));
  const quantityValue = fc.record({
    kind: fc.constant('quantity' as const),
    comparator: fc.constantFrom<Comparator | null>(null, ...COMPARATORS),
    number,
    unit: fc.constantFrom(...units),
  });
  const qualitativeText = fc.oneof(
    fc.constantFrom('优秀', '良好', '合格', '达标', '有效提升', '明显改善', '应保尽保'),
    fc.array(nameChars.filter((c) => c !== '%'), { minLength: 1, maxLength: 8 }).map((a) => a.join('')),
  );
  const qualitativeValue = fc.record({ kind: fc.constant('qualitative' as const), text: qualitativeText });
  const value: fc.Arbitrary<BuilderValue> = fc.oneof(quantityValue, qualitativeValue);
  const builderRow = fc.record({
    level2: fc.constantFrom(...DEFAULT_TAXONOMY.level2),
    name,
    period: value,
    annual: value,
  }).map(({ level2, ...rest }) => ({ id: 'x', level1: level2.parent, level2: level2.code, ...rest }));
  const rows = fc.array(builderRow, { minLength: 1, maxLength: 8 });

  test('rows → canonical string → rows gives the same rows; the string passes the format rules', () => {
    fc.assert(
      fc.property(rows, (state) => {
        const text = formatBuilderRows(state);
        const back = builderRowsFromText(text);
        expect(back.unparsed).toBeNull();
        expect(withoutIds(back.rows)).toEqual(withoutIds(state));
        const parsed = parseIndicators(text);
        expect(parsed.deviations).toEqual([]);
        expect(parsed.canonical).toBe(text);
        const result = checkBuilderRows(state, context, checker);
        expect(result.messages.filter((m) => m.rule.startsWith('indicators.') || m.rule.startsWith('builder.'))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a name that is also a level-2 name', () => {
  test('without a second level, only the missing level is reported', () => {
    const rows = [row('3', '', '服务对象满意度', { kind: 'quantity', comparator: null, number: '90', unit: '%' }, undefined, 's')];
    const result = checkBuilderRows(rows, context, checker);
    expect(builderMessagesFor(result, 's').map((m) => [m.field, m.rule, m.message])).toEqual([
      ['level2', 'indicator.level-missing', renderMessage('indicator.level-missing', { seq: 1, name: '服务对象满意度', level: 2 })],
    ]);
  });
});
