import { createChecker } from '../../src/core';
import { createCheckSession } from '../../src/ui/check-session';
import { createOfficeWorkbook } from '../../src/workbook/office-workbook';
import { ExcelDouble } from './excel-double';
import { SEED_ROWS } from '../fixtures/seed-grid';

const checker = createChecker();

async function until(condition: () => boolean): Promise<void> {
  for (let tries = 0; !condition(); tries++) {
    if (tries > 300) throw new Error('the re-check never came');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** localStorage as the pane sees it, in memory. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

async function checkedTwoSheets(apiVersion: string, settings: Storage | null = null) {
  const excel = new ExcelDouble({ apiVersion });
  excel.addSheet('表一', SEED_ROWS);
  excel.addSheet('表二', SEED_ROWS);
  const port = createOfficeWorkbook({ excelRun: excel.run as unknown as typeof Excel.run, office: excel.office as unknown as typeof Office, reportError: () => undefined });
  const session = createCheckSession(port, checker, 'zh-CN', { settings });
  session.start();
  await session.check();
  return { excel, session, port };
}

/** Edits a cell as the user would and waits for the re-check to mark it. */
async function editAndWait(excel: ExcelDouble, session: ReturnType<typeof createCheckSession>, sheet: string, cell: string, value: number) {
  const before = session.getState().findings;
  await excel.editByUser(sheet, cell, value);
  await until(() => session.getState().findings !== before && !session.getState().writing);
  // Marking follows the findings: let its Excel.run finish.
  const runs = excel.runCount;
  await until(() => excel.runCount === runs && excel.syncs.length > 0);
  await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('marking after an edit', () => {
  it("leaves the other sheets' marks alone", async () => {
    const { excel, session } = await checkedTwoSheets('1.14');
    const other = excel.findSheet('表二');
    const before = other?.conditionalFormats.map((cf) => cf.id);
    expect(before?.length).toBeGreaterThan(0);
    await editAndWait(excel, session, '表一', 'B6', 100);
    expect(session.getState().findings?.some((f) => f.location.sheet === '表一' && f.location.cell === 'B6')).toBe(true);
    expect(excel.findSheet('表一')?.conditionalFormats.length).toBeGreaterThan(0);
    // Same formats, same ids: nothing deleted and added again on 表二.
    expect(excel.findSheet('表二')?.conditionalFormats.map((cf) => cf.id)).toEqual(before);
    session.dispose();
  });

  it('adds and deletes only the marks that differ on the edited sheet', async () => {
    const { excel, session } = await checkedTwoSheets('1.14');
    const marksOf = () => (excel.findSheet('表一')?.conditionalFormats ?? []).map((cf) => ({ id: cf.id, shows: JSON.stringify([cf.rect, cf.fill]) }));
    const before = marksOf();
    await editAndWait(excel, session, '表一', 'B6', 100);
    const after = marksOf();
    const shown = (marks: typeof before) => new Set(marks.map((m) => m.shows));
    const changed = [...shown(before)].filter((m) => !shown(after).has(m)).length + [...shown(after)].filter((m) => !shown(before).has(m)).length;
    const deleted = before.filter((m) => !after.some((a) => a.id === m.id)).length;
    const added = after.filter((m) => !before.some((b) => b.id === m.id)).length;
    expect(changed).toBeGreaterThan(0);
    expect(before.length).toBeGreaterThan(changed);
    expect(added + deleted).toBe(changed);
    session.dispose();
  });

  it('writes nothing after an edit when automatic marking is off, and remembers the choice', async () => {
    const settings = memoryStorage();
    const first = await checkedTwoSheets('1.14', settings);
    first.session.setAutoMark(false);
    first.session.dispose();
    const { excel, session, port } = await checkedTwoSheets('1.14', settings);
    expect(session.getState().autoMark).toBe(false);
    const marking = jest.spyOn(port, 'markFindings');
    const formats = () => excel.sheets.map((s) => s.conditionalFormats.map((cf) => cf.id));
    const before = formats();
    const beforeEdit = session.getState().findings;
    await excel.editByUser('表一', 'B6', 100);
    await until(() => session.getState().findings !== beforeEdit);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The findings follow the edit; the marks (and Excel's undo stack) do not.
    expect(session.getState().findings?.some((f) => f.location.sheet === '表一' && f.location.cell === 'B6')).toBe(true);
    expect(formats()).toEqual(before);
    expect(marking).not.toHaveBeenCalled();
    session.dispose();
  });

  it('merges the marking into one undo group only where Excel supports it (ExcelApi 1.20)', async () => {
    const old = await checkedTwoSheets('1.14');
    expect(old.excel.runOptions).not.toContainEqual({ mergeUndoGroup: true });
    old.session.dispose();
    const recent = await checkedTwoSheets('1.20');
    expect(recent.excel.runOptions).toContainEqual({ mergeUndoGroup: true });
    recent.session.dispose();
  });

  it('marks without the undo group when Excel refuses to group them (UndoNotSupported)', async () => {
    const excel = new ExcelDouble({ apiVersion: '1.20' });
    excel.addSheet('表一', SEED_ROWS);
    const port = createOfficeWorkbook({ excelRun: excel.run as unknown as typeof Excel.run, office: excel.office as unknown as typeof Office, reportError: () => undefined });
    const grid = { sheets: [{ name: '表一', originRow: 0, originCol: 0, values: SEED_ROWS }] };
    const findings = checker.checkWorkbook(grid).findings;
    expect(findings.length).toBeGreaterThan(0);
    excel.failNextSync('UndoNotSupported', 'The operation cannot be undone, so it cannot be grouped.');
    await port.markFindings(findings);
    expect(excel.findSheet('表一')?.conditionalFormats.length).toBeGreaterThan(0);
  });
});
