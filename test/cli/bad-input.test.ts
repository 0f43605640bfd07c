import { readdirSync, readFileSync, statSync } from 'fs';
import path from 'path';
import { main } from '../../src/cli/main';
import { terminalSafe } from '../../src/cli/report';

// The corpus is described file by file in test/fixtures/bad-input/README.md.
const dir = path.join(__dirname, '..', 'fixtures', 'bad-input');
const file = (name: string): string => path.join(dir, name);

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

interface JsonOutput {
  summary: { files: number; projects: number; errors: number; warnings: number; infos: number };
  findings: { file: string; cell: string; rule: string; message: string }[];
  unreadable: { file: string; reason: string }[];
}

/** Runs the CLI with captured output; also catches anything written around it (library warnings, stray logs). */
async function run(...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const stray: string[] = [];
  const spies = (['log', 'warn', 'error', 'info', 'debug'] as const).map((method) =>
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void stray.push(args.map(String).join(' '))),
  );
  const realStdout = process.stdout.write.bind(process.stdout);
  const realStderr = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => stray.push(String(chunk)) > 0) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => stray.push(String(chunk)) > 0) as typeof process.stderr.write;
  try {
    const code = await main(argv, {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    });
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = realStdout;
    process.stderr.write = realStderr;
    for (const spy of spies) spy.mockRestore();
    expect(stray).toEqual([]);
  }
}

const NO_STACK_TRACE = /^\s+at |Error:|\bat .*\.(?:js|ts):\d+/m;

const UNREADABLE: readonly (readonly [string, string])[] = [
  ['empty.xlsx', '文件是空的（0 字节），请确认选对了文件，或重新保存、导出后再检查。 / Cannot read {file}: the file is empty (0 bytes); check that it is the right file, or save or export it again.'],
  ['empty.csv', '文件是空的（0 字节），请确认选对了文件，或重新保存、导出后再检查。 / Cannot read {file}: the file is empty (0 bytes); check that it is the right file, or save or export it again.'],
  ['bom-only.csv', '文件是空的（0 字节），请确认选对了文件，或重新保存、导出后再检查。 / Cannot read {file}: the file is empty (0 bytes); check that it is the right file, or save or export it again.'],
  ['truncated.xlsx', '文件已损坏或不完整，无法作为 Excel 工作簿打开。 / Cannot read {file}: the file is damaged or incomplete and cannot be opened as an Excel workbook.'],
  ['password.xlsx', '文件受密码保护，请先取消密码后再检查。 / Cannot read {file}: the file is password-protected; remove the password and try again.'],
  ['legacy.xls', '这是旧版 Excel 97-2003（.xls）文件，请在 Excel 中另存为 .xlsx 后再检查。 / Cannot read {file}: this is an old Excel 97-2003 (.xls) file; save it as .xlsx in Excel and try again.'],
  ['text-renamed.xlsx', '这不是 Excel 工作簿（.xlsx）或 CSV 文件。 / Cannot read {file}: it is not an Excel workbook (.xlsx) or a CSV file.'],
  ['zip-not-workbook.xlsx', '这不是 Excel 工作簿（.xlsx）或 CSV 文件。 / Cannot read {file}: it is not an Excel workbook (.xlsx) or a CSV file.'],
];

// Exit 0: no errors (warnings allowed); 1: errors found. [file, exit code, projects, errors].
const READABLE: readonly (readonly [string, 0 | 1, number, number])[] = [
  ['empty-workbook.xlsx', 1, 0, 1],
  ['no-table.xlsx', 1, 0, 1],
  ['header-only.xlsx', 0, 0, 0],
  ['merged-cells.xlsx', 1, 3, 4],
  ['hidden-rows-columns.xlsx', 1, 2, 1],
  ['formula-errors.xlsx', 1, 5, 7],
  ['amount-forms.xlsx', 1, 8, 5],
  // 第二局项目乙's 财政拨款 9000 breaks its row and the 合计: one error on that cell (totals.cause), not two.
  ['several-tables.xlsx', 1, 3, 1],
  ['long-cells.xlsx', 1, 3, 1],
  ['stray-far-cell.xlsx', 0, 2, 0],
  ['gbk.csv', 0, 2, 0],
  ['utf16le.csv', 0, 2, 0],
  ['utf16be.csv', 0, 2, 0],
];

