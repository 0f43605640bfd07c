/** One 实施周期指标值 / 年度指标值: a comparison with a number and unit, or qualitative text. */

export type Comparator = '≥' | '＞' | '＝' | '＜' | '≤';
export const COMPARATORS: readonly Comparator[] = ['≥', '≤', '＝', '＞', '＜'];

export interface IndicatorValue {
  /** As written in the cell (trimmed). */
  readonly raw: string;
  /** Canonical spelling: ASCII comparators made ≥ ≤ ＞ ＜ ＝, full-width digits made ASCII, spaces removed. */
  readonly text: string;
  readonly comparator: Comparator | null;
  /** Decimal text of the number ("95", "0.5"); null for qualitative values. */
  readonly number: string | null;
  /** What follows the number, without comparator words (%, 人, 分, 件…); '' when none. */
  readonly unit: string;
  /** True when the value is text such as 优秀 / 有效提升 (定性). */
  readonly qualitative: boolean;
  /** ASCII or doubled comparator symbols were normalised. */
  readonly comparatorNormalised: boolean;
}

// Longest first so that ">=" is not read as ">" followed by "=".
const SYMBOL_REPLACEMENTS: readonly (readonly [string, Comparator])[] = [
  ['>=', '≥'], ['=>', '≥'], ['＞＝', '≥'], ['≧', '≥'], ['⩾', '≥'],
  ['<=', '≤'], ['=<', '≤'], ['＜＝', '≤'], ['≦', '≤'], ['⩽', '≤'],
  ['==', '＝'], ['>', '＞'], ['<', '＜'], ['=', '＝'],
];
const PREFIX_WORDS: readonly (readonly [string, Comparator])[] = [
  ['大于等于', '≥'], ['大于或等于', '≥'], ['不低于', '≥'], ['不少于', '≥'], ['不小于', '≥'], ['至少', '≥'],
  ['小于等于', '≤'], ['小于或等于', '≤'], ['不高于', '≤'], ['不超过', '≤'], ['不多于', '≤'], ['不大于', '≤'], ['最多', '≤'],
  ['大于', '＞'], ['高于', '＞'], ['超过', '＞'], ['多于', '＞'],
  ['小于', '＜'], ['低于', '＜'], ['少于', '＜'],
  ['等于', '＝'],
];
const SUFFIX_WORDS: readonly (readonly [string, Comparator])[] = [
  ['（含）以上', '≥'], ['(含)以上', '≥'], ['及以上', '≥'], ['以上', '≥'],
  ['（含）以下', '≤'], ['(含)以下', '≤'], ['及以下', '≤'], ['以下', '≤'], ['以内', '≤'],
];
const NUMBER_AT_START = /^[+-]?\d+(?:\.\d+)?/;
const FULL_WIDTH_DIGITS = /[０-９．％]/g;
const WHITESPACE = /[\s\u3000]+/g;

