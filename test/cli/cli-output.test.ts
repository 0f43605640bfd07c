import { chmodSync, copyFileSync, existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import path from 'path';
import { checkWorkbook, SEVERITIES, type Severity } from '../../src/core/index';
import { writeFileAtomically } from '../../src/cli/output-file';
import { MARK_COLOURS, REPORT_SHEET_NAME } from '../../src/workbook/port';
import { readXlsxGrid } from '../../src/workbook/xlsx-grid';
import { marksOf } from '../../src/workbook/port';
import { XLSX_MARK_FORMULA } from '../../src/workbook/xlsx-writer';
import { NOTES_SHEET, RICH_SHEET, richSeedXlsx, xlsxSnapshot } from '../workbook/rich-xlsx';
import { runInProcess } from './run-in-process';

jest.setTimeout(30_000);
const fixture = (name: string): string => path.join(__dirname, '..', 'fixtures', name);

const run = runInProcess;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jixiao-out-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const inDir = (name: string) => path.join(dir, name);
const copyOf = (name: string, as = name) => {
  copyFileSync(fixture(name), inDir(as));
  return inDir(as);
};
const state = (file: string) => ({ bytes: readFileSync(file), mtime: statSync(file).mtimeMs });
/** Nothing but these names in the folder: no temporary files left over. */
const folderHolds = (...names: string[]) => expect(readdirSync(dir).sort()).toEqual([...names].sort());

describe('--output', () => {
  it('writes the text report to the file instead of stdout', async () => {
    const input = copyOf('seed.xlsx');
    const plain = await run('check', input);
    const { code, stdout, stderr } = await run('check', input, '--output', inDir('报告.txt'));
    expect({ code, stdout, stderr }).toEqual({ code: 1, stdout: '', stderr: `已写入报告：${inDir('报告.txt')}\n` });
    expect(readFileSync(inDir('报告.txt'), 'utf8')).toBe(plain.stdout);
    folderHolds('seed.xlsx', '报告.txt');
  });

  it('writes the JSON report with --format json, the same document stdout would get', async () => {
    const input = copyOf('seed.csv');
    const plain = await run('check', input, '--format', 'json');
    const { code, stdout } = await run('check', input, '--format', 'json', `--output=${inDir('report.json')}`);
    expect([code, stdout]).toEqual([1, '']);
    expect(readFileSync(inDir('report.json'), 'utf8')).toBe(plain.stdout);
    expect(JSON.parse(readFileSync(inDir('report.json'), 'utf8'))).toMatchObject({ summary: { files: 1, projects: 9, errors: 1 } });
  });

  it('still writes the report, listing the unreadable file, when an input cannot be read (exit 2)', async () => {
    const { code, stderr } = await run('check', fixture('corrupt.xlsx'), '--format', 'json', '--output', inDir('r.json'));
    expect(code).toBe(2);
    expect(stderr).toContain('无法读取');
    expect(JSON.parse(readFileSync(inDir('r.json'), 'utf8')).unreadable).toEqual([{ file: fixture('corrupt.xlsx'), reason: '文件已损坏或不完整，无法作为 Excel 工作簿打开。' }]);
  });

  it('does not replace an existing file without --force, and says to add it', async () => {
    const input = copyOf('seed.csv');
    writeFileSync(inDir('old.txt'), '上次的报告');
    const refused = await run('check', input, '--output', inDir('old.txt'));
    expect(refused).toEqual({
      code: 2,
      stdout: '',
      stderr: `${inDir('old.txt')} 已存在；如要覆盖，请加上 --force。 / ${inDir('old.txt')} already exists; add --force to overwrite it.\n`,
    });
    expect(readFileSync(inDir('old.txt'), 'utf8')).toBe('上次的报告');

    chmodSync(inDir('old.txt'), 0o640);
    const forced = await run('check', input, '--output', inDir('old.txt'), '--force');
    expect(forced.code).toBe(1);
    expect(readFileSync(inDir('old.txt'), 'utf8')).toMatch(/^.*seed\.csv\n {2}表格 seed!A3：.*\n {2}规则：广州市.*\n {2}工作表 seed\n/);
    expect(statSync(inDir('old.txt')).mode & 0o777).toBe(0o640);
    folderHolds('seed.csv', 'old.txt');
  });

  it('says why it cannot write into a missing folder and leaves nothing behind', async () => {
    const input = copyOf('seed.csv');
    const target = path.join(dir, '没有这个文件夹', 'r.txt');
    const { code, stderr } = await run('check', input, '--output', target);
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`^无法写入 ${target.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}：.*ENOENT.* / Cannot write .*: .*ENOENT`));
    folderHolds('seed.csv');
  });

  it('refuses a folder', async () => {
    const input = copyOf('seed.csv');
    const { code, stderr } = await run('check', input, '--output', dir, '--force');
    expect(code).toBe(2);
    expect(stderr).toBe(`--output ${dir} 是一个文件夹，请给出文件名。 / --output ${dir} is a folder; name a file.\n`);
  });
});

