import fc from 'fast-check';
import {
  builderRowsFromText,
  checkBuilderRows,
  formatBuilderRows,
  type BuilderRow,
} from '../../../src/core/builder';
import { createChecker, type CheckReport, type Checker } from '../../../src/core/check';
import type { Finding } from '../../../src/core/findings';
import { cellAt, toA1, type CellValue, type SheetGrid, type WorkbookGrid } from '../../../src/core/grid';
import { formatIndicators, parseIndicators, type Indicator, type IndicatorParse } from '../../../src/core/indicators/grammar';
import { parseIndicatorValue, type IndicatorValue } from '../../../src/core/indicators/value';
import { BUILTIN_PROFILES, NATIONAL_PROFILE, toleranceFor } from '../../../src/core/profile';
import { RULES } from '../../../src/core/rules/registry';
import type { ProjectRule, RowRule, RuleContext } from '../../../src/core/rules/rule';
import { projectSubject, rowSubject } from '../../../src/core/rules/subjects';
import type { PerformanceTable, TableReadResult, TableRow } from '../../../src/core/table-model';
import { readTables } from '../../../src/core/table-reader';
import { DEFAULT_TAXONOMY } from '../../../src/core/taxonomy';
import { BUILTIN_TEMPLATES } from '../../../src/core/templates';
import golden from '../../fixtures/indicators/golden.json';
import { SEED_ROWS } from '../../fixtures/seed-grid';
import { formatFinding } from '../../../src/core';

/**
 * Fuzz properties shared by the jest test (a few thousand inputs) and `npm run fuzz` (100,000s).
 * Every check throws an Error describing the violation; fast-check shrinks and reports the input.
 */

export interface FuzzStats {
  /** Slowest accepted time per operation, with the size of its input. */
  readonly slowest: Map<string, { ms: number; size: number }>;
  readonly counts: Map<string, number>;
}

export function newFuzzStats(): FuzzStats {
  return { slowest: new Map(), counts: new Map() };
}

export interface FuzzOptions {
  /**
   * Upper bound for one operation on one input, plus `perUnitMs` per character (or non-text cell): linear
   * work on a 20,000-character cell is allowed its time, hangs and quadratic blow-ups are not. Not a benchmark.
   * null (jest): nothing is timed; only `npm run fuzz`, which owns the machine, holds inputs to a time.
   */
  readonly boundMs: number | null;
  readonly perUnitMs: number;
  readonly stats: FuzzStats;
  /** Called as each input starts (the runner's watchdog counts inputs to name the one that hangs). */
  readonly onInput?: () => void;
}

function count(stats: FuzzStats, what: string): void {
  stats.counts.set(what, (stats.counts.get(what) ?? 0) + 1);
}

// Long inputs are shown by their ends: fast-check prints the whole counterexample anyway.
function shorten(_key: string, value: unknown): unknown {
  return typeof value === 'string' && value.length > 400 ? `${value.slice(0, 200)}…(${value.length} characters)…${value.slice(-200)}` : value;
}

/** An input or details as JSON, long strings shown by their ends. */
export function describeInput(value: unknown): string {
  return JSON.stringify(value, shorten, 1);
}

function fail(what: string, details: Record<string, unknown>): never {
  throw new Error(`${what}\n${JSON.stringify(details, shorten, 1)}`);
}

/** Runs `fn` against the bound; a slow run is repeated (best of three) so that a GC pause or a busy machine cannot fail a fast input. */
function timed<T>(what: string, size: number, opts: FuzzOptions, fn: () => T): T {
  if (opts.boundMs === null) return fn();
  const bound = opts.boundMs + size * opts.perUnitMs;
  let start = performance.now();
  let result = fn();
  let ms = performance.now() - start;
  // Far over the bound is a hang, not noise: no retry (shrinking runs many such inputs).
  for (let retry = 0; ms > bound && ms < 5 * bound && retry < 2; retry++) {
    start = performance.now();
    result = fn();
    ms = Math.min(ms, performance.now() - start);
  }
  if (ms > bound) fail(`${what} took ${ms.toFixed(1)} ms on an input of size ${size} (bound ${bound.toFixed(0)} ms)`, {});
  const slowest = opts.stats.slowest.get(what);
  if (!slowest || ms > slowest.ms) opts.stats.slowest.set(what, { ms, size });
  return result;
}

// ---------------------------------------------------------------------------------------------
// Indicator strings

interface GoldenCase {
  readonly input: string;
}

const TEMPLATE_ROWS: readonly BuilderRow[] = BUILTIN_TEMPLATES.map((t) => ({
  id: t.id, level1: t.level1, level2: t.level2, name: t.name, period: t.value, annual: t.value,
}));

