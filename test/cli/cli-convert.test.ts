import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readTables } from '../../src/core/index';
import { readXlsxGrid } from '../../src/workbook/xlsx-grid';
import { modelOf } from '../core/writers/table-model-of';
import { REAL_FIXTURE_DIR, REAL_FIXTURES } from '../fixtures/real/load';
import { runInProcess } from './run-in-process';

// `jixiao convert` round-trips every table of projects: the file written, checked again by `jixiao check`,
// holds the same model; converted back, the same again. What would lose something is refused, by cell.

const run = runInProcess;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jixiao-convert-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function modelsOf(file: string) {
  return readTables(await readXlsxGrid(readFileSync(file))).tables.map(modelOf);
}

const inputs = [path.join(__dirname, '..', 'fixtures', 'seed.xlsx'), ...REAL_FIXTURES.filter((f) => f.layout !== 4).map((f) => path.join(REAL_FIXTURE_DIR, `${f.id}.xlsx`))];

test.each(inputs.map((f) => [path.basename(f), f]))('%s: to a row per indicator, then to one cell, each read back as the same model', async (_name, input) => {
  const original = await modelsOf(input);
  const rows = path.join(dir, 'rows.xlsx');
  const first = await run('convert', input, '--to', 'row-per-indicator', '--output', rows);
  if (first.code === 2) {
    // Only a form of two halves (长期 | 年度) is refused: it is named with its reason.
    expect(first.stderr).toContain('指标分“长期”“年度”两栏');
    expect(existsSync(rows)).toBe(false);
    return;
  }
  expect([first.code, first.stderr]).toEqual([0, '']);
  expect(await modelsOf(rows)).toEqual(original);
  const cell = path.join(dir, 'cell.xlsx');
  const second = await run('convert', rows, '--to', 'one-cell', '--output', cell);
  if (second.code === 0) expect(await modelsOf(cell)).toEqual(original);
  else expect(second.stderr).toMatch(/含有“；”“。”或换行/);
});

test('the department table is not converted, and said why; the input is never the output', async () => {
  const input = path.join(REAL_FIXTURE_DIR, 'l4-fujian-ningde-dangshi-2019.xlsx');
  const result = await run('convert', input, '--to', 'one-cell', '--output', path.join(dir, 'x.xlsx'));
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('部门整体支出绩效目标表不是项目表');
  const same = await run('convert', input, '--to', 'one-cell', '--output', input);
  expect(same.code).toBe(2);
  expect(same.stderr).toContain('输入文件不会被覆盖');
  expect((await run('convert', input, '--to', 'sideways', '--output', 'x.xlsx')).stderr).toContain('--to 只能是 one-cell 或 row-per-indicator');
});
