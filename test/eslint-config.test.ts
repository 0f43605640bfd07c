import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..');

interface LintMessage {
  readonly ruleId: string | null;
  readonly line: number;
}

/** Lints `code` as if it were the file at `path` (nothing is written). */
function lint(code: string, path: string): LintMessage[] {
  const bin = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const run = spawnSync(process.execPath, [bin, '--format', 'json', '--stdin', '--stdin-filename', path], { cwd: root, input: code, encoding: 'utf8' });
  const [result] = JSON.parse(run.stdout) as { messages: LintMessage[] }[];
  return (result?.messages ?? []).map(({ ruleId, line }) => ({ ruleId, line }));
}

describe('eslint.config.mjs: nothing in src/ turns strings into code or HTML', () => {
  const probe = [
    'export function probe(text: string, el: HTMLElement) {', // 1
    '  eval(text);', // 2
    '  setTimeout("run()", 1);', // 3
    '  const f = new Function(text);', // 4
    '  el.innerHTML = text;', // 5
    '  el.insertAdjacentHTML("beforeend", text);', // 6
    '  document.write(text);', // 7
    '  return <div dangerouslySetInnerHTML={{ __html: text }} onClick={() => f()} />;', // 8
    '}', // 9
    'export default probe;', // 10
  ].join('\n');

  it('reports each way in, and keeps the named-exports rule', () => {
    for (const path of ['src/ui/probe.tsx', 'src/web/probe.tsx']) {
      expect(lint(probe, path)).toEqual([
        { ruleId: 'no-eval', line: 2 },
        { ruleId: 'no-implied-eval', line: 3 },
        { ruleId: 'no-new-func', line: 4 },
        { ruleId: 'no-restricted-syntax', line: 5 },
        { ruleId: 'no-restricted-syntax', line: 6 },
        { ruleId: 'no-restricted-syntax', line: 7 },
        { ruleId: 'no-restricted-syntax', line: 8 },
        { ruleId: 'no-restricted-syntax', line: 10 },
      ]);
    }
  }, 60_000);

  it('accepts text rendered as React children and textContent', () => {
    const clean = 'export function Probe({ text }: { text: string }) {\n  document.title = text;\n  return <p>{text}</p>;\n}\n';
    expect(lint(clean, 'src/ui/probe.tsx')).toEqual([]);
  }, 60_000);
});
