import { createChecker, type WorkbookGrid } from '../../src/core';
import { createCheckSession } from '../../src/ui/check-session';
import { createMemoryWorkbook } from '../../src/workbook/memory-workbook';
import type { WorkbookPort } from '../../src/workbook/port';
import { malformedSheet } from './pane-harness';

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- dropped on purpose
const withoutFormulas = (grid: WorkbookGrid): WorkbookGrid => ({ sheets: grid.sheets.map(({ formulas: _, ...sheet }) => sheet) });

/** A sheet with a fixable 绩效指标 format finding, its fix, and a formula to put in the fixed cell. */
function formattedFixCase() {
  const plain = malformedSheet([5]);
  const fix = createChecker()
    .checkWorkbook({ sheets: [plain] })
    .findings.find((f) => f.rule === 'indicators.format' && f.fix)?.fix;
  if (!fix) throw new Error('the seed has a fixable format finding');
  return { plain, fix, formula: '=CONCAT(Z1,Z2)' };
}

describe('the check session and formulas', () => {
  it('a fix refused because of a formula the read did not report says so, and the next preview knows the formula', async () => {
    const { plain, fix, formula } = formattedFixCase();
    const held = createMemoryWorkbook({ sheets: [{ ...plain, formulas: new Map([[fix.location.cell, formula]]) }] });
    // As the Office adapter: reads values only, the write guard sees the formula.
    const port: WorkbookPort = {
      ...held,
      readWorkbook: async (options) => withoutFormulas(await held.readWorkbook(options)),
      readSheet: async (name, options) => withoutFormulas({ sheets: [await held.readSheet(name, options)] }).sheets[0] ?? held.readSheet(name, options),
    };
    const session = createCheckSession(port, createChecker(), 'zh-CN');
    await session.check();
    expect(session.getState().formulas.size).toBe(0);

    await session.applyFixes([fix]);
    const key = `${fix.location.sheet}!${fix.location.cell}`;
    expect(session.getState().notices.map((n) => n.text)).toContain(`单元格 ${fix.location.cell} 是公式 ${formula}，未替换。如确需改为数值，请再次点击修正，在预览中确认替换公式；更好的做法是改正公式本身。`);
    expect(session.getState().formulas.get(key)).toBe(formula);
    expect(held.grid().sheets[0]?.formulas?.get(fix.location.cell)).toBe(formula);

    await session.applyFixes([fix], new Map([[key, formula]]));
    expect(held.grid().sheets[0]?.formulas?.get(fix.location.cell)).toBeUndefined();
  });
});

describe('the formulas the session knows follow its writes', () => {
  it('forgets a formula it replaced with consent and learns it again when 撤销 puts it back', async () => {
    const { plain, fix, formula } = formattedFixCase();
    const key = `${fix.location.sheet}!${fix.location.cell}`;
    const session = createCheckSession(createMemoryWorkbook({ sheets: [{ ...plain, formulas: new Map([[fix.location.cell, formula]]) }] }), createChecker(), 'zh-CN');
    await session.check();
    expect(session.getState().formulas.get(key)).toBe(formula);
    await session.applyFixes([fix], new Map([[key, formula]]));
    expect(session.getState().formulas.has(key)).toBe(false);
    await session.undo();
    expect(session.getState().formulas.get(key)).toBe(formula);
  });
});
