import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { formatIndicators, parseIndicators, type FormatDeviation } from '../../../src/core/indicators/grammar';
import { parseIndicatorValue } from '../../../src/core/indicators/value';
import { createTaxonomy } from '../../../src/core/taxonomy';

const fixtures = join(__dirname, '../../fixtures/indicators');

interface GoldenCase {
  name: string;
  input: string;
  canonical: string | null;
  deviations: FormatDeviation[];
}
const golden = JSON.parse(readFileSync(join(fixtures, 'golden.json'), 'utf8')) as GoldenCase[];
const seedCells = readFileSync(join(fixtures, 'seed-cells.txt'), 'utf8').split('\n').filter((l) => l !== '');

describe('golden indicator strings', () => {
  test.each(golden.map((g) => [g.name, g] as const))('%s', (_name, g) => {
    const parsed = parseIndicators(g.input);
    expect(parsed.canonical).toBe(g.canonical);
    expect(parsed.deviations).toEqual(g.deviations);
  });
});

describe('the seed table', () => {
  test('has nine indicator cells', () => expect(seedCells).toHaveLength(9));

  test.each(seedCells.map((c, i) => [i + 1, c] as const))('cell %i parses and formats back byte for byte', (_i, cell) => {
    const parsed = parseIndicators(cell);
    expect(parsed.deviations).toEqual([]);
    expect(parsed.strayText).toBe('');
    expect(parsed.canonical).toBe(cell);
    expect(formatIndicators(parsed.indicators)).toBe(cell);
  });

  test('reads the model of 物业管理费', () => {
    const [first, second] = parseIndicators(seedCells[0] ?? '').indicators;
    expect(first).toMatchObject({
      seq: 1,
      level1: { code: '1', name: '产出指标', entry: { code: '1', category: 'output' } },
      level2: { code: '12', name: '质量指标', entry: { code: '12', parent: '1' } },
      name: '投诉次数',
      period: { raw: '≤5', text: '≤5', comparator: '≤', number: '5', unit: '', qualitative: false },
      annual: { comparator: '≤', number: '5', unit: '' },
    });
    expect(second?.period).toMatchObject({ comparator: null, number: '95', unit: '%' });
  });

  test('reads words, units and qualitative text', () => {
    const [, effect] = parseIndicators(seedCells[2] ?? '').indicators;
    expect(effect?.period).toMatchObject({ text: '2人（含）以下', comparator: '≤', number: '2', unit: '人' });
    const social = parseIndicators(seedCells[3] ?? '').indicators;
    expect(social[1]?.period).toMatchObject({ text: '优秀', qualitative: true, number: null, comparator: null });
    expect(social[2]?.annual).toMatchObject({ comparator: '≤', number: '5', unit: '件' });
  });
});

describe('structure of malformed items', () => {
  test('a missing value is null, the others are kept', () => {
    const [ind] = parseIndicators('1、1-产出指标；12-质量指标；投诉次数；实施周期指标值:≤5。').indicators;
    expect(ind?.period?.text).toBe('≤5');
    expect(ind?.annual).toBeNull();
  });

  test('a contradicting code and name is marked', () => {
    const [ind] = parseIndicators('1、2-产出指标；12-质量指标；投诉次数；实施周期指标值:≤5；年度指标值:≤5。').indicators;
    expect(ind?.level1).toMatchObject({ code: '2', name: '产出指标', nameConflict: true });
  });

  test('an extra field is kept, never dropped', () => {
    const [ind] = parseIndicators('1、1-产出指标；12-质量指标；投诉次数；备注；实施周期指标值:≤5；年度指标值:≤5。').indicators;
    expect(ind?.extraFields).toEqual(['备注']);
  });

  test('stray text is kept', () => {
    expect(parseIndicators('详见附件').strayText).toBe('详见附件');
  });

  test('the 2021 cost level is rejected by a classic taxonomy', () => {
    const classic = createTaxonomy('level2');
    const parsed = parseIndicators('1、4-成本指标；41-经济成本指标；项目总成本；实施周期指标值:≤30万元；年度指标值:≤30万元。', classic);
    expect(parsed.canonical).toBeNull();
    expect(parsed.indicators[0]?.level1?.entry).toBeNull();
  });
});

describe('found by fuzzing', () => {
  test('a cell with more than 999 items reads item by item and formats back unchanged', () => {
    const text = Array.from({ length: 1200 }, (_, i) => `${i + 1}、1-产出指标；11-数量指标；指标${i}；实施周期指标值:1；年度指标值:1。`).join('');
    const parsed = parseIndicators(text);
    expect(parsed.indicators).toHaveLength(1200);
    expect(parsed.indicators[1199]?.seq).toBe(1200);
    expect(parsed.canonical).toBe(text);
    expect(formatIndicators(parsed.indicators)).toBe(text);
  });

  test('an item whose rebuilt text would read as two items is not formatted', () => {
    const [ind] = parseIndicators('1、1-产出指标；12-质量指标；投诉次数；实施周期指标值:≤5；年度指标值:≤5。 1、x').indicators;
    expect(ind?.annual?.text).toBe('≤5。1、x');
    expect(formatIndicators(ind ? [ind] : [])).toBe('');
  });

  test('values normalise in one step: re-reading the canonical value changes nothing', () => {
    for (const written of ['<＝5', '>＝90%', '=＜3人', '＜=3']) {
      const value = parseIndicatorValue(written);
      expect(parseIndicatorValue(value.text)).toMatchObject({ text: value.text, comparator: value.comparator, number: value.number, unit: value.unit });
    }
    expect(parseIndicatorValue('<＝5')).toMatchObject({ text: '≤5', comparator: '≤', number: '5' });
  });
});