const SEED_CELLS: readonly string[] = SEED_ROWS.flatMap((row) => row.filter((v): v is string => typeof v === 'string' && /^\d+、/.test(v)));

/** Real indicator strings: the seed table's cells, their single items, the golden inputs and the template library as cells. */
export const REAL_INDICATOR_STRINGS: readonly string[] = [
  ...SEED_CELLS,
  ...SEED_CELLS.flatMap((cell) => cell.split(/(?<=。)(?=\d+、)/)),
  ...(golden as readonly GoldenCase[]).map((g) => g.input),
  ...TEMPLATE_ROWS.map((row) => formatBuilderRows([row])),
  ...Array.from({ length: 12 }, (_, i) => formatBuilderRows(TEMPLATE_ROWS.slice(i * 8, i * 8 + 5))),
];

// Pairs a user (or a PDF copy) swaps: full-width ↔ half-width punctuation, digits, brackets, dashes.
const WIDTH_VARIANTS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['；', [';', '，', '。']], [';', ['；']], ['，', [',', '；']], [',', ['，']], ['：', [':']], [':', ['：', '']],
  ['。', ['.', '．', '；', '']], ['.', ['。', '．', '、']], ['．', ['.', '。']], ['、', [',', '.', '，', '．', ')']],
  ['（', ['(']], ['(', ['（']], ['）', [')']], [')', ['）']], ['-', ['－', '—', '–', '']], ['－', ['-']],
  ['%', ['％']], ['％', ['%']], ['≥', ['>=', '≧', '＞＝']], ['≤', ['<=', '≦', '＜＝']], ['＞', ['>']], ['＜', ['<']],
  ...Array.from({ length: 10 }, (_, d) => [String(d), [String.fromCharCode(0xff10 + d)]] as const),
]);

const SPECIAL_CHARS: readonly string[] = [
  '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', // zero-width
  '\u202e', '\u202d', '\u202b', '\u200f', '\u200e', '\u2066', '\u2069', // bidi
  '\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f', // control
  '\u00a0', '\u3000', '\t', '\n', '\r\n', '\v', '\f', '\u2028', '\u2029', ' ', // spaces and breaks
  '\ud83d\ude00', '\ud840\udc00', '\ud835\udfd8', '\u{1f1e8}\u{1f1f3}', // non-BMP
  '\ud800', '\udfff', // lone surrogates
  '\u0301', '\ufffd', '\ufe54', '\ufe55', '\u2024', '\u3002', '\uff61', '\u2010', '\u2212',
];

const GRAMMAR_FRAGMENTS: readonly string[] = [
  '1、', '2、', '3、', '10、', '1.', '1．', '（1）', '(2)', '1）', '1-产出指标', '2-效益指标', '3-满意度指标', '4-成本指标',
  '11-数量指标', '12-质量指标', '13-时效指标', '14-成本指标', '21-经济效益', '22-社会效益', '31-服务对象满意度', '41-经济成本指标',
  '产出', '效益', '满意度', '质量', '数量', '；', ';', '。', '.', ':', '：', '实施周期指标值:', '年度指标值:', '实施周期', '年度', '指标值',
  '全年', '≥', '>=', '<', '＞', '＝', '95', '95.5', '0.5', '%', '人', '件', '优秀', '投诉次数', '（含）以下', '及以上', '以内', '不低于',
  '－', '—', '％', '．', '１', '9５', '',
];

type Mutation =
  | { readonly op: 'delete'; readonly at: number; readonly len: number }
  | { readonly op: 'duplicate'; readonly at: number; readonly len: number }
  | { readonly op: 'swap'; readonly at: number }
  | { readonly op: 'width'; readonly at: number; readonly pick: number; readonly all: boolean }
  | { readonly op: 'insert'; readonly at: number; readonly text: string }
  | { readonly op: 'truncate'; readonly at: number }
  | { readonly op: 'concat'; readonly other: string; readonly front: boolean }
  | { readonly op: 'repeat'; readonly at: number; readonly len: number; readonly times: number };

/** Longest string a mutation may build; long enough for quadratic behaviour to show. */
export const MAX_FUZZ_STRING = 40_000;

const position = fc.nat({ max: 1 << 20 });
const realString = fc.constantFrom(...REAL_INDICATOR_STRINGS);
const insertText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL_CHARS) },
  { weight: 4, arbitrary: fc.constantFrom(...GRAMMAR_FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ op: fc.constant('delete' as const), at: position, len: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 10, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: position, len: fc.integer({ min: 1, max: 12 }) }) },
  { weight: 10, arbitrary: fc.record({ op: fc.constant('swap' as const), at: position }) },
  { weight: 30, arbitrary: fc.record({ op: fc.constant('width' as const), at: position, pick: fc.nat(3), all: fc.boolean() }) },
  { weight: 30, arbitrary: fc.record({ op: fc.constant('insert' as const), at: position, text: insertText }) },
  { weight: 10, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: position }) },
  { weight: 10, arbitrary: fc.record({ op: fc.constant('concat' as const), other: realString, front: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('repeat' as const), at: position, len: fc.integer({ min: 1, max: 6 }), times: fc.integer({ min: 2, max: 5000 }) }) },
);

