import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createChecker, locate, type CellValue, type SheetGrid, type WorkbookGrid } from '../../src/core';
import { createMemoryWorkbook } from '../../src/workbook/memory-workbook';
import { createOfficeWorkbook } from '../../src/workbook/office-workbook';
import { readXlsxGrid } from '../../src/workbook/xlsx-grid';
import { writeXlsxGrid } from '../../src/workbook/xlsx-writer';
import { SEED_ROWS, SEED_SHEET } from '../fixtures/seed-grid';
import { ExcelDouble } from './excel-double';

const SHEET = SEED_SHEET.name;
const at = (cell: string) => locate(SHEET, Number(cell.slice(1)) - 1, cell.charCodeAt(0) - 65);

/**
 * The published table of 广州市信访局 (the seed) with its totals as formulas: 合计 B4 reads the unit B5, and B5
 * =SUM(B6:B13) leaves out the last project B14 (30.78), so both read 669.58 instead of 700.36.
 */
function seedWithFormulas(b4 = '=B5'): WorkbookGrid {
  const values = SEED_ROWS.map((row) => [...row]);
  (values[3] as CellValue[])[1] = 669.58;
  (values[4] as CellValue[])[1] = 669.58;
  return { sheets: [{ ...SEED_SHEET, values, formulas: new Map([['B4', b4], ['B5', '=SUM(B6:B13)']]) }] };
}

const FIX = { location: at('B5'), expected: 669.58, value: 700.36, formula: '=SUM(B6:B14)', replacesFormula: '=SUM(B6:B13)' };
const sheetOf = (grid: WorkbookGrid) => grid.sheets[0] as SheetGrid;
const valueIn = (grid: WorkbookGrid, cell: string) => {
  const { row, col } = at(cell);
  return sheetOf(grid).values[row]?.[col];
};

describe('memory workbook: simple formulas follow a write', () => {
  it('writing the corrected formula recalculates the 合计 that reads it; 撤销 puts both back', async () => {
    const workbook = createMemoryWorkbook(seedWithFormulas());
    const result = await workbook.writeCells([FIX]);
    expect(result.written).toEqual([at('B5')]);
    const grid = workbook.grid();
    expect(sheetOf(grid).formulas?.get('B5')).toBe('=SUM(B6:B14)');
    expect(valueIn(grid, 'B5')).toBe(700.36);
    expect(valueIn(grid, 'B4')).toBe(700.36);
    expect(sheetOf(grid).staleFormulas).toBeUndefined();
    // No totals error is left, and none appears on the 合计.
    expect(createChecker().checkWorkbook(grid).findings.filter((f) => f.rule.startsWith('totals.'))).toEqual([]);

    const undone = await workbook.undo(result.undo ?? { id: '', restores: [] });
    expect(undone.conflicts).toEqual([]);
    expect(sheetOf(workbook.grid()).formulas?.get('B5')).toBe('=SUM(B6:B13)');
    expect(valueIn(workbook.grid(), 'B5')).toBe(669.58);
    expect(valueIn(workbook.grid(), 'B4')).toBe(669.58);
  });

  it('still refuses to replace a formula the user did not agree to replace', async () => {
    const workbook = createMemoryWorkbook(seedWithFormulas());
    const result = await workbook.writeCells([{ location: FIX.location, expected: FIX.expected, value: FIX.value, formula: FIX.formula }]);
    expect(result.written).toEqual([]);
    expect(result.conflicts).toEqual([{ location: at('B5'), expected: 669.58, actual: 669.58, formula: '=SUM(B6:B13)' }]);
  });

  it('a typed value recalculates the formulas reading it, through other formulas', () => {
    const workbook = createMemoryWorkbook(seedWithFormulas());
    workbook.setCell({ sheet: SHEET, cell: 'B13' }, 20.26);
    expect(valueIn(workbook.grid(), 'B5')).toBe(679.58);
    expect(valueIn(workbook.grid(), 'B4')).toBe(679.58);
  });

  it('a formula it cannot evaluate is marked stale, and its sums are not reported until Excel recalculates it', async () => {
    const workbook = createMemoryWorkbook(seedWithFormulas('=ROUND(B5,2)'));
    await workbook.writeCells([FIX]);
    const grid = workbook.grid();
    expect(valueIn(grid, 'B4')).toBe(669.58);
    expect(sheetOf(grid).staleFormulas).toEqual(new Set(['B4']));
    expect(createChecker().checkWorkbook(grid).findings.filter((f) => f.rule.startsWith('totals.'))).toEqual([]);
    // Typing a value into it ends that.
    workbook.setCell({ sheet: SHEET, cell: 'B4' }, 700.36);
    expect(workbook.grid().sheets[0]?.staleFormulas).toBeUndefined();
  });
});

