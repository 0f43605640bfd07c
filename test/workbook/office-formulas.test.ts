import { locate } from '../../src/core';
import { createOfficeWorkbook } from '../../src/workbook/office-workbook';
import type { WorkbookPort } from '../../src/workbook/port';
import { ExcelDouble } from './excel-double';

function setup(): { excel: ExcelDouble; port: WorkbookPort } {
  const excel = new ExcelDouble();
  excel.addSheet('表1', [['项目', '金额'], ['甲', 30], ['乙', 45], ['合计', null]]);
  excel.setFormula('表1', 'B4', '=SUM(B2:B3)');
  const port = createOfficeWorkbook({ excelRun: excel.run as unknown as typeof Excel.run, office: excel.office as unknown as typeof Office });
  return { excel, port };
}

const at = (cell: string) => locate('表1', Number(cell.slice(1)) - 1, cell.charCodeAt(0) - 65);

describe('Office adapter: formulas are never lost', () => {
  it('the double reads a formula cell as its result and its formula', async () => {
    const { port } = setup();
    const sheet = await port.readSheet('表1');
    expect(sheet.values[3]).toEqual(['合计', 75]);
  });

  it('refuses to replace a formula the user has not agreed to replace, and says which formula', async () => {
    const { excel, port } = setup();
    const result = await port.writeCells([{ location: at('B4'), expected: 75, value: 80 }]);
    expect(result.written).toEqual([]);
    expect(result.conflicts).toEqual([{ location: at('B4'), expected: 75, actual: 75, formula: '=SUM(B2:B3)' }]);
    expect(excel.cell('表1', 'B4')?.formula).toBe('=SUM(B2:B3)');
  });

  it('refuses when the formula changed since the user agreed', async () => {
    const { excel, port } = setup();
    const result = await port.writeCells([{ location: at('B4'), expected: 75, value: 80, replacesFormula: '=SUM(B2:B2)' }]);
    expect(result.conflicts[0]?.formula).toBe('=SUM(B2:B3)');
    expect(excel.cell('表1', 'B4')?.formula).toBe('=SUM(B2:B3)');
  });

  it('with consent writes the value, and 撤销 writes the formula back (not its value)', async () => {
    const { excel, port } = setup();
    const result = await port.writeCells([{ location: at('B4'), expected: 75, value: 80, replacesFormula: '=SUM(B2:B3)' }]);
    expect(result.written).toEqual([at('B4')]);
    expect(excel.cell('表1', 'B4')).toMatchObject({ value: 80, formula: null });
    expect(result.undo?.restores).toEqual([{ location: at('B4'), expected: 80, value: 75, formula: '=SUM(B2:B3)' }]);

    const undone = await port.undo(result.undo ?? { id: '', restores: [] });
    expect(undone.written).toEqual([at('B4')]);
    expect(excel.cell('表1', 'B4')?.formula).toBe('=SUM(B2:B3)');
    // Still a live formula: a changed addend changes the total.
    excel.setCell('表1', 'B2', 35);
    expect((await port.readSheet('表1')).values[3]).toEqual(['合计', 80]);
  });

  it.each(['-', '=A1', '+1', '1-2', '5%', '1,000', 'TRUE', '#N/A', "'quoted"])('writes and restores the text %p as that text, never a formula or a number', async (text) => {
    const { excel, port } = setup();
    excel.setCell('表1', 'A2', 'x');
    const result = await port.writeCells([{ location: at('A2'), expected: 'x', value: text }]);
    expect(excel.cell('表1', 'A2')).toMatchObject({ value: text, formula: null });
    expect(result.undo?.restores[0]?.expected).toBe(text);
    // And back: a cell that held the text gets the same text again on 撤销.
    const again = await port.writeCells([{ location: at('A2'), expected: text, value: 'y' }]);
    await port.undo(again.undo ?? { id: '', restores: [] });
    expect(excel.cell('表1', 'A2')).toMatchObject({ value: text, formula: null });
  });

  it('keeps the user\'s number format when writing text safely', async () => {
    const { excel, port } = setup();
    excel.setCell('表1', 'A2', 'x');
    await port.writeCells([{ location: at('A2'), expected: 'x', value: '-' }]);
    expect(excel.cell('表1', 'A2')?.format.numberFormat).toBe('General');
  });
});
