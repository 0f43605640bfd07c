import fc from 'fast-check';
import { checkWorkbook, type CellValue, type Finding, type SheetGrid } from '../../src/core';

/** Random consistent tables and planted typos, for the totals diagnosis's property tests. */
export type Rows = readonly (readonly CellValue[])[];

export const sheetOf = (rows: Rows): SheetGrid => ({ name: '表', originRow: 0, originCol: 0, values: rows });
export const totalsFindings = (rows: Rows) => checkWorkbook({ sheets: [sheetOf(rows)] }).findings.filter((f) => f.rule.startsWith('totals.'));
/** The equations that fail: every totals finding but the causes (a consequence or a plain sum finding is one failing sum). */
export const failingSums = (rows: Rows) => totalsFindings(rows).filter((f) => f.rule !== 'totals.cause' && f.rule !== 'totals.rounding').length;
export const withCell = (rows: Rows, r: number, c: number, v: CellValue) => rows.map((row, i) => (i === r ? row.map((x, j) => (j === c ? v : x)) : [...row]));
export const applyFixes = (rows: Rows, findings: readonly Finding[]) =>
  findings.reduce<Rows>((out, f) => (f.fix ? withCell(out, f.fix.location.row, f.fix.location.col, f.fix.value) : out), rows);

/** 合计, units, projects; 总计 = 财政拨款 + 其他资金 on every row, every unit and 合计 the sum of its rows. */
export const table = (minAmount: number, projects: { minLength: number; maxLength: number }, units = { minLength: 1, maxLength: 3 }) =>
  fc.array(fc.array(fc.tuple(fc.integer({ min: minAmount, max: 500 }), fc.integer({ min: minAmount, max: 500 })), projects), units).map((units) => {
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

export const isProject = (rows: Rows, r: number) => String(rows[r]?.[0]).startsWith('    ');
/** A project cell (row, col 1–3) and a nonzero typo. */
export const typoIn = (rows: Rows) =>
  fc.tuple(fc.integer({ min: 0, max: rows.length - 1 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: -50, max: 50 }).filter((d) => d !== 0)).filter(([r]) => isProject(rows, r));
export const plant = (rows: Rows, [r, c, d]: readonly [number, number, number]) => withCell(rows, r, c, Math.max(0, (rows[r]?.[c] as number) + d));
