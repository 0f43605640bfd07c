/** @jest-environment node */
import { createChecker, type Finding } from '../../src/core';
import { createCheckSession, type SliceClock } from '../../src/ui/check-session';
import { createMemoryWorkbook } from '../../src/workbook/memory-workbook';
import { createOfficeWorkbook } from '../../src/workbook/office-workbook';
import { ExcelDouble } from '../workbook/excel-double';
import { SEED_ROWS, SEED_SHEET } from '../fixtures/seed-grid';

const checker = createChecker();

/** Order-free comparison: the re-check may list a sheet's findings in another order than a full check. */
const canonical = (findings: readonly Finding[] | null) =>
  [...(findings ?? [])].map((f) => JSON.stringify([f.location.sheet, f.location.cell, f.rule, f.severity, f.key, f.table ?? null])).sort();

/** Polls (real timers: the session waits RECHECK_DELAY_MS after an edit) until the condition holds. */
async function until(condition: () => boolean): Promise<void> {
  for (let tries = 0; !condition(); tries++) {
    if (tries > 300) throw new Error('the re-check never came');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function recheckedAfter(session: ReturnType<typeof createCheckSession>, edit: () => unknown): Promise<void> {
  const before = session.getState().findings;
  await edit();
  await until(() => session.getState().findings !== before);
}

describe('an edit is re-checked through the changed cells', () => {
  it('reads only the edited cell, not its sheet or the other sheets', async () => {
    const excel = new ExcelDouble({ apiVersion: '1.14' });
    excel.addSheet('表一', SEED_ROWS);
    excel.addSheet('表二', SEED_ROWS);
    const port = createOfficeWorkbook({ excelRun: excel.run as unknown as typeof Excel.run, office: excel.office as unknown as typeof Office, reportError: () => undefined });
    const session = createCheckSession(port, checker, 'zh-CN');
    session.start();
    await session.check();
    const read = excel.cellsRead;
    // 物业管理费's 总计 no longer matches its 财政拨款 (99).
    await recheckedAfter(session, () => excel.editByUser('表一', 'B6', 100));
    expect(excel.cellsRead - read).toBe(1);
    expect(session.getState().findings?.some((f) => f.location.sheet === '表一' && f.location.row === 5)).toBe(true);
    session.dispose();
  });

  const edits: readonly [string, string | number | null][] = [
    ['B6', 100],
    ['C6', 98],
    ['B4', 1],
    ['F6', '做好物业管理服务工作。'],
    ['G7', '1、1-产出指标；11-数量指标；接待人次；实施周期指标值:≥100；年度指标值:≥100。'],
    ['A6', '    物业管理服务费'],
    ['H6', '备注'],
    ['B6', '九十九'],
    ['F6', null],
    ['A20', '    新项目'],
  ];

  it.each(edits)('after %s := %p the findings are those of a full check', async (cell, value) => {
    const port = createMemoryWorkbook({ sheets: [SEED_SHEET, { ...SEED_SHEET, name: '另一表' }] });
    const session = createCheckSession(port, checker, 'zh-CN');
    session.start();
    await session.check();
    await recheckedAfter(session, () => port.setCell({ sheet: SEED_SHEET.name, cell }, value));
    expect(canonical(session.getState().findings)).toEqual(canonical(checker.checkWorkbook(port.grid()).findings));
    session.dispose();
  });

  it('gives the pane back between slices of at most 50 ms, by the injected clock', async () => {
    let time = 0;
    let pauses = 0;
    // Every look at the clock finds 30 ms gone: a slice holds at most two cells.
    const clock: SliceClock = { now: () => (time += 30), pause: async () => void pauses++ };
    const port = createMemoryWorkbook({ sheets: [SEED_SHEET] });
    const readSheet = jest.spyOn(port, 'readSheet');
    const session = createCheckSession(port, checker, 'zh-CN', { clock });
    session.start();
    await session.check();
    pauses = 0;
    await recheckedAfter(session, () => {
      for (const cell of ['B6', 'B7', 'B8', 'B9']) port.setCell({ sheet: SEED_SHEET.name, cell }, 1);
    });
    expect(readSheet).not.toHaveBeenCalled();
    expect(pauses).toBeGreaterThanOrEqual(1);
    expect(canonical(session.getState().findings)).toEqual(canonical(checker.checkWorkbook(port.grid()).findings));
    session.dispose();
  });
});