function applyMutation(text: string, m: Mutation): string {
  const at = m.op === 'concat' ? 0 : m.at % (text.length + 1);
  switch (m.op) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.len);
    case 'duplicate':
      return text.slice(0, at + m.len) + text.slice(at);
    case 'swap':
      return at + 1 < text.length ? text.slice(0, at) + text.charAt(at + 1) + text.charAt(at) + text.slice(at + 2) : text;
    case 'width': {
      const positions: number[] = [];
      for (let i = 0; i < text.length; i++) if (WIDTH_VARIANTS.has(text.charAt(i))) positions.push(i);
      const i = positions[m.at % Math.max(1, positions.length)];
      if (i === undefined) return text;
      const ch = text.charAt(i);
      const variants = WIDTH_VARIANTS.get(ch) ?? [];
      const to = variants[m.pick % variants.length] ?? ch;
      return m.all ? text.split(ch).join(to) : text.slice(0, i) + to + text.slice(i + 1);
    }
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'truncate':
      return text.slice(0, at);
    case 'concat':
      return m.front ? m.other + text : text + m.other;
    case 'repeat':
      return text.slice(0, at) + text.slice(at, at + m.len).repeat(m.times) + text.slice(at);
  }
}

/** A real indicator string with 1–8 mutations applied. */
export const mutatedIndicatorString: fc.Arbitrary<string> = fc
  .tuple(realString, fc.array(mutation, { minLength: 1, maxLength: 8 }))
  .map(([base, mutations]) => mutations.reduce(applyMutation, base).slice(0, MAX_FUZZ_STRING));

/** Random text: any code point, grammar characters, and both mixed with specials. */
export const randomIndicatorString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.string({ maxLength: 120 }),
  fc.array(fc.oneof(fc.constantFrom(...GRAMMAR_FRAGMENTS), fc.constantFrom(...SPECIAL_CHARS)), { maxLength: 60 }).map((a) => a.join('')),
  fc.string({ unit: fc.constantFrom(...'1234567890、；;。.：:-－（）()≥≤<>=%人优秀产出效益质量年度实施周期指标值 \u3000\n'.split('')), maxLength: 200 }),
);

/** Mostly mutations of real strings, a quarter random text. */
export const indicatorString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: mutatedIndicatorString },
  { weight: 1, arbitrary: randomIndicatorString },
);

function valueSummary(v: IndicatorValue | null): string {
  return v === null ? '∅' : `${v.text}|${v.comparator ?? ''}|${v.number ?? ''}|${v.unit}|${v.qualitative ? 'q' : ''}`;
}

function indicatorSummary(ind: Indicator): string {
  return [ind.level1?.entry?.code ?? '', ind.level2?.entry?.code ?? '', ind.name, valueSummary(ind.period), valueSummary(ind.annual), ind.extraFields.join('；')].join(' / ');
}

function rowSummary(row: BuilderRow): string {
  return JSON.stringify({ ...row, id: '' });
}

const BUILDER_CHECKER = createChecker();
const BUILDER_CONTEXT = { projectName: '物业管理费', goal: '做好物业管理服务工作。' };

/** Canonical text re-parses to itself and the same indicators; formatting what was parsed is stable. */
function checkParse(text: string, parsed: IndicatorParse, opts: FuzzOptions): void {
  if (parsed.canonical !== null) {
    count(opts.stats, 'strings with a canonical form');
    const again = parseIndicators(parsed.canonical);
    if (again.canonical !== parsed.canonical || again.deviations.length > 0 || again.strayText !== '' || again.ambiguousTerminator) {
      fail('the canonical text does not re-parse as canonical', { text, canonical: parsed.canonical, again: again.canonical, deviations: again.deviations, stray: again.strayText });
    }
    const before = parsed.indicators.map(indicatorSummary);
    const after = again.indicators.map(indicatorSummary);
    if (JSON.stringify(before) !== JSON.stringify(after)) fail('the canonical text re-parses to other indicators', { text, before, after });
    if ((parsed.deviations.length === 0) !== (parsed.canonical === text)) {
      fail('the canonical text differs from the input without a named deviation (or the reverse)', { text, canonical: parsed.canonical, deviations: parsed.deviations });
    }
  }
  const formatted = formatIndicators(parsed.indicators);
  if (parsed.canonical !== null && formatted !== parsed.canonical) fail('formatIndicators differs from the canonical text', { text, formatted, canonical: parsed.canonical });
  if (formatted !== '') {
    const reparsed = parseIndicators(formatted);
    if (reparsed.canonical !== formatted || formatIndicators(reparsed.indicators) !== formatted) {
      fail('formatting the parsed indicators twice differs from formatting once', { text, formatted, reparsed: reparsed.canonical, deviations: reparsed.deviations });
    }
  }
  for (const ind of parsed.indicators) {
    for (const value of [ind.period, ind.annual]) {
      if (value === null) continue;
      const again = parseIndicatorValue(value.text);
      if (valueSummary(again) !== valueSummary(value)) fail('a value does not re-parse to itself', { text, value: valueSummary(value), again: valueSummary(again) });
    }
  }
}

