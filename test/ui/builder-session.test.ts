import { createChecker } from '../../src/core';
import { createBuilderSession, type BuilderSession, type BuilderState } from '../../src/ui/builder/builder-session';
import { createMemoryWorkbook, type MemoryWorkbook } from '../../src/workbook/memory-workbook';
import { workbookError } from '../../src/workbook/port';
import { SEED_ROWS, SEED_SHEET } from '../fixtures/seed-grid';

const SHEET = SEED_SHEET.name;
const G6 = String(SEED_ROWS[5]?.[6]);
const checker = createChecker();

function cellValue(wb: MemoryWorkbook, cell: string) {
  const grid = wb.grid().sheets.find((s) => s.name === SHEET);
  const row = Number(cell.slice(1)) - 1;
  const col = cell.charCodeAt(0) - 65;
  return grid?.values[row - (grid.originRow ?? 0)]?.[col - (grid.originCol ?? 0)] ?? null;
}

/** Lets the port's promises settle until the state holds (no clock: a bounded number of turns). */
async function until(session: BuilderSession, holds: (state: BuilderState) => boolean): Promise<BuilderState> {
  for (let turn = 0; turn < 200 && !holds(session.getState()); turn++) await new Promise((resolve) => setTimeout(resolve, 0));
  expect(holds(session.getState())).toBe(true);
  return session.getState();
}

function started(wb = createMemoryWorkbook({ sheets: [SEED_SHEET] })) {
  const session = createBuilderSession(wb, checker, 'zh-CN');
  session.start();
  return { wb, session };
}

async function onG6() {
  const { wb, session } = started();
  wb.select({ sheet: SHEET, cell: 'G6' });
  await until(session, (s) => s.loaded !== null && !s.reading);
  return { wb, session };
}

/** On G6, its rows replaced by one inserted from the library (a copy of its first, named 巡查次数): what 追加 adds. */
async function withInsertedRow() {
  const { wb, session } = await onG6();
  const template = session.getState().rows[0];
  if (!template) throw new Error('rows');
  session.changeRows(() => []);
  session.insertRows([{ ...template, name: '巡查次数' }]);
  return { wb, session, template };
}

afterEach(() => jest.restoreAllMocks());

