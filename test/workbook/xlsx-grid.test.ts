import { readFileSync } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { cellAt } from '../../src/core/grid';
import { readXlsxGrid } from '../../src/workbook/xlsx-grid';

const fixture = (name: string): Buffer => readFileSync(path.join(__dirname, '..', 'fixtures', name));

async function xlsxBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('readXlsxGrid', () => {
  it('reads the seed table with numbers, texts and the merged title on its master cell only', async () => {
    const workbook = await readXlsxGrid(fixture('seed.xlsx'));
    expect(workbook.sheets).toHaveLength(1);
    const sheet = workbook.sheets[0]!;
    expect(sheet.name).toBe('项目支出绩效目标表');
    expect([sheet.originRow, sheet.originCol]).toEqual([0, 0]);
    expect(sheet.values).toHaveLength(14);
    expect(sheet.values[0]).toEqual(['项目支出绩效目标表（含转移支付项目）', null, null, null, null, null, null]);
    expect(sheet.values[1]).toEqual(['部门名称：广州市信访局', null, null, null, null, null, '单位：万元']);
    expect(sheet.values[3]).toEqual(['合计', 700.36, 700.36, null, null, null, null]);
    expect(cellAt(sheet, 5, 0)).toBe('    物业管理费');
    expect(cellAt(sheet, 5, 1)).toBe(99);
    expect(cellAt(sheet, 13, 0)).toBe('    广州市信访局2025-2026年信息化运维项目');
    expect(cellAt(sheet, 13, 2)).toBe(30.78);
  });

  it('accepts an ArrayBuffer as well as a Uint8Array view with an offset', async () => {
    const bytes = fixture('seed.xlsx');
    const padded = new Uint8Array(bytes.length + 8);
    padded.set(bytes, 8);
    const fromView = await readXlsxGrid(padded.subarray(8));
    const fromArrayBuffer = await readXlsxGrid(padded.slice(8).buffer);
    expect(fromView).toEqual(fromArrayBuffer);
    expect(fromView.sheets[0]?.values[3]?.[1]).toBe(700.36);
  });

  it('keeps an amount typed as text as text', async () => {
    const sheet = (await readXlsxGrid(fixture('errors.xlsx'))).sheets[0]!;
    expect(cellAt(sheet, 10, 0)).toBe('    信访工作专项经费');
    expect(cellAt(sheet, 10, 1)).toBe(111.32);
    expect(cellAt(sheet, 10, 2)).toBe('111.32');
  });

  it('starts the grid at the first used cell and reads every worksheet in order', async () => {
    const bytes = await xlsxBytes((workbook) => {
      const first = workbook.addWorksheet('后');
      first.getCell('C5').value = '左上';
      first.getCell('E7').value = 3;
      workbook.addWorksheet('空');
      workbook.addWorksheet('前').getCell('A1').value = true;
    });
    const { sheets } = await readXlsxGrid(bytes);
    expect(sheets.map((s) => s.name)).toEqual(['后', '空', '前']);
    expect(sheets[0]).toEqual({
      name: '后',
      originRow: 4,
      originCol: 2,
      values: [
        ['左上', null, null],
        [null, null, null],
        [null, null, 3],
      ],
    });
    expect(sheets[1]).toEqual({ name: '空', originRow: 0, originCol: 0, values: [] });
    expect(sheets[2]?.values).toEqual([[true]]);
  });

  it('turns rich text, formulas, hyperlinks, dates and errors into plain values', async () => {
    const bytes = await xlsxBytes((workbook) => {
      const sheet = workbook.addWorksheet('值');
      sheet.getCell('A1').value = { richText: [{ text: '物业', font: { bold: true } }, { text: '管理费' }] };
      sheet.getCell('A2').value = { formula: 'SUM(B1:B2)', result: 140 };
      sheet.getCell('A3').value = { formula: 'B9&"x"', result: '文本' };
      sheet.getCell('A4').value = { formula: 'NOW()' } as ExcelJS.CellFormulaValue;
      sheet.getCell('A5').value = { text: '信访局', hyperlink: 'https://example.org/' };
      sheet.getCell('A6').value = new Date(Date.UTC(2025, 2, 31));
      sheet.getCell('A7').value = { error: '#N/A' };
      sheet.getCell('A8').value = { formula: '1/0', result: { error: '#DIV/0!' } };
      sheet.getCell('A9').value = new Date(Date.UTC(2025, 2, 31, 8, 30, 5));
      sheet.getCell('A10').value = '';
      sheet.getCell('A11').value = 'end';
    });
    const values = (await readXlsxGrid(bytes)).sheets[0]?.values.map((row) => row[0]);
    expect(values).toEqual([
      '物业管理费',
      140,
      '文本',
      null,
      '信访局',
      '2025-03-31',
      '#N/A',
      '#DIV/0!',
      '2025-03-31T08:30:05',
      null,
      'end',
    ]);
  });

  it('puts a merged value on the master cell and null on the rest of the area', async () => {
    const bytes = await xlsxBytes((workbook) => {
      const sheet = workbook.addWorksheet('合并');
      sheet.getCell('B2').value = '标题';
      sheet.mergeCells('B2:D3');
      sheet.getCell('D4').value = 1;
    });
    const sheet = (await readXlsxGrid(bytes)).sheets[0]!;
    expect([sheet.originRow, sheet.originCol]).toEqual([1, 1]);
    expect(sheet.values).toEqual([
      ['标题', null, null],
      [null, null, null],
      [null, null, 1],
    ]);
  });

  it('rejects bytes that are not an xlsx archive', async () => {
    await expect(readXlsxGrid(fixture('corrupt.xlsx'))).rejects.toThrow();
    await expect(readXlsxGrid(fixture('not-a-spreadsheet.xlsx'))).rejects.toThrow();
  });
});
