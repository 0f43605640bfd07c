// The file's column widths, read with its sheets, for the page's grid to lay the sheet out by (issue 17 item 9).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readSpreadsheet } from '../../src/workbook/open-spreadsheet';
import { readXlsxFile } from '../../src/workbook/xlsx-grid';
import { REAL_FIXTURE_DIR } from '../fixtures/real/load';

const SICHUAN = 'l2-sichuan-jianyan-mata-2023';
const SHEET = '部门预算项目绩效目标申报表';

describe('column widths of an .xlsx', () => {
  it('are read as the file sets them (四川 井研县), and handed on by readSpreadsheet', async () => {
    const bytes = readFileSync(join(REAL_FIXTURE_DIR, `${SICHUAN}.xlsx`));
    const file = await readXlsxFile(bytes);
    expect(file.columnWidths.get(SHEET)).toEqual([24, 24, 16, 16, 16, 16, 16, 16, 16, 16, 16, 16]);
    const read = await readSpreadsheet(bytes, `${SICHUAN}.xlsx`);
    expect(read.ok && read.columnWidths?.get(SHEET)).toEqual(file.columnWidths.get(SHEET));
  });

  it('are null where the file sets none, and 0 for a hidden column', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('表');
    sheet.getCell('D1').value = 1;
    sheet.getColumn(2).width = 30;
    sheet.getColumn(3).width = 12;
    sheet.getColumn(3).hidden = true;
    const file = await readXlsxFile(new Uint8Array(await book.xlsx.writeBuffer()));
    expect(file.columnWidths.get('表')).toEqual([null, 30, 0, null]);
  });

  it('are read from the sheet\'s columns in one pass (columnCount walks every row each time it is read)', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('表');
    sheet.getCell('XFD1').value = '远处的一格';
    sheet.getColumn(1).width = 20;
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const worksheet = read.worksheets[0] as ExcelJS.Worksheet;
    const getColumn = jest.spyOn(worksheet, 'getColumn');
    const { columnWidthsOf } = await import('../../src/workbook/xlsx-grid');
    const columnCount = jest.spyOn(worksheet, 'columnCount', 'get');
    const widths = columnWidthsOf(worksheet);
    expect(widths[0]).toBe(20);
    expect(widths.slice(1).every((w) => w === null)).toBe(true);
    expect(getColumn).not.toHaveBeenCalled();
    expect(columnCount).not.toHaveBeenCalled();
  });
});
