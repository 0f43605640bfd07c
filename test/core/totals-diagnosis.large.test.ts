import fc from 'fast-check';
import { checkWorkbook, type CellValue, type Finding, type SheetGrid } from '../../src/core';

/**
 * The diagnosis finds a cell's sums from the table's structure: tables of more than 64 rows look rows up by their sheet
 * row, smaller ones scan every row. These are the random-table properties again on tables past that size.
 */
const seed = Number(process.env['FUZZ_SEED'] ?? 18_2026);
type Rows = readonly (readonly CellValue[])[];

const sheetOf = (rows: Rows): SheetGrid => ({ name: '表', originRow: 0, originCol: 0, values: rows });
const totalsFindings = (rows: Rows) => checkWorkbook({ sheets: [sheetOf(rows)] }).findings.filter((f) => f.rule.startsWith('totals.'));
const failingSums = (rows: Rows) => totalsFindings(rows).filter((f) => f.rule !== 'totals.cause' && f.rule !== 'totals.rounding').length;
const withCell = (rows: Rows, r: number, c: number, v: CellValue) => rows.map((row, i) => (i === r ? row.map((x, j) => (j === c ? v : x)) : [...row]));
const applyFixes = (rows: Rows, findings: readonly Finding[]) =>
  findings.reduce<Rows>((out, f) => (f.fix ? withCell(out, f.fix.location.row, f.fix.location.col, f.fix.value) : out), rows);

/** 合计, 4–6 units of 15–25 projects (70–160 rows); 总计 = 财政拨款 + 其他资金 on every row, every unit and 合计 the sum of its rows. */
const largeTable = fc
  .array(fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 })), { minLength: 15, maxLength: 25 }), { minLength: 4, maxLength: 6 })
  .map((units) => {
    const rows: CellValue[][] = [['单位：万元', null, null, null, null, null], ['项目名称', '总计', '财政拨款', '其他资金', '绩效目标', '绩效指标']];
    const grand: CellValue[] = ['合计', 0, 0, 0, null, null];
    rows.push(grand);
    units.forEach((list, u) => {
      const unit: CellValue[] = [`单位${u}`, 0, 0, 0, null, null];
      rows.push(unit);
      list.forEach(([a, b], p) => {
        rows.push([`    项目${u}-${p}`, a + b, a, b, '目标', '1、1-产出指标；11-数量指标；人数；实施周期指标值:5人；年度指标值:5人。']);
        for (const [col, v] of [[1, a + b], [2, a], [3, b]] as const) {
          unit[col] = (unit[col] as number) + v;
          grand[col] = (grand[col] as number) + v;
        }
      });
    });
    return rows;
  });

const isProject = (rows: Rows, r: number) => String(rows[r]?.[0]).startsWith('    ');
const typoIn = (rows: Rows) =>
  fc.tuple(fc.integer({ min: 0, max: rows.length - 1 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: -50, max: 50 }).filter((d) => d !== 0)).filter(([r]) => isProject(rows, r));
const plant = (rows: Rows, [r, c, d]: readonly [number, number, number]) => withCell(rows, r, c, Math.max(0, (rows[r]?.[c] as number) + d));

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
