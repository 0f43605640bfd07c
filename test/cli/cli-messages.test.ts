import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { runInProcess as run } from './run-in-process';

jest.setTimeout(30_000);
const fixture = (name: string): string => path.join(__dirname, '..', 'fixtures', name);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jixiao-messages-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const inDir = (name: string) => path.join(dir, name);

describe('what the CLI wrote, said on stderr', () => {
  it('names the marked copy and the report file, in Chinese by default', async () => {
    const { code, stdout, stderr } = await run('check', fixture('errors.xlsx'), '--marked', inDir('已标记.xlsx'), '--output', inDir('报告.txt'));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`已写入带标记的副本：${inDir('已标记.xlsx')}\n已写入报告：${inDir('报告.txt')}\n`);
  });

  it('in English with --lang en', async () => {
    const { stderr } = await run('check', fixture('errors.xlsx'), '--marked', inDir('m.xlsx'), '--output', inDir('r.json'), '--format', 'json', '--lang', 'en');
    expect(stderr).toBe(`Wrote the marked copy: ${inDir('m.xlsx')}\nWrote the report: ${inDir('r.json')}\n`);
  });

  it('says nothing was written when the write fails', async () => {
    const target = path.join(dir, 'no-such-folder', 'r.txt');
    const { code, stderr } = await run('check', fixture('errors.xlsx'), '--output', target);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^无法写入 /);
    expect(stderr).not.toContain('已写入');
  });
});

describe('bad arguments', () => {
  it.each([
    [['check', fixture('seed.csv'), '--verbose'], '未知选项 --verbose / Unknown option --verbose'],
    [['lint', 'a.xlsx'], '未知命令 lint / Unknown command lint'],
    [['check'], '请指定要检查的文件 / Name at least one file to check'],
  ])('%j: the reason, then one line pointing at --help, exit 2', async (argv, reason) => {
    const { code, stdout, stderr } = await run(...argv);
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: `${reason}\n运行 jixiao --help 查看用法。 / Run jixiao --help for usage.\n` });
  });

  it('prints the full help with no arguments at all (exit 2, as before)', async () => {
    const { code, stdout, stderr } = await run();
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(/^jixiao — 绩效目标表助手/);
    expect(stderr).toContain('用法 / Usage:');
  });
});

describe('the text report lists a sum off because of another cell under that cell', () => {
  // errors.xlsx: 物业管理费's 财政拨款 C6 is 98 for 99; its row's 总计 B6 and the unit's C5 are off only because of it.
  it('nests both consequences under the cause, indented, and not under the unit row', async () => {
    const { stdout } = await run('check', fixture('errors.xlsx'));
    const lines = stdout.split('\n');
    const cause = lines.findIndex((line) => line.startsWith('      错误  C6  “财政拨款” 98.00 应为 99.00'));
    expect(cause).toBeGreaterThan(0);
    expect(lines.slice(cause + 1, cause + 5)).toEqual([
      '        → 修正：99',
      '        由这一格造成的合计不符（改正这一格后即相符，无需另改）：',
      expect.stringMatching(/^ {10}提示 {2}C5 {2}单位行的“财政拨款” 700\.36 .*C6 有误造成的/),
      expect.stringMatching(/^ {10}提示 {2}B6 {2}本行的“总计” 99\.00 .*C6 有误造成的/),
    ]);
    expect(lines.filter((line) => /^ {6}提示 {2}(B6|C5) /.test(line))).toEqual([]);
    expect(lines).not.toContain('    单位 广州市信访局');
  });

  it('in English too, and the counts still include them', async () => {
    const { stdout } = await run('check', fixture('errors.xlsx'), '--lang', 'en');
    expect(stdout).toContain('        Sums off only because of this cell (they hold once it is corrected; nothing else to change):\n          Info  C5  ');
    expect(stdout).toContain('4 errors, 11 warnings, 12 infos');
  });

  it('without totals.cause (a profile turns it off) each sum is its own finding, the unit\'s under its own heading', async () => {
    const profile = inDir('no-cause.json');
    writeFileSync(profile, JSON.stringify({ name: 'no-cause', title: '无定位', description: '', severities: { 'totals.cause': 'off' } }));
    const { stdout } = await run('check', fixture('errors.xlsx'), '--profile', profile);
    const lines = stdout.split('\n');
    const unit = lines.indexOf('    单位 广州市信访局');
    expect(unit).toBeGreaterThan(0);
    expect(lines[unit + 1]).toMatch(/^ {6}错误 {2}C5 /);
    expect(stdout).not.toContain('由这一格造成的合计不符');
  });
});

describe('the text report\'s fix of a number stored as text', () => {
  // errors.xlsx: 信访工作专项经费's 财政拨款 C11 holds the text "111.32".
  it('says the text becomes a number, in either language', async () => {
    const zh = (await run('check', fixture('errors.xlsx'))).stdout.split('\n');
    expect(zh[zh.findIndex((line) => line.startsWith('      警告  C11  ')) + 1]).toBe('        → 修正：文本“111.32” → 数值 111.32');
    const en = (await run('check', fixture('errors.xlsx'), '--lang', 'en')).stdout.split('\n');
    expect(en[en.findIndex((line) => line.startsWith('      Warning  C11  ')) + 1]).toBe('        → Fix: text “111.32” → number 111.32');
  });
});