describe('never the input file itself', () => {
  const refusal = (option: string, target: string, input: string) =>
    `${option} ${target} 就是输入文件 ${input}，输入文件不会被覆盖：请另选一个文件名。 / ${option} ${target} is the input file ${input}, which is never overwritten: choose another file name.\n`;

  it.each(['--output', '--marked'])('%s: the same path, another spelling, a symbolic link or a hard link, even with --force', async (option) => {
    const input = copyOf('seed.xlsx', '绩效目标表.xlsx');
    symlinkSync(input, inDir('链接.xlsx'));
    linkSync(input, inDir('硬链接.xlsx'));
    const before = state(input);
    const spellings = [input, `${dir}${path.sep}.${path.sep}sub${path.sep}..${path.sep}绩效目标表.xlsx`, path.relative(process.cwd(), input), inDir('链接.xlsx'), inDir('硬链接.xlsx')];
    for (const target of spellings) {
      const { code, stdout, stderr } = await run('check', input, option, target, '--force');
      expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: refusal(option, target, input) });
    }
    expect(state(input)).toEqual(before);
    expect(readFileSync(inDir('硬链接.xlsx')).equals(before.bytes)).toBe(true);
  });

  it('nor any other input, nor the profile file it reads', async () => {
    const a = copyOf('seed.csv');
    const b = copyOf('seed-gbk.csv');
    writeFileSync(inDir('p.json'), JSON.stringify({ name: 'p' }));
    expect((await run('check', a, b, '--output', b, '--force')).stderr).toBe(refusal('--output', b, b));
    expect((await run('check', a, '--profile', inDir('p.json'), '--output', inDir('p.json'), '--force')).stderr).toBe(refusal('--output', inDir('p.json'), inDir('p.json')));
    expect(readFileSync(inDir('p.json'), 'utf8')).toBe(JSON.stringify({ name: 'p' }));
  });

  it('nor --output and --marked the same file', async () => {
    const input = copyOf('seed.xlsx');
    const { code, stderr } = await run('check', input, '--output', inDir('x.xlsx'), '--marked', `${dir}${path.sep}.${path.sep}x.xlsx`);
    expect(code).toBe(2);
    expect(stderr).toBe(`--output 和 --marked 不能是同一个文件：${inDir('x.xlsx')} / --output and --marked must be different files: ${inDir('x.xlsx')}\n`);
    folderHolds('seed.xlsx');
  });

  it.each(['seed.xlsx', 'seed.csv'])('leaves %s byte for byte and its modification time as they were, whatever is written', async (name) => {
    const input = copyOf(name);
    const before = state(input);
    await run('check', input);
    await run('check', input, '--format', 'json', '--output', inDir('r.json'));
    if (name.endsWith('.xlsx')) expect((await run('check', input, '--marked', inDir('copy.xlsx'))).code).toBe(1);
    expect(state(input)).toEqual(before);
  });
});

