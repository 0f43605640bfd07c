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
});
