/** @jest-environment node */
import { createChecker, type Finding, type Fix } from '../../src/core';
import { createCheckSession } from '../../src/ui/check-session';
import { FORMAT_FIX_RULES, fixesOf } from '../../src/ui/finding-view';
import { createMemoryWorkbook } from '../../src/workbook/memory-workbook';
import { generateWorkbook } from '../../bench/generate';

// A second click that lands in the same task as the first, before the pane has re-rendered its buttons disabled,
// must not start a second write. Before, the second fix found every cell the first had written changed since it was read,
// warned about each (单元格 G28 在读取后已被修改，未写入) for the user's own double click, and checked the whole workbook again.

const formatFixes = (findings: readonly Finding[] | null): Fix[] => fixesOf(findings ?? [], (f) => FORMAT_FIX_RULES.has(f.rule));

async function checkedSession() {
  const port = createMemoryWorkbook(generateWorkbook(300));
  const session = createCheckSession(port, createChecker(), 'zh-CN');
  session.start();
  await session.check();
  return { port, session, original: port.grid() };
}

describe('a write asked for while another is in progress', () => {
  it('全部修正格式 clicked twice in one task writes once, and 撤销 then gives back what the user had typed', async () => {
    const { port, session, original } = await checkedSession();
    const fixes = formatFixes(session.getState().findings);
    expect(fixes.length).toBeGreaterThan(0);
    const writeCells = jest.spyOn(port, 'writeCells');
    await Promise.all([session.applyFixes(fixes), session.applyFixes(fixes)]);
    expect(writeCells).toHaveBeenCalledTimes(1);
    expect(port.grid()).not.toEqual(original);
    await session.undo();
    expect(port.grid()).toEqual(original);
    session.dispose();
  });

  it('撤销 clicked twice undoes once; a fix clicked during 撤销 is not written', async () => {
    const { port, session, original } = await checkedSession();
    const fixes = formatFixes(session.getState().findings);
    await session.applyFixes(fixes);
    const undo = jest.spyOn(port, 'undo');
    const writeCells = jest.spyOn(port, 'writeCells');
    await Promise.all([session.undo(), session.undo(), session.applyFixes(fixes)]);
    expect(undo).toHaveBeenCalledTimes(1);
    expect(writeCells).not.toHaveBeenCalled();
    expect(port.grid()).toEqual(original);
    session.dispose();
  });

  it('the report asked for twice in one task is written once', async () => {
    const { port, session } = await checkedSession();
    const writeReport = jest.spyOn(port, 'writeReport');
    await Promise.all([session.exportReport(), session.exportReport()]);
    expect(writeReport).toHaveBeenCalledTimes(1);
    session.dispose();
  });
});
