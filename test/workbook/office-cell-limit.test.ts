// Excel's 5,000,000-cell limit holds per range read (RangeExceedsLimit), not per workbook.
import { createOfficeWorkbook, MAX_CELLS, toWorkbookError } from '../../src/workbook/office-workbook';
import { ExcelDouble } from './excel-double';

function setup() {
  const excel = new ExcelDouble();
  const port = createOfficeWorkbook({ excelRun: excel.run as unknown as typeof Excel.run, office: excel.office as unknown as typeof Office });
  return { excel, port };
}

test('a sheet of more than 5,000,000 cells is read in chunks, none of them over the limit', async () => {
  const { excel, port } = setup();
  excel.addSheet('大表', [['a']]);
  excel.setCell('大表', 'F1000000', 'z');
  const grid = await port.readWorkbook();
  const values = grid.sheets[0]?.values ?? [];
  expect(values).toHaveLength(1_000_000);
  expect(values[0]?.[0]).toBe('a');
  expect(values[999_999]?.[5]).toBe('z');
  expect(excel.syncs.every((s) => s.failure === null)).toBe(true);
  expect(MAX_CELLS).toBe(5_000_000);
});

test('a read that Excel refuses with RangeExceedsLimit is retried in smaller chunks', async () => {
  const { excel, port } = setup();
  const rows = Array.from({ length: 50 }, (_, r) => [`项目${r}`, r]);
  excel.addSheet('表', rows);
  // Syncs 0 and 1 read the sheets and their used ranges; sync 2 is the first read of values.
  excel.beforeSync((index) => index === 2 && excel.failNextSync('RangeExceedsLimit', 'The cell count in the range has exceeded the maximum supported number.'));
  const grid = await port.readWorkbook();
  expect(grid.sheets[0]?.values).toEqual(rows);
  expect(excel.syncs.map((s) => s.failure)).toContain('RangeExceedsLimit');
});

test('RangeExceedsLimit tells the user in Chinese what happened and what to do', () => {
  const error = toWorkbookError({ code: 'RangeExceedsLimit', message: 'The cell count in the range has exceeded the maximum supported number.' });
  expect(error.code).toBe('too-many-cells');
  expect(error.message).toMatch(/超过了 Excel 单次可处理的单元格数（5,000,000 个）/);
  expect(error.message).toMatch(/请删除.*多余的空行空列.*然后重试/);
  expect(error.detail).toMatch(/^RangeExceedsLimit/);
});
