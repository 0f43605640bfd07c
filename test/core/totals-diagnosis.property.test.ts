import fc from 'fast-check';
import type { Finding } from '../../src/core';
import { applyFixes, failingSums, plant, table, totalsFindings, typoIn, withCell } from './totals-tables';

/** Random consistent tables with planted typos: the diagnosis names the typed cells and its fixes never make things worse. */
const seed = Number(process.env['FUZZ_SEED'] ?? 17_2026);
/** The cells of one explanation: a cause and the cells its `together` names. */
function explanationOf(cause: Finding, all: readonly Finding[]): Finding[] {
  if (cause.rule !== 'totals.cause') return [];
  const together = cause.params.together.split(';').filter((x) => x !== '').map((x) => x.split('=')[0]);
  return [cause, ...all.filter((f) => f.rule === 'totals.cause' && together.includes(f.location.cell))];
}

describe(`totals diagnosis over random tables (seed ${seed})`, () => {
  test('one typo: exactly one error, on the typed cell, with the value it had; every other totals finding a consequence', () => {
    fc.assert(
      fc.property(table(0, { minLength: 1, maxLength: 4 }).chain((rows) => typoIn(rows).map((typo) => ({ rows, typo }))), ({ rows, typo }) => {
        const [r, c] = typo;
        const typed = plant(rows, typo);
        fc.pre(typed[r]?.[c] !== rows[r]?.[c]);
        const findings = totalsFindings(typed);
        expect(findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.location.row, f.location.col, f.fix?.value])).toEqual([['totals.cause', r, c, rows[r]?.[c]]]);
        expect(findings.filter((f) => f.rule !== 'totals.cause').every((f) => f.rule === 'totals.consequence' && f.fix === undefined)).toBe(true);
        expect(failingSums(applyFixes(typed, findings))).toBe(0);
      }),
      { seed, numRuns: 60 },
    );
  });

  test('two typos: every difference explained by at most two cells, or no fix makes the workbook less consistent', () => {
    let diagnosed = 0;
    let runs = 0;
    fc.assert(
      fc.property(table(0, { minLength: 1, maxLength: 4 }).chain((rows) => fc.tuple(typoIn(rows), typoIn(rows)).map((typos) => ({ rows, typos }))), ({ rows, typos }) => {
        const typed = plant(plant(rows, typos[0]), typos[1]);
        const findings = totalsFindings(typed);
        const before = failingSums(typed);
        runs++;
        const causes = findings.filter((f) => f.rule === 'totals.cause');
        if (causes.length > 0) {
          diagnosed++;
          // Each explanation has one or two cells; applying its fixes makes every sum hold; the rest are consequences.
          for (const cause of causes) {
            const explanation = explanationOf(cause, findings);
            expect(explanation.length).toBeLessThanOrEqual(2);
            expect(failingSums(applyFixes(typed, explanation))).toBe(0);
          }
          expect(findings.filter((f) => f.rule !== 'totals.cause').every((f) => f.rule === 'totals.consequence' && f.fix === undefined)).toBe(true);
        }
        const fixes = findings.filter((f) => f.fix);
        for (const f of fixes) expect(failingSums(applyFixes(typed, [f]))).toBeLessThanOrEqual(before);
        expect(failingSums(applyFixes(typed, fixes))).toBeLessThanOrEqual(before);
      }),
      { seed, numRuns: 60 },
    );
    // Most pairs of typos have one smallest explanation; the rest have more than two equally small ones.
    expect(diagnosed / runs).toBeGreaterThan(0.5);
  });

  test('equally small explanations are both offered: 财政拨款 +d and 其他资金 −d in one of a unit\'s two projects', () => {
    const twoProjects = table(60, { minLength: 2, maxLength: 2 }, { minLength: 1, maxLength: 1 });
    fc.assert(
      fc.property(twoProjects, fc.integer({ min: 0, max: 1 }), fc.integer({ min: 1, max: 50 }), (rows, p, d) => {
        const r = 4 + p;
        const typed = withCell(withCell(rows, r, 2, (rows[r]?.[2] as number) + d), r, 3, (rows[r]?.[3] as number) - d);
        const causes = totalsFindings(typed).filter((f) => f.rule === 'totals.cause');
        expect(causes.map((f) => [f.location.row, f.location.col]).sort()).toEqual([[4, 2], [4, 3], [5, 2], [5, 3]]);
        for (const f of causes) {
          expect(f.fix).toBeDefined();
          if (f.rule === 'totals.cause') expect(f.params.alternative).not.toBe('');
        }
      }),
      { seed, numRuns: 30 },
    );
  });
});
