import { locate, type Finding, type Severity } from '../../src/core';
import {
  BYTES_PER_MARK,
  createOfficeWorkbook,
  ESTIMATED_BYTES_PER_CELL,
  IGNORED_SETTING,
  MARK_FORMULA,
  MAX_PAYLOAD_BYTES,
  toWorkbookError,
} from '../../src/workbook/office-workbook';
import { MARK_COLOURS, REPORT_HEADER, REPORT_SHEET_NAME, WorkbookError, type IgnoredFinding, type ReportRow, type SelectedCell, type WorkbookPort } from '../../src/workbook/port';
import { ExcelDouble, type ExcelDoubleOptions, type HostValue } from './excel-double';

function setup(options?: ExcelDoubleOptions): { excel: ExcelDouble; port: WorkbookPort; reported: WorkbookError[] } {
  const excel = new ExcelDouble(options);
  const reported: WorkbookError[] = [];
  const port = createOfficeWorkbook({
    excelRun: excel.run as unknown as typeof Excel.run,
    office: excel.office as unknown as typeof Office,
    reportError: (error) => reported.push(error),
  });
  return { excel, port, reported };
}

/** Syncs made by `action`. */
async function syncsOf(excel: ExcelDouble, action: () => Promise<unknown>): Promise<number> {
  const before = excel.syncCount;
  await action();
  return excel.syncCount - before;
}

async function rejection(promise: Promise<unknown>): Promise<WorkbookError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WorkbookError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

function finding(sheet: string, cell: string, severity: Severity, n = 0): Finding {
  const at = locate(sheet, Number(/\d+/.exec(cell)?.[0]) - 1, cell.charCodeAt(0) - 65);
  return { key: `goal.missing|${sheet}!${cell}|${n}`, rule: 'goal.missing', severity, params: {}, location: at };
}

const ourMarks = (excel: ExcelDouble, sheet: string) => excel.sheet(sheet).conditionalFormats.filter((cf) => cf.formula === MARK_FORMULA);

/** Deterministic 绩效目标表 rows with long indicator texts. */
function projectRows(count: number): HostValue[][] {
  let seed = 7;
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const towns = ['城关镇', '河西乡', '柳林镇', '石桥街道', '新华乡'];
  return Array.from({ length: count }, (_, i) => [
    `${towns[next(5)]}农村饮水安全巩固提升工程（第${i + 1}批）`,
    ['产出指标', '效益指标', '满意度指标'][next(3)] as string,
    ['数量指标', '质量指标', '时效指标', '社会效益指标'][next(4)] as string,
    `完成${next(90) + 10}个行政村集中供水工程建设任务，新建和改造供水管网不少于${next(500) + 20}公里，工程验收合格率达到100%，受益人口不少于${next(90000) + 1000}人`,
    `≥${next(100)}%`,
    next(1000) * 1.5,
    `资金按进度拨付，项目于${2024 + next(2)}年${next(12) + 1}月底前完工并通过县水利局组织的竣工验收，群众满意度调查样本不少于${next(500) + 100}份`,
  ]);
}

describe('the Excel double', () => {
  it('is as strict as Office.js: nothing is readable before load() + sync(), and writes land only at sync()', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('表', [[1]]);
    await excel.run(async (context: unknown) => {
      const ctx = context as Excel.RequestContext;
      const range = ctx.workbook.worksheets.getItem('表').getRange('A1');
      expect(() => range.values).toThrow(/not available/);
      range.load('values');
      expect(() => range.values).toThrow(/not available/);
      range.values = [[2]];
      expect(excel.cell('表', 'A1')?.value).toBe(1);
      await ctx.sync();
      expect(range.values).toEqual([[1]]);
      expect(excel.cell('表', 'A1')?.value).toBe(2);
      expect(() => range.load(undefined as unknown as string)).toThrow(/explicit property names/);
    });
    expect(excel.syncCount).toBe(1);
  });
});

