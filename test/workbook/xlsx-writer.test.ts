import ExcelJS from 'exceljs';
import { checkWorkbook, type Severity } from '../../src/core';
import { readXlsxGrid } from '../../src/workbook/xlsx-grid';
import { marksOf } from '../../src/workbook/port';
import { writeXlsxGrid, XLSX_MARK_FORMULA } from '../../src/workbook/xlsx-writer';
import { MARK_COLOURS, REPORT_HEADER, REPORT_SHEET_NAME, type ReportRow } from '../../src/workbook/port';
import { SEED_SHEET } from '../fixtures/seed-grid';
import { NOTES_SHEET, RICH_SHEET, richSeedXlsx, xlsxSnapshot, type SheetSnapshot } from './rich-xlsx';

const report: ReportRow[] = [{ severity: 'error', level: '错误', sheet: SEED_SHEET.name, cell: 'G12', project: '党建引领擦亮广州信访品牌', rule: 'category.effect-missing', title: '缺少效益指标', message: '缺少效益指标', fix: '' }];

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.slice().buffer);
  return book;
}

const markRule = (severity: Severity, priority: number) => ({
  type: 'expression',
  priority,
  formulae: [XLSX_MARK_FORMULA],
  style: expect.objectContaining({
    fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${MARK_COLOURS[severity].fill.slice(1)}` } },
    font: { color: { argb: `FF${MARK_COLOURS[severity].font.slice(1)}` } },
  }),
});

/** The user's conditional formats with their priority numbers moved by `shift`. */
function shifted(sheet: SheetSnapshot | undefined, shift: number): unknown[] {
  return (sheet?.conditionalFormats ?? []).map((cf) => ({ ...cf, rules: cf.rules.map((rule) => ({ ...rule, priority: rule.priority + shift })) }));
}

describe('writeXlsxGrid without an original file', () => {
  it('writes a clean copy that reads back cell for cell and checks the same', async () => {
    const bytes = await writeXlsxGrid({ sheets: [SEED_SHEET] });
    const back = await readXlsxGrid(bytes);
    expect(back.sheets[0]?.values).toEqual(SEED_SHEET.values);
    expect(checkWorkbook(back).summary).toEqual(checkWorkbook({ sheets: [SEED_SHEET] }).summary);
    expect((await xlsxSnapshot(bytes))[0]?.conditionalFormats).toEqual([]);
  });

  it('marks cells with one conditional format per severity, leaving cell fills alone, and links the 校验结果 rows', async () => {
    const marks = new Map<string, Severity>([[`${SEED_SHEET.name}!G12`, 'error'], [`${SEED_SHEET.name}!G6`, 'warning'], [`${SEED_SHEET.name}!G8`, 'warning']]);
    const bytes = await writeXlsxGrid({ sheets: [SEED_SHEET] }, { marks, report });
    const book = await load(bytes);
    const fill = book.getWorksheet(SEED_SHEET.name)?.getCell('G12').fill as ExcelJS.FillPattern | undefined;
    expect([undefined, 'none']).toContain(fill?.pattern);
    const [table] = await xlsxSnapshot(bytes);
    expect(table?.conditionalFormats).toEqual([
      { ref: 'G12', rules: [markRule('error', 1)] },
      { ref: 'G6 G8', rules: [markRule('warning', 2)] },
    ]);
    const sheet = book.getWorksheet(REPORT_SHEET_NAME);
    expect(sheet?.getRow(1).values).toEqual([undefined, ...REPORT_HEADER]);
    expect(sheet?.getCell('A2').value).toBe('错误');
    expect(sheet?.getCell('C2').value).toEqual({ text: 'G12', hyperlink: `#'${SEED_SHEET.name}'!G12` });
  });
});

