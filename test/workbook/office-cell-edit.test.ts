import { createChecker } from '../../src/core';
import { createCheckSession, RECHECK_DELAY_MS } from '../../src/ui/check-session';
import { createOfficeWorkbook } from '../../src/workbook/office-workbook';
import { SEED_ROWS, SEED_SHEET } from '../fixtures/seed-grid';
import { ExcelDouble } from './excel-double';

/** The pane's session on the Office adapter and the double, the seed checked; the user then changes 总计 of 物业管理费. */
async function checkedSeed(delayForCellEdit: boolean) {
  const excel = new ExcelDouble({ apiVersion: '1.20', delayForCellEdit });
  excel.addSheet(SEED_SHEET.name, SEED_ROWS);
  const port = createOfficeWorkbook({ excelRun: excel.run as unknown as typeof Excel.run, office: excel.office as unknown as typeof Office, reportError: () => undefined });
  const session = createCheckSession(port, createChecker(), 'zh-CN');
  session.start();
  await session.check();
  await excel.eventsDelivered();
  // The check gives the pane back between slices with real timers; the re-check's delay is then driven by hand.
  jest.useFakeTimers();
  const findingsAtB6 = () => (session.getState().findings ?? []).filter((f) => f.location.cell === 'B6').length;
  expect(findingsAtB6()).toBe(0);
  return { excel, session, findingsAtB6 };
}

afterEach(() => jest.useRealTimers());

describe('a background re-check while the user types in a cell', () => {
  it('waits for the edit to end (delayForCellEdit) and shows no error', async () => {
    const { excel, session, findingsAtB6 } = await checkedSeed(true);
    await excel.editByUser(SEED_SHEET.name, 'B6', 98);
    // The user goes on typing in the next cell before the re-check starts.
    excel.cellEditMode = true;
    await jest.advanceTimersByTimeAsync(RECHECK_DELAY_MS);
    expect(excel.heldBatches).toBe(1);
    expect(session.getState().notices).toEqual([]);
    excel.endCellEdit();
    await jest.advanceTimersByTimeAsync(0);
    await excel.eventsDelivered();
    expect(findingsAtB6()).toBeGreaterThan(0);
    expect(session.getState().notices).toEqual([]);
    expect(excel.runOptions).toContainEqual({ delayForCellEdit: true });
  });

  it('on a host that cannot hold it, fails quietly and re-checks after the next edit', async () => {
    const { excel, session, findingsAtB6 } = await checkedSeed(false);
    await excel.editByUser(SEED_SHEET.name, 'B6', 98);
    excel.cellEditMode = true;
    await jest.advanceTimersByTimeAsync(RECHECK_DELAY_MS);
    expect(session.getState().notices).toEqual([]);
    expect(findingsAtB6()).toBe(0);
    excel.endCellEdit();
    await excel.editByUser(SEED_SHEET.name, 'A20', '备注');
    await jest.advanceTimersByTimeAsync(RECHECK_DELAY_MS);
    await excel.eventsDelivered();
    expect(findingsAtB6()).toBeGreaterThan(0);
    expect(session.getState().notices).toEqual([]);
  });

  it('a check the user starts still says at once that a cell is being edited', async () => {
    const { excel, session } = await checkedSeed(true);
    excel.cellEditMode = true;
    await session.check();
    expect(session.getState().notices.map((n) => n.text)).toEqual(['请先按 Enter 或 Esc 结束单元格编辑，再重试。']);
    expect(excel.heldBatches).toBe(0);
  });
});