describe('capabilities', () => {
  it('reads the highest ExcelApi set and the platform from Office', () => {
    expect(setup({ apiVersion: '1.20', platform: 'PC' }).port.capabilities).toEqual({
      host: 'Excel',
      platform: 'PC',
      apiVersion: '1.20',
      conditionalFormatMarks: true,
      changeEvents: true,
      selectionEvents: true,
      persistentSettings: true,
      undoGroups: true,
    });
    expect(setup({ apiVersion: '1.1' }).port.capabilities).toMatchObject({
      apiVersion: '1.1',
      conditionalFormatMarks: false,
      changeEvents: false,
      selectionEvents: false,
      persistentSettings: false,
      undoGroups: false,
    });
    expect(setup({ apiVersion: '1.6' }).port.capabilities).toMatchObject({ conditionalFormatMarks: true, changeEvents: false, persistentSettings: true });
  });
});

describe('readWorkbook', () => {
  it('returns each sheet from its used range, empty cells as null, and skips the report sheet', async () => {
    const { excel, port } = setup();
    excel.addSheet('项目表', [['项目', '金额'], ['A', 12], [null, true]], 'C5');
    excel.addSheet('空表');
    excel.addSheet(REPORT_SHEET_NAME, [[...REPORT_HEADER]]);
    const syncs = await syncsOf(excel, async () => {
      const grid = await port.readWorkbook();
      // ExcelApi 1.13 tells the merged areas: none here.
      expect(grid.sheets).toEqual([
        { name: '项目表', originRow: 4, originCol: 2, values: [['项目', '金额'], ['A', 12], [null, true]], merges: [] },
        { name: '空表', originRow: 0, originCol: 0, values: [], merges: [] },
      ]);
    });
    expect(syncs).toBe(3);
  });

  it('reads a 10,000-project workbook in 2 + one sync per chunk, every request and response under 4 MB, loading only what it needs', async () => {
    const { excel, port } = setup();
    const rows = projectRows(10_000);
    excel.addSheet('绩效目标表', [['项目名称', '一级指标', '二级指标', '三级指标', '指标值', '金额', '备注'], ...rows]);
    excel.addSheet('说明', [['本表由财政局下发']]);
    const progress: number[] = [];
    const grid = await port.readWorkbook({ onProgress: (p) => p.stage === 'values' && progress.push(p.done) });
    const chunkRows = Math.floor(MAX_PAYLOAD_BYTES / (7 * ESTIMATED_BYTES_PER_CELL));
    expect(excel.syncCount).toBeLessThanOrEqual(2 + Math.ceil(10_001 / chunkRows));
    for (const sync of excel.syncs) {
      expect(sync.requestBytes).toBeLessThanOrEqual(4_000_000);
      expect(sync.responseBytes).toBeLessThanOrEqual(4_000_000);
    }
    // "value": the report tag of each sheet (ExcelApi 1.12+), loaded so that Office.js answers isNullObject.
    expect(new Set(excel.syncs.flatMap((s) => s.loads))).toEqual(new Set(['items/name', 'address,rowCount,columnCount', 'areas/items/address', 'values', 'value']));
    const table = grid.sheets[0];
    expect(table?.values).toHaveLength(10_001);
    expect(table?.values[10_000]).toEqual(rows[9_999]);
    expect(table?.values[1]).toEqual(rows[0]);
    expect(grid.sheets[1]?.values).toEqual([['本表由财政局下发']]);
    expect(progress.at(-1)).toBe(10_002);
  });

  it('halves the chunk and retries when the host refuses a response as too large', async () => {
    const { excel, port } = setup({ maxResponseBytes: 1_000_000 });
    const long = (r: number, c: number) => `${r}:${c}:${'指标值说明'.repeat(60)}`;
    const rows = Array.from({ length: 400 }, (_, r) => Array.from({ length: 7 }, (_, c) => long(r, c)));
    excel.addSheet('长文本', rows);
    const grid = await port.readWorkbook();
    expect(grid.sheets[0]?.values).toEqual(rows);
    expect(excel.syncs.filter((s) => s.failure === 'ResponsePayloadSizeLimitExceeded').length).toBeGreaterThan(0);
    expect(excel.syncs.filter((s) => s.failure === null).every((s) => s.responseBytes <= 1_000_000)).toBe(true);
  });

  it('gives up with payload-too-large when a single row is over the limit', async () => {
    const { excel, port } = setup({ maxResponseBytes: 10_000 });
    excel.addSheet('巨行', [['x'.repeat(20_000)]]);
    expect((await rejection(port.readWorkbook())).code).toBe('payload-too-large');
  });

  it('stops with cancelled when the signal is aborted', async () => {
    const { excel, port } = setup();
    excel.addSheet('表', projectRows(10));
    const controller = new AbortController();
    const reading = port.readWorkbook({ signal: controller.signal, onProgress: (p) => p.stage === 'sheets' && controller.abort() });
    expect((await rejection(reading)).code).toBe('cancelled');
  });

  it('reads one sheet by name, and says not-found for a missing one', async () => {
    const { excel, port } = setup();
    excel.addSheet('表一', [[1, 2]], 'B2');
    expect(await port.readSheet('表一')).toEqual({ name: '表一', originRow: 1, originCol: 1, values: [[1, 2]], merges: [] });
    expect((await rejection(port.readSheet('不存在'))).code).toBe('not-found');
  });
});

