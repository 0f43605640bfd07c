import { parseIndicatorValue } from '../../../src/core/indicators/value';

/** Values real tables write that are neither a plain quantity nor 定性 (issue: units and ranges). */

const read = (text: string) => {
  const v = parseIndicatorValue(text);
  return { comparator: v.comparator, number: v.number, unit: v.unit, qualitative: v.qualitative };
};

test.each([
  ['2023.07-2024.01', { comparator: null, number: null, unit: '', qualitative: false }],
  ['2023年12月底前', { comparator: null, number: null, unit: '', qualitative: false }],
  ['2024年6月30日前', { comparator: null, number: null, unit: '', qualitative: false }],
])('a date or a span of dates is a precise target, not 定性 and not a number without unit: %s', (text, expected) => {
  expect(read(text)).toEqual(expected);
});

test.each([
  ['90%-95%', { comparator: null, number: '90', unit: '%', qualitative: false }],
  ['3-5个', { comparator: null, number: '3', unit: '个', qualitative: false }],
  ['±3%以内', { comparator: '≤', number: '3', unit: '%', qualitative: false }],
  ['2.6万平方米', { comparator: null, number: '2.6', unit: '万平方米', qualitative: false }],
  ['≥95百分比', { comparator: '≥', number: '95', unit: '%', qualitative: false }],
])('ranges, tolerances, compound units and units written out are quantities: %s', (text, expected) => {
  expect(read(text)).toEqual(expected);
});

test('a count is not taken for a date, nor a date-like number for a range of years', () => {
  expect(read('2023个')).toEqual({ comparator: null, number: '2023', unit: '个', qualitative: false });
  expect(read('≥2000人')).toEqual({ comparator: '≥', number: '2000', unit: '人', qualitative: false });
});