/**
 * A canonical cell becomes rows that write it back byte for byte; other rows → text → rows is stable
 * unless the builder itself reports a field it cannot write as typed.
 */
function checkBuilder(text: string, parsed: IndicatorParse, opts: FuzzOptions): void {
  const fromText = timed('builderRowsFromText', text.length, opts, () => builderRowsFromText(text));
  const written = formatBuilderRows(fromText.rows, undefined, 1, fromText.slots);
  if (parsed.canonical !== null && (fromText.unparsed !== null || written !== parsed.canonical)) {
    fail('the builder does not write a canonical cell back unchanged', { text, canonical: parsed.canonical, written, unparsed: fromText.unparsed });
  }
  const back = builderRowsFromText(written);
  const rowsBefore = fromText.rows.map(rowSummary);
  const rowsAfter = back.rows.map(rowSummary);
  const stable = back.unparsed === null && JSON.stringify(rowsBefore) === JSON.stringify(rowsAfter) && formatBuilderRows(back.rows, undefined, 1, back.slots) === written;
  if (fromText.rows.length === 0 || fromText.rows.length > 30) return;
  count(opts.stats, 'builder row sets checked');
  const check = timed('checkBuilderRows', written.length, opts, () => checkBuilderRows(fromText.rows, BUILDER_CONTEXT, BUILDER_CHECKER));
  if (!stable && !check.messages.some((m) => m.rule.startsWith('builder.'))) {
    fail('rows → text → rows changes the rows and the builder does not say so', { text, written, rowsBefore, rowsAfter, unparsed: back.unparsed });
  }
}

/** Every property of one indicator string. */
export function checkIndicatorString(text: string, opts: FuzzOptions): void {
  opts.onInput?.();
  count(opts.stats, 'indicator strings');
  const parsed = timed('parseIndicators', text.length, opts, () => parseIndicators(text));
  checkParse(text, parsed, opts);
  checkBuilder(text, parsed, opts);
}

export function indicatorStringProperty(opts: FuzzOptions): fc.IPropertyWithHooks<[string]> {
  return fc.property(indicatorString, (text) => checkIndicatorString(text, opts));
}

// ---------------------------------------------------------------------------------------------
// Grids

const HEADER_WORDS: readonly string[] = [
  '序号', '项目名称', '项目名称（资金使用单位）', '项目(单位)名称', '项目（单位）名称', '单位/项目名称', '项目／单位名称', '单位(项目)名称',
  '总计', '合计', '资金总额', '总额', '财政拨款', '一般公共预算拨款', '一般公共预算', '一般公共预算资金', '财政专户拨款', '财政专户管理资金',
  '财政专户', '其他资金', '其他', '绩效目标', '年度绩效目标', '项目绩效目标', '绩效指标', '年度绩效指标', '项目绩效指标',
  '资金来源', '其中', '资金构成', '资金来源构成', '资金情况', '项目资金', '预算金额', '预算数', '资金',
  '总计（万元）', '总计(元)', '总计（单位：人民币元）', '*项目名称', '＊绩效指标：', ' 项 目 名 称 ', '绩效\n指标',
];
const METADATA_WORDS: readonly string[] = [
  '项目支出绩效目标表（含转移支付项目）', '2024年项目支出绩效目标表', '部门名称：广州市信访局', '部门名称：', '部门名称', '单位名称：甲单位（单位：万元）',
  '单位：万元', '单位：元', '金额单位：人民币元', '注：本表金额单位为万元。', '说明：', '备注：', '合计', '总计', '合计：', '总 计',
];
const NAME_WORDS: readonly string[] = [
  '    物业管理费', '\u3000\u3000专项经费', '\t运维项目', '广州市信访局', '  单位甲', '项目2024-2025年', '广州市信访局2024-2026年运维', '项目',
  '\u00a0\u00a0项目乙', '合计', '总计', '',
];
const GOAL_WORDS: readonly string[] = ['做好物业管理服务工作。', '完成××项工作', '详见附件', '无', '-'];
const NUMERIC_TEXT: readonly string[] = [
  '12', ' 12 ', '1,234.56', '１２３', '-0', '1e5', '1E+30', '(12)', '12万元', '0.0000001', '99.999999999', '+5', '.5', '5.', '1 000',
  '١٢٣', '12.3.4', '−5', '¥100', '100%', '1,2,3', '0x1F', 'Infinity', 'NaN', '十万', '－', '—', '9'.repeat(40), `0.${'0'.repeat(30)}1`,
];
const ERROR_TEXT: readonly string[] = ['#REF!', '#DIV/0!', '#N/A', '#VALUE!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA'];
const NUMBERS: readonly number[] = [
  0, -0, 1, 99, 700.36, 0.1 + 0.2, 1e21, 1e-7, -3, 5e-324, Number.MAX_SAFE_INTEGER + 2, Number.MAX_VALUE, NaN, Infinity, -Infinity,
];