describe('createBuilderSession (no React)', () => {
  test('follows the selection: a 绩效指标 cell loads its rows and the live check gives its exact text', async () => {
    const { session } = await onG6();
    const state = session.getState();
    expect(state.loaded?.target.projectName).toBe('物业管理费');
    expect(state.rows.map((r) => r.name)).toEqual(['投诉次数', '物业管理工作按时完成率', '服务对象满意度']);
    expect(session.check().text).toBe(G6);
    // The check is kept while the rows do not change.
    expect(session.check()).toBe(session.check());
  });

  test('with unsaved edits a new selection waits, and follow() moves on when asked', async () => {
    const { wb, session } = await onG6();
    session.changeRows((rows) => rows.slice(0, 1));
    expect(session.getState().dirty).toBe(true);
    wb.select({ sheet: SHEET, cell: 'A1' });
    const waiting = await until(session, (s) => s.pending !== null);
    expect(waiting.pending?.location.cell).toBe('A1');
    expect(waiting.loaded?.target.projectName).toBe('物业管理费');
    await session.follow(waiting.pending);
    expect(session.getState()).toMatchObject({ loaded: null, rows: [], dirty: false, pending: null });
  });

  test('替换 writes the canonical text, busy while it writes; 撤销 puts the cell back', async () => {
    const { wb, session } = await onG6();
    session.changeRows((rows) => rows.slice(0, 2));
    const expected = session.check().text;
    const busy: boolean[] = [];
    session.subscribe(() => busy.push(session.getState().busy));
    await session.write('replace');
    expect(cellValue(wb, 'G6')).toBe(expected);
    expect(busy[0]).toBe(true);
    expect(busy[busy.length - 1]).toBe(false);
    expect(session.getState()).toMatchObject({ dirty: false, busy: false, notice: { intent: 'success', text: '已写入 G6。' } });
    expect(session.getState().rows.map((r) => r.name)).toEqual(['投诉次数', '物业管理工作按时完成率']);

    await session.undo();
    expect(cellValue(wb, 'G6')).toBe(G6);
    expect(session.getState().lastWrite).toBeNull();
    expect(session.getState().notice?.intent).toBe('success');
    expect(session.getState().rows).toHaveLength(3);
  });

  test('追加 keeps the cell and adds the rows inserted from the library', async () => {
    const { wb, session, template } = await withInsertedRow();
    expect(session.getState().rows[0]?.id).not.toBe(template.id);
    await session.write('append');
    expect(String(cellValue(wb, 'G6'))).toContain('巡查次数');
    expect(String(cellValue(wb, 'G6'))).toContain('服务对象满意度');
  });

  test('追加 clicked twice in one task (before the button re-renders disabled) writes once, and its 撤销 gives the cell back', async () => {
    const { wb, session } = await withInsertedRow();
    const writeCells = jest.spyOn(wb, 'writeCells');
    await Promise.all([session.write('append'), session.write('append')]);
    expect(writeCells).toHaveBeenCalledTimes(1);
    expect(String(cellValue(wb, 'G6')).split('巡查次数')).toHaveLength(2);
    expect(session.getState().notice?.intent).toBe('success');
    await Promise.all([session.undo(), session.undo()]);
    expect(cellValue(wb, 'G6')).toBe(G6);
    expect(session.getState().notice?.intent).toBe('success');
  });

  test('a cell changed since it was read is not overwritten: the conflict is named', async () => {
    const { wb, session } = await onG6();
    wb.setCell({ sheet: SHEET, cell: 'G6' }, '别人刚改过');
    session.changeRows((rows) => rows.slice(0, 1));
    await session.write('replace');
    expect(cellValue(wb, 'G6')).toBe('别人刚改过');
    expect(session.getState().notice?.intent).toBe('error');
    expect(session.getState().notice?.text).toContain('G6');
    expect(session.getState().busy).toBe(false);
  });

  test('a failing port shows the error in Chinese and leaves busy off', async () => {
    const { wb, session } = await onG6();
    jest.spyOn(wb, 'writeCells').mockRejectedValue(new Error('网络中断'));
    await session.write('replace');
    expect(session.getState().notice).toEqual({ intent: 'error', text: expect.stringContaining('网络中断') });
    expect(session.getState().busy).toBe(false);
  });

  test.each([
    ['zh-CN', '操作没有完成：工作表受保护'],
    ['en-US', 'That did not work: The sheet is protected'],
  ] as const)('%s: a workbook error shows in the pane\'s language, saying how to fix it', async (locale, start) => {
    const wb = createMemoryWorkbook({ sheets: [SEED_SHEET] });
    const session = createBuilderSession(wb, checker, locale);
    session.start();
    wb.select({ sheet: SHEET, cell: 'G6' });
    await until(session, (s) => s.loaded !== null && !s.reading);
    jest.spyOn(wb, 'writeCells').mockRejectedValue(workbookError('protected', { key: 'protected' }));
    await session.write('replace');
    expect(session.getState().notice?.text.startsWith(start)).toBe(true);
  });

  test('规范整列 on a canonical column previews nothing to change and writes nothing; dispose stops following the selection', async () => {
    const { wb, session } = await onG6();
    await session.previewNormalisation();
    expect(session.getState().normalisation?.changes).toEqual([]);
    const write = jest.spyOn(wb, 'writeCells');
    await session.normalise();
    expect(session.getState().normalisation).toBeNull();
    expect(write).not.toHaveBeenCalled();
    expect(session.getState().notice).toBeNull();
    session.dispose();
    wb.select({ sheet: SHEET, cell: 'A1' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(session.getState().loaded?.target.projectName).toBe('物业管理费');
  });
});
