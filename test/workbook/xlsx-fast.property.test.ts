import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { expectSameAsExcelJs } from './xlsx-fast-compare';

jest.setTimeout(120_000);

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('项目支出', ' 前后空格 ', '<a&b>"\'', '&amp;', 'x\ny', '_x000D_', '=SUM(A1)', '001', '1,234', '50%', '#N/A', 'TRUE', '😀'),
);
const cellValue: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  { weight: 4, arbitrary: text },
  { weight: 3, arbitrary: fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 })) },
  fc.boolean(),
  fc.constant(null),
  fc.date({ min: new Date(Date.UTC(1901, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }),
  fc.constantFrom<ExcelJS.CellValue>({ error: '#N/A' }, { error: '#DIV/0!' }),
  fc.array(text, { minLength: 1, maxLength: 3 }).map((runs): ExcelJS.CellValue => ({ richText: runs.map((t, i) => ({ text: t, font: { bold: i % 2 === 0 } })) })),
  fc.record({ formula: fc.constantFrom('A1+1', 'SUM(A1:B2)', '"x"&"y"', '1/0'), result: fc.oneof(fc.integer(), text, fc.boolean(), fc.constant(0), fc.constant(undefined)) }).map((f): ExcelJS.CellValue => (f.result === undefined ? { formula: f.formula } : { formula: f.formula, result: f.result }) as ExcelJS.CellValue),
);
const sheet = fc.record({
  rows: fc.array(fc.array(cellValue, { maxLength: 6 }), { maxLength: 8 }),
  origin: fc.record({ row: fc.integer({ min: 1, max: 30 }), col: fc.integer({ min: 1, max: 30 }) }),
  merge: fc.boolean(),
  state: fc.constantFrom<'visible' | 'hidden' | 'veryHidden'>('visible', 'hidden', 'veryHidden'),
});

type RandomSheet = typeof sheet extends fc.Arbitrary<infer T> ? T : never;

async function written(sheets: readonly RandomSheet[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  sheets.forEach((s, i) => {
    const ws = book.addWorksheet(`表${i + 1}`, { state: s.state });
    s.rows.forEach((row, r) => row.forEach((value, c) => (ws.getCell(s.origin.row + r, s.origin.col + c).value = value)));
    if (s.merge) ws.mergeCells(s.origin.row, s.origin.col, s.origin.row + 1, s.origin.col + 1);
    // Percent and date formats on some cells, as officers' files have them.
    ws.getCell(s.origin.row, s.origin.col).numFmt = i % 2 === 0 ? '0.00%' : 'yyyy-mm-dd';
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}

test('random workbooks written by ExcelJS read the same with the fast reader as with ExcelJS', async () => {
  let readByFast = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(sheet, { minLength: 1, maxLength: 3 }), async (sheets) => {
      if ((await expectSameAsExcelJs(await written(sheets))) === null) readByFast++;
    }),
    { numRuns: 60 },
  );
  // Not a vacuous pass: ExcelJS's own files are plain enough for the fast reader to read them itself.
  expect(readByFast).toBe(60);
});
