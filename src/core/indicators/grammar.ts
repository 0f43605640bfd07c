import type { IndicatorDetail, ValueSlots } from '../table-model';
import { DEFAULT_TAXONOMY, type Level1Entry, type Level2Entry, type Taxonomy } from '../taxonomy';
import { INVISIBLE_CHARACTERS, withoutInvisibleCharacters } from '../text';
import { parseIndicatorValue, type IndicatorValue } from './value';

/**
 * The 绩效指标 cell grammar. Canonical form, byte for byte as published:
 *   1、1-产出指标；12-质量指标；投诉次数；实施周期指标值:≤5；年度指标值:≤5。2、…
 * The parser is tolerant: it reads common deviations, records each one, and rebuilds
 * the canonical text when nothing is missing or ambiguous.
 */

export interface LevelRef<E> {
  /** The code as written, null when the cell gives only a name. */
  readonly code: string | null;
  /** The name as written ('' when only a code is given). */
  readonly name: string;
  /** Taxonomy entry the code names (or the name, when there is no code). */
  readonly entry: E | null;
  /** The written name resolves to another entry than the code. */
  readonly nameConflict: boolean;
}

export interface Indicator {
  /** Number written before the item, null when it has none. */
  readonly seq: number | null;
  readonly level1: LevelRef<Level1Entry> | null;
  readonly level2: LevelRef<Level2Entry> | null;
  /** Third-level name ('' when missing). */
  readonly name: string;
  readonly period: IndicatorValue | null;
  readonly annual: IndicatorValue | null;
  /** Fields the grammar could not place (a second name, a label it does not know). */
  readonly extraFields: readonly string[];
  /** Labelled fields beyond the two values (权重:10；指标方向:正向), as tables with a column for each carry them. */
  readonly details?: { readonly [D in IndicatorDetail]?: string };
  /** The item's text as written. */
  readonly source: string;
}

export type FormatDeviation =
  | 'line-break'
  | 'invisible-characters'
  | 'whitespace'
  | 'semicolon-halfwidth'
  | 'empty-field'
  | 'colon-fullwidth'
  | 'colon-missing'
  | 'value-label'
  | 'terminator-wrong'
  | 'terminator-missing'
  | 'numbering-style'
  | 'numbering-missing'
  | 'sequence'
  | 'comparator-ascii'
  | 'full-width-digits'
  | 'level-code-missing'
  | 'level-name-variant'
  | 'dash-variant'
  | 'field-order';

export interface IndicatorParse {
  readonly indicators: readonly Indicator[];
  /** Each kind of deviation from the canonical format found, in a stable order. */
  readonly deviations: readonly FormatDeviation[];
  /** Text outside any item (before the first number, or not an indicator at all). */
  readonly strayText: string;
  /**
   * A half-width "." stands between a digit and the next item number ("…:95.2、2-…"): it may be a
   * decimal point or a terminator, so no canonical text is offered.
   */
  readonly ambiguousTerminator: boolean;
  /** The canonical text, or null when it cannot be rebuilt without guessing (something missing, contradictory or ambiguous). */
  readonly canonical: string | null;
  /** The values the cell gives its indicators: 'annual' when none has a 实施周期 value (a table of the year alone). */
  readonly slots: ValueSlots;
}

/** Labels of the detail fields, the first of each as it is written. */
export const DETAIL_LABELS: { readonly [D in IndicatorDetail]: readonly string[] } = {
  weight: ['权重', '分值', '指标权重'],
  direction: ['指标方向', '指标方向性'],
  nature: ['指标性质'],
  measureUnit: ['度量单位', '计量单位'],
  valueType: ['指标值类型'],
  explanation: ['指标解释', '指标值内容', '指标说明'],
  standard: ['评分标准', '评(扣)分标准', '评（扣）分标准', '绩效标准'],
  note: ['备注'],
};
const DETAIL_ORDER: readonly IndicatorDetail[] = ['weight', 'direction', 'nature', 'measureUnit', 'valueType', 'explanation', 'standard', 'note'];
const DETAIL_FIELD = new RegExp(`^(${Object.values(DETAIL_LABELS).flat().map((l) => l.replace(/[()（）]/g, '\\$&')).join('|')})\\s*[:：]\\s*(.*)$`, 's');
const DETAIL_OF = new Map<string, IndicatorDetail>(DETAIL_ORDER.flatMap((d) => DETAIL_LABELS[d].map((l) => [l, d] as const)));

