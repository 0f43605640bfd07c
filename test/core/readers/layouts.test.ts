import { checkWorkbook } from '../../../src/core';
import type { CellValue, SheetGrid } from '../../../src/core/grid';
import { readTables } from '../../../src/core/table-reader';
import type { PerformanceTable } from '../../../src/core/table-model';

/**
 * What the README says each layout reader reads, beyond what the real fixtures show: small grids in the
 * shapes of the published tables (test/fixtures/real/), one variant each.
 */

type Row = readonly CellValue[];
const sheet = (values: readonly Row[], name = 'Sheet1'): SheetGrid => ({ name, originRow: 0, originCol: 0, values });
const tablesOf = (values: readonly Row[]): readonly PerformanceTable[] => readTables({ sheets: [sheet(values)] }).tables;
const errorsOf = (values: readonly Row[]) =>
  checkWorkbook({ sheets: [sheet(values)] }).findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}@${f.location.cell}`);

describe('a row per indicator', () => {
  // Project cells filled on the first row only (no merged areas), 实施期 and 年度 values in columns of their own, 万元.
  const ROWS: readonly Row[] = [
    ['项目绩效目标表', null, null, null, null, null, null, null, null],
    ['单位：万元', null, null, null, null, null, null, null, null],
    ['项目名称', '预算数', '年度目标', '一级指标', '二级指标', '三级指标', '实施期指标值', '年度指标值', '度量单位'],
    ['培训项目', 12.5, '完成全年培训', '产出指标', '数量指标', '培训人次', '≥400', '≥200', '人次'],
    [null, null, null, '效益指标', '社会效益指标', '培训合格率', '≥95', '≥95', '%'],
    [null, null, null, '满意度指标', '服务对象满意度指标', '学员满意度', '≥90', '≥90', '%'],
    ['宣传项目', 3, '开展宣传活动', '产出指标', '数量指标', '宣传活动次数', '≥8', '≥4', '次'],
    [null, null, null, '效益指标', '社会效益指标', '群众知晓率', '≥80', '≥80', '%'],
    [null, null, null, '满意度指标', '服务对象满意度指标', '群众满意度', '≥90', '≥90', '%'],
  ];

  test('projects filled on their first row only are told apart, each with its indicator rows', () => {
    const [table] = tablesOf(ROWS);
    expect(table?.layout).toBe('row-per-indicator');
    expect(table?.unit).toBe('万元');
    expect(table?.valueSlots).toBe('both');
    expect(table?.rows.map((r) => [r.kind, r.name, r.records?.length])).toEqual([['project', '培训项目', 3], ['project', '宣传项目', 3]]);
    expect(table?.rows[1]?.records?.map((r) => [r.name, r.period?.text, r.annual?.text, r.cells?.period?.cell, r.cells?.annual?.cell])).toEqual([
      ['宣传活动次数', '≥8次', '≥4次', 'G7', 'H7'],
      ['群众知晓率', '≥80%', '≥80%', 'G8', 'H8'],
      ['群众满意度', '≥90%', '≥90%', 'G9', 'H9'],
    ]);
    expect(errorsOf(ROWS)).toEqual([]);
  });

  test('an empty 实施期 value is found at its own cell', () => {
    const edited = ROWS.map((r, i) => (i === 4 ? r.map((v, c) => (c === 6 ? null : v)) : r));
    expect(errorsOf(edited)).toEqual(['indicator.value-missing@G5']);
  });
});

describe('a form per project', () => {
  /** A form in the shape of the Hunan 绩效目标申报表 (l3-hunan-yueyangxian-gbznt-2022), funded by levels of government. */
  const form = (name: string, amounts: readonly [number, number, number, number]): Row[] => [
    ['项目支出绩效目标申报表', null, null, null, null],
    ['项目名称', name, null, '实施单位', '某某局'],
    ['资金情况(万元)', '年度资金总额', amounts[0], null, null],
    [null, '中央补助', amounts[1], null, null],
    [null, '省级资金', amounts[2], null, null],
    [null, '市级资金', amounts[3], null, null],
    ['总体目标', '年度目标', null, null, null],
    [null, `${name}按期完成`, null, null, null],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
    [null, '产出指标', '数量指标', '完成工程数量', '≥2个'],
    [null, '效益指标', '社会效益指标', '受益群众人数', '≥1000人'],
    [null, '满意度指标', '服务对象满意度指标', '群众满意度', '≥90%'],
  ];

  test('two forms one below the other are two projects, each with its funding sum by level of government', () => {
    const values = [...form('道路工程', [100, 60, 30, 10]), [null, null, null, null, null], ...form('供水工程', [50, 20, 20, 5])];
    const tables = tablesOf(values);
    expect(tables.map((t) => [t.layout, t.rows.map((r) => [r.name, r.records?.length])])).toEqual([
      ['form', [['道路工程', 3]]],
      ['form', [['供水工程', 3]]],
    ]);
    expect(tables[1]?.sums.map((s) => [s.label, s.total.location.cell, s.parts.map((p) => [p.column, p.location.cell])])).toEqual([
      ['年度资金总额', 'C16', [['central', 'C17'], ['provincial', 'C18'], ['municipal', 'C19']]],
    ]);
    // 20 + 20 + 5 = 45, not 50: the second form's total is sent back, the first is clean.
    expect(errorsOf(values)).toEqual(['totals.funding@C16']);
  });
});
