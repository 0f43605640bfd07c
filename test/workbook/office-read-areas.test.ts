import { createOfficeWorkbook } from '../../src/workbook/office-workbook';
import { createMemoryWorkbook } from '../../src/workbook/memory-workbook';
import { ExcelDouble } from './excel-double';

function setup() {
  const excel = new ExcelDouble();
  excel.addSheet('表1', [['项目', '金额', '备注'], ['甲', 30, 'a'], ['乙', 45, 'b'], ['合计', null, null]]);
  excel.setFormula('表1', 'B4', '=SUM(B2:B3)');
  const port = createOfficeWorkbook({ excelRun: excel.run as unknown as typeof Excel.run, office: excel.office as unknown as typeof Office });
  return { excel, port };
}

describe('readAreas: the cells an edit changed, every area in one request', () => {
  it('reads several areas with their formulas in one sync (a re-check of 500 single cells is not 500 round trips)', async () => {
    const { excel, port } = setup();
    const before = excel.syncCount;
    const areas = await port.readAreas('表1', ['B2', 'A3:C3', 'B4']);
    expect(excel.syncCount - before).toBe(1);
    expect(areas.map((a) => [a.originRow, a.originCol, a.values])).toEqual([
      [1, 1, [[30]]],
      [2, 0, [['乙', 45, 'b']]],
      [3, 1, [[75]]],
    ]);
    expect(areas[2]?.formulas).toEqual(new Map([['B4', '=SUM(B2:B3)']]));
    expect(areas[0]?.formulas).toBeUndefined();
  });

  it('rejects a malformed address before asking Excel anything, with the Chinese not-found error', async () => {
    const { excel, port } = setup();
    const before = excel.syncCount;
    await expect(port.readAreas('表1', ['B2', 'not a cell'])).rejects.toMatchObject({ code: 'not-found' });
    expect(excel.syncCount).toBe(before);
  });

  it('the in-memory workbook reads the same areas the same way', async () => {
    const memory = createMemoryWorkbook({ sheets: [{ name: '表1', originRow: 0, originCol: 0, values: [['项目', '金额'], ['甲', 30], ['乙', 45]] }] });
    const areas = await memory.readAreas('表1', ['B2', 'A3:B3']);
    expect(areas.map((a) => [a.originRow, a.originCol, a.values])).toEqual([
      [1, 1, [[30]]],
      [2, 0, [['乙', 45]]],
    ]);
  });
});