/**
 * A long text: a word that makes a reader look closer, a fragment repeated, and an ending that may or may
 * not complete a match. Regular expressions that backtrack show their quadratic (or worse) cost here.
 */
const longString = fc
  .tuple(
    fc.constantFrom('', ...HEADER_WORDS, ...METADATA_WORDS, '部门名称：甲', '单位：', '2020', '2020年', '1、1-产出指标；', '实施周期指标值:', '年度指标值:≥'),
    fc.constantFrom(' ', ' ', '\u3000', '\t', '1', '12', '、', '；', '。', '.', '单位', '2020', '年', '-', '甲', '1、', ':', '≥', '（', '\ud83d\ude00', '\u200b'),
    fc.integer({ min: 100, max: 20_000 }),
    fc.constantFrom('', 'x', '。', '（', '：', '万元', '1、1-产出指标；12-质量指标；投诉次数；实施周期指标值:≤5；年度指标值:≤5。'),
  )
  .map(([prefix, fragment, times, suffix]) => (prefix + fragment.repeat(times)).slice(0, 20_000) + suffix);

export const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 30, arbitrary: fc.constant(null) },
  { weight: 5, arbitrary: fc.boolean() },
  { weight: 10, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }) },
  { weight: 10, arbitrary: fc.double() },
  { weight: 5, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 10, arbitrary: fc.constantFrom(...NUMERIC_TEXT) },
  { weight: 5, arbitrary: fc.constantFrom(...ERROR_TEXT) },
  { weight: 10, arbitrary: fc.constantFrom(...HEADER_WORDS) },
  { weight: 5, arbitrary: fc.constantFrom(...METADATA_WORDS) },
  { weight: 10, arbitrary: fc.constantFrom(...NAME_WORDS, ...GOAL_WORDS) },
  { weight: 10, arbitrary: indicatorString },
  { weight: 10, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 5, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: longString },
);

function sheetOf(name: string, originRow: number, originCol: number, values: readonly (readonly CellValue[])[]): SheetGrid {
  return { name, originRow, originCol, values };
}

/** Random cells, ragged rows. */
const noiseSheet = fc
  .tuple(fc.string({ maxLength: 4 }), fc.nat(5), fc.nat(5), fc.array(fc.array(cellValue, { maxLength: 12 }), { maxLength: 40 }))
  .map(([name, r, c, values]) => sheetOf(name, r, c, values));

const dataRow = fc.tuple(
  fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...NAME_WORDS) }, { weight: 10, arbitrary: cellValue }, { weight: 1, arbitrary: longString }),
  fc.array(fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(...NUMERIC_TEXT), cellValue), { minLength: 4, maxLength: 4 }),
  fc.oneof(fc.constantFrom(...GOAL_WORDS), cellValue),
  fc.oneof({ weight: 3, arbitrary: indicatorString }, { weight: 1, arbitrary: cellValue }),
);

/** A header in a random order (some columns missing, some noise), metadata above it and rows below. */
const syntheticSheet = fc
  .tuple(
    fc.shuffledSubarray([...HEADER_WORDS.slice(0, 27)], { minLength: 2, maxLength: 9 }),
    fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...METADATA_WORDS) }, { weight: 1, arbitrary: longString }), { maxLength: 3 }),
    fc.array(dataRow, { maxLength: 30 }),
    fc.boolean(),
    fc.nat(3),
    fc.nat(3),
  )
  .map(([header, metadata, rows, twoRowHeader, r, c]) => {
    const values: CellValue[][] = metadata.map((m) => [m]);
    if (twoRowHeader) values.push(header.map((h, i) => (i > 1 && i < 5 ? '资金来源' : h)));
    values.push(header);
    // Each data row fills the columns in the header's order, so that projects land under their headers.
    for (const [name, amounts, goal, indicators] of rows) {
      values.push(header.map((h, i) => {
        if (h.includes('名称')) return name;
        if (h.includes('目标')) return goal;
        if (h.includes('指标')) return indicators;
        return amounts[i % 4] ?? null;
      }));
    }
    return sheetOf('绩效', r, c, values);
  });

