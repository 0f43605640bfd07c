import { runInProcess } from './run-in-process';

const CJK = /[\u4e00-\u9fff]/g;
/** Chinese that English help may quote: the table's own name and the report sheet's. */
const QUOTED = ['项目支出绩效目标表', '校验结果'];
const unquotedChinese = (text: string) => QUOTED.reduce((t, q) => t.split(q).join(''), text).match(CJK) ?? [];

describe('the CLI’s help and usage errors, by --lang', () => {
  it('--help --lang en is English only; --help alone keeps Chinese first, with the English under it', async () => {
    const english = await runInProcess('--help', '--lang', 'en');
    expect(english.code).toBe(0);
    expect(english.stdout).toMatch(/^jixiao — performance target table checker\n\nUsage:\n {2}jixiao check <file \.\.\.> \[options\]/);
    expect(english.stdout).toContain('built-in profiles: national, guangzhou, caiyu-2021');
    expect(unquotedChinese(english.stdout)).toEqual([]);
    const chinese = await runInProcess('--help');
    expect(chinese.stdout).toMatch(/^jixiao — 绩效目标表助手 \/ performance target table checker\n\n用法 \/ Usage:/);
    expect((await runInProcess('help', '--lang=en')).stdout).toBe(english.stdout);
  });

  it.each([
    [['check', 'a.csv', '--bogus', '--lang', 'en'], 'Unknown option --bogus'],
    [['frob', '--lang', 'en'], 'Unknown command frob: use check or convert'],
    [['check', '--lang', 'en'], 'Name at least one file to check'],
    [['check', 'a.csv', '--format', 'xml', '--lang', 'en'], '--format must be text or json, not xml'],
    [['check', 'a.xlsx', 'b.xlsx', '--marked', 'm.xlsx', '--lang=en'], '--marked takes exactly one input file: check the others without it'],
    [['convert', 'a.xlsx', '--lang', 'en'], '--to must be one-cell or row-per-indicator'],
  ])('%j: the reason in English, then the hint', async (argv, reason) => {
    const { code, stdout, stderr } = await runInProcess(...argv);
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: `${reason}\nRun jixiao --help --lang en for usage.\n` });
  });

  it('without --lang en a usage error stays Chinese first, as before', async () => {
    const { stderr } = await runInProcess('check', 'a.csv', '--bogus');
    expect(stderr).toBe('未知选项 --bogus / Unknown option --bogus\n运行 jixiao --help 查看用法。 / Run jixiao --help for usage.\n');
  });
});