describe('marks', () => {
  function markedWorkbook(options?: ExcelDoubleOptions) {
    const context = setup(options);
    const { excel } = context;
    excel.addSheet('表', projectRows(30));
    excel.formatCells('表', 'A1:G1', { fill: '#FFFF00', bold: true, border: 'thin' });
    excel.formatCells('表', 'D3', { fontColor: '#FF0000' });
    excel.formatCells('表', 'F1:F30', { numberFormat: '#,##0.00' });
    excel.formatCells('表', 'E2:E5', { numberFormat: '@', fill: '#DDEBF7', border: 'double' });
    excel.addUserConditionalFormat('表', 'D1:D30', { type: 'Custom', formula: '=TRUE()', fill: '#00FF00', fontColor: null });
    excel.addUserConditionalFormat('表', 'F1:F30', { type: 'CellValue', formula: null, fill: '#0000FF', fontColor: null });
    return context;
  }

  it('marks each cell by its worst severity with a conditional format, in at most 2 syncs', async () => {
    const { excel, port } = markedWorkbook();
    await port.readWorkbook();
    const findings = [finding('表', 'D3', 'warning', 1), finding('表', 'D3', 'error', 2), finding('表', 'D4', 'info'), finding('表', 'D5', 'info'), finding('表', 'B7', 'warning')];
    expect(await syncsOf(excel, () => port.markFindings(findings))).toBeLessThanOrEqual(2);
    const marks = ourMarks(excel, '表').map((cf) => ({ rect: cf.rect, fill: cf.fill, fontColor: cf.fontColor }));
    expect(marks).toEqual(
      expect.arrayContaining([
        { rect: { row: 2, col: 3, rowCount: 1, columnCount: 1 }, fill: MARK_COLOURS.error.fill, fontColor: MARK_COLOURS.error.font },
        { rect: { row: 3, col: 3, rowCount: 2, columnCount: 1 }, fill: MARK_COLOURS.info.fill, fontColor: MARK_COLOURS.info.font },
        { rect: { row: 6, col: 1, rowCount: 1, columnCount: 1 }, fill: MARK_COLOURS.warning.fill, fontColor: MARK_COLOURS.warning.font },
      ]),
    );
    expect(marks).toHaveLength(3);
  });

  it.each([1, 5_000])('marks %i findings in one sync to find the old marks and one per 4 MB of new ones, each request under 4 MB', async (count) => {
    const { excel, port } = setup();
    excel.addSheet('表', projectRows(5_000));
    await port.readWorkbook();
    // Every other row, so that no two marks merge into one run.
    const findings = Array.from({ length: count }, (_, i) => finding('表', `${'ABCDEFG'[i % 7]}${2 * Math.floor(i / 7) + 1}`, 'error', i));
    const before = excel.syncCount;
    await port.markFindings(findings);
    expect(excel.syncCount - before).toBeLessThanOrEqual(1 + Math.ceil((count * BYTES_PER_MARK) / MAX_PAYLOAD_BYTES));
    expect(excel.syncs.slice(before).every((s) => s.requestBytes <= 4_000_000)).toBe(true);
    expect(ourMarks(excel, '表')).toHaveLength(count);
  });

  it('marks in 3 syncs before the workbook was read (the sheet list, then every sheet scanned for marks)', async () => {
    const { excel, port } = setup();
    excel.addSheet('表', [['a']]);
    expect(await syncsOf(excel, () => port.markFindings([finding('表', 'A1', 'error')]))).toBe(3);
  });

  it('replaces the previous marks, and clearing leaves values, formats and the user’s conditional formats exactly as before', async () => {
    const { excel, port } = markedWorkbook();
    const before = JSON.parse(JSON.stringify(excel.snapshot())) as unknown;
    await port.readWorkbook();
    await port.markFindings([finding('表', 'D3', 'error'), finding('表', 'A1', 'warning')]);
    await port.markFindings([finding('表', 'F2', 'info')]);
    expect(ourMarks(excel, '表').map((cf) => cf.rect)).toEqual([{ row: 1, col: 5, rowCount: 1, columnCount: 1 }]);
    expect(excel.sheet('表').conditionalFormats.filter((cf) => cf.formula !== MARK_FORMULA)).toHaveLength(2);
    expect(await syncsOf(excel, () => port.clearMarks())).toBeLessThanOrEqual(2);
    expect(excel.snapshot()).toEqual(before);
    // The snapshot holds what was compared: values, number formats, fills, fonts, borders, the user's rules.
    expect(excel.cell('表', 'F2')?.format.numberFormat).toBe('#,##0.00');
    expect(excel.cell('表', 'E3')?.format).toMatchObject({ numberFormat: '@', fill: '#DDEBF7', border: 'double' });
    expect(excel.cell('表', 'A1')?.format).toMatchObject({ fill: '#FFFF00', bold: true, border: 'thin' });
    expect(excel.cell('表', 'D3')?.format.fontColor).toBe('#FF0000');
    expect(excel.sheet('表').conditionalFormats.map((cf) => cf.type)).toEqual(['Custom', 'CellValue']);
  });

  it('clears marks left by an earlier session (registry in the workbook settings)', async () => {
    const { excel, port } = markedWorkbook();
    const before = JSON.parse(JSON.stringify(excel.snapshot())) as unknown;
    await port.markFindings([finding('表', 'D3', 'error')]);
    const nextSession = createOfficeWorkbook({ excelRun: excel.run as unknown as typeof Excel.run, office: excel.office as unknown as typeof Office });
    expect(await syncsOf(excel, () => nextSession.clearMarks())).toBeLessThanOrEqual(3);
    expect(excel.snapshot()).toEqual(before);
  });

  it('does nothing without ExcelApi 1.6 (and says so in the capabilities)', async () => {
    const { excel, port } = setup({ apiVersion: '1.5' });
    excel.addSheet('表', [['a']]);
    expect(port.capabilities.conditionalFormatMarks).toBe(false);
    expect(await syncsOf(excel, () => port.markFindings([finding('表', 'A1', 'error')]))).toBe(0);
    expect(await syncsOf(excel, () => port.clearMarks())).toBe(0);
    expect(excel.sheet('表').conditionalFormats).toEqual([]);
  });

  it('reports a protected sheet', async () => {
    const { excel, port } = setup();
    excel.addSheet('表', [['a']]).protected = true;
    const error = await rejection(port.markFindings([finding('表', 'A1', 'error')]));
    expect(error.code).toBe('protected');
    expect(error.message).toContain('撤销工作表保护');
  });
});

