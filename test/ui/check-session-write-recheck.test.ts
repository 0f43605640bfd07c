/** @jest-environment node */
import fc from 'fast-check';
import { createChecker, type CellValue, type Finding, type Fix, type WorkbookGrid } from '../../src/core';
import { createCheckSession } from '../../src/ui/check-session';
import { writtenAreas } from '../../src/ui/check-session/sheet-recheck';
import { FORMAT_FIX_RULES, fixesOf } from '../../src/ui/finding-view';
import { createMemoryWorkbook, type MemoryWorkbook } from '../../src/workbook/memory-workbook';
import { marksOf } from '../../src/workbook/port';
import { generateWorkbook } from '../../bench/generate';
import { SEED_SHEET } from '../fixtures/seed-grid';
import { REAL_FIXTURES, realGrid } from '../fixtures/real/load';

// A fix, 全部修正格式 and 撤销 re-check the written cells as an edit is (read back, then cell by cell), not the
// whole workbook (issue 17 item 8): what they find must be what a full check of the written workbook finds.

/** Order-free comparison: the re-check may list a sheet's findings in another order than a full check. */
const canonical = (findings: readonly Finding[] | null) =>
  [...(findings ?? [])].map((f) => JSON.stringify([f.location.sheet, f.location.cell, f.rule, f.severity, f.key, f.table ?? null, f.fix ?? null])).sort();

/** What a fresh full check of the workbook as it is now finds, and the marks it would set. */
function fullCheck(port: MemoryWorkbook) {
  const { findings } = createChecker().checkWorkbook(port.grid());
  return { findings: canonical(findings), marks: [...marksOf(findings)].sort() };
}

async function checkedSession(grid: WorkbookGrid) {
  const port = createMemoryWorkbook(grid);
  const reads = { workbook: jest.spyOn(port, 'readWorkbook'), sheet: jest.spyOn(port, 'readSheet'), area: jest.spyOn(port, 'readAreas') };
  const session = createCheckSession(port, createChecker(), 'zh-CN');
  session.start();
  await session.check();
  for (const spy of Object.values(reads)) spy.mockClear();
  return { port, reads, session };
}

const formatFixes = (findings: readonly Finding[] | null): Fix[] => fixesOf(findings ?? [], (f) => FORMAT_FIX_RULES.has(f.rule));

/** The grid with every seventh number typed as text (as pasted from a web page): 全部修正格式 has work there. */
function numbersAsText(grid: WorkbookGrid): WorkbookGrid {
  let count = 0;
  const text = (value: CellValue) => (typeof value === 'number' && count++ % 7 === 0 ? String(value) : value);
  return { sheets: grid.sheets.map((sheet) => ({ ...sheet, values: sheet.values.map((row) => row.map(text)) })) };
}

// The one-cell tables are re-checked cell by cell; a table with a row per indicator (layout 2) falls back to the
// full check. Forms and department tables (layouts 3, 4) take amounts as text: 全部修正格式 finds nothing there.
const tables: readonly (readonly [string, WorkbookGrid])[] = [
  ['the seed (Guangzhou) on two sheets', numbersAsText({ sheets: [SEED_SHEET, { ...SEED_SHEET, name: '另一表' }] })],
  ['the bench table of 300 projects', generateWorkbook(300)],
  ...REAL_FIXTURES.filter((f) => f.layout === 2).map((f) => [f.id, numbersAsText(realGrid(f))] as const),
];

describe('全部修正格式 re-checks the written cells only', () => {
  it.each(tables)('%s: the findings and marks after 全部修正格式 and after 撤销 are those of a full check', async (_name, grid) => {
    const { port, session } = await checkedSession(grid);
    const fixes = formatFixes(session.getState().findings);
    expect(fixes.length).toBeGreaterThan(0);
    await session.applyFixes(fixes);
    expect(canonical(session.getState().findings)).toEqual(fullCheck(port).findings);
    expect([...port.marks()].sort()).toEqual(fullCheck(port).marks);
    await session.undo();
    expect(canonical(session.getState().findings)).toEqual(fullCheck(port).findings);
    expect([...port.marks()].sort()).toEqual(fullCheck(port).marks);
    session.dispose();
  });

  it('reads back only the written cells, each run of adjacent cells as one area, in one read, and never the workbook or a sheet', async () => {
    const { port, reads, session } = await checkedSession(generateWorkbook(2000));
    const fixes = formatFixes(session.getState().findings);
    expect(fixes.length).toBeGreaterThan(20);
    await session.applyFixes(fixes);
    expect(reads.workbook).not.toHaveBeenCalled();
    expect(reads.sheet).not.toHaveBeenCalled();
    expect(reads.area).toHaveBeenCalledTimes(1);
    expect(reads.area.mock.calls[0]?.[1]).toEqual(writtenAreas(fixes.map((f) => f.location)));
    expect(formatFixes(session.getState().findings)).toEqual([]);
    await session.undo();
    expect(reads.workbook).not.toHaveBeenCalled();
    expect(canonical(session.getState().findings)).toEqual(fullCheck(port).findings);
    session.dispose();
  });

  it('any subset of the fixes, then 撤销, finds what a full check finds (property)', async () => {
    const { port, session } = await checkedSession(generateWorkbook(300, 7));
    const all = formatFixes(session.getState().findings);
    expect(all.length).toBeGreaterThan(3);
    await fc.assert(
      fc.asyncProperty(fc.subarray(all, { minLength: 1 }), async (subset) => {
        await session.applyFixes(subset);
        expect(canonical(session.getState().findings)).toEqual(fullCheck(port).findings);
        await session.undo();
        expect(canonical(session.getState().findings)).toEqual(fullCheck(port).findings);
      }),
      { numRuns: 25, seed: 17 },
    );
    session.dispose();
  });

  it('a sheet with merged cells is checked again as a whole workbook after a fix (an edit there may move rows)', async () => {
    const [sheet] = generateWorkbook(100).sheets;
    if (!sheet) throw new Error('the bench makes a sheet');
    const { port, reads, session } = await checkedSession({ sheets: [{ ...sheet, merges: [{ row: 0, col: 0, rowCount: 1, colCount: 7 }] }] });
    const fixes = formatFixes(session.getState().findings);
    expect(fixes.length).toBeGreaterThan(0);
    await session.applyFixes(fixes);
    expect(reads.workbook).toHaveBeenCalledTimes(1);
    expect(canonical(session.getState().findings)).toEqual(fullCheck(port).findings);
    session.dispose();
  });

  it('a fix refused because the cell changed since the check re-checks the whole workbook (the pane saw an old value)', async () => {
    const { port, reads, session } = await checkedSession(generateWorkbook(100));
    const [fix] = formatFixes(session.getState().findings);
    if (!fix) throw new Error('the bench table has a format fix');
    // Changed behind the pane's back: no change event (as on hosts without them).
    await port.writeCells([{ location: fix.location, expected: fix.expected, value: '改过了' }]);
    reads.workbook.mockClear();
    await session.applyFixes([fix]);
    expect(reads.workbook).toHaveBeenCalledTimes(1);
    expect(canonical(session.getState().findings)).toEqual(fullCheck(port).findings);
    session.dispose();
  });
});

describe('writtenAreas', () => {
  it('reads each run of adjacent rows in one column as one area', () => {
    const at = (cell: string, row: number, col: number) => ({ sheet: '表', cell, row, col });
    expect(writtenAreas([at('G7', 6, 6), at('G5', 4, 6), at('G6', 5, 6), at('G9', 8, 6), at('B5', 4, 1), at('G6', 5, 6)])).toEqual(['B5', 'G5:G7', 'G9']);
  });
});
