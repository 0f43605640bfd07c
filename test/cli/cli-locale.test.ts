// The CLI's texts come from the locale bundles (issue 18): --lang zh|en picks zh-CN or en-US, every line in it.
import { mkdtemp, writeFile } from 'fs/promises';
import { tmpdir } from 'os';
import path from 'path';
import { runInProcess } from './run-in-process';

const fixture = (name: string) => path.join(__dirname, '..', 'fixtures', name);

describe('--lang picks the bundle', () => {
  it('reports a bad profile file’s problems in the chosen language', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'jixiao-locale-'));
    const profile = path.join(dir, 'bad.json');
    await writeFile(profile, JSON.stringify({ colour: 'red', severities: { 'goal.missing': 'fatal' } }), 'utf8');
    const en = await runInProcess('check', fixture('seed.csv'), '--profile', profile, '--lang', 'en');
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('  - Unknown setting "colour".');
    expect(en.stderr).toContain('  - The level "fatal" of rule "goal.missing" is invalid; it must be error, warning, info or off.');
    const zh = await runInProcess('check', fixture('seed.csv'), '--profile', profile);
    expect(zh.stderr).toContain('  - 未知的配置项“colour”。');
  });

  it('writes the text report in English with --lang en and in Chinese by default', async () => {
    const en = await runInProcess('check', fixture('seed.csv'), '--lang', 'en');
    expect(en.stdout).toMatch(/^ {2}Sheet /m);
    expect(en.stdout).toMatch(/^Total: 1 file, \d+ projects?: /m);
    const zh = await runInProcess('check', fixture('seed.csv'));
    expect(zh.stdout).toMatch(/^ {2}工作表 /m);
    expect(zh.stdout).toMatch(/^共 1 个文件、\d+ 个项目：错误 \d+，警告 \d+，提示 \d+$/m);
  });
});
