import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { generateWorkbook } from '../../bench/generate';
import type { SheetGrid, WorkbookGrid } from '../../src/core';
import { fastXlsxRefusal, readXlsxFast } from '../../src/workbook/xlsx-fast/read';
import { readXlsxFile, type XlsxFile } from '../../src/workbook/xlsx-grid';

const FIXTURES = join(__dirname, '..', 'fixtures');

function xlsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return xlsxFiles(path);
    return name.endsWith('.xlsx') ? [path] : [];
  });
}

/** The grids with each formula map as an ordered list, so that order counts too. */
export function comparable(file: XlsxFile): unknown {
  return { sheets: file.workbook.sheets.map((s: SheetGrid) => ({ ...s, formulas: s.formulas ? [...s.formulas] : undefined })), ignored: file.ignored };
}

async function excelJsRead(bytes: Uint8Array): Promise<XlsxFile | 'throws'> {
  try {
    return await readXlsxFile(bytes);
  } catch {
    return 'throws';
  }
}

/** The fast reader either gives ExcelJS's very result, or leaves the file to ExcelJS; never another grid. */
export async function expectSameAsExcelJs(bytes: Uint8Array): Promise<string | null> {
  const refusal = fastXlsxRefusal(bytes, inflateRawSync);
  const fast = readXlsxFast(bytes, inflateRawSync);
  if (refusal !== null) {
    expect(fast).toBeNull();
    return refusal;
  }
  const slow = await excelJsRead(bytes);
  expect(slow).not.toBe('throws');
  expect(fast && comparable(fast)).toEqual(slow === 'throws' ? slow : comparable(slow));
  return null;
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