describe('writeXlsxGrid over the original .xlsx', () => {
  let original: Uint8Array;
  let before: SheetSnapshot[];
  beforeAll(async () => {
    original = await richSeedXlsx();
    before = await xlsxSnapshot(original);
  });

  it('returns the original bytes unchanged when nothing was edited', async () => {
    const grid = await readXlsxGrid(original);
    const bytes = await writeXlsxGrid(grid, { base: original });
    expect(Buffer.from(bytes).equals(Buffer.from(original))).toBe(true);
  });

  it('writes only the edited cells: each keeps its style, every other value, formula, format, merge, width and conditional format stays', async () => {
    const grid = await readXlsxGrid(original);
    const table = grid.sheets[0];
    if (!table) throw new Error('no sheet');
    const values = table.values.map((row) => [...row]);
    (values[11] as unknown[])[6] = '1、1-产出指标；12-质量指标；项目验收合格率；实施周期指标值:100%；年度指标值:100%。';
    (values[1] as unknown[])[6] = null;
    const bytes = await writeXlsxGrid({ sheets: [{ ...table, values }, ...grid.sheets.slice(1)] }, { base: original });
    const after = await xlsxSnapshot(bytes);

    const expected = structuredClone(before);
    const cells = expected[0]?.cells as Record<string, { value: unknown; style: unknown }>;
    cells.G12 = { value: (values[11] as unknown[])[6], style: cells.G12?.style };
    expect(cells.G2?.style).toEqual({});
    delete cells.G2;
    expect(after).toEqual(expected);
    expect(after[0]?.cells.B5?.value).toEqual({ formula: 'SUM(B6:B14)', result: 700.36 });
    expect(after[0]?.cells.G12?.style).toMatchObject({ font: { italic: true, color: { argb: 'FF7030A0' } } });
  });

  it('adds marks and the 校验结果 sheet and changes nothing else of the original sheets', async () => {
    const grid = await readXlsxGrid(original);
    const marks = new Map<string, Severity>([[`${RICH_SHEET}!G12`, 'error'], [`${RICH_SHEET}!B6`, 'info'], [`${NOTES_SHEET}!B2`, 'warning']]);
    const bytes = await writeXlsxGrid(grid, { base: original, marks, report });
    const after = await xlsxSnapshot(bytes);

    expect(after.map((s) => s.name)).toEqual([RICH_SHEET, NOTES_SHEET, REPORT_SHEET_NAME]);
    const [table, notes] = after;
    expect({ ...table, conditionalFormats: [] }).toEqual({ ...before[0], conditionalFormats: [] });
    expect(table?.conditionalFormats).toEqual([...shifted(before[0], 2), { ref: 'G12', rules: [markRule('error', 1)] }, { ref: 'B6', rules: [markRule('info', 2)] }]);
    expect(notes).toEqual({ ...before[1], conditionalFormats: [{ ref: 'B2', rules: [markRule('warning', 1)] }] });
    expect(after[2]?.cells.C2?.value).toEqual({ text: 'G12', hyperlink: `#'${RICH_SHEET}'!G12` });
  });

  it('takes out the marks of an earlier download and restores the user’s priorities', async () => {
    const grid = await readXlsxGrid(original);
    const marked = await writeXlsxGrid(grid, { base: original, marks: new Map([[`${RICH_SHEET}!G12`, 'error']]) });
    const clean = await writeXlsxGrid(await readXlsxGrid(marked), { base: marked });
    expect(await xlsxSnapshot(clean)).toEqual(before);
  });

  it('replaces a 校验结果 sheet the original already had', async () => {
    const grid = await readXlsxGrid(original);
    const first = await writeXlsxGrid(grid, { base: original, report });
    const second = await writeXlsxGrid(await readXlsxGrid(first), { base: first, report: [{ ...report[0] as ReportRow, cell: 'G6' }] });
    const book = await load(second);
    expect(book.worksheets.map((s) => s.name)).toEqual([RICH_SHEET, NOTES_SHEET, REPORT_SHEET_NAME]);
    expect(book.getWorksheet(REPORT_SHEET_NAME)?.getCell('C2').value).toEqual({ text: 'G6', hyperlink: `#'${RICH_SHEET}'!G6` });
    expect(book.getWorksheet(REPORT_SHEET_NAME)?.rowCount).toBe(2);
  });

  it('keeps a shared formula’s other cells when its first cell is overwritten', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('表');
    [1, 2, 3].forEach((n, i) => (ws.getCell(i + 1, 1).value = n));
    ws.fillFormula('B1:B3', 'A1*2', [2, 4, 6]);
    const base = new Uint8Array(await book.xlsx.writeBuffer());
    const grid = await readXlsxGrid(base);
    const sheet = grid.sheets[0];
    if (!sheet) throw new Error('no sheet');
    const bytes = await writeXlsxGrid({ sheets: [{ ...sheet, values: [[1, 99], [2, 4], [3, 6]] }] }, { base });
    const cells = (await xlsxSnapshot(bytes))[0]?.cells;
    expect(cells?.B1?.value).toBe(99);
    expect(cells?.B2?.value).toEqual({ formula: 'A2*2', result: 4 });
    expect(cells?.B3?.value).toEqual({ formula: 'A3*2', result: 6 });
  });
});

describe('marksOf', () => {
  it('keeps the worst severity per cell', () => {
    const at = (cell: string) => ({ sheet: '表', cell });
    expect(marksOf([
      { severity: 'info', location: at('A1') },
      { severity: 'error', location: at('A1') },
      { severity: 'warning', location: at('A1') },
      { severity: 'warning', location: at('B2') },
    ])).toEqual(new Map([['表!A1', 'error'], ['表!B2', 'warning']]));
  });
});
