import fc from 'fast-check';
import { checkWorkbook, type CellValue, type Finding, type SheetGrid } from '../../src/core';
import { SEED_ROWS } from '../fixtures/seed-grid';
import { table as consistentTable } from './totals-tables';

const seed = Number(process.env['FUZZ_SEED'] ?? 7_2024);

function sheetOf(rows: readonly (readonly CellValue[])[]): SheetGrid {
  return { name: '表', originRow: 0, originCol: 0, values: rows };
}
const amountFindings = (findings: readonly Finding[]) => findings.filter((f) => f.rule.startsWith('totals.'));
const errorsOf = (rows: readonly (readonly CellValue[])[]) => amountFindings(checkWorkbook({ sheets: [sheetOf(rows)] }).findings).filter((f) => f.severity === 'error');
const withCell = (rows: readonly (readonly CellValue[])[], r: number, c: number, v: CellValue) => rows.map((row, i) => (i === r ? row.map((x, j) => (j === c ? v : x)) : row));

describe('totals diagnosis on the seed table', () => {
  test('物业管理费 财政拨款 98 for 99: one error on C6 with 99; the row, unit and 合计 sums point at it', () => {
    const findings = amountFindings(checkWorkbook({ sheets: [sheetOf(withCell(SEED_ROWS, 5, 2, 98))] }).findings);
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.rule, f.location.cell, f.fix?.value])).toEqual([['totals.cause', 'C6', 99]]);
    const consequences = findings.filter((f) => f.rule === 'totals.consequence');
    expect(consequences.map((f) => f.location.cell).sort()).toEqual(['B6', 'C5']);
    for (const f of consequences) {
      expect(f.fix).toBeUndefined();
      if (f.rule === 'totals.consequence') expect(f.params.cause).toBe('C6');
    }
  });

  test('every project cell of the seed, mistyped, is diagnosed exactly', () => {
    for (let r = 5; r < SEED_ROWS.length; r++) {
      for (const c of [1, 2]) {
        const value = SEED_ROWS[r]?.[c];
        if (typeof value !== 'number') continue;
        const errors = errorsOf(withCell(SEED_ROWS, r, c, value + 7));
        expect(errors.map((f) => [f.rule, f.location.row, f.location.col, f.fix?.value])).toEqual([['totals.cause', r, c, value]]);
      }
    }
  });
});

/** A consistent table: 合计, units, projects; 总计 = 财政拨款 + 其他资金. */
const table = consistentTable(0, { minLength: 1, maxLength: 4 });

const projectCell = (rows: readonly CellValue[][]) =>
  fc.tuple(fc.integer({ min: 0, max: rows.length - 1 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 50 })).filter(([r]) => String(rows[r]?.[0]).startsWith('    '));

function applyFixes(rows: readonly (readonly CellValue[])[], findings: readonly Finding[]): CellValue[][] {
  const out = rows.map((r) => [...r]);
  for (const f of findings) if (f.fix) (out[f.fix.location.row] as CellValue[])[f.fix.location.col] = f.fix.value;
  return out;
}
const failingSums = (rows: readonly (readonly CellValue[])[]) =>
  amountFindings(checkWorkbook({ sheets: [sheetOf(rows)] }).findings).filter((f) => f.rule !== 'totals.cause').length;

describe(`totals diagnosis property (seed ${seed})`, () => {
  test('a single typo in a project cell is diagnosed: that cell, its value, one error', () => {
    const property = table.chain((rows) => projectCell(rows).map((typo) => ({ rows, typo })));
    fc.assert(
      fc.property(property, ({ rows, typo: [r, c, delta] }) => {
        const right = rows[r]?.[c] as number;
        const errors = errorsOf(withCell(rows, r, c, right + delta));
        expect(errors.map((f) => [f.location.row, f.location.col, f.fix?.value])).toEqual([[r, c, right]]);
      }),
      { seed, numRuns: 200 },
    );
  });

  test('two typos: the fixes offered, applied one by one or all together, never fail more sums', () => {
    const property = table.chain((rows) => fc.tuple(projectCell(rows), projectCell(rows)).map((typos) => ({ rows, typos })));
    fc.assert(
      fc.property(property, ({ rows, typos }) => {
        let typed: CellValue[][] = rows;
        for (const [r, c, delta] of typos) typed = withCell(typed, r, c, (typed[r]?.[c] as number) + delta).map((row) => [...row]);
        const findings = checkWorkbook({ sheets: [sheetOf(typed)] }).findings;
        const before = failingSums(typed);
        const fixes = amountFindings(findings).filter((f) => f.fix);
        for (const f of fixes) expect(failingSums(applyFixes(typed, [f]))).toBeLessThanOrEqual(before);
        expect(failingSums(applyFixes(typed, fixes))).toBeLessThanOrEqual(before);
      }),
      { seed, numRuns: 200 },
    );
  });
});
