import { createChecker, evaluateSimpleFormula, formatFinding, parseSimpleFormula, type CellValue, type Finding, type SheetGrid, type WorkbookGrid } from '../../src/core';
import { SEED_ROWS, SEED_SHEET } from '../fixtures/seed-grid';

/**
 * The published table of 广州市信访局 (the seed) with its unit total B5 as a formula that skips the last project:
 * =SUM(B6:B13) leaves out B14 (30.78), so B5 and the 合计 B4 (=B5) read 669.58 instead of 700.36.
 */
function skippingGrid(b5 = '=SUM(B6:B13)', b5Value: CellValue = 669.58): WorkbookGrid {
  const values = SEED_ROWS.map((row) => [...row]);
  (values[4] as CellValue[])[1] = b5Value;
  (values[3] as CellValue[])[1] = b5Value;
  const sheet: SheetGrid = { ...SEED_SHEET, values, formulas: new Map([['B5', b5], ['B4', '=B5']]) };
  return { sheets: [sheet] };
}

// The seed's own error (a project without effect indicators, G12) is not about sums.
const errorsOf = (findings: readonly Finding[]) => findings.filter((f) => f.severity === 'error' && f.rule.startsWith('totals.'));

describe('parseSimpleFormula', () => {
  it('reads SUM of ranges, cells, + and − and numbers, and evaluates them as Excel does', () => {
    const cells: Record<string, CellValue> = { '5,1': 99, '6,1': 140, '7,1': 'text', '8,1': null };
    const valueAt = (row: number, col: number) => cells[`${row},${col}`] ?? null;
    const sum = parseSimpleFormula('=sum($B$6:B9, 1.5)');
    expect(sum).not.toBeNull();
    // SUM skips text in its range; an empty cell counts 0.
    expect(evaluateSimpleFormula(sum!, valueAt)).toBe(240_500_000n);
    expect(evaluateSimpleFormula(parseSimpleFormula('= B6 + B7 - 9')!, valueAt)).toBe(230_000_000n);
    // A cell read by + that holds text is #VALUE! in Excel.
    expect(evaluateSimpleFormula(parseSimpleFormula('=B6+B8')!, valueAt)).toBeNull();
  });

  it('understands nothing else', () => {
    for (const text of ['=ROUND(SUM(B6:B8),2)', '=B6*2', '=(B6+B7)', '=Sheet1!B6', '=B6:B8', '=SUM(B6:B8', 'SUM(B6:B8)', '=', '=B6+', '=SUM()']) {
      expect([text, parseSimpleFormula(text)]).toEqual([text, null]);
    }
  });
});

describe('a total whose formula misses a row', () => {
  it('names the missed cell and is fixed by the corrected formula, with the 合计 and the row sums as its consequences', () => {
    const report = createChecker().checkWorkbook(skippingGrid());
    const errors = errorsOf(report.findings);
    expect(errors.map((f) => [f.rule, f.location.cell])).toEqual([['totals.cause', 'B5']]);
    const cause = errors[0] as Finding;
    expect(cause.fix).toEqual({ location: expect.objectContaining({ cell: 'B5' }), expected: 669.58, value: 700.36, formula: '=SUM(B6:B14)' });
    expect(formatFinding(cause, 'zh-CN')).toContain('该格是公式 =SUM(B6:B13)，漏了 B14：修正将把公式改为 =SUM(B6:B14)。');
    expect(formatFinding(cause, 'en-US')).toContain('The cell holds the formula =SUM(B6:B13), which leaves out B14: the fix changes it to =SUM(B6:B14).');
    // The 合计 B4 (=B5) only disagrees with 财政拨款 because of B5: it holds once B5 is recalculated.
    expect(report.findings.filter((f) => f.rule === 'totals.consequence').map((f) => f.location.cell)).toEqual(['B4']);
  });

  it('with the cause rule off, the unit finding itself carries the corrected formula', () => {
    const checker = createChecker({ profile: { ...createChecker().profile, severities: { ...createChecker().profile.severities, 'totals.cause': 'off' } } });
    const unit = checker.checkWorkbook(skippingGrid()).findings.find((f) => f.rule === 'totals.unit');
    expect(unit?.fix?.formula).toBe('=SUM(B6:B14)');
    expect(formatFinding(unit as Finding, 'zh-CN')).toContain('漏了 B14');
  });

  it('a formula it cannot read is left to the user: no fix on it, the message says to check the formula', () => {
    const report = createChecker().checkWorkbook(skippingGrid('=ROUND(SUM(B6:B13),2)'));
    const onB5 = report.findings.filter((f) => f.location.cell === 'B5' && f.severity === 'error');
    expect(onB5.length).toBeGreaterThan(0);
    for (const f of onB5) {
      expect(f.fix).toBeUndefined();
      expect(formatFinding(f, 'zh-CN')).toContain('该格是公式 =ROUND(SUM(B6:B13),2)，无法判断它漏算或多算了哪些单元格：请检查公式，此处不会自动改写。');
    }
  });

  it('a sum whose formula was not recalculated (stale) is not reported', () => {
    const grid = skippingGrid('=ROUND(SUM(B6:B13),2)');
    const sheet = grid.sheets[0] as SheetGrid;
    const stale: WorkbookGrid = { sheets: [{ ...sheet, staleFormulas: new Set(['B5', 'B4']) }] };
    expect(errorsOf(createChecker().checkWorkbook(stale).findings)).toEqual([]);
  });
});
