import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CellValue, WorkbookGrid } from '../../../src/core';

/**
 * Inputs that once made the core slow (quadratic or worse). The jest suites check what they give;
 * `npm run fuzz` also holds each one to a time limit, which only a run that owns the machine can do.
 */

export const SLOW_INPUT_SHEET = '绩效';
const HEADER = ['项目名称', '总计', '财政拨款', '绩效目标', '绩效指标'];
export const TWO_ITEMS =
  '1、1-产出指标；12-质量指标；投诉次数；实施周期指标值:≤5次；年度指标值:≤5次。2、2-效益指标；22-社会效益；按时完成率；实施周期指标值:95%；年度指标值:95%。';

const sheet = (values: CellValue[][], name = SLOW_INPUT_SHEET): WorkbookGrid => ({ sheets: [{ name, originRow: 0, originCol: 0, values }] });
const spaces = ' '.repeat(50_000);

/** Long runs of spaces where the reader's patterns once backtracked. */
export const SPACE_RUNS: readonly (readonly [string, WorkbookGrid])[] = [
  ['部门名称 followed by spaces (was cubic)', sheet([[`部门名称：甲${spaces}（`], HEADER, ['项目', 1, 1, '目标', TWO_ITEMS]])],
  ['单位： followed by spaces (was quadratic)', sheet([[`单位：${spaces}x`], HEADER, ['项目', 1, 1, '目标', TWO_ITEMS]])],
  ['a year in a project name followed by spaces (was quadratic)', sheet([HEADER, [`2020${spaces}x`, 1, 1, '目标', TWO_ITEMS]])],
];

/** One 绩效指标 cell of 9,999 indicators (quadratic work took 1.5 s on it, linear 0.1 s). */
export function manyIndicatorsWorkbook(sheetName: string): WorkbookGrid {
  const item = (i: number) => `${i}、1-产出指标；11-数量指标；维修设备第${i}类；实施周期指标值:≥${i}台；年度指标值:≥${i}台。`;
  const cell = Array.from({ length: 9_999 }, (_, i) => item(i + 1)).join('');
  return sheet([['项目名称', '总计', '财政拨款', '绩效目标', '绩效指标'], ['甲', 1, 1, '目标', cell]], sheetName);
}

/** Files of the bad-input corpus that are slow to read when the reader goes wrong. */
export const SLOW_FILES: readonly string[] = ['stray-far-cell.xlsx', 'long-cells.xlsx'];

/** The repository's root: this file runs from test/ under jest and from dist-fuzz/test/ under `npm run fuzz`. */
function repositoryRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${__dirname}`);
  }
}

export function badInputFile(name: string): Buffer {
  return readFileSync(join(repositoryRoot(), 'test', 'fixtures', 'bad-input', name));
}