/** `权重:10` → ['weight', '10']; null for any other field. */
function readDetail(field: string): readonly [IndicatorDetail, string] | null {
  const m = DETAIL_FIELD.exec(field);
  const detail = m ? DETAIL_OF.get(m[1] ?? '') : undefined;
  return m && detail ? [detail, (m[2] ?? '').trim()] : null;
}

/** The slots a cell's indicators give: both, unless not one of them has a 实施周期 value. */
function cellSlots(indicators: readonly Indicator[]): ValueSlots {
  return indicators.length > 0 && indicators.every((ind) => ind.period === null) && indicators.some((ind) => ind.annual !== null) ? 'annual' : 'both';
}

const DASH = '[-－—–]';
// A level code is followed by its name, never by a digit: 07-2024 in “2023.07-2024.01” is a date.
const LEVEL_LOOKAHEAD = `(?=\\d{1,2}\\s*${DASH}\\s*\\D|产出|效益|满意度|成本|数量|质量|时效|经济|社会|生态|可持续|服务对象)`;
// An item number: 1、 1. 1． 1） 1) （1） (1). It starts an item when a level follows, or when it
// directly follows a closing 。 (so an item that lacks its levels is still an item of its own).
// Up to 4 digits: a cell of at most 32,767 characters holds fewer than 10,000 items.
const ITEM_NUMBER = new RegExp(`(?:(\\d{1,4})\\s*(、|[.．](?=\\s*\\d{1,2}\\s*${DASH}\\s*\\D|\\s*\\D)|[)）])|[（(]\\s*(\\d{1,3})\\s*[）)])\\s*`, 'g');
const LEVEL_NEXT = new RegExp(`^${LEVEL_LOOKAHEAD}`);
const FIELD_SEPARATOR = /[；;]/;
const LEVEL_FIELD = new RegExp(`^(?:(\\d{1,2})\\s*${DASH}\\s*)?(.*)$`);
// A value label needs its colon, or the full 指标值 followed by a value; otherwise 年度任务完成率 is a name.
const PERIOD_LABEL = /^实施周期(?:(指标值|指标|值)?\s*([:：])|(指标值)(?=\s*[≥≤＞＜＝<>=\d]))\s*/;
const ANNUAL_LABEL = /^(?:年度|全年)(?:(指标值|指标|值)?\s*([:：])|(指标值)(?=\s*[≥≤＞＜＝<>=\d]))\s*/;
const TERMINATORS = /[。.．；;，,]$/;
const LINE_BREAKS = /[\r\n\t\v\f\u2028\u2029]+/g;
const FULL_WIDTH_DIGIT = /[０-９]/;
const FULL_WIDTH_DIGITS = /[０-９]/g;
const WHITESPACE_ONLY = /^[\s\u3000]*$/;

const DEVIATION_ORDER: readonly FormatDeviation[] = [
  'line-break', 'invisible-characters', 'whitespace', 'numbering-missing', 'numbering-style', 'sequence', 'level-code-missing',
  'level-name-variant', 'dash-variant', 'field-order', 'semicolon-halfwidth', 'empty-field', 'value-label', 'colon-fullwidth', 'colon-missing',
  'comparator-ascii', 'full-width-digits', 'terminator-wrong', 'terminator-missing',
];

interface ItemSlice {
  readonly seq: number | null;
  readonly numbering: string;
  readonly body: string;
}

/** Parses a 绩效指标 cell. Never throws, whatever the text. */
export function parseIndicators(cellText: string, taxonomy: Taxonomy = DEFAULT_TAXONOMY): IndicatorParse {
  return readCell(cellText, taxonomy, true);
}

