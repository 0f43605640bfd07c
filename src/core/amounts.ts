import type { CellValue } from './grid';
import { clipForMessage, withoutInvisibleCharacters } from './text';

/**
 * Exact amounts: a bigint counting millionths (6 decimal places, the finest any
 * 绩效目标表 template uses). Sums of bigints are exact; floats never enter a total.
 */
export type Decimal = bigint;

export const DECIMAL_PLACES = 6;
const SCALE = 10n ** BigInt(DECIMAL_PLACES);
export const ZERO: Decimal = 0n;

export type MoneyUnit = '万元' | '元';

/** Excel's error values, as every adapter reports a cell whose formula failed. */
export const EXCEL_ERRORS = [
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA',
  '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#UNKNOWN!', '#BUSY!', '#PYTHON!',
] as const;
export type ExcelError = (typeof EXCEL_ERRORS)[number];

export type AmountParse =
  | { readonly kind: 'empty' }
  | {
      readonly kind: 'number';
      readonly value: Decimal;
      /** The cell holds text that reads as a number ("99.00" typed with a leading apostrophe, pasted text...). */
      readonly storedAsText: boolean;
      /** More than 6 decimal places were given (as text, or in a number as Excel shows it), so the value was rounded. */
      readonly excessPrecision: boolean;
    }
  | {
      readonly kind: 'invalid';
      /** The cell's text for messages: invisible characters removed, long texts cut short. */
      readonly text: string;
      /** The cell holds an Excel error value (a formula that failed). */
      readonly excelError?: ExcelError;
      /** A number followed by a money unit ("99万元"): the number, in that unit. */
      readonly withUnit?: { readonly value: Decimal; readonly unit: MoneyUnit };
    };

const EMPTY_MARKS = new Set(['', '-', '--', '—', '——', '－', '–', '/', '／']);
const EXCEL_ERROR_SET: ReadonlySet<string> = new Set(EXCEL_ERRORS);
const UNIT_SUFFIX = /^(.*?)(万元|万|元)$/;
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
    // Number#toString gives the shortest text that round-trips, i.e. the value at full precision.
    const parsed = decimalFromText(String(value));
    if (parsed === null) return { kind: 'invalid', text: String(value) };
    // Excel shows 15 significant digits: float noise (0.1 + 0.2) stays hidden there, 1/3 does not.
    const shown = parsed.rounded ? decimalFromText(value.toPrecision(15)) : null;
    return { kind: 'number', value: parsed.value, storedAsText: false, excessPrecision: shown?.rounded === true };
  }
  const text = normaliseNumericText(value);
  if (EMPTY_MARKS.has(text)) return EMPTY;
  const parsed = decimalFromText(text);
  if (parsed !== null) return { kind: 'number', value: parsed.value, storedAsText: true, excessPrecision: parsed.rounded };
  return invalidText(value, text);
}

function invalidText(raw: string, normalised: string): AmountParse {
  const text = clipForMessage(withoutInvisibleCharacters(raw).trim());
  if (EXCEL_ERROR_SET.has(normalised)) return { kind: 'invalid', text, excelError: normalised as ExcelError };
  const unit = UNIT_SUFFIX.exec(normalised);
  const number = unit ? decimalFromText(ungrouped(unit[1] ?? '')) : null;
  if (unit && number) return { kind: 'invalid', text, withUnit: { value: number.value, unit: unit[2] === '元' ? '元' : '万元' } };
  return { kind: 'invalid', text };
}

/** An amount in `from` expressed in `to` (1 万元 = 10,000 元), rounded half away from zero past 6 places. */
export function convertAmount(value: Decimal, from: MoneyUnit, to: MoneyUnit): Decimal {
  if (from === to) return value;
  if (from === '万元') return value * 10_000n;
  const quotient = value / 10_000n;
  const remainder = value % 10_000n;
  if (remainder * 2n >= 10_000n) return quotient + 1n;
  if (remainder * 2n <= -10_000n) return quotient - 1n;
  return quotient;
}

function normaliseNumericText(raw: string): string {
  let text = raw.replace(/[\s\u3000\u00a0]+/g, '');
  text = withoutInvisibleCharacters(text);
  text = text.replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  text = text.replace(/．/g, '.').replace(/，/g, ',').replace(/^[－−]/, '-').replace(/^＋/, '+');
  return ungrouped(text);
}

function ungrouped(text: string): string {
  return GROUPED_INTEGER.test(text) ? text.replace(/,/g, '') : text;
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
