import fc from 'fast-check';
import { applyFixes, failingSums, plant, table, totalsFindings, typoIn, type Rows } from './totals-tables';

/**
 * The diagnosis finds a cell's sums from the table's structure: tables of more than 64 rows look rows up by their sheet
 * row, smaller ones scan every row. These are the random-table properties again on tables past that size.
 */
const seed = Number(process.env['FUZZ_SEED'] ?? 18_2026);
/** 合计, 4–6 units of 15–25 projects (70–160 rows). */
const largeTable = table(0, { minLength: 15, maxLength: 25 }, { minLength: 4, maxLength: 6 });

describe(`totals diagnosis over tables of more than 64 rows (seed ${seed})`, () => {
  test('one typo: exactly one error, on the typed cell, with the value it had; every other totals finding a consequence', () => {
    fc.assert(
      fc.property(largeTable.chain((rows) => typoIn(rows).map((typo) => ({ rows, typo }))), ({ rows, typo }) => {
        expect(rows.length).toBeGreaterThan(64);
        const [r, c] = typo;
        const typed = plant(rows, typo);
        fc.pre(typed[r]?.[c] !== rows[r]?.[c]);
        const findings = totalsFindings(typed);
        expect(findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.location.row, f.location.col, f.fix?.value])).toEqual([['totals.cause', r, c, rows[r]?.[c]]]);
        expect(findings.filter((f) => f.rule !== 'totals.cause').every((f) => f.rule === 'totals.consequence' && f.fix === undefined)).toBe(true);
        expect(failingSums(applyFixes(typed, findings))).toBe(0);
      }),
      { seed, numRuns: 25 },
    );
  });

  test('three to five typos: no fix offered, alone or all together, makes more sums fail', () => {
    fc.assert(
      fc.property(largeTable.chain((rows) => fc.array(typoIn(rows), { minLength: 3, maxLength: 5 }).map((typos) => ({ rows, typos }))), ({ rows, typos }) => {
        const typed = typos.reduce<Rows>(plant, rows);
        const findings = totalsFindings(typed);
        const before = failingSums(typed);
        const fixes = findings.filter((f) => f.fix);
        for (const f of fixes) expect(failingSums(applyFixes(typed, [f]))).toBeLessThanOrEqual(before);
        expect(failingSums(applyFixes(typed, fixes))).toBeLessThanOrEqual(before);
      }),
      { seed, numRuns: 15 },
    );
  });
});