type GridMutation =
  | { readonly op: 'set'; readonly row: number; readonly col: number; readonly value: CellValue }
  | { readonly op: 'delete-row' | 'duplicate-row' | 'delete-col' | 'truncate-row'; readonly row: number; readonly col: number }
  | { readonly op: 'swap-rows' | 'swap-cols'; readonly a: number; readonly b: number };

const gridMutation: fc.Arbitrary<GridMutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('set' as const), row: fc.nat(40), col: fc.nat(9), value: cellValue }) },
  fc.record({ op: fc.constantFrom('delete-row' as const, 'duplicate-row' as const, 'delete-col' as const, 'truncate-row' as const), row: fc.nat(40), col: fc.nat(9) }),
  fc.record({ op: fc.constantFrom('swap-rows' as const, 'swap-cols' as const), a: fc.nat(40), b: fc.nat(40) }),
);

function applyGridMutation(values: CellValue[][], m: GridMutation): CellValue[][] {
  const rows = values.length;
  if (rows === 0) return values;
  switch (m.op) {
    case 'set': {
      const row = values[m.row % rows] ?? [];
      row[m.col] = m.value;
      for (let c = 0; c < m.col; c++) if (row[c] === undefined) row[c] = null;
      return values;
    }
    case 'delete-row':
      return values.filter((_, i) => i !== m.row % rows);
    case 'duplicate-row': {
      const i = m.row % rows;
      return [...values.slice(0, i + 1), [...(values[i] ?? [])], ...values.slice(i + 1)];
    }
    case 'delete-col':
      return values.map((row) => row.filter((_, c) => c !== m.col));
    case 'truncate-row':
      return values.map((row, i) => (i === m.row % rows ? row.slice(0, m.col) : row));
    case 'swap-rows': {
      const a = values[m.a % rows] ?? [];
      values[m.a % rows] = values[m.b % rows] ?? [];
      values[m.b % rows] = a;
      return values;
    }
    case 'swap-cols':
      return values.map((row) => {
        const copy = [...row];
        copy[m.a % 9] = row[m.b % 9] ?? null;
        copy[m.b % 9] = row[m.a % 9] ?? null;
        return copy;
      });
  }
}

/** The seed table, possibly twice, with cells, rows and columns changed. */
const seedSheet = fc
  .tuple(fc.array(gridMutation, { minLength: 1, maxLength: 10 }), fc.boolean(), fc.nat(4), fc.nat(4))
  .map(([mutations, twice, r, c]) => {
    const start = (twice ? [...SEED_ROWS, [], ...SEED_ROWS] : SEED_ROWS).map((row) => [...row]);
    return sheetOf('项目支出绩效目标表', r, c, mutations.reduce(applyGridMutation, start));
  });

const sheet = fc.oneof({ weight: 4, arbitrary: seedSheet }, { weight: 3, arbitrary: syntheticSheet }, { weight: 2, arbitrary: noiseSheet });

export interface GridCase {
  readonly workbook: WorkbookGrid;
  /** Which checker runs it (profile and locale). */
  readonly checker: number;
  /** A cell edit to re-check incrementally: table, row and column picks, value. */
  readonly edit: { readonly table: number; readonly row: number; readonly col: number; readonly value: CellValue };
}

export const gridCase: fc.Arbitrary<GridCase> = fc.record({
  workbook: fc.array(sheet, { minLength: 1, maxLength: 3 }).map((sheets) => ({
    // Distinct names, as a workbook has them.
    sheets: sheets.map((s, i) => (sheets.findIndex((o) => o.name === s.name) === i ? s : { ...s, name: `${s.name}(${i})` })),
  })),
  checker: fc.nat(2),
  edit: fc.record({ table: fc.nat(5), row: fc.nat(100), col: fc.nat(20), value: cellValue }),
});

const CHECKERS: readonly Checker[] = [
  createChecker(),
  createChecker(BUILTIN_PROFILES['caiyu-2021'] ? { profile: BUILTIN_PROFILES['caiyu-2021'] } : {}),
];

function gridSize(workbook: WorkbookGrid): number {
  let size = 0;
  for (const s of workbook.sheets) for (const row of s.values) for (const v of row) size += typeof v === 'string' ? v.length : 1;
  return size;
}

