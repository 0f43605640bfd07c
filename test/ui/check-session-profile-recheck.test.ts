/** @jest-environment node */
import { createChecker, locate, type Finding, type SheetGrid } from '../../src/core';
import { createCheckSession } from '../../src/ui/check-session';
import { createMemoryWorkbook, type MemoryWorkbook } from '../../src/workbook/memory-workbook';
import { SEED_SHEET } from '../fixtures/seed-grid';

// Under 自动 the rules follow the tables: an edit or a builder write that turns the one coded 绩效指标 cell into
// plain text (or back) changes the profile, and what the pane then shows is what a fresh full check finds.

const canonical = (findings: readonly Finding[] | null) =>
  [...(findings ?? [])].map((f) => JSON.stringify([f.location.sheet, f.location.cell, f.rule, f.severity, f.key, f.table ?? null])).sort();

/** The seed with 绩效指标 only on its first project (G6): that one cell decides the profile. */
const codedText = String(SEED_SHEET.values[5]?.[6]);
const oneIndicatorCell: SheetGrid = { ...SEED_SHEET, values: SEED_SHEET.values.map((row, r) => (r > 5 ? row.map((v, c) => (c === 6 ? null : v)) : row)) };
/** The same indicators without Guangzhou's codes (1-产出指标 → 产出指标, 12-质量指标 → 质量指标). */
const plainText = codedText.replace(/(\d+、)\d-/g, '$1').replace(/；\d{2}-/g, '；');

async function until(condition: () => boolean): Promise<void> {
  for (let tries = 0; !condition(); tries++) {
    if (tries > 300) throw new Error('the re-check never came');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function checked(port: MemoryWorkbook) {
  const session = createCheckSession(port, createChecker(), 'zh-CN');
  session.start();
  await session.check();
  return session;
}

const expected = (port: MemoryWorkbook) => {
  const report = createChecker().checkWorkbook(port.grid());
  return { reason: report.profile.reason, findings: canonical(report.findings) };
};

describe('a re-check through edited cells follows a change of profile', () => {
  it('the fixture: the coded cell calls for Guangzhou, the plain one for the national rules', () => {
    expect(plainText).not.toBe(codedText);
    expect(plainText).toContain('1、产出指标；质量指标；');
    expect(expected(createMemoryWorkbook({ sheets: [oneIndicatorCell] })).reason).toBe('coded-string');
    const plain = createMemoryWorkbook({ sheets: [oneIndicatorCell] });
    plain.setCell({ sheet: SEED_SHEET.name, cell: 'G6' }, plainText);
    expect(expected(plain).reason).toBe('national');
  });

  it.each([
    ['coded → plain', codedText, plainText, 'national'],
    ['plain → coded', plainText, codedText, 'coded-string'],
  ] as const)('the user types G6 %s: the profile and findings of a full check', async (_name, before, after, reason) => {
    const port = createMemoryWorkbook({ sheets: [oneIndicatorCell] });
    port.setCell({ sheet: SEED_SHEET.name, cell: 'G6' }, before);
    const session = await checked(port);
    expect(session.getState().profile?.reason).not.toBe(reason);
    port.setCell({ sheet: SEED_SHEET.name, cell: 'G6' }, after);
    await until(() => session.getState().profile?.reason === reason && !session.getState().running);
    expect(canonical(session.getState().findings)).toEqual(expected(port).findings);
    session.dispose();
  });

  it('the builder writes G6 without codes: the profile and findings of a full check', async () => {
    const port = createMemoryWorkbook({ sheets: [oneIndicatorCell] });
    const session = await checked(port);
    expect(session.getState().profile?.reason).toBe('coded-string');
    const result = await port.writeCells([{ location: locate(SEED_SHEET.name, 5, 6), value: plainText, expected: codedText }]);
    session.wrote(result);
    await until(() => session.getState().profile?.reason === 'national' && !session.getState().running);
    expect(canonical(session.getState().findings)).toEqual(expected(port).findings);
    session.dispose();
  });
});