describe('jixiao check on unreadable files', () => {
  it.each(UNREADABLE)('%s → exit 2 with a one-line Chinese + English reason', async (name, reason) => {
    const { code, stdout, stderr } = await run('check', file(name));
    expect(code).toBe(2);
    expect(stderr).toBe(`无法读取 ${file(name)}：${reason.replaceAll('{file}', file(name))}\n`);
    expect(stdout).toBe('共 0 个文件、0 个项目：错误 0，警告 0，提示 0；1 个文件无法读取\n');
  });

  it('lists every unreadable file in JSON and still checks the rest', async () => {
    const names = [...UNREADABLE.map(([name]) => name), 'gbk.csv'];
    const { code, stdout, stderr } = await run('check', ...names.map(file), '--format', 'json', '--lang', 'en');
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(UNREADABLE.length);
    const json = JSON.parse(stdout) as JsonOutput;
    expect(json.summary).toEqual({ files: 1, projects: 2, errors: 0, warnings: 0, infos: 0 });
    expect(json.unreadable.map((u) => [path.basename(u.file), u.reason])).toEqual(
      UNREADABLE.map(([name, reason]) => [name, reason.split(' / Cannot read {file}: ')[1]]),
    );
  });
});

describe('jixiao check on readable bad input', () => {
  it.each(READABLE)('%s → exit %i, %i projects, %i errors, no stack trace', async (name, exit, projects, errors) => {
    const json = await run('check', file(name), '--format', 'json');
    expect([json.code, json.stderr]).toEqual([exit, '']);
    expect(JSON.parse(json.stdout) as JsonOutput).toMatchObject({ summary: { files: 1, projects, errors }, unreadable: [] });
    const text = await run('check', file(name));
    expect([text.code, text.stderr]).toEqual([exit, '']);
    expect(text.stdout).toMatch(new RegExp(`\\n {2}${projects} 个项目：错误 ${errors}，`));
    for (const output of [json.stdout, text.stdout]) expect(output).not.toMatch(NO_STACK_TRACE);
  });

  // Only warnings (invisible characters are a format deviation, fixed in one click): exit 0.
  it.each(['unicode.xlsx', 'unicode.csv'])('%s → exit 0; JSON escapes the control characters of names', async (name) => {
    const { code, stdout, stderr } = await run('check', file(name), '--format', 'json');
    expect([code, stderr]).toEqual([0, '']);
    // eslint-disable-next-line no-control-regex -- raw control characters are what must not appear
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    const json = JSON.parse(stdout) as JsonOutput;
    expect(json.summary.projects).toBe(7);
    expect(json.findings.filter((f) => f.cell === 'B7')).toMatchObject([{ rule: 'amount.text', project: '控制\u0000\u0001字符\u001b[2J\u001f项目' }]);
    const text = await run('check', file(name));
    // eslint-disable-next-line no-control-regex -- nothing in the text report may act on the terminal
    expect(text.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202a-\u202e]/);
    expect(text.stdout).toContain('项目 控制<U+0000><U+0001>字符<U+001B>[2J<U+001F>项目');
  });

  it('reads every file without changing a byte of it', async () => {
    const names = readdirSync(dir).filter((name) => name !== 'README.md');
    expect(names).toHaveLength(UNREADABLE.length + READABLE.length + 2);
    const before = names.map((name) => ({ bytes: readFileSync(file(name)), mtime: statSync(file(name)).mtimeMs }));
    await run('check', ...names.map(file), '--format', 'json');
    await run('check', ...names.map(file));
    names.forEach((name, i) => {
      expect(readFileSync(file(name)).equals(before[i]!.bytes)).toBe(true);
      expect(statSync(file(name)).mtimeMs).toBe(before[i]!.mtime);
    });
  }, 60_000);
});

describe('the text report on a terminal', () => {
  it('shows control characters and bidi overrides from cells as <U+XXXX> instead of letting the terminal act on them (a tab stays)', () => {
    expect(terminalSafe('控制\u001b[2J项目\u202e反向\r覆盖\t制表')).toBe('控制<U+001B>[2J项目<U+202E>反向<U+000D>覆盖\t制表');
    expect(terminalSafe('普通项目 𠮷 ≥95%')).toBe('普通项目 𠮷 ≥95%');
  });
});
