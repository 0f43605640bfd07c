// The CLI's messages about files, outputs and profile files come from the CLI catalogue (issue 18):
// --lang zh prints the Chinese text, --lang en the English one, and without --lang both on one line,
// Chinese first, as the usage errors do and as these messages always did.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { writeXlsxGrid } from '../../src/workbook/xlsx-writer';
import { SEED_SHEET } from '../fixtures/seed-grid';
import { REAL_FIXTURE_DIR } from '../fixtures/real/load';
import { runInProcess } from './run-in-process';

jest.setTimeout(30_000);

const fixture = (name: string) => path.join(__dirname, '..', 'fixtures', name);
const BUILT_INS = 'national, guangzhou, caiyu-2021';
/** The seed's one sheet. */
const SHEET = '项目支出绩效目标表';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jixiao-messages-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const inDir = (name: string) => path.join(dir, name);
const copyOf = (name: string) => {
  copyFileSync(fixture(name), inDir(name));
  return inDir(name);
};

/** The same command with --lang zh, with --lang en and without --lang. */
async function inEachLanguage(...argv: string[]) {
  return { zh: await runInProcess(...argv, '--lang', 'zh'), en: await runInProcess(...argv, '--lang', 'en'), both: await runInProcess(...argv) };
}

/** One message line on stderr in each language: the Chinese text, the English text, both together without --lang. */
async function expectStderrLine(argv: readonly string[], line: { zh: string; en: string }, at = 0) {
  const runs = await inEachLanguage(...argv);
  expect(runs.zh.stderr.split('\n')[at]).toBe(line.zh);
  expect(runs.en.stderr.split('\n')[at]).toBe(line.en);
  expect(runs.both.stderr.split('\n')[at]).toBe(`${line.zh} / ${line.en}`);
  return runs;
}

describe('jixiao check: files it cannot read', () => {
  it('a missing file', async () => {
    const file = inDir('missing.csv');
    const runs = await expectStderrLine(['check', file], { zh: `无法读取 ${file}：文件不存在。`, en: `Cannot read ${file}: the file does not exist.` });
    expect(runs.zh.code).toBe(2);
    expect(runs.zh.stderr).toBe(`无法读取 ${file}：文件不存在。\n`);
    expect(runs.en.stderr).toBe(`Cannot read ${file}: the file does not exist.\n`);
  });

  it('a password-protected file, the marked copy then not written', async () => {
    const file = fixture('password.xlsx');
    const marked = inDir('m.xlsx');
    await expectStderrLine(['check', file, '--marked', marked], {
      zh: `无法读取 ${file}：文件受密码保护，请先取消密码后再检查。`,
      en: `Cannot read ${file}: the file is password-protected; remove the password and try again.`,
    });
    await expectStderrLine(['check', file, '--marked', marked], { zh: `未写出 ${marked}：${file} 无法检查。`, en: `${marked} was not written: ${file} could not be checked.` }, 1);
  });

  it('a file whose ignore list cannot be read', async () => {
    const file = inDir('bad.xlsx');
    writeFileSync(file, await writeXlsxGrid({ sheets: [SEED_SHEET] }, { ignored: '[{"key":' }));
    const { zh, en, both } = await inEachLanguage('check', file, '--format', 'json');
    const detail = /忽略列表无法读取（(.*)），本次检查/.exec(zh.stderr)?.[1] ?? '';
    expect(detail).not.toBe('');
    const zhLine = `${file}：文件中保存的忽略列表无法读取（${detail}），本次检查不忽略任何问题；请在页面或 Excel 中重新忽略后保存。`;
    const enLine = `${file}: the file's ignore list cannot be read (${detail}); nothing is ignored in this check. Ignore the findings again on the page or in Excel, then save.`;
    expect([zh.stderr, en.stderr, both.stderr]).toEqual([`${zhLine}\n`, `${enLine}\n`, `${zhLine} / ${enLine}\n`]);
  });
});

describe('jixiao check: a check that fails (a bug in a rule)', () => {
  it('names the file and the error, and goes on', async () => {
    const main = await new Promise<typeof import('../../src/cli/main')['main']>((resolve) => {
      jest.isolateModules(() => {
        jest.doMock('../../src/core/index', () => ({
          ...jest.requireActual<typeof import('../../src/core/index')>('../../src/core/index'),
          checkWorkbook: () => {
            throw new Error('rule broke');
          },
        }));
        resolve(jest.requireActual<typeof import('../../src/cli/main')>('../../src/cli/main').main);
      });
    });
    const file = fixture('seed.csv');
    const stderrOf = async (...lang: string[]) => {
      let stderr = '';
      const code = await main(['check', file, ...lang], { stdout: { write: () => true }, stderr: { write: (t: string) => (stderr += t) } });
      return { code, stderr };
    };
    expect(await stderrOf('--lang', 'zh')).toEqual({ code: 2, stderr: `检查 ${file} 时出错：rule broke\n` });
    expect(await stderrOf('--lang', 'en')).toEqual({ code: 2, stderr: `Checking ${file} failed: rule broke\n` });
    expect(await stderrOf()).toEqual({ code: 2, stderr: `检查 ${file} 时出错：rule broke / Checking ${file} failed: rule broke\n` });
  });
});