describe('writeCells and undo', () => {
  const at = (cell: string) => locate('表', Number(cell.slice(1)) - 1, cell.charCodeAt(0) - 65);

  it('writes only cells that still hold the expected value, in 2 syncs, and undoes them', async () => {
    const { excel, port } = setup();
    excel.addSheet('表', [['合计', 100, '≥90%', 12]]);
    excel.setCell('表', 'B1', 105); // the user changed it after the check read 100
    let result;
    const syncs = await syncsOf(excel, async () => {
      result = await port.writeCells([
        { location: at('B1'), expected: 100, value: 110 },
        { location: at('C1'), expected: '≥90%', value: '≥95%' },
        { location: at('D1'), expected: '12', value: 13 },
      ]);
    });
    expect(syncs).toBe(2);
    expect(result).toMatchObject({
      written: [at('C1')],
      conflicts: [
        { location: at('B1'), expected: 100, actual: 105 },
        { location: at('D1'), expected: '12', actual: 12 },
      ],
    });
    expect(excel.cell('表', 'C1')?.value).toBe('≥95%');
    expect(excel.cell('表', 'B1')?.value).toBe(105);
    const undo = (await port.writeCells([{ location: at('C1'), expected: '≥95%', value: '≥96%' }])).undo;
    expect(undo?.restores).toEqual([{ location: at('C1'), expected: '≥96%', value: '≥95%' }]);
    if (!undo) throw new Error('no undo record');
    const undone = await port.undo(undo);
    expect(undone.written).toEqual([at('C1')]);
    expect(excel.cell('表', 'C1')?.value).toBe('≥95%');
  });

  it('leaves a cell changed between the check and the write, even just before the first sync', async () => {
    const { excel, port } = setup();
    excel.addSheet('表', [[1]]);
    excel.beforeSync((index) => index === 0 && excel.setCell('表', 'A1', 2));
    const result = await port.writeCells([{ location: at('A1'), expected: 1, value: 3 }]);
    expect(result).toEqual({ written: [], conflicts: [{ location: at('A1'), expected: 1, actual: 2 }], undo: null });
    expect(excel.cell('表', 'A1')?.value).toBe(2);
  });

  it('writes text as text (quote prefix), records what Excel made of the value as the undo guard, and empties a cell for null', async () => {
    const { excel, port } = setup();
    excel.addSheet('表', [['x', 'y']]);
    const result = await port.writeCells([
      { location: at('A1'), expected: 'x', value: '12' },
      { location: at('B1'), expected: 'y', value: null },
    ]);
    expect(excel.cell('表', 'A1')?.value).toBe('12');
    expect(excel.cell('表', 'B1')?.value).toBe('');
    expect(result.undo?.restores.map((r) => r.expected)).toEqual(['12', null]);
    if (!result.undo) throw new Error('no undo record');
    await port.undo(result.undo);
    expect([excel.cell('表', 'A1')?.value, excel.cell('表', 'B1')?.value]).toEqual(['x', 'y']);
  });

  it('says nothing was written when Excel rejects the whole write batch', async () => {
    const { excel, port } = setup();
    excel.addSheet('表', [[1, 2]]);
    excel.beforeSync((index) => index === 1 && excel.failNextSync('GeneralException', 'busy'));
    const error = await rejection(port.writeCells([{ location: at('A1'), expected: 1, value: 10 }, { location: at('B1'), expected: 2, value: 20 }]));
    expect(error).toMatchObject({ code: 'busy', message: '没有写入任何单元格。Excel 正忙，请稍后重试。' });
    expect([excel.cell('表', 'A1')?.value, excel.cell('表', 'B1')?.value]).toEqual([1, 2]);
  });

  it('says exactly which cells were written when a write batch fails part-way (Excel does not roll back)', async () => {
    const { excel, port } = setup();
    excel.addSheet('表', [[1]]);
    excel.addSheet('锁', [[2]]).protected = true;
    const error = await rejection(
      port.writeCells([
        { location: at('A1'), expected: 1, value: 10 },
        { location: locate('锁', 0, 0), expected: 2, value: 20 },
      ]),
    );
    expect(error).toMatchObject({
      code: 'protected',
      message: '只写入了 1 个单元格：表!A1；未写入 1 个：锁!A1。工作表受保护：请先撤销工作表保护（审阅 → 撤销工作表保护），再重试。',
    });
    expect(excel.cell('表', 'A1')?.value).toBe(10);
    expect(excel.cell('锁', 'A1')?.value).toBe(2);
  });

  it('names every cell to check when not even the read-back after a failed write works', async () => {
    const { excel, port } = setup();
    excel.addSheet('表', [[1, 2]]);
    excel.beforeSync((index) => index >= 1 && excel.failNextSync('GeneralException'));
    const error = await rejection(port.writeCells([{ location: at('A1'), expected: 1, value: 10 }, { location: at('B1'), expected: 2, value: 20 }]));
    expect(error.message).toBe('无法确认哪些单元格已写入，请逐一检查：表!A1、表!B1。Excel 正忙，请稍后重试。');
    expect(error.detail).toContain('GeneralException');
  });

  it('lists at most 20 cells and then the count', async () => {
    const { excel, port } = setup();
    excel.addSheet('表', [Array.from({ length: 25 }, () => 0)]);
    excel.beforeSync((index) => index >= 1 && excel.failNextSync('GeneralException'));
    const writes = Array.from({ length: 25 }, (_, c) => ({ location: locate('表', 0, c), expected: 0, value: 1 }));
    const error = await rejection(port.writeCells(writes));
    const first20 = writes.slice(0, 20).map((w) => `表!${w.location.cell}`).join('、');
    expect(error.message).toBe(`无法确认哪些单元格已写入，请逐一检查：${first20} 等共 25 个。Excel 正忙，请稍后重试。`);
    expect(first20.endsWith('表!T1')).toBe(true);
  });

  it('groups the batch into one undo step only where ExcelApi 1.20 allows it', async () => {
    for (const [apiVersion, grouped] of [['1.20', true], ['1.19', false]] as const) {
      const { excel, port } = setup({ apiVersion });
      excel.addSheet('表', [[1]]);
      await port.writeCells([{ location: at('A1'), expected: 1, value: 2 }]);
      expect(excel.runOptions).toEqual(grouped ? [{ mergeUndoGroup: true }] : []);
    }
  });

  it('says what to do in cell-edit mode and on a protected sheet', async () => {
    const { excel, port } = setup();
    excel.addSheet('表', [[1]]);
    excel.cellEditMode = true;
    const editing = await rejection(port.writeCells([{ location: at('A1'), expected: 1, value: 2 }]));
    expect(editing).toMatchObject({ code: 'cell-edit-mode', message: '请先按 Enter 或 Esc 结束单元格编辑，再重试。' });
    excel.cellEditMode = false;
    excel.sheet('表').protected = true;
    const locked = await rejection(port.writeCells([{ location: at('A1'), expected: 1, value: 2 }]));
    expect(locked.code).toBe('protected');
    expect(excel.cell('表', 'A1')?.value).toBe(1);
  });
});

