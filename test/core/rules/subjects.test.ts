import fc from 'fast-check';
import type { CellValue } from '../../../src/core/grid';
import { isMultiYearProject, projectSubject, rowSubject } from '../../../src/core/rules/subjects';
import type { PerformanceTable, TableRow } from '../../../src/core/table-model';
import { readTables } from '../../../src/core/table-reader';
import { DEFAULT_TAXONOMY as taxonomy } from '../../../src/core/taxonomy';
import { cellValue, checkFactsHideNothing, indicatorString } from '../fuzz/properties';

// Fixed, as in the fuzz test: FUZZ_SEED repeats another run.
const seed = Number(process.env['FUZZ_SEED'] ?? 7_2024);
const CANONICAL = '1、1-产出指标；12-质量指标；投诉次数；实施周期指标值:≤5次；年度指标值:≤5次。2、2-效益指标；22-社会效益；及时受理率；实施周期指标值:≥98%；年度指标值:≥98%。';

/** The project row of a table whose amounts and 绩效指标 are the given cells; null when the row does not read as one. */
function findProjectRow(amounts: readonly CellValue[], indicators: CellValue) {
  const [total = null, fiscal = null, special = null, other = null] = amounts;
  const table = readTables({
    sheets: [
      {
        name: '表',
        originRow: 0,
        originCol: 0,
        values: [
          ['单位：万元'],
          ['项目名称', '总计', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标'],
          ['项目甲', total, fiscal, special, other, '做好物业管理服务工作。', indicators],
        ],
      },
    ],
  }).tables[0];
  const row = table?.rows.find((r) => r.kind === 'project');
  return table && row ? { table, row } : null;
}

function projectRow(amounts: readonly CellValue[], indicators: CellValue): { table: PerformanceTable; row: TableRow } {
  const found = findProjectRow(amounts, indicators);
  if (!found) throw new Error('the test table has no project row');
  return found;
}

describe('the facts rules skip on', () => {
  it('reads a project of canonical, complete indicators as complete', () => {
    const { table, row } = projectRow([10, 10, null, 0], CANONICAL);
    expect(projectSubject(rowSubject(table, row), taxonomy)).toMatchObject({ complete: true, amountsClean: true, multiYear: false });
  });

  it.each([
    ['a missing annual value', '1、1-产出指标；12-质量指标；投诉次数；实施周期指标值:≤5次。'],
    ['an unknown second level', '1、1-产出指标；19-其他指标；投诉次数；实施周期指标值:≤5次；年度指标值:≤5次。'],
    ['a second level under another first level', '1、1-产出指标；22-社会效益；投诉次数；实施周期指标值:≤5次；年度指标值:≤5次。'],
    ['an extra field', '1、1-产出指标；12-质量指标；投诉次数；备注；实施周期指标值:≤5次；年度指标值:≤5次。'],
    ['no third-level name', '1、1-产出指标；12-质量指标；实施周期指标值:≤5次；年度指标值:≤5次。'],
  ])('reads a project with %s as incomplete', (_what, text) => {
    const { table, row } = projectRow([10, 10, null, 0], text);
    expect(projectSubject(rowSubject(table, row), taxonomy).complete).toBe(false);
  });

  it.each<[string, CellValue]>([
    ['a negative amount', -5],
    ['a number stored as text', '10'],
    ['an amount with its unit', '10万元'],
    ['more than 6 decimal places', 10.1234567],
    ['a formula error', '#REF!'],
    ['text', '待定'],
  ])('reads a row with %s as not clean', (_what, value) => {
    const { table, row } = projectRow([value, 10, null, 0], CANONICAL);
    expect(rowSubject(table, row).amountsClean).toBe(false);
  });

  it('reads a row of numbers and empty cells as clean', () => {
    const { table, row } = projectRow([0, null, 12.5, '-'], CANONICAL);
    expect(rowSubject(table, row).amountsClean).toBe(true);
  });

  it('tells a multi-year project by the year range in its name', () => {
    expect(isMultiYearProject('广州市信访局2024-2025年运维')).toBe(true);
    expect(isMultiYearProject('2025年运维')).toBe(false);
    expect(isMultiYearProject('2025-2024年')).toBe(false);
  });

  // The grid fuzz property runs the same check on every row of random grids.
  it('never hides a finding: every rule finds the same with the facts withheld', () => {
    fc.assert(
      fc.property(fc.array(cellValue, { minLength: 4, maxLength: 4 }), indicatorString, (amounts, indicators) => {
        // A fuzzed amount such as 财政专户拨款 can turn the row into a header.
        const found = findProjectRow(amounts, indicators);
        fc.pre(found !== null);
        checkFactsHideNothing(found.table, found.row);
      }),
      { seed, numRuns: 2000 },
    );
  });
});
