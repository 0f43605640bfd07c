import { execFile } from 'child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { promisify } from 'util';
import { BUILTIN_PROFILES } from '../../src/core/index';
import { main } from '../../src/cli/main';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script shared with test/browser/run.js
const { ensureBuiltCli } = require('../../scripts/built-cli.js') as { ensureBuiltCli: () => boolean };

const repoRoot = path.join(__dirname, '..', '..');
const fixture = (name: string): string => path.join(repoRoot, 'test', 'fixtures', name);

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function run(...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

interface JsonOutput {
  summary: { files: number; projects: number; errors: number; warnings: number; infos: number };
  profiles: { file: string; name: string; title: string; reason: string }[];
  tables: { file: string; sheet: string; cell: string; layout: string; title: string | null; projects: number }[];
  findings: { file: string; sheet: string; cell: string; severity: string; rule: string; message: string; project?: string; fix?: string | number | boolean | null }[];
  unreadable: { file: string; reason: string }[];
}

async function runJson(...argv: string[]): Promise<Run & { json: JsonOutput }> {
  const result = await run(...argv, '--format', 'json');
  return { ...result, json: JSON.parse(result.stdout) as JsonOutput };
}

const SEEDS = ['seed.xlsx', 'seed.csv', 'seed-gbk.csv', 'seed-bom.csv'];
const BRAND_PROJECT = '党建引领擦亮广州信访品牌';

describe('jixiao help, version and usage', () => {
  it.each([['--help'], ['-h'], ['help']])('prints help in Chinese and English for %s', async (arg) => {
    const { code, stdout, stderr } = await run(arg);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('用法 / Usage:');
    expect(stdout).toContain('jixiao check <文件 file ...>');
    expect(stdout).toContain('--format text|json');
    expect(stdout).toContain('--profile');
    expect(stdout).toContain('--lang zh|en');
    expect(stdout).toContain('--output <文件>');
    expect(stdout).toContain('--marked <文件>');
    expect(stdout).toContain('--force');
    expect(stdout).toContain('Inputs are never overwritten');
  });

  it('prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(await run('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it.each([
    [['check', fixture('seed.csv'), '--verbose'], '未知选项 --verbose / Unknown option --verbose'],
    [['check'], '请指定要检查的文件 / Name at least one file to check'],
    [['lint', 'a.xlsx'], '未知命令 lint / Unknown command lint'],
    [['check', fixture('seed.csv'), '--format', 'xml'], '--format must be text or json, not xml'],
    [['check', fixture('seed.csv'), '--lang', 'fr'], '--lang must be zh or en, not fr'],
    [['check', fixture('seed.csv'), '--profile'], '--profile 缺少取值 / --profile needs a value'],
  ])('rejects %j with a usage message and exit 2', async (argv, message) => {
    const { code, stdout, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toContain(message);
    expect(stderr.split('\n')[1]).toBe('运行 jixiao --help 查看用法。 / Run jixiao --help for usage.');
  });
});

describe('jixiao check on the seed table', () => {
  it.each(SEEDS)('%s: 9 projects, no totals findings, exactly one error (missing effect indicators)', async (name) => {
    const { code, json, stderr } = await runJson('check', fixture(name));
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(json.summary.files).toBe(1);
    expect(json.summary.projects).toBe(9);
    expect(json.summary.errors).toBe(1);
    expect(json.findings.filter((f) => f.rule.startsWith('totals.'))).toEqual([]);
    const errors = json.findings.filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: fixture(name), rule: 'category.effect-missing', project: BRAND_PROJECT, cell: 'G12' });
    expect(json.unreadable).toEqual([]);
  });

  it('finds the same things in every form of the seed', async () => {
    const keyed = async (name: string) =>
      (await runJson('check', fixture(name))).json.findings.map((f) => [f.cell, f.rule, f.severity, f.project, f.fix]);
    const fromXlsx = await keyed('seed.xlsx');
    for (const name of SEEDS.slice(1)) expect(await keyed(name)).toEqual(fromXlsx);
  });

  it('writes exactly one JSON document with the documented shape', async () => {
    const { stdout, json } = await runJson('check', fixture('seed.xlsx'));
    expect(() => JSON.parse(stdout)).not.toThrow();
    expect(Object.keys(json)).toEqual(['summary', 'profiles', 'tables', 'findings', 'unreadable', 'ignored']);
    expect(json.profiles).toEqual([{ file: fixture('seed.xlsx'), name: 'guangzhou', title: '广州市', reason: 'coded-string' }]);
    expect(json.tables).toEqual([{ file: fixture('seed.xlsx'), sheet: '项目支出绩效目标表', cell: 'A3', layout: 'one-cell', title: '项目支出绩效目标表（含转移支付项目）', projects: 9 }]);
    expect(Object.keys(json.summary)).toEqual(['files', 'projects', 'errors', 'warnings', 'infos']);
    expect(json.summary.warnings).toBe(json.findings.filter((f) => f.severity === 'warning').length);
    expect(json.summary.infos).toBe(json.findings.filter((f) => f.severity === 'info').length);
    for (const finding of json.findings) {
      expect(Object.keys(finding).filter((k) => !['project', 'fix'].includes(k))).toEqual([
        'file', 'sheet', 'cell', 'severity', 'rule', 'message',
      ]);
      expect(finding.sheet).toBe('项目支出绩效目标表');
      expect(finding.cell).toMatch(/^[A-Z]+[1-9][0-9]*$/);
      expect(['error', 'warning', 'info']).toContain(finding.severity);
      expect(finding.message).not.toBe('');
      if ('fix' in finding) expect(['string', 'number']).toContain(typeof finding.fix);
    }
  });

  it('prints findings grouped by sheet and project, with a summary per file and overall', async () => {
    const { code, stdout } = await run('check', fixture('seed.xlsx'));
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(fixture('seed.xlsx'));
    expect(lines[1]).toBe('  表格 项目支出绩效目标表!A3：每个项目一行（绩效指标写在一个单元格），9 个项目');
    expect(lines[2]).toBe('  规则：广州市（按表格自动识别：绩效指标为广州编码格式）');
    expect(lines[3]).toBe('  工作表 项目支出绩效目标表');
    const projectLine = lines.indexOf(`    项目 ${BRAND_PROJECT}`);
    expect(projectLine).toBeGreaterThan(1);
    expect(lines.slice(projectLine + 1)).toContainEqual(expect.stringMatching(/^ {6}错误 {2}G12 {2}缺少效益指标/));
    expect(stdout).toMatch(/\n {2}9 个项目：错误 1，警告 \d+，提示 \d+\n/);
    expect(stdout).toMatch(/\n共 1 个文件、9 个项目：错误 1，警告 \d+，提示 \d+\n$/);
  });

  it('speaks English with --lang en', async () => {
    const { stdout } = await run('check', fixture('seed.csv'), '--lang', 'en');
    expect(stdout).toContain(`    Project ${BRAND_PROJECT}`);
    expect(stdout).toMatch(/ {6}Error {2}G12 {2}\S/);
    expect(stdout).toMatch(/\nTotal: 1 file, 9 projects: 1 error, \d+ warnings?, \d+ infos?\n$/);
  });

  it('adds files up in the overall summary', async () => {
    const { code, json, stdout } = await runJson('check', fixture('seed.xlsx'), fixture('seed-gbk.csv'));
    expect(code).toBe(1);
    expect(json.summary).toMatchObject({ files: 2, projects: 18, errors: 2 });
    expect(new Set(json.findings.map((f) => f.file))).toEqual(new Set([fixture('seed.xlsx'), fixture('seed-gbk.csv')]));
    expect(stdout.trim().startsWith('{')).toBe(true);
  });

  it('leaves the input file exactly as it was', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-cli-'));
    try {
      const copy = path.join(dir, '绩效目标表.xlsx');
      copyFileSync(fixture('seed.xlsx'), copy);
      const before = { bytes: readFileSync(copy), mtime: statSync(copy).mtimeMs };
      await run('check', copy);
      await run('check', copy, '--format', 'json');
      expect(readFileSync(copy).equals(before.bytes)).toBe(true);
      expect(statSync(copy).mtimeMs).toBe(before.mtime);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('jixiao check on a table with planted mistakes', () => {
  const findingsOf = async () => (await runJson('check', fixture('errors.xlsx'))).json.findings;

  it.each([
    // 财政拨款 98 for 99: the error is on C6 (totals.cause); the 总计 B6 and the unit's C5 are its consequences.
    ['物业管理费', 'totals.cause', 'C6'],
    ['物业管理费', 'totals.consequence', 'B6'],
    ['市人民来访接待厅专项经费', 'indicators.format', 'G7'],
    ['机构运行辅助经费', 'goal.missing', 'F8'],
    ['社工服务外包项目', 'content.placeholder', 'G9'],
    ['信访工作专项经费', 'amount.text', 'C11'],
  ])('reports %s: %s at %s', async (project, rule, cell) => {
    const findings = await findingsOf();
    expect(findings).toContainEqual(expect.objectContaining({ project, rule, cell }));
  });

  it('exits 1 and offers fixes in the text report', async () => {
    const { code, stdout } = await run('check', fixture('errors.xlsx'));
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    const cause = lines.findIndex((line) => line.startsWith('      错误  C6  “财政拨款” 98.00 应为 99.00'));
    expect(lines[cause + 1]).toBe('        → 修正：99');
    expect(lines).toContain('    项目 物业管理费');
  });

  it('lists a row\'s errors before its warnings and infos', async () => {
    const { stdout } = await run('check', fixture('errors.xlsx'));
    const social = stdout.split('    项目 社工服务外包项目\n')[1]?.split('    项目 ')[0] ?? '';
    const severities = social.split('\n').filter((line) => line !== '').map((line) => line.trim().split(' ')[0]);
    expect(severities[0]).toBe('错误');
    expect(severities).toEqual([...severities].sort((a, b) => ['错误', '警告', '提示'].indexOf(a ?? '') - ['错误', '警告', '提示'].indexOf(b ?? '')));
    expect(new Set(severities)).toEqual(new Set(['错误', '警告', '提示']));
  });
});

describe('jixiao check on files it cannot read', () => {
  it.each([
    ['password.xlsx', '无法读取 {file}：文件受密码保护，请先取消密码后再检查。 / Cannot read {file}: the file is password-protected; remove the password and try again.'],
    ['corrupt.xlsx', '无法读取 {file}：文件已损坏或不完整，无法作为 Excel 工作簿打开。 / Cannot read {file}: the file is damaged or incomplete and cannot be opened as an Excel workbook.'],
    ['not-a-spreadsheet.xlsx', '无法读取 {file}：这不是 Excel 工作簿（.xlsx）或 CSV 文件。 / Cannot read {file}: it is not an Excel workbook (.xlsx) or a CSV file.'],
    ['does-not-exist.xlsx', '无法读取 {file}：文件不存在。 / Cannot read {file}: the file does not exist.'],
  ])('%s → exit 2 with a one-line reason', async (name, reason) => {
    const file = fixture(name);
    const { code, stderr, stdout } = await run('check', file);
    expect(code).toBe(2);
    expect(stderr).toBe(`${reason.replaceAll('{file}', file)}\n`);
    expect(stdout).toContain('共 0 个文件、0 个项目：错误 0，警告 0，提示 0；1 个文件无法读取');
  });

  it('takes everything after -- as a file name', async () => {
    const { code, stderr } = await run('check', '--', '--format');
    expect(code).toBe(2);
    expect(stderr).toBe('无法读取 --format：文件不存在。 / Cannot read --format: the file does not exist.\n');
  });

  it('names a legacy .xls and a folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-cli-'));
    try {
      const xls = path.join(dir, 'old.xls');
      writeFileSync(xls, Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]));
      const legacy = await run('check', xls);
      expect(legacy.code).toBe(2);
      expect(legacy.stderr).toContain(`无法读取 ${xls}：这是旧版 Excel 97-2003（.xls）文件，请在 Excel 中另存为 .xlsx 后再检查。`);
      const folder = await run('check', dir);
      expect(folder.code).toBe(2);
      expect(folder.stderr).toContain(`Cannot read ${dir}: it is a folder, not a file.`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('still checks the other files, and lists the unreadable ones in JSON', async () => {
    const { code, json, stderr } = await runJson('check', fixture('password.xlsx'), fixture('seed.xlsx'), fixture('missing.csv'), '--lang', 'en');
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(2);
    expect(json.summary).toMatchObject({ files: 1, projects: 9, errors: 1 });
    expect(json.unreadable).toEqual([
      { file: fixture('password.xlsx'), reason: 'the file is password-protected; remove the password and try again.' },
      { file: fixture('missing.csv'), reason: 'the file does not exist.' },
    ]);
  });

  it('gives the reasons in Chinese in JSON by default', async () => {
    const { json } = await runJson('check', fixture('corrupt.xlsx'));
    expect(json.unreadable).toEqual([{ file: fixture('corrupt.xlsx'), reason: '文件已损坏或不完整，无法作为 Excel 工作簿打开。' }]);
    expect(json.findings).toEqual([]);
  });
});

describe('jixiao check --profile', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'jixiao-profile-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts every built-in profile by name', async () => {
    for (const name of Object.keys(BUILTIN_PROFILES)) {
      const { code, stderr } = await run('check', fixture('seed.csv'), '--profile', name);
      expect(stderr).toBe('');
      expect([0, 1]).toContain(code);
    }
  });

  it('accepts a profile JSON file, which then applies as chosen', async () => {
    const file = path.join(dir, 'guangzhou.json');
    writeFileSync(file, JSON.stringify(BUILTIN_PROFILES['guangzhou']));
    const fromFile = await runJson('check', fixture('seed.csv'), `--profile=${file}`);
    const builtIn = await runJson('check', fixture('seed.csv'));
    expect(fromFile.stderr).toBe('');
    expect(fromFile.json.findings).toEqual(builtIn.json.findings);
    expect(fromFile.json.profiles.map((p) => [p.name, p.reason])).toEqual([['guangzhou', 'chosen']]);
    expect(builtIn.json.profiles.map((p) => [p.name, p.reason])).toEqual([['guangzhou', 'coded-string']]);
  });

  it('takes auto and default (the national profile), and names each profile in --help', async () => {
    const auto = await runJson('check', fixture('seed.csv'), '--profile', 'auto');
    expect(auto.json.profiles.map((p) => [p.name, p.reason])).toEqual([['guangzhou', 'coded-string']]);
    const national = await runJson('check', fixture('seed.csv'), '--profile', 'default');
    expect(national.json.profiles.map((p) => [p.name, p.reason])).toEqual([['national', 'chosen']]);
    const help = (await run('--help')).stdout;
    for (const profile of Object.values(BUILTIN_PROFILES)) expect(help).toContain(`${profile.name.padEnd(12)}${profile.title}：`);
  });

  it.each([
    ['an unknown name', () => 'no-such-profile', /^找不到规则配置 no-such-profile：既不是内置配置（national, guangzhou, caiyu-2021），也不是可读取的文件。 \/ Profile no-such-profile not found/],
    ['a file that is not JSON', () => write('broken.json', '{ "name": '), /^规则配置 .*broken\.json 不是有效的 JSON：.* \/ Profile .*broken\.json is not valid JSON: /],
    ['JSON that is not a profile', () => write('wrong.json', '[1, 2, 3]'), /^规则配置 .*wrong\.json 有误： \/ Profile .*wrong\.json is invalid:\n {2}- \S/],
  ])('rejects %s with exit 2 before reading any table', async (_label, profileArg, message) => {
    const { code, stdout, stderr } = await run('check', fixture('seed.csv'), '--profile', profileArg());
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  function write(name: string, text: string): string {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  }
});

describe('bin/jixiao.js', () => {
  beforeAll(() => {
    ensureBuiltCli();
  }, 120_000);

  it('runs the built CLI as a separate process', async () => {
    const exec = promisify(execFile);
    const bin = path.join(repoRoot, 'bin', 'jixiao.js');
    const failure = await exec('node', [bin, 'check', fixture('seed.xlsx'), '--format', 'json']).then(
      () => null,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toBe('');
    const json = JSON.parse(failure?.stdout ?? '') as JsonOutput;
    expect(json.summary).toMatchObject({ files: 1, projects: 9, errors: 1 });
    const help = await exec('node', [bin, '--help']);
    expect(help.stdout).toContain('用法 / Usage:');
  }, 60_000);
});