const fragment = fc.constantFrom(
  '1、', '2、', '1.', '（1）', '1-产出指标', '2-效益指标', '3-满意度指标', '12-质量指标', '21-经济效益', '31-服务对象满意度',
  '；', ';', '。', '.', ':', '：', '实施周期指标值:', '年度指标值:', '≥', '>=', '<', '95', '95.5', '%', '人', '优秀',
  '投诉次数', '（含）以下', '\n', ' ', '　', '１', '－', '％', '．', '不低于', '',
);
const messyText = fc.oneof(fc.string({ maxLength: 80 }), fc.array(fragment, { maxLength: 40 }).map((a) => a.join('')));

describe('grammar properties', () => {
  test('parse never throws on any string', () => {
    fc.assert(fc.property(messyText, (text) => {
      parseIndicators(text);
    }), { numRuns: 3000 });
  });

  test('format ∘ parse is idempotent: a canonical text parses to itself with no deviations', () => {
    fc.assert(fc.property(messyText, (text) => {
      const canonical = parseIndicators(text).canonical;
      if (canonical === null) return;
      const again = parseIndicators(canonical);
      expect(again.canonical).toBe(canonical);
      expect(again.deviations).toEqual([]);
    }), { numRuns: 3000 });
  });

  test('the canonical text differs from the input exactly when a deviation is named', () => {
    fc.assert(fc.property(messyText, (text) => {
      const parsed = parseIndicators(text);
      if (parsed.canonical === null) return;
      expect(parsed.deviations.length === 0).toBe(parsed.canonical === text);
    }), { numRuns: 3000 });
  });

  test('any text built from well-formed items is canonical', () => {
    const taxonomy = createTaxonomy('either');
    const level2 = fc.constantFrom(...taxonomy.level2);
    const value = fc.tuple(fc.constantFrom('', '≥', '≤', '＞', '＜', '＝'), fc.nat(1000), fc.constantFrom('', '%', '人', '分', '个工作日'))
      .map(([c, n, u]) => `${c}${n}${u}`);
    const name = fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom(...'服务人数合格率及时完成满意度培训场次ABC123（）%'.split('')) })
      .filter((s) => !/^\d/.test(s));
    const item = fc.record({ level2, name, period: value, annual: value });
    fc.assert(fc.property(fc.array(item, { minLength: 1, maxLength: 6 }), (items) => {
      const text = items.map((it, i) => {
        const l1 = taxonomy.level1ByCode(it.level2.parent);
        return `${i + 1}、${l1?.label}；${it.level2.label}；${it.name}；实施周期指标值:${it.period}；年度指标值:${it.annual}。`;
      }).join('');
      const parsed = parseIndicators(text);
      expect(parsed.canonical).toBe(text);
      expect(parsed.deviations).toEqual([]);
      expect(parsed.indicators.map((p) => p.name)).toEqual(items.map((it) => it.name));
    }), { numRuns: 1000 });
  });
});

describe('cells of the year alone, and detail fields', () => {
  test('a cell whose items give only 年度指标值 asks for that value alone, and is canonical as written', () => {
    const text = '1、产出指标；数量指标；培训人次；年度指标值:≥200人次。2、效益指标；社会效益指标；业务能力提升；年度指标值:有所提升。';
    const parsed = parseIndicators(text);
    expect(parsed.slots).toBe('annual');
    expect(parsed.indicators.map((i) => [i.period, i.annual?.text])).toEqual([[null, '≥200人次'], [null, '有所提升']]);
  });

  test('权重, 指标方向 and the other detail fields are read as details, not as extra text, and written back in order', () => {
    const text = '1、1-产出指标；11-数量指标；培训人次；实施周期指标值:≥200人次；年度指标值:≥200人次；权重:20；指标方向:正向指标；备注:含线上。';
    const parsed = parseIndicators(text);
    expect(parsed.indicators[0]?.details).toEqual({ weight: '20', direction: '正向指标', note: '含线上' });
    expect(parsed.indicators[0]?.extraFields).toEqual([]);
    expect(parsed.canonical).toBe(text);
    const reordered = '1、1-产出指标；11-数量指标；培训人次；实施周期指标值:≥200人次；年度指标值:≥200人次；备注:含线上；权重:20。';
    expect(parseIndicators(reordered).indicators[0]?.details).toEqual({ note: '含线上', weight: '20' });
  });
});

describe('dates inside values', () => {
  test('“2023.07-2024.01” is a value, not the start of an item 2023 with a level 07', () => {
    const parsed = parseIndicators('1、1-产出指标；13-时效指标；项目完成时间；实施周期指标值:2023.07-2024.01；年度指标值:2023.07-2024.01。2、2-效益指标；22-社会效益；受益群众人数；实施周期指标值:≥100人；年度指标值:≥100人。');
    expect(parsed.indicators.map((i) => [i.seq, i.name, i.period?.text, i.annual?.text])).toEqual([
      [1, '项目完成时间', '2023.07-2024.01', '2023.07-2024.01'],
      [2, '受益群众人数', '≥100人', '≥100人'],
    ]);
    expect([parsed.deviations, parsed.strayText]).toEqual([[], '']);
  });
});