describe('jixiao check: outputs it will not write', () => {
  it('the input itself', async () => {
    const input = copyOf('seed.csv');
    await expectStderrLine(['check', input, '--output', input], {
      zh: `--output ${input} 就是输入文件 ${input}，输入文件不会被覆盖：请另选一个文件名。`,
      en: `--output ${input} is the input file ${input}, which is never overwritten: choose another file name.`,
    });
  });

  it('a folder', async () => {
    const input = copyOf('seed.csv');
    mkdirSync(inDir('out'));
    await expectStderrLine(['check', input, '--marked', inDir('out')], { zh: `--marked ${inDir('out')} 是一个文件夹，请给出文件名。`, en: `--marked ${inDir('out')} is a folder; name a file.` });
  });

  it('an existing file without --force', async () => {
    const input = copyOf('seed.csv');
    writeFileSync(inDir('r.txt'), 'mine');
    await expectStderrLine(['check', input, '--output', inDir('r.txt')], {
      zh: `${inDir('r.txt')} 已存在；如要覆盖，请加上 --force。`,
      en: `${inDir('r.txt')} already exists; add --force to overwrite it.`,
    });
  });

  it('--output and --marked the same file', async () => {
    const input = copyOf('seed.xlsx');
    const out = inDir('same.xlsx');
    await expectStderrLine(['check', input, '--output', out, '--marked', out], { zh: `--output 和 --marked 不能是同一个文件：${out}`, en: `--output and --marked must be different files: ${out}` });
  });

  it('a marked copy of a CSV input', async () => {
    const input = copyOf('seed.csv');
    const marked = inDir('m.xlsx');
    await expectStderrLine(['check', input, '--marked', marked], {
      zh: `未写出 ${marked}：--marked 只能用于 .xlsx 文件，${input} 不是。`,
      en: `${marked} was not written: --marked needs an .xlsx input, and ${input} is not one.`,
    });
  });

  it('a report into a folder that does not exist', async () => {
    const input = copyOf('seed.csv');
    const target = inDir(path.join('missing', 'r.txt'));
    const { zh, en, both } = await inEachLanguage('check', input, '--output', target);
    // The temporary file's name carries the process id and a random part.
    const named = (text: string) => text.replace(/\.\d+-[0-9a-f]{8}\.tmp'/g, ".PID.tmp'");
    const detail = `ENOENT: no such file or directory, open '${path.join(dir, 'missing', '.r.txt.PID.tmp')}'`;
    expect(named(zh.stderr)).toBe(`无法写入 ${target}：${detail}\n`);
    expect(named(en.stderr)).toBe(`Cannot write ${target}: ${detail}\n`);
    expect(named(both.stderr)).toBe(`无法写入 ${target}：${detail} / Cannot write ${target}: ${detail}\n`);
    expect([zh.code, en.code, both.code]).toEqual([2, 2, 2]);
  });
});

describe('jixiao check: profile files', () => {
  it('a profile that is neither built in nor a file', async () => {
    const name = inDir('nowhere.json');
    await expectStderrLine(['check', fixture('seed.csv'), '--profile', name], {
      zh: `找不到规则配置 ${name}：既不是内置配置（${BUILT_INS}），也不是可读取的文件。`,
      en: `Profile ${name} not found: it is neither a built-in profile (${BUILT_INS}) nor a readable file.`,
    });
  });

  it('a profile file that is not JSON', async () => {
    const name = inDir('broken.json');
    writeFileSync(name, '{ "severities": ', 'utf8');
    let detail = '';
    try {
      JSON.parse('{ "severities": ');
    } catch (error) {
      detail = (error as Error).message;
    }
    await expectStderrLine(['check', fixture('seed.csv'), '--profile', name], { zh: `规则配置 ${name} 不是有效的 JSON：${detail}`, en: `Profile ${name} is not valid JSON: ${detail}` });
  });

  it('an invalid profile: the heading, then its problems in the same language (Chinese without --lang)', async () => {
    const name = inDir('bad.json');
    writeFileSync(name, JSON.stringify({ colour: 'red' }), 'utf8');
    const { zh, en, both } = await inEachLanguage('check', fixture('seed.csv'), '--profile', name);
    expect(zh.stderr).toBe(`规则配置 ${name} 有误：\n  - 未知的配置项“colour”。\n`);
    expect(en.stderr).toBe(`Profile ${name} is invalid:\n  - Unknown setting "colour".\n`);
    expect(both.stderr).toBe(`规则配置 ${name} 有误： / Profile ${name} is invalid:\n  - 未知的配置项“colour”。\n`);
    expect([zh.code, en.code, both.code]).toEqual([2, 2, 2]);
  });
});

describe('jixiao convert', () => {
  it('a table written: its line on stdout, then the file written', async () => {
    const input = fixture('seed.xlsx');
    const output = inDir('rows.xlsx');
    const zh = await runInProcess('convert', input, '--to', 'row-per-indicator', '--output', output, '--lang', 'zh');
    expect(zh).toEqual({ code: 0, stdout: `${SHEET} → ${SHEET}：每个指标一行\n已写出 ${output}\n`, stderr: '' });
    const en = await runInProcess('convert', input, '--to', 'row-per-indicator', '--output', output, '--force', '--lang', 'en');
    expect(en).toEqual({ code: 0, stdout: `${SHEET} → ${SHEET}: a row per indicator\nWrote ${output}\n`, stderr: '' });
    const both = await runInProcess('convert', input, '--to', 'row-per-indicator', '--output', output, '--force');
    expect(both).toEqual({ code: 0, stdout: `${SHEET} → ${SHEET}：每个指标一行 / a row per indicator\n已写出 ${output} / Wrote ${output}\n`, stderr: '' });
  });

  it('the department table: not converted, with the cell that stops it, and nothing written', async () => {
    const input = path.join(REAL_FIXTURE_DIR, 'l4-fujian-ningde-dangshi-2019.xlsx');
    const output = inDir('x.xlsx');
    const { zh, en, both } = await inEachLanguage('convert', input, '--to', 'one-cell', '--output', output);
    const [zhHead, zhCell] = zh.stderr.split('\n');
    const sheet = /^未转换 (.+)（第 (\d+) 行起的表格）$/.exec(zhHead ?? '');
    if (!sheet) throw new Error(`unexpected: ${zh.stderr}`);
    const [, name, row] = sheet;
    const at = /^ {2}(\S+!\S+)：/.exec(zhCell ?? '')?.[1] ?? '';
    expect(zh).toEqual({ code: 2, stdout: '', stderr: `未转换 ${name}（第 ${row} 行起的表格）\n  ${at}：部门整体支出绩效目标表不是项目表，没有可转换的格式\n没有写出 ${output}\n` });
    expect(en).toEqual({ code: 2, stdout: '', stderr: `Not converted: the table from row ${row} of ${name}\n  ${at}: the department-wide table is not a table of projects\n${output} was not written\n` });
    expect(both.stderr).toBe(
      `未转换 ${name}（第 ${row} 行起的表格） / Not converted: the table from row ${row} of ${name}\n` +
        `  ${at}：部门整体支出绩效目标表不是项目表，没有可转换的格式 / the department-wide table is not a table of projects\n` +
        `没有写出 ${output} / ${output} was not written\n`,
    );
  });

  it('a file without a table', async () => {
    const input = inDir('notes.csv');
    writeFileSync(input, '备注,内容\n1,2\n', 'utf8');
    const output = inDir('x.xlsx');
    await expectStderrLine(['convert', input, '--to', 'one-cell', '--output', output], { zh: `${input} 中没有找到绩效目标表`, en: `No 绩效目标表 found in ${input}` });
  });

  it('a file it cannot read, and an output that is the input', async () => {
    const missing = inDir('missing.xlsx');
    await expectStderrLine(['convert', missing, '--to', 'one-cell', '--output', inDir('x.xlsx')], { zh: `无法读取 ${missing}：文件不存在。`, en: `Cannot read ${missing}: the file does not exist.` });
    const input = copyOf('seed.xlsx');
    await expectStderrLine(['convert', input, '--to', 'one-cell', '--output', input], {
      zh: `--output ${input} 就是输入文件 ${input}，输入文件不会被覆盖：请另选一个文件名。`,
      en: `--output ${input} is the input file ${input}, which is never overwritten: choose another file name.`,
    });
  });

  it('--lang other than zh or en is a usage error, as for check', async () => {
    const { code, stderr } = await runInProcess('convert', fixture('seed.xlsx'), '--to', 'one-cell', '--output', inDir('x.xlsx'), '--lang', 'fr');
    expect([code, stderr.split('\n')[0]]).toEqual([2, '--lang 只能是 zh 或 en / --lang must be zh or en, not fr']);
  });
});
