// 导出报告 on the Office adapter (issue 16, defects 5 and 7): the report sheet is ours by its tag (worksheet custom
// property, ExcelApi 1.12+) or its header row; a user's own sheet named 校验结果 is never deleted, overwritten or
// skipped; a second export updates our sheet in place (deleting or renaming a sheet clears Excel's undo stack).
import { createOfficeWorkbook } from '../../src/workbook/office-workbook';
import { REPORT_HEADER, REPORT_PROPERTY, REPORT_SHEET_NAME, type ReportRow, type WorkbookPort } from '../../src/workbook/port';
import { ExcelDouble, type ExcelDoubleOptions } from './excel-double';

function setup(options?: ExcelDoubleOptions): { excel: ExcelDouble; port: WorkbookPort } {
  const excel = new ExcelDouble(options);
  const port = createOfficeWorkbook({ excelRun: excel.run as unknown as typeof Excel.run, office: excel.office as unknown as typeof Office });
  return { excel, port };
}

const rows: ReportRow[] = [
  { severity: 'error', level: '错误', sheet: '表', cell: 'B2', project: '项目甲', rule: 'amount-sum', title: '合计不符', message: '合计不等于明细之和', fix: '改为 110' },
  { severity: 'warning', level: '警告', sheet: '表', cell: 'C3', project: '项目乙', rule: 'unit', title: '缺少单位', message: '指标值缺少计量单位', fix: '' },
];

const USER_SHEET = [['我的备注', '不要删'], ['第二行', 42]];

describe('导出报告 keeps a user sheet named 校验结果', () => {
  it('never deletes nor overwrites it, writes the report to 校验结果（2） and still reads it', async () => {
    const { excel, port } = setup();
    excel.addSheet('表', [['项目', '金额']]);
    const user = excel.addSheet(REPORT_SHEET_NAME, USER_SHEET);
    const before = excel.snapshot();
    expect(await port.writeReport(rows)).toBe('校验结果（2）');
    expect(excel.sheets.map((s) => s.name)).toEqual(['表', REPORT_SHEET_NAME, '校验结果（2）']);
    expect(excel.sheet(REPORT_SHEET_NAME)).toBe(user);
    expect((excel.snapshot() as unknown[])[1]).toEqual((before as unknown[])[1]);
    expect(user.customProperties.size).toBe(0);
    expect(excel.cell('校验结果（2）', 'D2')?.value).toBe('项目甲');
    // A second export finds its own sheet again and still leaves the user's alone.
    expect(await port.writeReport(rows.slice(0, 1))).toBe('校验结果（2）');
    expect(excel.sheets).toHaveLength(3);
    expect((excel.snapshot() as unknown[])[1]).toEqual((before as unknown[])[1]);
    const read = await port.readWorkbook();
    expect(read.sheets.map((s) => s.name)).toEqual(['表', REPORT_SHEET_NAME]);
    expect(read.sheets[1]?.values).toEqual(USER_SHEET);
  });
});

describe('a second export updates our sheet in place', () => {
  it('clears and rewrites it: same sheet, id and place, no sheet deleted or renamed, old rows gone, tagged', async () => {
    const { excel, port } = setup();
    excel.addSheet('表', [['项目', '金额']]);
    await port.writeReport([...rows, ...rows]);
    excel.addSheet('后来的表');
    const report = excel.sheet(REPORT_SHEET_NAME);
    const id = report.id;
    expect(await port.writeReport(rows.slice(0, 1))).toBe(REPORT_SHEET_NAME);
    expect(excel.sheets.map((s) => s.name)).toEqual(['表', REPORT_SHEET_NAME, '后来的表']);
    expect(excel.sheet(REPORT_SHEET_NAME)).toBe(report);
    expect(report.id).toBe(id);
    expect(excel.cell(REPORT_SHEET_NAME, 'D2')?.value).toBe('项目甲');
    expect(excel.cell(REPORT_SHEET_NAME, 'C2')?.formula).toBe(`=HYPERLINK("#'表'!B2","B2")`);
    for (const cell of ['A3', 'C3', 'D3', 'A5', 'C5']) expect(excel.cell(REPORT_SHEET_NAME, cell)?.value ?? '').toBe('');
    expect(excel.cell(REPORT_SHEET_NAME, 'C3')?.formula ?? null).toBeNull();
    expect(report.customProperties.get(REPORT_PROPERTY)?.value).toBe('1');
  });
});

describe('our sheet is found by its tag (ExcelApi 1.12+)', () => {
  it('after the user renamed it and changed its header: updated in place, and the reader skips it', async () => {
    const { excel, port } = setup();
    excel.addSheet('表', [['项目', '金额']]);
    await port.writeReport(rows);
    const report = excel.sheet(REPORT_SHEET_NAME);
    report.name = '三月校验';
    excel.setCell('三月校验', 'A1', '严重程度');
    expect(await port.writeReport(rows.slice(1))).toBe('三月校验');
    expect(excel.sheets.map((s) => s.name)).toEqual(['表', '三月校验']);
    expect(excel.sheet('三月校验')).toBe(report);
    expect(excel.cell('三月校验', 'D2')?.value).toBe('项目乙');
    excel.setCell('三月校验', 'A1', '严重程度');
    expect((await port.readWorkbook()).sheets.map((s) => s.name)).toEqual(['表']);
  });
});

describe('below ExcelApi 1.12 the header row alone identifies our report', () => {
  it('finds a renamed report by its header, updates it in place, skips it when reading, and asks for no newer API', async () => {
    const { excel, port } = setup({ apiVersion: '1.11' });
    excel.addSheet('表', [['项目', '金额'], ['A', 1]]);
    const old = excel.addSheet('旧报告', [[...REPORT_HEADER], ['错误', '表', 'A2', '旧项目', 'r', '旧问题', '']]);
    excel.addSheet(REPORT_SHEET_NAME, USER_SHEET);
    expect((await port.readWorkbook()).sheets.map((s) => s.name)).toEqual(['表', REPORT_SHEET_NAME]);
    expect(await port.writeReport(rows)).toBe('旧报告');
    expect(excel.sheets.map((s) => s.name)).toEqual(['表', '旧报告', REPORT_SHEET_NAME]);
    expect(excel.sheet('旧报告')).toBe(old);
    expect(excel.cell('旧报告', 'D2')?.value).toBe('项目甲');
    expect(excel.cell(REPORT_SHEET_NAME, 'A1')?.value).toBe('我的备注');
    expect(old.customProperties.size).toBe(0);
    expect(excel.syncs.filter((s) => s.failure !== null)).toEqual([]);
  });
});