function checkTablesConsistent(read: TableReadResult, workbook: WorkbookGrid): void {
  if (read.tables.length + read.sheetsWithoutTable.length < workbook.sheets.length) fail('a sheet is neither read nor listed', {});
  read.tables.forEach((table, index) => {
    if (table.index !== index) fail('table indices are not 0..n-1', { index, tableIndex: table.index });
    if (table.lastRow < table.headerRow) fail('a table ends above its header', { sheet: table.sheet, headerRow: table.headerRow, lastRow: table.lastRow });
    let previous = -1;
    table.rows.forEach((row, i) => {
      if (row.row <= previous || row.row < table.firstDataRow || row.row > table.lastRow) fail('table rows are out of order or outside the table', { sheet: table.sheet, row: row.row });
      previous = row.row;
      if (row.parent !== null && !table.rows[row.parent]?.children.includes(i)) fail('a parent does not list its child', { sheet: table.sheet, row: row.row });
      for (const child of row.children) if (table.rows[child]?.parent !== i) fail('a child does not point to its parent', { sheet: table.sheet, row: row.row });
    });
  });
}

const RENDERING_SLIPS = ['undefined', 'NaN', 'null', '[object Object]'];

function checkFindings(findings: readonly Finding[], workbook: WorkbookGrid, cellTexts: string): void {
  const names = new Set(workbook.sheets.map((s) => s.name));
  const keys = new Set<string>();
  for (const f of findings) {
    if (!names.has(f.location.sheet) || f.location.cell !== toA1(f.location.row, f.location.col)) fail('a finding points to no cell', { finding: f });
    if (formatFinding(f).trim() === '') fail('a finding has no message', { finding: f });
    for (const slip of RENDERING_SLIPS) if (formatFinding(f).includes(slip) && !cellTexts.includes(slip)) fail(`a message shows “${slip}”`, { finding: f });
    if (keys.has(f.key)) fail('two findings share a key', { key: f.key });
    keys.add(f.key);
    if (f.fix) {
      const s = workbook.sheets.find((x) => x.name === f.fix?.location.sheet);
      const current = s ? cellAt(s, f.fix.location.row, f.fix.location.col) : undefined;
      if (!Object.is(current, f.fix.expected)) fail('a fix expects another value than the cell holds', { finding: f, current });
    }
  }
}

function withValues(workbook: WorkbookGrid, changes: readonly { sheet: string; row: number; col: number; value: CellValue }[]): WorkbookGrid {
  return {
    sheets: workbook.sheets.map((s) => {
      const mine = changes.filter((c) => c.sheet === s.name);
      if (mine.length === 0) return s;
      const values = s.values.map((row) => [...row]);
      for (const c of mine) {
        const row = values[c.row - s.originRow];
        if (row) row[c.col - s.originCol] = c.value;
      }
      return { ...s, values };
    }),
  };
}

const FORMAT_FIX_RULES = new Set(['indicators.format', 'amount.text']);

/** Applying the format fixes once leaves nothing for those rules to fix on those cells. */
function checkFixesSettle(workbook: WorkbookGrid, findings: readonly Finding[], checker: Checker, opts: FuzzOptions): void {
  const fixes = findings.flatMap((f) => (f.fix && FORMAT_FIX_RULES.has(f.rule) ? [{ rule: f.rule, ...f.fix }] : []));
  if (fixes.length === 0) return;
  count(opts.stats, 'grids with format fixes applied');
  const fixed = withValues(workbook, fixes.map((f) => ({ sheet: f.location.sheet, row: f.location.row, col: f.location.col, value: f.value })));
  const after = checker.checkWorkbook(fixed).findings;
  for (const fix of fixes) {
    const again = after.find((f) => f.rule === fix.rule && f.fix && f.location.sheet === fix.location.sheet && f.location.cell === fix.location.cell);
    if (again) fail('a fixed cell is offered a fix again', { before: fix.expected, fixed: fix.value, again: again.fix?.value });
  }
}

const comparable = (findings: readonly Finding[]) => findings.map((f) => `${f.key} ${f.severity} ${formatFinding(f)} ${f.project ?? ''}`);