/** `rebuild` false reads without rebuilding the canonical text of a deviating cell (used to check a rebuilt item). */
function readCell(cellText: string, taxonomy: Taxonomy, rebuild: boolean): IndicatorParse {
  // Most cells are canonical as they stand; CANONICAL_ITEM accepts nothing that needs normalising.
  const canonicalItems = cellText === '' ? null : parseCanonicalCell(cellText, taxonomy);
  if (canonicalItems) return { indicators: canonicalItems, deviations: NO_DEVIATIONS, strayText: '', ambiguousTerminator: false, canonical: cellText, slots: 'both' };
  let text = cellText;
  const lineBreak = LINE_BREAKS.test(text);
  if (lineBreak) text = text.replace(LINE_BREAKS, '');
  // They split codes and names ("1-产出\u200b指标") and hide text, so they are reported and dropped.
  const visible = withoutInvisibleCharacters(text);
  const invisible = visible !== text;
  const trimmed = visible.trim();
  const whitespace = trimmed !== visible;
  text = trimmed;
  const fullWidthDigits = FULL_WIDTH_DIGIT.test(text);
  if (fullWidthDigits) text = text.replace(FULL_WIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (text === '') return { indicators: [], deviations: [], strayText: '', ambiguousTerminator: false, canonical: null, slots: 'both' };
  // Made only here: most cells are canonical and never need it.
  const found = new Set<FormatDeviation>();
  if (lineBreak) found.add('line-break');
  if (invisible) found.add('invisible-characters');
  if (whitespace) found.add('whitespace');
  if (fullWidthDigits) found.add('full-width-digits');

  const { items, strayText, ambiguousTerminator } = sliceItems(text, found);
  const indicators = items.map((item) => parseItem(item, taxonomy, found));
  indicators.forEach((ind, i) => {
    if (ind.seq !== null && ind.seq !== i + 1) found.add('sequence');
  });

  const deviations = found.size === 0 ? NO_DEVIATIONS : DEVIATION_ORDER.filter((d) => found.has(d));
  const slots = cellSlots(indicators);
  const rebuildable = strayText === '' && !ambiguousTerminator && indicators.length > 0 && indicators.every((ind) => isComplete(ind, slots));
  let canonical: string | null = null;
  // With no deviation the text is its own canonical form (a property the tests check), so skip rebuilding it.
  if (rebuildable && deviations.length === 0) canonical = text;
  else if (rebuildable && rebuild) {
    const written = writeCanonical(indicators, taxonomy, slots);
    if (written.count === indicators.length) canonical = written.text;
  }
  return { indicators, deviations, strayText, ambiguousTerminator, canonical, slots };
}

function sliceItems(
  text: string,
  found: Set<FormatDeviation>,
): { items: ItemSlice[]; strayText: string; ambiguousTerminator: boolean } {
  let ambiguousTerminator = false;
  const starts: { index: number; end: number; seq: number; numbering: string }[] = [];
  ITEM_NUMBER.lastIndex = 0;
  for (let m = ITEM_NUMBER.exec(text); m !== null; m = ITEM_NUMBER.exec(text)) {
    const end = m.index + m[0].length;
    const afterFullStop = m.index === 0 || text.charAt(m.index - 1) === '。';
    if (!LEVEL_NEXT.test(text.slice(end, end + 8)) && !(afterFullStop && m[2] !== '.' && m[2] !== '．')) {
      ITEM_NUMBER.lastIndex = m.index + 1;
      continue;
    }
    let index = m.index;
    let digits = m[1] ?? m[3] ?? '';
    const expected = String(starts.length + 1);
    // "…年度指标值:952、2-效益" lost its terminator: the item number is the expected one, the rest is the value.
    if (m[1] !== undefined && digits !== expected && digits.length > expected.length && digits.endsWith(expected)) {
      index += digits.length - expected.length;
      digits = expected;
    } else if (m[1] !== undefined && index > 0 && /\d/.test(text.charAt(index - 1))) {
      continue;
    }
    const numbering = m[2] ?? '（）';
    if (/[.．]/.test(text.charAt(index - 1)) && /\d/.test(text.charAt(index - 2))) ambiguousTerminator = true;
    if (/\s/.test(m[0])) found.add('whitespace');
    starts.push({ index, end, seq: Number(digits), numbering });
  }
  if (starts.length === 0) {
    if (LEVEL_FIELD_START.test(text)) {
      found.add('numbering-missing');
      return { items: [{ seq: null, numbering: '', body: text }], strayText: '', ambiguousTerminator };
    }
    return { items: [], strayText: text, ambiguousTerminator };
  }
  const strayText = text.slice(0, starts[0]?.index ?? 0).trim();
  const items: ItemSlice[] = starts.map((s, i) => {
    if (s.numbering !== '、') found.add('numbering-style');
    const next = starts[i + 1];
    return { seq: s.seq, numbering: s.numbering, body: text.slice(s.end, next ? next.index : text.length) };
  });
  return { items, strayText, ambiguousTerminator };
}

const LEVEL_FIELD_START = new RegExp(`^\\s*${LEVEL_LOOKAHEAD}`);

// An item body already in canonical form; checked field by field below before it is trusted.
const CANONICAL_BODY = /^(\d)-([^；;]+)；(\d\d)-([^；;]+)；([^；;\s][^；;]*)；实施周期指标值:([^；;\s]+)；年度指标值:([^；;\s]+)。$/;

const NO_EXTRA_FIELDS: readonly string[] = Object.freeze([]);
const NO_DEVIATIONS: readonly FormatDeviation[] = Object.freeze([]);

// One canonical item, read in place; and a split point the general reader would see inside a field.
// Its fields exclude every character the general reader would normalise (line breaks, invisible characters,
// full-width digits), and an item starts with a digit and ends with 。: a cell it reads whole needs no normalising.
const NORMALISED = `${INVISIBLE_CHARACTERS}\\u2028\\u2029０-９`;
const FIELD = `[^；;。${NORMALISED}]`;
const VALUE = `[^；;。\\s${NORMALISED}]+`;
// Matched, not captured: the item's fields are cut out of the text at its ；, so a match allocates nothing.
const CANONICAL_ITEM = new RegExp(
  `\\d{1,4}、\\d-${FIELD}+；\\d\\d-${FIELD}+；[^；;。\\s${NORMALISED}]${FIELD}*；实施周期指标值:${VALUE}；年度指标值:${VALUE}。`,
  'y',
);
const CANONICAL_PERIOD_LABEL = '实施周期指标值:';
const CANONICAL_ANNUAL_LABEL = '年度指标值:';
const HIDDEN_ITEM_START = new RegExp(`\\d\\s*(?:、|[.．]|[)）])\\s*${LEVEL_LOOKAHEAD}|[（(]\\s*\\d{1,3}\\s*[）)]`);
// Each alternative above needs one of these: an item without any (most) skips the slower search.
const HIDDEN_ITEM_MARK = /[、.．)）(（]/;

/**
 * Most cells are already canonical: read them item by item with one sticky expression instead of
 * slicing and classifying fields. Null as soon as anything differs, and the general reader decides.
 */
function parseCanonicalCell(text: string, taxonomy: Taxonomy): Indicator[] | null {
  const indicators: Indicator[] = [];
  const codes = codeTables(taxonomy);
  let pos = 0;
  while (pos < text.length) {
    CANONICAL_ITEM.lastIndex = pos;
    if (!CANONICAL_ITEM.test(text)) return null;
    const end = CANONICAL_ITEM.lastIndex;
    const indicator = canonicalItemAt(text, pos, end, indicators.length + 1, codes);
    if (!indicator) return null;
    indicators.push(indicator);
    pos = end;
  }
  return indicators;
}

/**
 * The indicator of the item CANONICAL_ITEM matched from `pos` to `end`, numbered `expected`. The match
 * guarantees that every ； in it separates fields and that 。 ends it, so the fields are found with indexOf.
 */
function canonicalItemAt(text: string, pos: number, end: number, expected: number, codes: CodeTables): Indicator | null {
  const numberEnd = text.indexOf('、', pos);
  let seq = 0;
  for (let i = pos; i < numberEnd; i++) seq = seq * 10 + text.charCodeAt(i) - DIGIT_ZERO;
  if (seq !== expected) return null;
  const levelsAt = numberEnd + 1;
  const source = text.slice(levelsAt, end);
  // Once over the item rather than per field: no match can cross a ； or sit in a taxonomy level name.
  if (HIDDEN_ITEM_MARK.test(source) && HIDDEN_ITEM_START.test(source)) return null;
  // Each level's name runs to the next ；, which the match guarantees.
  const level1End = text.indexOf(FULL_WIDTH_SEMICOLON, levelsAt + 2);
  const level2End = text.indexOf(FULL_WIDTH_SEMICOLON, level1End + 4);
  const l2 = canonicalLevel2(text, levelsAt, level1End, level2End, codes);
  if (!l2) return null;
  const nameAt = level2End + 1;
  const nameEnd = text.indexOf(FULL_WIDTH_SEMICOLON, nameAt);
  const periodAt = nameEnd + 1 + CANONICAL_PERIOD_LABEL.length;
  const periodEnd = text.indexOf(FULL_WIDTH_SEMICOLON, periodAt);
  const annualAt = periodEnd + 1 + CANONICAL_ANNUAL_LABEL.length;
  const period = text.slice(periodAt, periodEnd);
  // Most items give both values alike: compared in place, the second is not cut out at all.
  const annual = end - 1 - annualAt === period.length && text.startsWith(period, annualAt) ? period : text.slice(annualAt, end - 1);
  return canonicalFields(seq, l2.level1, l2.entry, text.slice(nameAt, nameEnd), period, annual, source);
}

/** A taxonomy's entries by the number their code spells (level 1: 0–9, level 2: 00–99), for codes read digit by digit. */
interface CodeTables {
  readonly level1: readonly (Level1Entry | undefined)[];
  /** Each level 2 entry with the level 1 entry it belongs to (absent when its parent is not in the taxonomy), made once. */
  readonly level2: readonly ({ readonly level1: Level1Entry; readonly entry: Level2Entry } | undefined)[];
}
const CODE_TABLES = new WeakMap<Taxonomy, CodeTables>();

function codeTables(taxonomy: Taxonomy): CodeTables {
  let tables = CODE_TABLES.get(taxonomy);
  if (!tables) {
    const level1 = Array.from({ length: 10 }, (_, d) => taxonomy.level1ByCode(String(d)));
    const level2 = Array.from({ length: 100 }, (_, n) => {
      const entry = taxonomy.level2ByCode(String(n).padStart(2, '0'));
      const parent = entry && level1[Number(entry.parent)];
      return entry && parent && parent.code === entry.parent ? { level1: parent, entry } : undefined;
    });
    CODE_TABLES.set(taxonomy, (tables = { level1, level2 }));
  }
  return tables;
}

const FULL_WIDTH_SEMICOLON = '；';
const DIGIT_ZERO = 48;

/**
 * The levels of a canonical item whose level 1 code is at `at` and whose level names end at `end1` and `end2`
 * (CANONICAL_ITEM matched `\d-name；\d\d-name；` there): the entries the codes name, when each written name is
 * exactly the entry's and level 2 belongs to level 1.
 */
function canonicalLevel2(text: string, at: number, end1: number, end2: number, codes: CodeTables): { readonly level1: Level1Entry; readonly entry: Level2Entry } | null {
  const l1 = codes.level1[text.charCodeAt(at) - DIGIT_ZERO];
  if (!l1 || end1 - (at + 2) !== l1.name.length || !text.startsWith(l1.name, at + 2)) return null;
  const at2 = end1 + 1;
  const pair = codes.level2[(text.charCodeAt(at2) - DIGIT_ZERO) * 10 + text.charCodeAt(at2 + 1) - DIGIT_ZERO];
  if (!pair || pair.level1 !== l1 || end2 - (at2 + 3) !== pair.entry.name.length || !text.startsWith(pair.entry.name, at2 + 3)) return null;
  return pair;
}

// Canonical level refs hold nothing but their entry, so one object per entry serves every cell.
const CANONICAL_REFS = new WeakMap<Level1Entry | Level2Entry, LevelRef<Level1Entry | Level2Entry>>();

function canonicalRef<E extends Level1Entry | Level2Entry>(entry: E): LevelRef<E> {
  let ref = CANONICAL_REFS.get(entry);
  if (!ref) CANONICAL_REFS.set(entry, (ref = { code: entry.code, name: entry.name, entry, nameConflict: false }));
  return ref as LevelRef<E>;
}

/**
 * The indicator spelt by the seven groups of `m` from `first` on (level 1 code and name, level 2 code
 * and name, third-level name, period value, annual value), or null when any of them is not exactly canonical.
 */
function canonicalIndicator(seq: number | null, m: RegExpExecArray, first: number, source: string, taxonomy: Taxonomy): Indicator | null {
  const l1 = taxonomy.level1ByCode(m[first] ?? '');
  const l2 = taxonomy.level2ByCode(m[first + 2] ?? '');
  if (!l1 || !l2 || l1.name !== m[first + 1] || l2.name !== m[first + 3] || l2.parent !== l1.code) return null;
  return canonicalFields(seq, l1, l2, m[first + 4] ?? '', m[first + 5] ?? '', m[first + 6] ?? '', source);
}

/** The indicator of canonical levels with these third-level name and values, or null when one of those is not exactly canonical. */
function canonicalFields(seq: number | null, l1: Level1Entry, l2: Level2Entry, name: string, p: string, a: string, source: string): Indicator | null {
  if (name.trimEnd() !== name || readsAsValueLabel(name)) return null;
  const period = parseIndicatorValue(p);
  // Most items give both values alike: comparing two short strings is cheaper than hashing one for the intern map, which returns the same object.
  const annual = a === p ? period : parseIndicatorValue(a);
  if (period.text !== p || annual.text !== a) return null;
  return { seq, level1: canonicalRef(l1), level2: canonicalRef(l2), name, period, annual, extraFields: NO_EXTRA_FIELDS, source };
}

/** One canonical item of a cell that is not canonical as a whole. */
function parseCanonicalItem(item: ItemSlice, taxonomy: Taxonomy): Indicator | null {
  if (item.numbering !== '、') return null;
  const m = CANONICAL_BODY.exec(item.body);
  return m ? canonicalIndicator(item.seq, m, 1, item.body, taxonomy) : null;
}

function parseItem(item: ItemSlice, taxonomy: Taxonomy, found: Set<FormatDeviation>): Indicator {
  const canonical = parseCanonicalItem(item, taxonomy);
  if (canonical) return canonical;
  let body = item.body.trimEnd();
  if (body !== item.body) found.add('whitespace');
  const terminator = TERMINATORS.exec(body);
  if (terminator) {
    if (terminator[0] !== '。') found.add('terminator-wrong');
    body = body.slice(0, -1);
  } else {
    found.add('terminator-missing');
  }
  if (body.includes(';')) found.add('semicolon-halfwidth');

  let level1: LevelRef<Level1Entry> | null = null;
  let level2: LevelRef<Level2Entry> | null = null;
  let name: string | null = null;
  let period: IndicatorValue | null = null;
  let annual: IndicatorValue | null = null;
  const extraFields: string[] = [];
  const order: number[] = [];
  let details: { [D in IndicatorDetail]?: string } | undefined;

  for (const rawField of body.split(FIELD_SEPARATOR)) {
    const field = rawField.trim();
    if (field !== rawField) found.add('whitespace');
    if (field === '') {
      found.add('empty-field');
      continue;
    }
    const detail = name === null ? null : readDetail(field);
    if (detail && (details === undefined || details[detail[0]] === undefined)) {
      (details ??= {})[detail[0]] = detail[1];
      continue;
    }
    const value = readLabelledValue(field, found);
    if (value) {
      if (value.kind === 'period' && period === null) {
        period = value.value;
        order.push(3);
        continue;
      }
      if (value.kind === 'annual' && annual === null) {
        annual = value.value;
        order.push(4);
        continue;
      }
      // A second value for a filled slot is not a name: written as one, it would read back as the value.
      extraFields.push(field);
      continue;
    }
    if (level1 === null && level2 === null && name === null) {
      const l1 = readLevel(field, 1, taxonomy.level1ByCode, taxonomy.level1ByName, found);
      if (l1) {
        level1 = l1;
        order.push(0);
        continue;
      }
    }
    if (level2 === null && name === null) {
      const l2 = readLevel(field, 2, taxonomy.level2ByCode, taxonomy.level2ByName, found);
      if (l2) {
        level2 = l2;
        order.push(1);
        continue;
      }
    }
    if (name === null) {
      name = field;
      order.push(2);
      continue;
    }
    extraFields.push(field);
  }
  if (order.some((v, i) => i > 0 && v < (order[i - 1] ?? 0))) found.add('field-order');
  // A missing first level is implied by its second level (12-质量指标 sits under 1-产出指标).
  if (level1 === null && level2?.entry) {
    const parent = taxonomy.level1ByCode(level2.entry.parent);
    if (parent) {
      found.add('level-code-missing');
      level1 = { code: null, name: '', entry: parent, nameConflict: false };
    }
  }
  return { seq: item.seq, level1, level2, name: name ?? '', period, annual, extraFields, source: item.body, ...(details ? { details } : {}) };
}

/** True when a name would be read as a 实施周期/年度 value label (年度：… or 实施周期指标值95%). */
export function readsAsValueLabel(text: string): boolean {
  return PERIOD_LABEL.test(text) || ANNUAL_LABEL.test(text);
}

function readLabelledValue(field: string, found: Set<FormatDeviation>): { kind: 'period' | 'annual'; value: IndicatorValue } | null {
  const period = PERIOD_LABEL.exec(field);
  const annual = period ? null : ANNUAL_LABEL.exec(field);
  const m = period ?? annual;
  if (!m) return null;
  if ((m[1] ?? m[3]) !== '指标值' || (annual && !field.startsWith('年度'))) found.add('value-label');
  if (m[2] === '：') found.add('colon-fullwidth');
  if (m[2] === undefined) found.add('colon-missing');
  const written = field.slice(m[0].length);
  if (/[\s\u3000]/.test(m[0]) || /[\s\u3000]/.test(written)) found.add('whitespace');
  const value = parseIndicatorValue(written);
  if (value.comparatorNormalised) found.add('comparator-ascii');
  else if (value.text !== written.replace(/[\s\u3000]+/g, '')) found.add('full-width-digits');
  return { kind: period ? 'period' : 'annual', value };
}

function readLevel<E extends { readonly name: string; readonly coded: boolean }>(
  field: string,
  codeLength: 1 | 2,
  byCodeLookup: (code: string) => E | undefined,
  byNameLookup: (name: string) => E | undefined,
  found: Set<FormatDeviation>,
): LevelRef<E> | null {
  const m = LEVEL_FIELD.exec(field);
  const code = m?.[1] ?? null;
  const written = (m?.[2] ?? field).trim();
  if (code !== null && code.length !== codeLength) return null;
  const byName = written === '' ? undefined : byNameLookup(written);
  if (code === null) {
    if (!byName) return null;
    // Only an entry that has a code can miss it (社会公众或服务对象满意度指标 has none in any template).
    if (byName.coded) found.add('level-code-missing');
    if (written !== byName.name) found.add('level-name-variant');
    return { code: null, name: written, entry: byName, nameConflict: false };
  }
  const byCode = byCodeLookup(code);
  const prefix = field.slice(0, field.length - written.length);
  if (/\s/.test(prefix)) found.add('whitespace');
  if (/[－—–]/.test(prefix)) found.add('dash-variant');
  if (byCode && (written === '' || (byName === byCode && written !== byCode.name))) found.add('level-name-variant');
  return { code, name: written, entry: byCode ?? null, nameConflict: isNameConflict(written, byName, byCode) };
}

/** A name that resolves elsewhere, or resolves nowhere while the code does, contradicts the code. */
function isNameConflict<E>(written: string, byName: E | undefined, byCode: E | undefined): boolean {
  if (written === '' || byCode === undefined) return false;
  return byName !== byCode;
}

/** An item of levels alone (no name, no value, nothing else): a template row left in, not an indicator. */
export function isTemplateItem(ind: Indicator): boolean {
  return ind.name === '' && ind.period === null && ind.annual === null && ind.extraFields.length === 0 && ind.details === undefined && (ind.level1 !== null || ind.level2 !== null);
}

/** True when the item has everything the canonical form needs (the values its slots ask for), without contradictions. */
export function isComplete(ind: Indicator, slots: ValueSlots = 'both'): boolean {
  const l1 = ind.level1?.entry;
  const l2 = ind.level2?.entry;
  const hasPeriod = ind.period !== null && ind.period.text !== '';
  const hasAnnual = ind.annual !== null && ind.annual.text !== '';
  return (
    l1 !== undefined && l1 !== null && l2 !== undefined && l2 !== null &&
    !ind.level1?.nameConflict && !ind.level2?.nameConflict && l2.parent === l1.code &&
    ind.name !== '' && (slots === 'annual' || hasPeriod) && (slots === 'period' || hasAnnual) &&
    ind.extraFields.length === 0
  );
}

export interface IndicatorParts {
  readonly level1: Level1Entry;
  readonly level2: Level2Entry;
  readonly name: string;
  /** null: the item gives no 实施周期 value (a table of the year alone). */
  readonly period: string | null;
  readonly annual: string;
  readonly details?: { readonly [D in IndicatorDetail]?: string };
}

/** One item in canonical form, numbered `seq`; detail fields (权重, 指标方向 …) after the values. */
export function formatIndicator(seq: number, parts: IndicatorParts): string {
  const period = parts.period === null ? '' : `实施周期指标值:${parts.period}；`;
  let details = '';
  for (const detail of DETAIL_ORDER) {
    const text = parts.details?.[detail];
    if (text !== undefined) details += `；${DETAIL_LABELS[detail][0]}:${text}`;
  }
  return `${seq}、${parts.level1.label}；${parts.level2.label}；${parts.name}；${period}年度指标值:${parts.annual}${details}。`;
}

/**
 * Canonical text of complete indicators, renumbered 1..n. Incomplete items are skipped, and so are
 * items whose fields would read back as something else once written canonically.
 */
export function formatIndicators(indicators: readonly Indicator[], taxonomy: Taxonomy = DEFAULT_TAXONOMY): string {
  return writeCanonical(indicators, taxonomy, cellSlots(indicators)).text;
}

function writeCanonical(indicators: readonly Indicator[], taxonomy: Taxonomy, slots: ValueSlots = 'both'): { text: string; count: number } {
  let text = '';
  let count = 0;
  for (const ind of indicators) {
    const level1 = ind.level1?.entry;
    const level2 = ind.level2?.entry;
    if (!level1 || !level2 || !ind.annual || !isComplete(ind, slots)) continue;
    const parts: IndicatorParts = {
      level1,
      level2,
      name: ind.name,
      period: slots === 'annual' ? null : (ind.period?.text ?? ''),
      annual: ind.annual.text,
      ...(ind.details ? { details: ind.details } : {}),
    };
    if (!readsBack(formatIndicator(1, parts), parts, taxonomy)) continue;
    count++;
    text += formatIndicator(count, parts);
  }
  return { text, count };
}

/**
 * Whether a rebuilt item reads back as itself. Rebuilding can join what the cell kept apart: a value
 * written "≤5。 1、x" loses its space and "。1、" then starts an item.
 */
function readsBack(item: string, parts: IndicatorParts, taxonomy: Taxonomy): boolean {
  const again = readCell(item, taxonomy, false);
  const back = again.indicators[0];
  return (
    back !== undefined && again.indicators.length === 1 && again.deviations.length === 0 && again.strayText === '' && !again.ambiguousTerminator &&
    back.level1?.entry?.code === parts.level1.code && back.level2?.entry?.code === parts.level2.code && back.name === parts.name &&
    (back.period?.text ?? null) === parts.period && back.annual?.text === parts.annual && back.extraFields.length === 0 &&
    DETAIL_ORDER.every((d) => back.details?.[d] === parts.details?.[d])
  );
}

export function isBlankIndicatorText(text: string): boolean {
  return WHITESPACE_ONLY.test(text);
}
