import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkWorkbook, SEVERITIES, type Severity } from '../../src/core/index';
import { MARK_COLOURS, marksOf, REPORT_SHEET_NAME } from '../../src/workbook/port';
import { readXlsxGrid } from '../../src/workbook/xlsx-grid';
import { XLSX_MARK_FORMULA } from '../../src/workbook/xlsx-writer';
import { REAL_FIXTURE_DIR, realFixture, realGrid } from '../fixtures/real/load';
import { xlsxSnapshot } from '../workbook/rich-xlsx';
import { runInProcess } from './run-in-process';

// `jixiao check` on a real table of each layout: the JSON names the layout and every finding's own cell,
// and the marked copy marks exactly those cells.

const run = runInProcess;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jixiao-layouts-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe.each([
  ['l2-hunan-xiangxi-tejiao-2023', 'row-per-indicator', 1],
  ['l3-anhui-jinzhai-kfq-2021', 'form', 1],
  ['l4-hubei-guangshui-jiaoyu-2023', 'department', 1],
])('%s', (id, layout, exitCode) => {
  const input = path.join(REAL_FIXTURE_DIR, `${id}.xlsx`);
  const expected = checkWorkbook(realGrid(realFixture(id))).findings;

  test('JSON: the table\'s layout, and each finding at its own cell', async () => {
    const { code, stdout, stderr } = await run('check', input, '--format', 'json');
    expect([code, stderr]).toEqual([exitCode, '']);
    const json = JSON.parse(stdout) as { tables: { layout: string }[]; findings: { sheet: string; cell: string; rule: string; severity: string }[] };
    expect(json.tables.map((t) => t.layout)).toEqual([layout]);
    expect(json.findings.map((f) => `${f.severity} ${f.rule}@${f.cell}`)).toEqual(expected.map((f) => `${f.severity} ${f.rule}@${f.location.cell}`));
  });

  test('the marked copy marks exactly the finding cells, and lists them in 校验结果', async () => {
    const out = path.join(dir, 'marked.xlsx');
    expect((await run('check', input, '--marked', out)).code).toBe(exitCode);
    const sheets = await xlsxSnapshot(readFileSync(out));
    const sheetName = realFixture(id).sheets[0]?.name ?? '';
    const marks = new Map<string, Severity>();
    for (const cf of sheets[0]?.conditionalFormats ?? []) {
      if (!cf.rules.some((r) => 'formulae' in r && r.formulae?.[0] === XLSX_MARK_FORMULA)) continue;
      const severity = SEVERITIES.find((s) => JSON.stringify(cf.rules[0]?.style).includes(MARK_COLOURS[s].fill.slice(1)));
      for (const cell of cf.ref.split(' ')) marks.set(`${sheetName}!${cell}`, severity as Severity);
    }
    expect(marks).toEqual(marksOf(checkWorkbook(await readXlsxGrid(readFileSync(input))).findings));
    expect(sheets.map((s) => s.name)).toEqual([sheetName, REPORT_SHEET_NAME]);
    expect(Object.keys(sheets[1]?.cells ?? {}).filter((a) => /^F\d+$/.test(a))).toHaveLength(expected.length + 1);
  });
});

test('the text report says how each table was read', async () => {
  const { stdout } = await run('check', path.join(REAL_FIXTURE_DIR, 'l3-hubei-qingshan-jcss-2020.xlsx'));
  expect(stdout.split('\n')[1]).toBe('  表格 项目支出绩效目标表!A3：每个项目一张申报表，1 个项目');
});
