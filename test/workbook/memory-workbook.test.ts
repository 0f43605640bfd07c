import { checkWorkbook, locate, type Finding } from '../../src/core';
import { createMemoryWorkbook } from '../../src/workbook/memory-workbook';
import { REPORT_HEADER, REPORT_SHEET_NAME, WorkbookError, type SelectedCell } from '../../src/workbook/port';
import { SEED_SHEET } from '../fixtures/seed-grid';

const SHEET = SEED_SHEET.name;

function finding(cell: string, severity: Finding['severity']): Finding {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(cell) ?? [];
  const col = (letters ?? 'A').charCodeAt(0) - 65;
  return { key: `r|${cell}`, rule: 'goal.missing', severity, params: {}, location: locate(SHEET, Number(digits) - 1, col) };
}

describe('createMemoryWorkbook', () => {
  it('reads back the sheets it was given, trimmed to the used range, with progress', async () => {
    const wb = createMemoryWorkbook({ sheets: [SEED_SHEET, { name: '空表', originRow: 0, originCol: 0, values: [] }] });
    const stages: string[] = [];
    const grid = await wb.readWorkbook({ onProgress: (p) => stages.push(`${p.stage} ${p.done}/${p.total}`) });
    expect(grid.sheets.map((s) => s.name)).toEqual([SHEET, '空表']);
    expect(grid.sheets[0]?.values[5]?.[1]).toBe(99);
    expect(grid.sheets[1]?.values).toEqual([]);
    expect(stages).toEqual(['sheets 0/2', 'values 1/2', 'values 2/2']);
    expect(checkWorkbook(grid).summary).toEqual(checkWorkbook({ sheets: [SEED_SHEET] }).summary);
  });

  it('keeps real addresses when a sheet starts away from A1', async () => {
    const wb = createMemoryWorkbook({ sheets: [{ name: 'S', originRow: 4, originCol: 2, values: [['a', null], [null, 'b']] }] });
    const sheet = await wb.readSheet('S');
    expect(sheet).toEqual({ name: 'S', originRow: 4, originCol: 2, values: [['a', null], [null, 'b']] });
    wb.setCell({ sheet: 'S', cell: 'C5' }, null);
    expect(wb.grid().sheets[0]).toEqual({ name: 'S', originRow: 5, originCol: 3, values: [['b']] });
  });

  it('rejects reads of a missing sheet and aborted reads with Chinese WorkbookErrors', async () => {
    const wb = createMemoryWorkbook({ sheets: [SEED_SHEET] });
    await expect(wb.readSheet('没有')).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('找不到工作表“没有”') });
    const controller = new AbortController();
    controller.abort();
    await expect(wb.readWorkbook({ signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('keeps one mark per cell with its worst severity and clears them', async () => {
    const wb = createMemoryWorkbook({ sheets: [SEED_SHEET] });
    await wb.markFindings([finding('G6', 'info'), finding('G6', 'error'), finding('G7', 'warning')]);
    expect(wb.marks()).toEqual(new Map([[`${SHEET}!G6`, 'error'], [`${SHEET}!G7`, 'warning']]));
    await wb.markFindings([finding('G8', 'info')]);
    expect(wb.marks()).toEqual(new Map([[`${SHEET}!G8`, 'info']]));
    await wb.clearMarks();
    expect(wb.marks().size).toBe(0);
  });

  it('selects cells, reports the selection and fires selection events', async () => {
    const wb = createMemoryWorkbook({ sheets: [SEED_SHEET] });
    const seen: (SelectedCell | null)[] = [];
    const stop = wb.onSelectionChanged((cell) => seen.push(cell));
    expect(await wb.getSelectedCell()).toBeNull();
    await wb.selectCell(locate(SHEET, 5, 1));
    wb.select({ sheet: SHEET, cell: 'A1' });
    stop();
    wb.select({ sheet: SHEET, cell: 'B4' });
    expect(seen.map((c) => c?.location.cell)).toEqual(['B6', 'A1']);
    expect(seen[0]?.value).toBe(99);
    expect(await wb.getSelectedCell()).toMatchObject({ location: { cell: 'B4', row: 3, col: 1 }, value: 700.36 });
    await expect(wb.selectCell(locate('没有', 0, 0))).rejects.toMatchObject({ code: 'not-found' });
  });

  it('fires cell-change events for the edited sheet only while subscribed', () => {
    const wb = createMemoryWorkbook({ sheets: [SEED_SHEET] });
    const changed: string[] = [];
    const stop = wb.onCellsChanged((sheet) => changed.push(sheet));
    wb.setCell({ sheet: SHEET, cell: 'F6' }, '新目标');
    stop();
    wb.setCell({ sheet: SHEET, cell: 'F7' }, '另一个');
    expect(changed).toEqual([SHEET]);
    expect(wb.grid().sheets[0]?.values[5]?.[5]).toBe('新目标');
  });

  it('fires no events the capabilities say the host lacks', () => {
    const wb = createMemoryWorkbook({ sheets: [SEED_SHEET] }, { capabilities: { changeEvents: false, selectionEvents: false } });
    const events: string[] = [];
    wb.onCellsChanged((sheet) => events.push(sheet));
    wb.onSelectionChanged(() => events.push('selection'));
    wb.setCell({ sheet: SHEET, cell: 'F6' }, 'x');
    wb.select({ sheet: SHEET, cell: 'F6' });
    expect(events).toEqual([]);
    expect(wb.capabilities).toMatchObject({ host: 'in-memory', changeEvents: false, selectionEvents: false, conditionalFormatMarks: true });
  });

  it('writes only cells that still hold the expected value, and undoes guarded', async () => {
    const wb = createMemoryWorkbook({ sheets: [SEED_SHEET] });
    const b6 = locate(SHEET, 5, 1);
    const c6 = locate(SHEET, 5, 2);
    const d6 = locate(SHEET, 5, 3);
    const result = await wb.writeCells([
      { location: b6, expected: 99, value: 100 },
      { location: c6, expected: 1, value: 2 },
      { location: d6, expected: '', value: 5 },
    ]);
    expect(result.written.map((l) => l.cell)).toEqual(['B6', 'D6']);
    expect(result.conflicts).toEqual([{ location: c6, expected: 1, actual: 99 }]);
    expect(result.undo?.restores).toEqual([
      { location: b6, expected: 100, value: 99 },
      { location: d6, expected: 5, value: null },
    ]);
    const record = result.undo;
    if (!record) throw new Error('expected an undo record');

    wb.setCell({ sheet: SHEET, cell: 'D6' }, 7);
    const undone = await wb.undo(record);
    expect(undone.written.map((l) => l.cell)).toEqual(['B6']);
    expect(undone.conflicts).toEqual([{ location: d6, expected: 5, actual: 7 }]);
    expect(wb.grid().sheets[0]?.values[5]?.slice(1, 4)).toEqual([99, 99, 7]);

    const nothing = await wb.writeCells([{ location: c6, expected: 1, value: 2 }]);
    expect(nothing.undo).toBeNull();
  });

  it('writes nothing when a write names a missing sheet', async () => {
    const wb = createMemoryWorkbook({ sheets: [SEED_SHEET] });
    await expect(
      wb.writeCells([
        { location: locate(SHEET, 5, 1), expected: 99, value: 1 },
        { location: locate('没有', 0, 0), expected: null, value: 1 },
      ]),
    ).rejects.toMatchObject({ code: 'not-found' });
    expect(wb.grid().sheets[0]?.values[5]?.[1]).toBe(99);
  });

  it.each([
    ['text over Excel’s 32,767 characters', { location: locate(SHEET, 5, 6), expected: SEED_SHEET.values[5]?.[6] ?? null, value: '长'.repeat(32_768) }, `${SHEET}!G6 的新内容有 32768 个字符，超过了 Excel 单元格的上限 32,767 个字符，请缩短后重试。`],
    ['a number that is not finite', { location: locate(SHEET, 5, 2), expected: 99, value: Number.NaN }, `${SHEET}!C6 的新值不是有效的数字。`],
    ['a position beyond the sheet', { location: locate(SHEET, 1_048_576, 0), expected: null, value: 1 }, `“${SHEET}!A1048577”不是有效的单元格位置。`],
    ['an address that does not match its position', { location: { ...locate(SHEET, 5, 2), cell: 'Z9' }, expected: 99, value: 1 }, `“${SHEET}!Z9”不是有效的单元格位置。`],
  ])('checks the whole batch before writing: %s rejects it and nothing is written', async (_label, bad, reason) => {
    const wb = createMemoryWorkbook({ sheets: [SEED_SHEET] });
    const before = wb.grid();
    const error = await wb.writeCells([{ location: locate(SHEET, 5, 1), expected: 99, value: 100 }, bad]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect(error).toMatchObject({ code: 'unknown', message: `没有写入任何单元格：${reason}` });
    expect(wb.grid()).toEqual(before);
  });

  it('adds the report as the last sheet and replaces it in place', async () => {
    const wb = createMemoryWorkbook({ sheets: [SEED_SHEET] });
    const row = { severity: 'error' as const, level: '错误', sheet: SHEET, cell: 'G12', project: '党建', rule: 'category.effect-missing', title: '缺少效益指标', message: '每个项目都必须有效益指标', fix: '' };
    await wb.writeReport([row, { ...row, severity: 'info', level: '提示', cell: 'G6' }]);
    await wb.writeReport([row]);
    const sheets = wb.grid().sheets;
    expect(sheets.map((s) => s.name)).toEqual([SHEET, REPORT_SHEET_NAME]);
    expect(sheets[1]?.values).toEqual([
      [...REPORT_HEADER],
      ['错误', SHEET, 'G12', '党建', '缺少效益指标', '每个项目都必须有效益指标', null, 'category.effect-missing'],
    ]);
  });

  it('stores the ignored list as copies', async () => {
    const wb = createMemoryWorkbook({ sheets: [SEED_SHEET] });
    expect(await wb.loadIgnored()).toEqual([]);
    const list = [{ key: 'k', reason: '已与财政局确认', by: '', at: '2025-01-01T00:00:00.000Z' }];
    await wb.saveIgnored(list);
    list.pop();
    expect(await wb.loadIgnored()).toEqual([{ key: 'k', reason: '已与财政局确认', by: '', at: '2025-01-01T00:00:00.000Z' }]);
  });

  it('makes the next call, or the next call of one method, fail once', async () => {
    const wb = createMemoryWorkbook({ sheets: [SEED_SHEET] });
    const busy = new WorkbookError('busy', 'Excel 正忙，请稍后再试。');
    wb.failNext(busy, 'writeReport');
    await expect(wb.loadIgnored()).resolves.toEqual([]);
    await expect(wb.writeReport([])).rejects.toBe(busy);
    await expect(wb.writeReport([])).resolves.toBe('校验结果');
    wb.failNext(busy);
    await expect(wb.clearMarks()).rejects.toBe(busy);
    await expect(wb.clearMarks()).resolves.toBeUndefined();
  });
});
