import fc from 'fast-check';
import { cellAt, columnIndex, columnLetters, parseA1, toA1 } from '../../src/core/grid';

describe('A1 addresses', () => {
  test.each([[0, 0, 'A1'], [6, 11, 'L7'], [0, 25, 'Z1'], [0, 26, 'AA1'], [1048575, 16383, 'XFD1048576']])('(%i, %i) ⇄ %s', (row, col, a1) => {
    expect(toA1(row, col)).toBe(a1);
    expect(parseA1(a1)).toEqual({ row, col });
  });
  test('absolute references and lower case', () => expect(parseA1('$b$7')).toEqual({ row: 6, col: 1 }));
  test.each(['', 'A0', '1A', 'XFE1', 'A1048577', 'A1:B2', 'Sheet1!A1'])('rejects %p', (a1) => expect(parseA1(a1)).toBeNull());
  test('letters ⇄ index for every column', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 16383 }), (c) => expect(columnIndex(columnLetters(c))).toBe(c)));
  });
});

test('cellAt honours the origin and ragged rows', () => {
  const sheet = { name: 'S', originRow: 4, originCol: 2, values: [['C5', 'D5'], ['C6']] };
  expect(cellAt(sheet, 4, 3)).toBe('D5');
  expect(cellAt(sheet, 5, 3)).toBeNull();
  expect(cellAt(sheet, 0, 0)).toBeNull();
});
