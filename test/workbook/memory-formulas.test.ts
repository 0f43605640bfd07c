import ExcelJS from 'exceljs';
import { locate } from '../../src/core';
import { createMemoryWorkbook } from '../../src/workbook/memory-workbook';
import { readXlsxGrid } from '../../src/workbook/xlsx-grid';
import { writeXlsxGrid } from '../../src/workbook/xlsx-writer';

/** 表1: 30 and 45 with B4 =SUM(B2:B3) (result 75), as Excel saves it. */
async function baseFile(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('表1');
  ws.addRows([['项目', '金额'], ['甲', 30], ['乙', 45], ['合计']]);
  ws.getCell('B4').value = { formula: 'SUM(B2:B3)', result: 75 };
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function formulaIn(bytes: Uint8Array, address: string): Promise<{ formula: string | undefined; value: unknown }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.slice().buffer);
  const cell = book.getWorksheet('表1')?.getCell(address);
  return { formula: cell?.formula || undefined, value: cell?.result ?? cell?.value };
}

const B4 = locate('表1', 3, 1);

describe('in-memory workbook: formulas are never lost', () => {
  it('reads the formulas of an .xlsx file into the grid', async () => {
    const grid = await readXlsxGrid(await baseFile());
    expect(grid.sheets[0]?.formulas).toEqual(new Map([['B4', '=SUM(B2:B3)']]));
    expect(createMemoryWorkbook(grid).grid().sheets[0]?.formulas).toEqual(new Map([['B4', '=SUM(B2:B3)']]));
  });

  it('refuses a fix on a formula cell without consent and names the formula', async () => {
    const workbook = createMemoryWorkbook(await readXlsxGrid(await baseFile()));
    const result = await workbook.writeCells([{ location: B4, expected: 75, value: 80 }]);
    expect(result.written).toEqual([]);
    expect(result.conflicts).toEqual([{ location: B4, expected: 75, actual: 75, formula: '=SUM(B2:B3)' }]);
    expect(workbook.grid().sheets[0]?.formulas?.get('B4')).toBe('=SUM(B2:B3)');
  });

  it('with consent writes the value; 撤销 puts the formula back, and the downloaded file keeps it a formula', async () => {
    const base = await baseFile();
    const workbook = createMemoryWorkbook(await readXlsxGrid(base));
    const result = await workbook.writeCells([{ location: B4, expected: 75, value: 80, replacesFormula: '=SUM(B2:B3)' }]);
    expect(result.written).toEqual([B4]);
    expect(workbook.grid().sheets[0]?.formulas).toBeUndefined();
    expect(await formulaIn(await writeXlsxGrid(workbook.grid(), { base }), 'B4')).toEqual({ formula: undefined, value: 80 });

    await workbook.undo(result.undo ?? { id: '', restores: [] });
    expect(workbook.grid().sheets[0]?.formulas?.get('B4')).toBe('=SUM(B2:B3)');
    expect(await formulaIn(await writeXlsxGrid(workbook.grid(), { base }), 'B4')).toEqual({ formula: 'SUM(B2:B3)', value: 75 });
  });

  it('a value written next to a formula leaves the formula a formula in the downloaded file', async () => {
    const base = await baseFile();
    const workbook = createMemoryWorkbook(await readXlsxGrid(base));
    await workbook.writeCells([{ location: locate('表1', 1, 0), expected: '甲', value: '-' }]);
    const bytes = await writeXlsxGrid(workbook.grid(), { base });
    expect(await formulaIn(bytes, 'B4')).toEqual({ formula: 'SUM(B2:B3)', value: 75 });
    expect(await formulaIn(bytes, 'A2')).toEqual({ formula: undefined, value: '-' });
  });

  it('a formula below a block moves with its row when the block grows, and back on 撤销', async () => {
    const workbook = createMemoryWorkbook(await readXlsxGrid(await baseFile()));
    // Row 3 (乙, index 2) becomes two rows: 合计 and its formula move one row down.
    const grown = await workbook.rewriteBlock({
      sheet: '表1',
      firstRow: 2,
      rowCount: 1,
      newRowCount: 2,
      columns: [0],
      expected: [['乙']],
      values: [['乙'], ['丙']],
      mergesBefore: [],
      mergesAfter: [],
    });
    expect(workbook.grid().sheets[0]?.formulas).toEqual(new Map([['B5', '=SUM(B2:B3)']]));
    await workbook.undo(grown.undo ?? { id: '', restores: [] });
    expect(workbook.grid().sheets[0]?.formulas).toEqual(new Map([['B4', '=SUM(B2:B3)']]));
  });
});