describe('error mapping', () => {
  it.each([
    ['InvalidOperationInCellEditMode', 'cell-edit-mode'],
    ['AccessDenied', 'protected'],
    ['RequestPayloadSizeLimitExceeded', 'payload-too-large'],
    ['GeneralException', 'busy'],
    ['ActivityLimitReached', 'busy'],
    ['ItemNotFound', 'not-found'],
    ['ApiNotFound', 'unsupported'],
    ['SomethingNew', 'unknown'],
  ])('maps %s to %s, keeping the original text in detail', async (officeCode, code) => {
    const { excel, port } = setup();
    excel.addSheet('表', [[1]]);
    // Every sync: reading merged areas retries a request the host refused once.
    excel.beforeSync(() => excel.failNextSync(officeCode, `host says ${officeCode}`));
    const error = await rejection(port.readSheet('表'));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(error.detail).toContain(`host says ${officeCode}`);
  });

  it('reads the code of an Office error wrapped in innerError', () => {
    expect(toWorkbookError({ message: 'Unexpected error while trying to delete sheet.', innerError: { code: 'AccessDenied', message: 'locked' } }).code).toBe('protected');
  });
});

describe('writeReport', () => {
  let restoreGlobals: () => void = () => undefined;
  afterEach(() => restoreGlobals());

  function reportSetup(options?: ExcelDoubleOptions) {
    const context = setup(options);
    restoreGlobals = context.excel.installGlobals();
    return context;
  }

  const rows: ReportRow[] = [
    { severity: 'error', level: '错误', sheet: "张三's 表", cell: 'G12', project: '农村饮水工程', rule: 'amount-sum', title: '合计不符', message: '-合计不等于明细之和', fix: '=改为 110' },
    { severity: 'info', level: '提示', sheet: '2024', cell: 'B3', project: '', rule: 'r', title: '规则', message: '12', fix: '' },
  ];

  it('rewrites the 校验结果 sheet with a header, one row per finding and a HYPERLINK to the cell, in ≤ 3 syncs', async () => {
    const { excel, port } = reportSetup();
    excel.addSheet('2024', [['x']]);
    excel.addSheet(REPORT_SHEET_NAME, [[...REPORT_HEADER], ['旧行'], ['旧行'], ['旧行']]);
    expect(await syncsOf(excel, () => port.writeReport(rows))).toBeLessThanOrEqual(3);
    expect(excel.sheets.filter((s) => s.name === REPORT_SHEET_NAME)).toHaveLength(1);
    const value = (cell: string) => excel.cell(REPORT_SHEET_NAME, cell)?.value;
    expect(['A1', 'B1', 'C1', 'D1', 'E1', 'F1', 'G1', 'H1'].map(value)).toEqual([...REPORT_HEADER]);
    expect(['A2', 'B2', 'D2', 'E2', 'F2', 'G2', 'H2'].map(value)).toEqual(['错误', "张三's 表", '农村饮水工程', '合计不符', '-合计不等于明细之和', '=改为 110', 'amount-sum']);
    expect(excel.cell(REPORT_SHEET_NAME, 'C2')?.formula).toBe(`=HYPERLINK("#'张三''s 表'!G12","G12")`);
    expect(excel.cell(REPORT_SHEET_NAME, 'C3')?.formula).toBe(`=HYPERLINK("#'2024'!B3","B3")`);
    // Text stays text: a sheet called 2024 and a message "12" are not turned into numbers.
    expect([value('B3'), value('F3')]).toEqual(['2024', '12']);
    expect(value('A4')).toBeUndefined();
    const report = excel.sheet(REPORT_SHEET_NAME);
    expect(report.frozenRows).toBe(1);
    expect(excel.cell(REPORT_SHEET_NAME, 'A1')?.format.bold).toBe(true);
    expect(report.columnWidths.size).toBe(REPORT_HEADER.length);
  });

  it('splits very many rows over several requests under the limit', async () => {
    const { excel, port } = reportSetup({ maxRequestBytes: 200_000 });
    const many = Array.from({ length: 3_000 }, (_, i): ReportRow => ({ severity: 'warning', level: '警告', sheet: '表', cell: `A${i + 1}`, project: `项目${i}`, rule: 'r', title: '规则', message: '指标值缺少计量单位', fix: '补充单位' }));
    await port.writeReport(many);
    expect(excel.cell(REPORT_SHEET_NAME, 'D3001')?.value).toBe('项目2999');
    expect(excel.cell(REPORT_SHEET_NAME, 'C3001')?.formula).toBe(`=HYPERLINK("#'表'!A3000","A3000")`);
    expect(excel.syncs.filter((s) => s.failure === null).every((s) => s.requestBytes <= 200_000)).toBe(true);
  });

  it('works on a host with ExcelApi 1.1 only, where marks are off', async () => {
    const { excel, port } = reportSetup({ apiVersion: '1.1' });
    excel.addSheet('表', [['项目', '金额'], ['A', 1]]);
    excel.addSheet(REPORT_SHEET_NAME, [[...REPORT_HEADER], ['旧']]);
    expect((await port.readWorkbook()).sheets).toEqual([{ name: '表', originRow: 0, originCol: 0, values: [['项目', '金额'], ['A', 1]] }]);
    await port.markFindings([finding('表', 'A2', 'error')]);
    expect(excel.sheet('表').conditionalFormats).toEqual([]);
    await port.writeReport(rows);
    expect(excel.cell(REPORT_SHEET_NAME, 'A2')?.value).toBe('错误');
    expect(excel.cell(REPORT_SHEET_NAME, 'A3')?.value).toBe('提示');
    expect(excel.syncs.filter((s) => s.failure === 'ApiNotFound')).toEqual([]);
  });
});

