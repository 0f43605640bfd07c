// The report sheet of the page's download and the CLI's marked copy (issue 16, defect 7): tagged as ours by its header
// row, as the pane knows it, so the pane skips it and updates it in place; a user's own sheet named 校验结果 is kept.
import ExcelJS from 'exceljs';
import { toA1, type SheetGrid, type WorkbookGrid } from '../../src/core';
import { createOfficeWorkbook } from '../../src/workbook/office-workbook';
import { isReportGrid, REPORT_HEADER, REPORT_PROPERTY, REPORT_SHEET_NAME, type ReportRow } from '../../src/workbook/port';
import { readXlsxGrid } from '../../src/workbook/xlsx-grid';
import { writeXlsxGrid } from '../../src/workbook/xlsx-writer';
import { SEED_SHEET } from '../fixtures/seed-grid';
import { ExcelDouble } from './excel-double';
import { NOTES_SHEET, RICH_SHEET, richSeedXlsx, xlsxSnapshot } from './rich-xlsx';

const report: ReportRow[] = [{ severity: 'error', level: '错误', sheet: SEED_SHEET.name, cell: 'G12', project: '党建引领擦亮广州信访品牌', rule: 'category.effect-missing', title: '缺少效益指标', message: '缺少效益指标', fix: '' }];
const USER_VALUES = [['我的备注', '不要删'], ['第二行', 42]];
const userSheet: SheetGrid = { name: REPORT_SHEET_NAME, originRow: 0, originCol: 0, values: USER_VALUES };

/** The user's own file: the rich seed table and a sheet of theirs named 校验结果. */
async function fileWithUserSheet(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await richSeedXlsx()).slice().buffer);
  const ws = book.addWorksheet(REPORT_SHEET_NAME);
  USER_VALUES.forEach((row, r) => row.forEach((value, c) => (ws.getCell(r + 1, c + 1).value = value)));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Opens a grid "in Excel": the double with every sheet's values where they stand. */
function inExcel(grid: WorkbookGrid): ExcelDouble {
  const excel = new ExcelDouble();
  for (const sheet of grid.sheets) excel.addSheet(sheet.name, sheet.values, toA1(sheet.originRow, sheet.originCol));
  return excel;
}

describe('the xlsx writer keeps a user sheet named 校验结果', () => {
  it('over the user’s file: that sheet stays as it was, the report goes to 校验结果（2）, and a second download replaces only the report', async () => {
    const original = await fileWithUserSheet();
    const before = await xlsxSnapshot(original);
    const first = await writeXlsxGrid(await readXlsxGrid(original), { base: original, report });
    const after = await xlsxSnapshot(first);
    expect(after.map((s) => s.name)).toEqual([RICH_SHEET, NOTES_SHEET, REPORT_SHEET_NAME, '校验结果（2）']);
    expect(after[2]).toEqual(before[2]);
    const second = await writeXlsxGrid(await readXlsxGrid(first), { base: first, report: [{ ...(report[0] as ReportRow), cell: 'G6' }] });
    const again = await xlsxSnapshot(second);
    expect(again.map((s) => s.name)).toEqual([RICH_SHEET, NOTES_SHEET, REPORT_SHEET_NAME, '校验结果（2）']);
    expect(again[2]).toEqual(before[2]);
    expect(again[3]?.cells.C2?.value).toEqual({ text: 'G6', hyperlink: `#'${RICH_SHEET}'!G6` });
  });

  it('without a file: the user’s sheet is written, the report beside it, and the page’s own report is replaced', async () => {
    const pageReport: SheetGrid = { name: '校验结果（2）', originRow: 0, originCol: 0, values: [[...REPORT_HEADER], ['旧', '行', null, null, null, null, null]] };
    const bytes = await writeXlsxGrid({ sheets: [SEED_SHEET, userSheet, pageReport] }, { report });
    const back = await readXlsxGrid(bytes);
    expect(back.sheets.map((s) => s.name)).toEqual([SEED_SHEET.name, REPORT_SHEET_NAME, '校验结果（2）']);
    expect(back.sheets[1]?.values).toEqual(USER_VALUES);
    expect(back.sheets[2]?.values[1]?.[3]).toBe(report[0]?.project);
  });
});

describe('the pane knows the CLI’s and the page’s report as its own', () => {
  it('skips it when reading, keeps the user’s 校验结果, and updates the report in place (tagging it)', async () => {
    const original = await fileWithUserSheet();
    const marked = await readXlsxGrid(await writeXlsxGrid(await readXlsxGrid(original), { base: original, report }));
    expect(marked.sheets.map(isReportGrid)).toEqual([false, false, false, true]);
    const excel = inExcel(marked);
    const port = createOfficeWorkbook({ excelRun: excel.run as unknown as typeof Excel.run, office: excel.office as unknown as typeof Office });
    expect((await port.readWorkbook()).sheets.map((s) => s.name)).toEqual([RICH_SHEET, NOTES_SHEET, REPORT_SHEET_NAME]);
    const cliReport = excel.sheet('校验结果（2）');
    expect(await port.writeReport(report)).toBe('校验结果（2）');
    expect(excel.sheets.map((s) => s.name)).toEqual([RICH_SHEET, NOTES_SHEET, REPORT_SHEET_NAME, '校验结果（2）']);
    expect(excel.sheet('校验结果（2）')).toBe(cliReport);
    expect(cliReport.customProperties.get(REPORT_PROPERTY)?.value).toBe('1');
    expect(excel.cell(REPORT_SHEET_NAME, 'A1')?.value).toBe('我的备注');
  });
});
