import type { CellValue } from './grid';

/**
 * Exact amounts: a bigint counting millionths (6 decimal places, the finest any
 * 绩效目标表 template uses). Sums of bigints are exact; floats never enter a total.
 */
export type Decimal = bigint;

export const DECIMAL_PLACES = 6;
const SCALE = 10n ** BigInt(DECIMAL_PLACES);
export const ZERO: Decimal = 0n;

export type AmountParse =
  | { readonly kind: 'empty' }
  | {
      readonly kind: 'number';
      readonly value: Decimal;
      /** The cell holds text that reads as a number ("99.00" typed with a leading apostrophe, pasted text...). */
      readonly storedAsText: boolean;
      /** More than 6 decimal places were given (text), so the value was rounded. */
      readonly excessPrecision: boolean;
    }
  | { readonly kind: 'invalid'; readonly text: string };

const EMPTY_MARKS = new Set(['', '-', '--', '—', '——', '－', '–', '/', '／']);
const FULL_WIDTH_DIGIT = /[０-９]/g;
const PLAIN_NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?$/;
const GROUPED_INTEGER = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const EXPONENT_NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?e([+-]?\d+)$/i;

/** Reads an amount cell. Never throws: anything unreadable is `invalid` with its text. */
const EMPTY: AmountParse = Object.freeze({ kind: 'empty' });

export function parseAmount(value: CellValue): AmountParse {
  if (value === null) return EMPTY;
  if (typeof value === 'boolean') return { kind: 'invalid', text: String(value) };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'invalid', text: String(value) };
    // Below 1e8 two 6-place decimals never share a double, so an exact round trip proves the value.
    if (Math.abs(value) < 1e8) {
      const scaled = Math.round(value * 1e6);
      if (scaled / 1e6 === value) return { kind: 'number', value: BigInt(scaled), storedAsText: false, excessPrecision: false };
    }
    // Number#toString gives the shortest text that round-trips, i.e. what Excel shows at full precision.
    const parsed = decimalFromText(String(value));
    return parsed === null
      ? { kind: 'invalid', text: String(value) }
      : { kind: 'number', value: parsed.value, storedAsText: false, excessPrecision: false };
  }
  const text = normaliseNumericText(value);
  if (EMPTY_MARKS.has(text)) return EMPTY;
  const parsed = decimalFromText(text);
  if (parsed === null) return { kind: 'invalid', text: value.trim() };
  return { kind: 'number', value: parsed.value, storedAsText: true, excessPrecision: parsed.rounded };
}

function normaliseNumericText(raw: string): string {
  let text = raw.replace(/[\s\u3000\u00a0]+/g, '');
  text = text.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  text = text.replace(/．/g, '.').replace(/，/g, ',').replace(/^[－−]/, '-').replace(/^＋/, '+');
  if (GROUPED_INTEGER.test(text)) text = text.replace(/,/g, '');
  return text;
}

/** Exact text → Decimal, rounding half away from zero past 6 places; null when not a number. */
export function decimalFromText(text: string): { value: Decimal; rounded: boolean } | null {
  let sign: string;
  let intPart: string;
  let fracPart: string;
  let exponent = 0;
  const plain = PLAIN_NUMBER.exec(text);
  if (plain) {
    sign = plain[1] ?? '';
    intPart = plain[2] ?? '';
    fracPart = plain[3] ?? '';
  } else {
    const exp = EXPONENT_NUMBER.exec(text);
    if (!exp) return null;
    sign = exp[1] ?? '';
    intPart = exp[2] ?? '';
    fracPart = exp[3] ?? '';
    exponent = Number(exp[4]);
    if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 400) return null;
  }
  if (intPart === '' && fracPart === '') return null;
  let digits = intPart + fracPart;
  // Position of the decimal point counted from the left of `digits`.
  let point = intPart.length + exponent;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits + '0'.repeat(point - digits.length);
  const whole = digits.slice(0, point) || '0';
  const frac = digits.slice(point);
  const kept = (frac + '0'.repeat(DECIMAL_PLACES)).slice(0, DECIMAL_PLACES);
  const dropped = frac.slice(DECIMAL_PLACES);
  let magnitude = BigInt(whole) * SCALE + BigInt(kept);
  const rounded = /[1-9]/.test(dropped);
  if (dropped !== '' && dropped.charCodeAt(0) >= 53 /* '5' */) magnitude += 1n;
  return { value: sign === '-' ? -magnitude : magnitude, rounded };
}

export function addAmounts(values: Iterable<Decimal>): Decimal {
  let sum = ZERO;
  for (const v of values) sum += v;
  return sum;
}

export function absAmount(value: Decimal): Decimal {
  return value < 0n ? -value : value;
}

/** Decimal → text with at least `minFractionDigits` places and no trailing zeros past them. */
export function formatAmount(value: Decimal, minFractionDigits = 2): string {
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const whole = magnitude / SCALE;
  let frac = (magnitude % SCALE).toString().padStart(DECIMAL_PLACES, '0').replace(/0+$/, '');
  if (frac.length < minFractionDigits) frac = frac.padEnd(minFractionDigits, '0');
  return `${negative ? '-' : ''}${whole.toString()}${frac ? `.${frac}` : ''}`;
}

/** Decimal → a JavaScript number, for writing a fix back into a cell. */
export function amountToNumber(value: Decimal): number {
  return Number(formatAmount(value, 0));
}