describe('ignored findings', () => {
  const ignored: IgnoredFinding[] = [{ key: 'r|表!A1', reason: '经确认无误', by: '李四', at: '2025-01-02T03:04:05Z' }];

  it('round-trips through the workbook setting jixiao.ignored', async () => {
    const { excel, port } = setup();
    // Excel keeps one visible sheet: the list's very hidden sheet cannot be the only one.
    excel.addSheet('表');
    expect(await port.loadIgnored()).toEqual([]);
    await port.saveIgnored(ignored);
    expect(JSON.parse(String(excel.settings.get(IGNORED_SETTING)))).toEqual(ignored);
    expect(await port.loadIgnored()).toEqual(ignored);
  });

  it('falls back to Office.context.document.settings without ExcelApi 1.4', async () => {
    const { excel, port } = setup({ apiVersion: '1.3' });
    await port.saveIgnored(ignored);
    expect(JSON.parse(String(excel.savedDocumentSettings.get(IGNORED_SETTING)))).toEqual(ignored);
    expect(await port.loadIgnored()).toEqual(ignored);
    expect(excel.syncCount).toBe(0);
  });
});

describe('selection', () => {
  it('activates the sheet, then selects the cell', async () => {
    const { excel, port } = setup();
    excel.addSheet('一', [[1]]);
    excel.addSheet('二', [[2, 3]]);
    await port.selectCell(locate('二', 0, 1));
    expect(excel.activeSheetId).toBe(excel.sheet('二').id);
    expect(excel.selection).toEqual({ sheetId: excel.sheet('二').id, rect: { row: 0, col: 1, rowCount: 1, columnCount: 1 } });
    expect((await rejection(port.selectCell(locate('没有', 0, 0)))).code).toBe('not-found');
  });

  it('reports a single selected cell with its value, and null for a larger selection', async () => {
    const { excel, port } = setup();
    excel.addSheet("It's 表", [[1, 'x']]);
    await excel.selectByUser("It's 表", 'B1');
    expect(await port.getSelectedCell()).toEqual({ location: locate("It's 表", 0, 1), value: 'x' });
    await excel.selectByUser("It's 表", 'A1:B1');
    expect(await port.getSelectedCell()).toBeNull();
  });

  it('calls back on selection changes until unsubscribed', async () => {
    const { excel, port, reported } = setup();
    excel.addSheet('表', [[1, 2]]);
    const seen: (SelectedCell | null)[] = [];
    const unsubscribe = port.onSelectionChanged((cell) => seen.push(cell));
    await new Promise((resolve) => setImmediate(resolve));
    await excel.selectByUser('表', 'B1');
    unsubscribe();
    await new Promise((resolve) => setImmediate(resolve));
    await excel.selectByUser('表', 'A1');
    expect(seen).toEqual([{ location: locate('表', 0, 1), value: 2 }]);
    expect(excel.selectionHandlers.size).toBe(0);
    expect(reported.map((e) => e.detail)).toEqual([]);
  });
});