export function toHalfWidthDigits(text: string): string {
  return text.replace(FULL_WIDTH_DIGITS, (ch) => (ch === '．' ? '.' : ch === '％' ? '%' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

// The shapes nearly every cell uses (≥95%, 100%, 4人, 优秀), read without the general path's rewrites.
const PLAIN_QUANTITY = /^([≥≤＞＜＝]?)(\d+(?:\.\d+)?)([^\d\s.０-９％．<>=＞＜＝≧≦⩾⩽]*)$/;
const PLAIN_QUALITATIVE = /^[^\d\s０-９％．<>=＞＜＝≧≦⩾⩽≥≤]+$/;
const SUFFIX_WORD_END = /(?:以上|以下|以内)$/;

// A date or a span of dates (2023.07-2024.01, 2023年12月底前): a precise target, neither a quantity nor 定性.
const DATE_PART = '(?:19|20)\\d{2}\\s*(?:年|[.．/-]\\s*\\d{1,2}\\s*月?)(?:\\s*\\d{1,2}\\s*月)?(?:\\s*[.．/-]?\\s*\\d{1,2}\\s*日?)?(?:底|末|初|上旬|中旬|下旬)?(?:前|之前|以前)?';
const DATE_VALUE = new RegExp(`^${DATE_PART}(?:\\s*[-－—–~～至到]\\s*${DATE_PART})?$`);
// A span of numbers with a unit on either end (90%-95%, 3-5个): its lower bound is its number.
const NUMBER_RANGE = /^(\d+(?:\.\d+)?)([^\d\s.\-－—–~～至到]*)\s*[-－—–~～至到]\s*(\d+(?:\.\d+)?)([^\d\s.]*)$/;
// Units written out that mean a symbol the rules know.
const UNIT_ALIASES: ReadonlyMap<string, string> = new Map([['百分比', '%'], ['百分之', '%'], ['千分比', '‰']]);
const unitOf = (written: string): string => UNIT_ALIASES.get(written) ?? written;

// Values repeat across a table (100%, ≥90%, 优秀): identical texts share one immutable result.
const INTERNED = new Map<string, IndicatorValue>();
const INTERN_LIMIT = 4096;

/** Reads one value. Never throws; an empty text gives an empty qualitative value. */
export function parseIndicatorValue(written: string): IndicatorValue {
  const known = INTERNED.get(written);
  if (known) return known;
  const value = readIndicatorValue(written);
  if (INTERNED.size >= INTERN_LIMIT) INTERNED.clear();
  INTERNED.set(written, Object.freeze(value));
  return value;
}

function readIndicatorValue(written: string): IndicatorValue {
  const raw = written.trim();
  const plain = PLAIN_QUANTITY.exec(raw);
  if (plain && !SUFFIX_WORD_END.test(raw)) {
    const comparator = (plain[1] || null) as Comparator | null;
    return { raw, text: raw, comparator, number: plain[2] ?? '', unit: unitOf(plain[3] ?? ''), qualitative: false, comparatorNormalised: false };
  }
  if (DATE_VALUE.test(raw)) return { raw, text: raw, comparator: null, number: null, unit: '', qualitative: false, comparatorNormalised: false };
  const range = NUMBER_RANGE.exec(toHalfWidthDigits(raw).replace(WHITESPACE, ''));
  if (range) {
    const text = toHalfWidthDigits(raw).replace(WHITESPACE, '');
    return { raw, text, comparator: null, number: range[1] ?? '', unit: unitOf(range[4] || range[2] || ''), qualitative: false, comparatorNormalised: false };
  }
  if (PLAIN_QUALITATIVE.test(raw)) {
    return { raw, text: raw, comparator: null, number: null, unit: '', qualitative: true, comparatorNormalised: false };
  }
  let text = toHalfWidthDigits(raw).replace(WHITESPACE, '');
  let comparatorNormalised = false;
  // Until nothing changes: a mixed pair such as "<＝" becomes "＜＝" and then "≤". Each step shortens the
  // text or turns an ASCII symbol into one no replacement starts with, so this ends.
  for (let replaced = true; replaced; ) {
    replaced = false;
    for (const [from, to] of SYMBOL_REPLACEMENTS) {
      if (text.startsWith(from)) {
        text = to + text.slice(from.length);
        comparatorNormalised = replaced = true;
        break;
      }
    }
  }

  let rest = text;
  let comparator: Comparator | null = null;
  const first = rest.charAt(0);
  if ((COMPARATORS as readonly string[]).includes(first)) {
    comparator = first as Comparator;
    rest = rest.slice(1);
  } else {
    for (const [word, cmp] of PREFIX_WORDS) {
      if (rest.startsWith(word)) {
        comparator = cmp;
        rest = rest.slice(word.length);
        break;
      }
    }
  }
  // ±3%以内: a tolerance around a target; its bound is the number.
  if (rest.startsWith('±')) rest = rest.slice(1);
  const numberMatch = NUMBER_AT_START.exec(rest);
  if (!numberMatch) {
    return { raw, text, comparator: null, number: null, unit: '', qualitative: true, comparatorNormalised };
  }
  const number = numberMatch[0];
  let unit = rest.slice(number.length);
  if (comparator === null) {
    for (const [word, cmp] of SUFFIX_WORDS) {
      if (unit.endsWith(word)) {
        comparator = cmp;
        unit = unit.slice(0, -word.length);
        break;
      }
    }
  }
  return { raw, text, comparator, number, unit: unitOf(unit), qualitative: false, comparatorNormalised };
}

/** The canonical text of a value built from parts (the builder's path). */
export function composeIndicatorValue(comparator: Comparator | null, number: string, unit: string): string {
  return `${comparator ?? ''}${number}${unit}`;
}

// Words that describe a trend, not a target: “有效提升”, “明显改善”, “长远”.
const VAGUE = /提升|提高|增加|增强|改善|有效|明显|显著|长远|逐步|进一步|持续|加强|促进|推动|有所|较大|较好/;

/** A qualitative value that states only a trend (no grade, no standard), where 定性 should be 分级分档. */
export function isVague(v: IndicatorValue): boolean {
  return v.qualitative && VAGUE.test(v.text);
}
