// Issue 17 item 9: the --marked copy's 校验结果 sheet names each rule, keeps its code in 规则代码, lists errors first.
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { REPORT_HEADER, REPORT_SHEET_NAME } from '../../src/workbook/port';
import { readXlsxGrid } from '../../src/workbook/xlsx-grid';
import { runInProcess as run } from './run-in-process';

jest.setTimeout(30_000);
const fixture = (name: string): string => path.join(__dirname, '..', 'fixtures', name);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jixiao-report-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function reportOf(...options: string[]) {
  const target = path.join(dir, 'm.xlsx');
  const { code } = await run('check', fixture('errors.xlsx'), '--marked', target, ...options);
  expect(code).toBe(1);
  const grid = await readXlsxGrid(readFileSync(target));
  const sheet = grid.sheets.find((s) => s.name === REPORT_SHEET_NAME);
  return { header: sheet?.values[0], lines: (sheet?.values ?? []).slice(1).map((line) => line.map((v) => (v === null ? '' : String(v)))) };
}

describe('jixiao check --marked: the 校验结果 sheet', () => {
  it('names the rule in 规则 and keeps its code in 规则代码', async () => {
    const { header, lines } = await reportOf();
    expect(header).toEqual([...REPORT_HEADER]);
    expect(lines.find((line) => line[7] === 'indicators.format')?.[4]).toBe('绩效指标格式不规范');
    expect(lines.find((line) => line[7] === 'amount.text')?.[4]).toBe('数字以文本存储');
    expect(lines.every((line) => !/^[a-z]+\.[a-z-]+$/.test(line[4] ?? ''))).toBe(true);
  });

  it('lists the 4 errors first, then the 11 warnings, then the 12 infos, each by row', async () => {
    const { lines } = await reportOf();
    const levels = lines.map((line) => line[0]);
    expect(levels).toEqual([...Array<string>(4).fill('错误'), ...Array<string>(11).fill('警告'), ...Array<string>(12).fill('提示')]);
    expect(lines.slice(0, 4).map((line) => line[2])).toEqual(['C6', 'F8', 'G9', 'G12']);
  });

  it('in English with --lang en', async () => {
    const { lines } = await reportOf('--lang', 'en');
    expect(lines[0]?.[0]).toBe('Error');
    expect(lines.find((line) => line[7] === 'amount.text')?.[4]).toBe('Number stored as text');
  });
});
