import { createChecker, readTables, type CellValue, type Finding, type WorkbookGrid } from '../../../src/core';
import type { CellEdit } from '../../../src/core/check';
import { SPACE_RUNS } from './slow-inputs';
import { formatFinding } from '../../../src/core';

// Counterexamples found by `npm run fuzz` outside the indicator grammar (whose own are golden strings).

const checker = createChecker();
const sheet = (values: CellValue[][]): WorkbookGrid => ({ sheets: [{ name: '绩效', originRow: 0, originCol: 0, values }] });
const comparable = (findings: readonly Finding[]) => findings.map((f) => `${f.key} ${f.severity} ${formatFinding(f)} ${f.project ?? ''}`);

/** The re-check of one edit, or null when it asks for a full check; when it answers it must equal the full check. */
function recheck(values: CellValue[][], edit: CellEdit): readonly string[] | null {
  const [table] = readTables(sheet(values)).tables;
  if (!table) throw new Error('no table');
  const result = checker.recheckEdit(table, checker.checkTable(table), edit);
  const edited = values.map((row) => [...row]);
  const target = edited[edit.row] ?? [];
  target[edit.col] = edit.value;
  edited[edit.row] = target;
  const full = readTables(sheet(edited)).tables.find((t) => t.headerRow === table.headerRow);
  if (result !== null) expect(comparable(result.findings)).toEqual(full ? comparable(checker.checkTable(full)) : []);
  return result && comparable(result.findings);
}

const ITEMS = '1、1-产出指标；12-质量指标；投诉次数；实施周期指标值:≤5次；年度指标值:≤5次。2、2-效益指标；22-社会效益；按时完成率；实施周期指标值:95%；年度指标值:95%。';

describe('re-checking an edit', () => {
  test('keeps one copy of each table-level finding (missing columns, unit)', () => {
    const findings = recheck([['财政专户拨款', '项目绩效目标', '项目（单位）名称'], [0, '做好物业管理服务工作。', '项目名称甲']], { row: 1, col: 2, value: '无' });
    expect(findings?.filter((f) => f.startsWith('table.column-missing|绩效!A1|indicators'))).toHaveLength(1);
  });

  test.each<[string, CellValue[][], CellEdit]>([
    ['a note typed into a row ends the table', [['项目名称', '其他资金', '绩效指标'], ['', 0, '']], { row: 1, col: 0, value: '注：本表金额单位为万元。' }],
    ['emptying the last filled cell removes the row', [['项目／单位名称', '项目绩效目标', '一般公共预算资金'], ['', '', 0]], { row: 1, col: 2, value: null }],
    [
      'emptying the first cell of a row makes a note further right start it',
      [['财政拨款', '项目名称', '绩效目标', '绩效指标'], [12, '项目甲', '目标', ITEMS], [12, '备注：', '目标', ITEMS], [12, '项目乙', '目标', ITEMS]],
      { row: 2, col: 0, value: null },
    ],
    ['a header typed into a row starts a new table', [['项目（单位）名称', '财政拨款', '年度绩效指标', '序号'], ['总计(元)', '12', '项目（单位）名称', 0]], { row: 1, col: 1, value: '项目绩效指标' }],
    [
      'texts given to a row without any make the row above it a unit',
      [[' 项 目 名 称 ', false, '绩效指标', '总计'], [0], ['', '    物业管理费', null, 0]],
      { row: 2, col: 2, value: 0 },
    ],
    [
      'a last row left without amount or text becomes the title of the table below',
      [
        ['项目名称', '总计', '财政拨款', '绩效目标', '绩效指标'], ['单位甲', 10, 10], ['    项目一', 10, 10, '目标', ITEMS], ['备忘', 3],
        ['项目名称', '总计', '财政拨款', '绩效目标', '绩效指标'], ['项目二', 1, 1, '目标', ITEMS],
      ],
      { row: 3, col: 1, value: null },
    ],
    [
      'naming a nameless row (which takes the level of the row above) may move it',
      [['项目名称', '总计', '财政拨款', '绩效目标', '绩效指标'], ['合计', 20, 20], ['单位甲', 20, 20], ['    项目一', 10, 10, '目标', ITEMS], ['', 10, 10, '目标', ITEMS]],
      { row: 4, col: 0, value: '项目二' },
    ],
  ])('%s: only a full check can tell', (_name, values, edit) => {
    expect(recheck(values, edit)).toBeNull();
  });
});

describe('long runs of spaces do not make the reader backtrack (npm run fuzz times them)', () => {
  test.each(SPACE_RUNS)('%s', (_name, workbook) => {
    expect(checker.checkWorkbook(workbook).tables).toHaveLength(1);
  });
});