/** A re-check after one edit, when it answers, equals a full check of the edited sheet. */
function checkIncremental(gc: GridCase, read: TableReadResult, checker: Checker, opts: FuzzOptions): void {
  const table = read.tables[gc.edit.table % Math.max(1, read.tables.length)];
  if (!table) return;
  const row = table.firstDataRow + (gc.edit.row % Math.max(1, table.lastRow - table.firstDataRow + 1));
  const columns = Object.values(table.columns).filter((c): c is number => c !== null);
  const col = columns[gc.edit.col % columns.length] ?? gc.edit.col;
  const edit = { row, col, value: gc.edit.value };
  const before = checker.checkTable(table);
  const incremental = timed('recheckEdit', gridSize(gc.workbook), opts, () => checker.recheckEdit(table, before, edit));
  if (incremental === null) return;
  count(opts.stats, 'incremental re-checks compared');
  const edited = withValues(gc.workbook, [{ sheet: table.sheet, ...edit }]);
  const full = readTables(edited).tables.find((t) => t.sheet === table.sheet && t.headerRow === table.headerRow);
  if (!full) fail('the incremental re-check answered but a full read finds no table there', { edit });
  const a = comparable(incremental.findings);
  const b = comparable(checker.checkTable(full));
  if (JSON.stringify(a) !== JSON.stringify(b)) {
    fail('the incremental re-check differs from a full check', { edit, onlyIncremental: a.filter((x) => !b.includes(x)), onlyFull: b.filter((x) => !a.includes(x)) });
  }
}

/** The stepped check gives the same report in any step size, and its progress only moves forward. */
function checkStepped(workbook: WorkbookGrid, checker: Checker, report: CheckReport, rowsPerStep: number): void {
  const steps = checker.checkWorkbookInSteps(workbook, rowsPerStep);
  let previous = -1;
  for (;;) {
    const step = steps.next();
    if (step.done) {
      const same = JSON.stringify(comparable(step.value.findings)) === JSON.stringify(comparable(report.findings));
      if (!same || JSON.stringify(step.value.summary) !== JSON.stringify(report.summary)) fail('the stepped check differs from checkWorkbook', { rowsPerStep });
      return;
    }
    const { done, total } = step.value;
    if (done <= previous || done > total || (previous === -1 && done !== 0)) fail('the stepped check reports progress out of order', { rowsPerStep, done, total, previous });
    previous = done;
  }
}

const FACTS_CONTEXT: RuleContext = { taxonomy: DEFAULT_TAXONOMY, tolerance: toleranceFor(NATIONAL_PROFILE, '万元'), unit: '万元' };
const ROW_RULES = RULES.filter((r): r is RowRule => r.scope === 'row');
const PROJECT_RULES = RULES.filter((r): r is ProjectRule => r.scope === 'project');

/** The facts on a rule's subject only let rules skip work: withheld (false), every rule must find the same. */
export function checkFactsHideNothing(table: PerformanceTable, row: TableRow): void {
  const subject = rowSubject(table, row);
  const project = projectSubject(subject, DEFAULT_TAXONOMY);
  const withheld = { ...project, amountsClean: false, complete: false };
  const runs = [
    ...ROW_RULES.map((rule) => ({ rule, given: rule.check(subject, FACTS_CONTEXT), without: rule.check(withheld, FACTS_CONTEXT) })),
    ...(row.kind === 'project' ? PROJECT_RULES.map((rule) => ({ rule, given: rule.check(project, FACTS_CONTEXT), without: rule.check(withheld, FACTS_CONTEXT) })) : []),
  ];
  for (const { rule, given, without } of runs) {
    if (JSON.stringify(given) !== JSON.stringify(without)) fail('a fact on the subject hides a finding', { rule: rule.id, row: row.row, given, without });
  }
}

/** Every property of one grid. */
export function checkGridCase(gc: GridCase, opts: FuzzOptions): void {
  opts.onInput?.();
  count(opts.stats, 'grids');
  const { workbook } = gc;
  const size = gridSize(workbook);
  const read = timed('readTables', size, opts, () => readTables(workbook));
  checkTablesConsistent(read, workbook);
  for (const table of read.tables) for (const row of table.rows) checkFactsHideNothing(table, row);
  if (read.tables.length > 0) count(opts.stats, 'grids with a table');
  const checker = CHECKERS[gc.checker % CHECKERS.length] ?? (CHECKERS[0] as Checker);
  const report = timed('checkWorkbook', size, opts, () => checker.checkWorkbook(workbook));
  const cellTexts = workbook.sheets.map((s) => `${s.name}\n${s.values.map((r) => r.map(String).join('\n')).join('\n')}`).join('\n');
  checkFindings(report.findings, workbook, cellTexts);
  if (report.findings.length > 0) count(opts.stats, 'grids with findings');
  checkFixesSettle(workbook, report.findings, checker, opts);
  checkIncremental(gc, read, checker, opts);
  checkStepped(workbook, checker, report, 1 + (size % 4));
}

export function gridProperty(opts: FuzzOptions): fc.IPropertyWithHooks<[GridCase]> {
  return fc.property(gridCase, (gc) => checkGridCase(gc, opts));
}
