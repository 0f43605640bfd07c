import ExcelJS from 'exceljs';
import { IGNORED_REPORT_HEADER, IGNORED_REPORT_TITLE, type IgnoredReportRow } from '../../src/workbook/ignored-report';
import { createMemoryWorkbook } from '../../src/workbook/memory-workbook';
import { createOfficeWorkbook } from '../../src/workbook/office-workbook';
import { REPORT_SHEET_NAME, type ReportRow } from '../../src/workbook/port';
import { writeXlsxGrid } from '../../src/workbook/xlsx-writer';
import { SEED_SHEET } from '../fixtures/seed-grid';
import { ExcelDouble } from './excel-double';

const rows: ReportRow[] = [{ severity: 'warning', level: '警告', sheet: SEED_SHEET.name, cell: 'B5', project: '甲', rule: 'r', title: '规则', message: '另一个问题', fix: '' }];
const ignored: IgnoredReportRow[] = [
  { severity: 'error', level: '错误', sheet: SEED_SHEET.name, cell: 'G12', project: '党建引领', rule: 'category.effect-missing', title: '缺少效益指标', message: '每个项目都必须有效益指标', fix: '', reason: '=已与财政局确认', by: '李四', at: '2025-01-02T03:04:05Z' },
];
const ignoredLine = ['错误', SEED_SHEET.name, 'G12', '党建引领', '缺少效益指标', '每个项目都必须有效益指标', '=已与财政局确认', '李四', '2025-01-02T03:04:05Z', 'category.effect-missing'];

describe('the 校验结果 sheet lists ignored findings in their own section, with who and why', () => {
  test('pane (Office.js): below a blank row, title, header, the row as text and a link to its cell', async () => {
    const excel = new ExcelDouble();
    const restore = excel.installGlobals();
    try {
      excel.addSheet(SEED_SHEET.name, [['x']]);
      const port = createOfficeWorkbook({ excelRun: excel.run as unknown as typeof Excel.run, office: excel.office as unknown as typeof Office });
      await port.writeReport(rows, ignored);
      const value = (cell: string) => excel.cell(REPORT_SHEET_NAME, cell)?.value ?? '';
      expect(value('A3')).toBe('');
      expect(value('A4')).toBe(IGNORED_REPORT_TITLE);
      expect(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'].map((c) => value(`${c}5`))).toEqual([...IGNORED_REPORT_HEADER]);
      // The reason stays as typed (text format), not turned into a formula.
      expect(['A', 'B', 'D', 'E', 'F', 'G', 'H', 'I', 'J'].map((c) => value(`${c}6`))).toEqual(ignoredLine.filter((_, i) => i !== 2));
      expect(excel.cell(REPORT_SHEET_NAME, 'G6')?.formula ?? null).toBeNull();
      expect(excel.cell(REPORT_SHEET_NAME, 'C6')?.formula).toContain('HYPERLINK');
      // Without ignored findings the sheet is as before: nothing below the findings.
      await port.writeReport(rows);
      expect(value('A4')).toBe('');
    } finally {
      restore();
    }
  });

  test('page (in memory) and downloaded .xlsx: the same section', async () => {
    const wb = createMemoryWorkbook({ sheets: [SEED_SHEET] });
    await wb.writeReport(rows, ignored);
    const report = wb.grid().sheets.find((s) => s.name === REPORT_SHEET_NAME);
    expect(report?.values.slice(2, 6)).toEqual([[], [IGNORED_REPORT_TITLE], [...IGNORED_REPORT_HEADER], ignoredLine].map((r) => expect.arrayContaining(r)));
    expect(report?.values[5]?.slice(0, 10)).toEqual(ignoredLine);

    const bytes = await writeXlsxGrid({ sheets: [SEED_SHEET] }, { report: rows, ignoredReport: ignored });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.slice().buffer);
    const ws = book.getWorksheet(REPORT_SHEET_NAME);
    expect(ws?.getRow(4).getCell(1).value).toBe(IGNORED_REPORT_TITLE);
    expect(ws?.getRow(5).values).toEqual([undefined, ...IGNORED_REPORT_HEADER]);
    expect(ws?.getRow(6).getCell(7).value).toBe('=已与财政局确认');
    expect(ws?.getRow(6).getCell(3).value).toEqual({ text: 'G12', hyperlink: `#'${SEED_SHEET.name}'!G12` });
  });
});
