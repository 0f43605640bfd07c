// The 校验结果 sheet in the pane's language (issue 18): an English pane writes an English header row, and every
// adapter still knows the sheet as its own by that row in either language, so old Chinese reports keep working.
import { CATALOGS } from '../../src/core';
import { IGNORED_REPORT_HEADER, IGNORED_REPORT_TITLE, type IgnoredReportRow } from '../../src/workbook/ignored-report';
import { createMemoryWorkbook } from '../../src/workbook/memory-workbook';
import { createOfficeWorkbook } from '../../src/workbook/office-workbook';
import { hasReportHeader, isReportGrid, REPORT_HEADER, REPORT_SHEET_NAME, reportHeader, type ReportRow } from '../../src/workbook/port';
import { readXlsxGrid } from '../../src/workbook/xlsx-grid';
import { writeXlsxGrid } from '../../src/workbook/xlsx-writer';
import { SEED_SHEET } from '../fixtures/seed-grid';
import { ExcelDouble } from './excel-double';

const EN_HEADER = ['Severity', 'Sheet', 'Cell', 'Project', 'Rule', 'Problem', 'Suggested fix', 'Rule code'];
const rows: ReportRow[] = [{ severity: 'error', sheet: SEED_SHEET.name, cell: 'G12', project: '项目甲', rule: 'category.effect-missing', level: CATALOGS['en-US'].severity.error, title: CATALOGS['en-US'].titles['category.effect-missing'], message: 'No effect indicator', fix: '' }];
const ignored: IgnoredReportRow[] = [{ ...(rows[0] as ReportRow), cell: 'G6', reason: 'agreed', by: 'Li', at: '2026-01-01' }];

describe('the report header row in each language', () => {
  it('is Chinese as before for zh-CN, English for en-US, and either is recognised (a mixed row is not)', () => {
    expect(REPORT_HEADER).toEqual(['级别', '工作表', '单元格', '项目', '规则', '问题', '修正建议', '规则代码']);
    // Reports written before 规则代码 (seven columns) are still ours.
    expect(hasReportHeader(REPORT_HEADER.slice(0, 7))).toBe(true);
    expect(reportHeader('zh-CN')).toEqual(REPORT_HEADER);
    expect(reportHeader('en-US')).toEqual(EN_HEADER);
    expect(hasReportHeader(REPORT_HEADER)).toBe(true);
    expect(hasReportHeader(EN_HEADER)).toBe(true);
    expect(hasReportHeader([...EN_HEADER.slice(0, 3), ...REPORT_HEADER.slice(3)])).toBe(false);
    expect(IGNORED_REPORT_TITLE).toBe('已忽略的问题（不计入错误）');
    expect(IGNORED_REPORT_HEADER.slice(6)).toEqual(['忽略原因', '忽略人', '忽略时间', '规则代码']);
  });
});

describe('an English report sheet', () => {
  it('in memory (the page): English header, severities and ignored section; skipped when read; a Chinese export reuses it', async () => {
    const workbook = createMemoryWorkbook({ sheets: [SEED_SHEET] });
    expect(await workbook.writeReport(rows, ignored, 'en-US')).toBe(REPORT_SHEET_NAME);
    const report = workbook.grid().sheets.find((s) => s.name === REPORT_SHEET_NAME);
    expect(report?.values[0]?.slice(0, 8)).toEqual(EN_HEADER);
    expect(report?.values[1]?.[0]).toBe(CATALOGS['en-US'].severity.error);
    expect(report?.values[3]?.[0]).toBe('Ignored findings (not counted as errors)');
    expect(report?.values[4]?.slice(6)).toEqual(['Reason ignored', 'Ignored by', 'Ignored at', 'Rule code']);
    expect(report && isReportGrid(report)).toBe(true);
    expect(await workbook.writeReport(rows)).toBe(REPORT_SHEET_NAME);
    expect(workbook.grid().sheets.map((s) => s.name)).toEqual([SEED_SHEET.name, REPORT_SHEET_NAME]);
    expect(workbook.grid().sheets[1]?.values[0]?.slice(0, 8)).toEqual(REPORT_HEADER);
  });

  it('in Excel: written in English, then found again and updated in place by a Chinese export', async () => {
    const excel = new ExcelDouble();
    excel.addSheet(SEED_SHEET.name, SEED_SHEET.values);
    const port = createOfficeWorkbook({ excelRun: excel.run as unknown as typeof Excel.run, office: excel.office as unknown as typeof Office });
    expect(await port.writeReport(rows, ignored, 'en-US')).toBe(REPORT_SHEET_NAME);
    expect(['A1', 'B1', 'C1', 'D1', 'E1', 'F1', 'G1', 'H1'].map((cell) => excel.cell(REPORT_SHEET_NAME, cell)?.value)).toEqual(EN_HEADER);
    expect(excel.cell(REPORT_SHEET_NAME, 'A2')?.value).toBe('Error');
    expect(excel.cell(REPORT_SHEET_NAME, 'G5')?.value).toBe('Reason ignored');
    const sheet = excel.sheet(REPORT_SHEET_NAME);
    expect((await port.readWorkbook()).sheets.map((s) => s.name)).toEqual([SEED_SHEET.name]);
    expect(await port.writeReport(rows)).toBe(REPORT_SHEET_NAME);
    expect(excel.sheet(REPORT_SHEET_NAME)).toBe(sheet);
    expect(excel.cell(REPORT_SHEET_NAME, 'A1')?.value).toBe('级别');
  });

  it('in an .xlsx (the CLI and the download): English header, read back as the report and replaced, not duplicated', async () => {
    const bytes = await writeXlsxGrid({ sheets: [SEED_SHEET] }, { report: rows, ignoredReport: ignored, locale: 'en-US' });
    const back = await readXlsxGrid(bytes);
    const report = back.sheets.find((s) => s.name === REPORT_SHEET_NAME);
    expect(report?.values[0]?.slice(0, 8)).toEqual(EN_HEADER);
    expect(report?.values[3]?.[0]).toBe('Ignored findings (not counted as errors)');
    expect(back.sheets.map(isReportGrid)).toEqual([false, true]);
    const again = await readXlsxGrid(await writeXlsxGrid(back, { base: bytes, report: rows }));
    expect(again.sheets.map((s) => s.name)).toEqual([SEED_SHEET.name, REPORT_SHEET_NAME]);
    expect(again.sheets[1]?.values[0]?.slice(0, 8)).toEqual(REPORT_HEADER);
  });
});