describe('onCellsChanged', () => {
  it.each(['1.9', '1.7'])('names the edited sheet (ExcelApi %s)', async (apiVersion) => {
    const { excel, port, reported } = setup({ apiVersion });
    excel.addSheet('一', [[1]]);
    excel.addSheet('二', [[2]]);
    const changed: string[] = [];
    const unsubscribe = port.onCellsChanged((sheet) => changed.push(sheet));
    await new Promise((resolve) => setImmediate(resolve));
    await excel.editByUser('二', 'A1', 5);
    unsubscribe();
    await new Promise((resolve) => setImmediate(resolve));
    await excel.editByUser('一', 'A1', 6);
    expect(changed).toEqual(['二']);
    expect(excel.changeHandlers.size).toBe(0);
    expect(reported.map((e) => e.detail)).toEqual([]);
  });

  it('is a no-op before ExcelApi 1.7', async () => {
    const { excel, port } = setup({ apiVersion: '1.6' });
    excel.addSheet('一', [[1]]);
    const changed: string[] = [];
    port.onCellsChanged((sheet) => changed.push(sheet))();
    await excel.editByUser('一', 'A1', 5);
    expect(changed).toEqual([]);
    expect(excel.syncCount).toBe(0);
  });
});

describe('addSheet', () => {
  test('adds a sheet of a unique name with the values as text where they are text, and its merged areas, in two syncs', async () => {
    const { excel, port } = setup({ apiVersion: '1.13' });
    excel.addSheet('表1', [['项目名称']]);
    excel.addSheet('表1-转换', [['旧的']]);
    const syncs = await syncsOf(excel, async () => {
      const name = await port.addSheet({
        name: '表1-转换',
        originRow: 0,
        originCol: 0,
        values: [['项目名称', '预算数', '三级指标'], ['培训项目', 12.5, '=1+1'], [null, null, '1-2']],
        merges: [{ row: 1, col: 0, rowCount: 2, colCount: 1 }],
      });
      expect(name).toBe('表1-转换（2）');
    });
    expect(syncs).toBe(2);
    expect(excel.cell('表1-转换（2）', 'B2')?.value).toBe(12.5);
    // Text stays text: no formula, no date made of it.
    expect(excel.cell('表1-转换（2）', 'C2')).toMatchObject({ value: '=1+1', formula: null });
    expect(excel.cell('表1-转换（2）', 'C3')?.value).toBe('1-2');
    expect(excel.mergedAreas('表1-转换（2）')).toEqual(['A2:A3']);
    expect(excel.cell('表1-转换', 'A1')?.value).toBe('旧的');
  });
});
