import { createChecker } from '../../src/core';
import { createCheckSession, RECHECK_DELAY_MS } from '../../src/ui/check-session';
import { createOfficeWorkbook } from '../../src/workbook/office-workbook';
import { SEED_ROWS, SEED_SHEET } from '../fixtures/seed-grid';
import { ExcelDouble } from './excel-double';

function setup(apiVersion = '1.20') {
  const excel = new ExcelDouble({ apiVersion });
  const port = createOfficeWorkbook({ excelRun: excel.run as unknown as typeof Excel.run, office: excel.office as unknown as typeof Office, reportError: () => undefined });
  return { excel, port };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('a sheet renamed by the user (ExcelApi 1.17 onNameChanged)', () => {
  it('change events name the sheet by its new name, without looking it up again', async () => {
    const { excel, port } = setup('1.17');
    excel.addSheet('表', [[1]]);
    const changed: string[] = [];
    const renamed: string[] = [];
    port.onCellsChanged((sheet, address) => changed.push(`${sheet}!${address}`));
    port.onSheetRenamed?.((from, to) => renamed.push(`${from}→${to}`));
    await settle();
    await excel.editByUser('表', 'A1', 2);
    await excel.renameByUser('表', '表（改）');
    const before = excel.runCount;
    await excel.editByUser('表（改）', 'A1', 3);
    expect(changed).toEqual(['表!A1', '表（改）!A1']);
    expect(renamed).toEqual(['表→表（改）']);
    expect(excel.runCount).toBe(before);
  });

  it('the pane re-checks and marks the renamed sheet under its new name, with no error', async () => {
    const { excel, port } = setup();
    excel.addSheet(SEED_SHEET.name, SEED_ROWS);
    const session = createCheckSession(port, createChecker(), 'zh-CN');
    const b6Marked = (sheet: string) => excel.sheet(sheet).conditionalFormats.some((cf) => cf.rect.row <= 5 && 5 < cf.rect.row + cf.rect.rowCount && cf.rect.col <= 1 && 1 < cf.rect.col + cf.rect.columnCount);
    session.start();
    await session.check();
    await excel.eventsDelivered();
    expect(b6Marked(SEED_SHEET.name)).toBe(false);
    jest.useFakeTimers();
    try {
      await excel.renameByUser(SEED_SHEET.name, '绩效目标表（修改）');
      await excel.editByUser('绩效目标表（修改）', 'B6', 98);
      await jest.advanceTimersByTimeAsync(RECHECK_DELAY_MS);
      await excel.eventsDelivered();
    } finally {
      jest.useRealTimers();
    }
    const findings = session.getState().findings ?? [];
    expect(session.getState().notices).toEqual([]);
    expect(findings.filter((f) => f.location.sheet === SEED_SHEET.name)).toEqual([]);
    expect(findings.some((f) => f.location.sheet === '绩效目标表（修改）' && f.location.cell === 'B6')).toBe(true);
    expect(session.getState().tables.map((t) => t.sheet)).toEqual(['绩效目标表（修改）']);
    // B6 (row 5, column 1) is marked on the renamed sheet.
    expect(b6Marked('绩效目标表（修改）')).toBe(true);
  });

  it('before ExcelApi 1.17 an edit on a renamed sheet (a sheet the last check did not see) re-checks the workbook', async () => {
    const { excel, port } = setup('1.16');
    excel.addSheet(SEED_SHEET.name, SEED_ROWS);
    const session = createCheckSession(port, createChecker(), 'zh-CN');
    session.start();
    await session.check();
    jest.useFakeTimers();
    try {
      await excel.renameByUser(SEED_SHEET.name, '改名');
      await excel.editByUser('改名', 'B6', 98);
      await jest.advanceTimersByTimeAsync(RECHECK_DELAY_MS);
      // The full check runs in slices: let it finish.
      for (let i = 0; i < 50 && (session.getState().running !== null || session.getState().sheetOrder[0] !== '改名'); i++) await jest.advanceTimersByTimeAsync(100);
    } finally {
      jest.useRealTimers();
    }
    expect(session.getState().notices).toEqual([]);
    expect(session.getState().sheetOrder).toEqual(['改名']);
    const findings = session.getState().findings ?? [];
    expect(findings.some((f) => f.location.sheet === SEED_SHEET.name)).toBe(false);
    expect(findings.some((f) => f.location.sheet === '改名' && f.location.cell === 'B6')).toBe(true);
  });
});
