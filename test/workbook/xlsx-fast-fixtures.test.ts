import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { generateWorkbook } from '../../bench/generate';
import type { WorkbookGrid } from '../../src/core';
import { expectSameAsExcelJs } from './xlsx-fast-compare';

const FIXTURES = join(__dirname, '..', 'fixtures');

function xlsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return xlsxFiles(path);
    return name.endsWith('.xlsx') ? [path] : [];
  });
}

// Files the fast reader must read itself (plain workbooks), not leave to ExcelJS.
const MUST_READ = /(^|\/)(seed|errors)\.xlsx$|^real\/|^bad-input\/(amount-forms|empty-workbook|formula-errors|header-only|hidden-rows-columns|long-cells|merged-cells|no-table|several-tables|stray-far-cell|unicode)\.xlsx$/;

describe('the fast reader on every .xlsx fixture', () => {
  const files = xlsxFiles(FIXTURES).map((path) => relative(FIXTURES, path));
  test.each(files)('%s: the same grids and ignore list as ExcelJS, or left to ExcelJS', async (name) => {
    const refusal = await expectSameAsExcelJs(readFileSync(join(FIXTURES, name)));
    if (MUST_READ.test(name)) expect(refusal).toBeNull();
  });
});

test('a generated bench workbook (1,000 projects) reads the same, by the fast reader itself', async () => {
  const grid: WorkbookGrid = generateWorkbook(1000);
  const book = new ExcelJS.Workbook();
  for (const sheet of grid.sheets) {
    const ws = book.addWorksheet(sheet.name);
    for (const row of sheet.values) ws.addRow([...row]);
  }
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  expect(await expectSameAsExcelJs(bytes)).toBeNull();
});