async function cellIn(bytes: Uint8Array, address: string): Promise<{ formula: string | undefined; result: unknown }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.slice().buffer);
  const cell = book.getWorksheet(SHEET)?.getCell(address);
  return { formula: cell?.formula || undefined, result: cell?.result };
}

describe('the downloaded .xlsx keeps the formulas', () => {
  it('over the user file: the corrected formula and the recalculated one, with their new results', async () => {
    const base = await writeXlsxGrid(seedWithFormulas());
    const workbook = createMemoryWorkbook(await readXlsxGrid(base));
    await workbook.writeCells([FIX]);
    const bytes = await writeXlsxGrid(workbook.grid(), { base });
    expect(await cellIn(bytes, 'B5')).toEqual({ formula: 'SUM(B6:B14)', result: 700.36 });
    expect(await cellIn(bytes, 'B4')).toEqual({ formula: 'B5', result: 700.36 });
  });

  it('with a stale formula, the file asks Excel to recalculate everything when it opens', async () => {
    const base = await writeXlsxGrid(seedWithFormulas('=ROUND(B5,2)'));
    const workbook = createMemoryWorkbook(await readXlsxGrid(base));
    await workbook.writeCells([FIX]);
    const bytes = await writeXlsxGrid(workbook.grid(), { base });
    // ExcelJS does not read calcPr back: look at the file's workbook part itself.
    const parts = await JSZip.loadAsync(bytes);
    expect(await parts.file('xl/workbook.xml')?.async('string')).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
    expect((await cellIn(bytes, 'B4')).formula).toBe('ROUND(B5,2)');
  });
});

describe('Office adapter: a fix that carries a formula writes the formula', () => {
  function setup() {
    const excel = new ExcelDouble();
    excel.addSheet('表1', [['项目', '金额'], ['甲', 30], ['乙', 45], ['合计', null]]);
    excel.setFormula('表1', 'B4', '=SUM(B2:B2)');
    const port = createOfficeWorkbook({ excelRun: excel.run as unknown as typeof Excel.run, office: excel.office as unknown as typeof Office });
    return { excel, port };
  }
  const B4 = locate('表1', 3, 1);

  it('sets the formula (not a text), guarded like any fix, and 撤销 puts the old formula back', async () => {
    const { excel, port } = setup();
    const refused = await port.writeCells([{ location: B4, expected: 30, value: 75, formula: '=SUM(B2:B3)' }]);
    expect(refused.conflicts[0]?.formula).toBe('=SUM(B2:B2)');
    const result = await port.writeCells([{ location: B4, expected: 30, value: 75, formula: '=SUM(B2:B3)', replacesFormula: '=SUM(B2:B2)' }]);
    expect(result.written).toEqual([B4]);
    expect(excel.cell('表1', 'B4')?.formula).toBe('=SUM(B2:B3)');
    expect((await port.readSheet('表1')).values[3]).toEqual(['合计', 75]);
    await port.undo(result.undo ?? { id: '', restores: [] });
    expect(excel.cell('表1', 'B4')?.formula).toBe('=SUM(B2:B2)');
  });
});