describe('--marked', () => {
  it('writes a copy of the .xlsx with marks and a 校验结果 sheet; the rest of the file is as it was', async () => {
    const original = await richSeedXlsx();
    const input = inDir('绩效目标表.xlsx');
    writeFileSync(input, original);
    const before = await xlsxSnapshot(original);
    const { code, stdout, stderr } = await run('check', input, '--marked', inDir('已标记.xlsx'));
    expect(code).toBe(1);
    expect(stderr).toBe(`已写入带标记的副本：${inDir('已标记.xlsx')}\n`);
    expect(stdout).toContain('错误  G12  缺少效益指标');
    expect(readFileSync(input).equals(Buffer.from(original))).toBe(true);

    const after = await xlsxSnapshot(readFileSync(inDir('已标记.xlsx')));
    expect(after.map((s) => s.name)).toEqual([RICH_SHEET, NOTES_SHEET, REPORT_SHEET_NAME]);
    expect({ ...after[0], conditionalFormats: [] }).toEqual({ ...before[0], conditionalFormats: [] });
    expect(after[1]).toEqual(before[1]);

    const findings = checkWorkbook(await readXlsxGrid(original)).findings;
    const expectedMarks = marksOf(findings);
    const severities = SEVERITIES.filter((s) => [...expectedMarks.values()].includes(s));
    const formats = after[0]?.conditionalFormats ?? [];
    const isMark = (cf: (typeof formats)[number]) => cf.rules.some((r) => 'formulae' in r && r.formulae?.[0] === XLSX_MARK_FORMULA);
    expect(formats.filter((cf) => !isMark(cf))).toEqual(before[0]?.conditionalFormats.map((cf) => ({ ...cf, rules: cf.rules.map((r) => ({ ...r, priority: r.priority + severities.length })) })));
    const marks = new Map<string, Severity>();
    for (const cf of formats.filter(isMark)) {
      const severity = SEVERITIES.find((s) => JSON.stringify(cf.rules[0]?.style).includes(MARK_COLOURS[s].fill.slice(1)));
      for (const cell of cf.ref.split(' ')) marks.set(`${RICH_SHEET}!${cell}`, severity as Severity);
    }
    expect(marks).toEqual(expectedMarks);
    const report = after[2]?.cells ?? {};
    expect(report.A1?.value).toBe('级别');
    expect(Object.keys(report).filter((a) => /^F\d+$/.test(a))).toHaveLength(findings.length + 1);
    expect(Object.values(report).map((c) => c.value)).toContainEqual({ text: 'G12', hyperlink: `#'${RICH_SHEET}'!G12` });
    folderHolds('绩效目标表.xlsx', '已标记.xlsx');
  });

  it('takes exactly one input', async () => {
    const { code, stderr } = await run('check', fixture('seed.xlsx'), fixture('seed.csv'), '--marked', inDir('m.xlsx'));
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('--marked 只能用于一个输入文件 / --marked takes exactly one input file');
    folderHolds();
  });

  it('refuses a CSV input after reporting on it, and writes nothing', async () => {
    const input = copyOf('seed.csv');
    const { code, stdout, stderr } = await run('check', input, '--marked', inDir('m.xlsx'));
    expect(code).toBe(2);
    expect(stdout).toContain('9 个项目：错误 1');
    expect(stderr).toBe(`未写出 ${inDir('m.xlsx')}：--marked 只能用于 .xlsx 文件，${input} 不是。 / ${inDir('m.xlsx')} was not written: --marked needs an .xlsx input, and ${input} is not one.\n`);
    folderHolds('seed.csv');
  });

  it('writes nothing for an input it cannot read', async () => {
    const { code, stderr } = await run('check', fixture('password.xlsx'), '--marked', inDir('m.xlsx'));
    expect(code).toBe(2);
    expect(stderr.split('\n')[1]).toBe(`未写出 ${inDir('m.xlsx')}：${fixture('password.xlsx')} 无法检查。 / ${inDir('m.xlsx')} was not written: ${fixture('password.xlsx')} could not be checked.`);
    folderHolds();
  });

  it('does not replace an existing copy without --force', async () => {
    const input = copyOf('seed.xlsx');
    writeFileSync(inDir('m.xlsx'), 'old');
    expect((await run('check', input, '--marked', inDir('m.xlsx'))).stderr).toBe(`${inDir('m.xlsx')} 已存在；如要覆盖，请加上 --force。 / ${inDir('m.xlsx')} already exists; add --force to overwrite it.\n`);
    expect(readFileSync(inDir('m.xlsx'), 'utf8')).toBe('old');
    expect((await run('check', input, '--marked', inDir('m.xlsx'), '--force')).code).toBe(1);
    expect((await readXlsxGrid(readFileSync(inDir('m.xlsx')))).sheets.map((s) => s.name)).toEqual(['项目支出绩效目标表', REPORT_SHEET_NAME]);
  });
});

describe('writeFileAtomically', () => {
  it('leaves no file at all when writing fails part-way', async () => {
    const target = inDir('r.txt');
    const failing = writeFileAtomically(target, async (handle) => {
      await handle.writeFile('前半部分');
      throw new Error('磁盘已满');
    }, false);
    await expect(failing).rejects.toThrow('磁盘已满');
    folderHolds();
  });

  it('leaves the old file whole when replacing it fails part-way', async () => {
    writeFileSync(inDir('r.txt'), '旧内容');
    const failing = writeFileAtomically(inDir('r.txt'), async (handle) => {
      await handle.writeFile('新内容的一半');
      throw new Error('写入中断');
    }, true);
    await expect(failing).rejects.toThrow('写入中断');
    expect(readFileSync(inDir('r.txt'), 'utf8')).toBe('旧内容');
    folderHolds('r.txt');
  });

  it('does not replace a file that appeared while it was writing, unless told to', async () => {
    const target = inDir('r.txt');
    const racing = writeFileAtomically(target, async (handle) => {
      writeFileSync(target, '别人的文件');
      await handle.writeFile('我的报告');
    }, false);
    await expect(racing).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(target, 'utf8')).toBe('别人的文件');
    folderHolds('r.txt');
    await writeFileAtomically(target, (handle) => handle.writeFile('我的报告'), true);
    expect(readFileSync(target, 'utf8')).toBe('我的报告');
    expect(existsSync(target)).toBe(true);
    folderHolds('r.txt');
  });
});
