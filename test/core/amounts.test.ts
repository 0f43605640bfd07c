import fc from 'fast-check';
import { addAmounts, convertAmount, decimalFromText, formatAmount, parseAmount } from '../../src/core/amounts';

describe('parseAmount', () => {
  test.each([
    [99, { kind: 'number', value: 99_000000n, storedAsText: false }],
    [700.36, { kind: 'number', value: 700_360000n }],
    [0.1 + 0.2, { kind: 'number', value: 300000n }],
    [1e-7, { kind: 'number', value: 0n }],
    [123456789.123456, { kind: 'number', value: 123456789_123456n }],
    ['99.00', { kind: 'number', value: 99_000000n, storedAsText: true }],
    ['1,234.5', { kind: 'number', value: 1234_500000n, storedAsText: true }],
    ['７００．３６', { kind: 'number', value: 700_360000n, storedAsText: true }],
    [' 12 ', { kind: 'number', value: 12_000000n }],
    ['－5', { kind: 'number', value: -5_000000n }],
    ['0.1234567', { kind: 'number', value: 123457n, excessPrecision: true }],
    [null, { kind: 'empty' }],
    ['', { kind: 'empty' }],
    ['-', { kind: 'empty' }],
    ['—', { kind: 'empty' }],
    ['　', { kind: 'empty' }],
    ['十万', { kind: 'invalid', text: '十万' }],
    ['12万元', { kind: 'invalid', text: '12万元' }],
    ['1,23', { kind: 'invalid' }],
    [true, { kind: 'invalid' }],
    [Number.NaN, { kind: 'invalid' }],
  ] as const)('%p', (input, expected) => expect(parseAmount(input)).toMatchObject(expected));

  test.each([
    ['#REF!', { kind: 'invalid', text: '#REF!', excelError: '#REF!' }],
    [' #N/A ', { kind: 'invalid', text: '#N/A', excelError: '#N/A' }],
    ['99万元', { kind: 'invalid', text: '99万元', withUnit: { value: 99_000000n, unit: '万元' } }],
    ['１，２００.５ 元', { kind: 'invalid', text: '１，２００.５ 元', withUnit: { value: 1200_500000n, unit: '元' } }],
    ['3万', { kind: 'invalid', text: '3万', withUnit: { value: 3_000000n, unit: '万元' } }],
    ['万元', { kind: 'invalid', text: '万元' }],
    ['十万', { kind: 'invalid', text: '十万' }],
  ] as const)('%p is invalid, and says why', (input, expected) => expect(parseAmount(input)).toEqual(expected));

  test('invisible characters (zero-width, bidi, BOM, control) are not part of the number', () => {
    for (const text of ['\u200b100', '100\u200f', '\u202e100', '\ufeff100', '10\u00070', '\u0000100\u001f']) {
      expect(parseAmount(text)).toEqual({ kind: 'number', value: 100_000000n, storedAsText: true, excessPrecision: false });
    }
    expect(parseAmount('十\u200b万\u0007')).toEqual({ kind: 'invalid', text: '十万' });
  });

  test('a long text is cut short for messages', () => {
    expect(parseAmount('目'.repeat(32767))).toEqual({ kind: 'invalid', text: `${'目'.repeat(40)}…` });
  });

  test('a number with more than 6 decimals as Excel shows it is flagged; float noise is not', () => {
    expect(parseAmount(1 / 3)).toEqual({ kind: 'number', value: 333333n, storedAsText: false, excessPrecision: true });
    expect(parseAmount(0.1 + 0.2)).toEqual({ kind: 'number', value: 300000n, storedAsText: false, excessPrecision: false });
    expect(parseAmount(12.3456789)).toEqual({ kind: 'number', value: 12_345679n, storedAsText: false, excessPrecision: true });
    expect(parseAmount(1e20 + 0.5)).toEqual({ kind: 'number', value: 10n ** 26n, storedAsText: false, excessPrecision: false });
  });
});

describe('convertAmount', () => {
  test('万元 ↔ 元, rounding half away from zero past 6 places', () => {
    expect(convertAmount(99_000000n, '万元', '元')).toBe(990000_000000n);
    expect(convertAmount(990000_000000n, '元', '万元')).toBe(99_000000n);
    expect(convertAmount(1_234567n, '元', '万元')).toBe(123n);
    expect(convertAmount(5000n, '元', '万元')).toBe(1n);
    expect(convertAmount(-5000n, '元', '万元')).toBe(-1n);
    expect(convertAmount(4999n, '元', '万元')).toBe(0n);
    expect(convertAmount(7n, '元', '元')).toBe(7n);
  });
});

describe('decimals', () => {
  test('format keeps two places at least', () => {
    expect(formatAmount(700_360000n)).toBe('700.36');
    expect(formatAmount(99_000000n)).toBe('99.00');
    expect(formatAmount(1_234567n)).toBe('1.234567');
    expect(formatAmount(-500000n)).toBe('-0.50');
    expect(formatAmount(5_000000n, 0)).toBe('5');
  });

  test('rounding half away from zero at the 7th place', () => {
    expect(decimalFromText('0.0000005')?.value).toBe(1n);
    expect(decimalFromText('-0.0000005')?.value).toBe(-1n);
    expect(decimalFromText('1.5e3')?.value).toBe(1500_000000n);
  });

  test('sums of many cents are exact (no float drift)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 200 }), (cents) => {
      const exact = addAmounts(cents.map((c) => decimalFromText((c / 100).toFixed(2))?.value ?? 0n));
      expect(exact).toBe(BigInt(cents.reduce((a, b) => a + b, 0)) * 10_000n);
    }));
  });

  test('format ∘ parse round-trips any 6-place decimal', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (v) => {
      expect(decimalFromText(formatAmount(v))?.value).toBe(v);
    }));
  });
});
