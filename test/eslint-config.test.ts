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

describe('eslint.config.mjs: no function in src/ over 120 lines', () => {
  /** A function of `lines` lines in all, a third of its body blank lines and comments (they count too). */
  const functionOf = (lines: number) =>
    ['export function long(): number {', '  let n = 0;', ...Array.from({ length: lines - 4 }, (_, i) => (i % 3 === 0 ? '' : i % 3 === 1 ? '  // a comment' : '  n++;')), '  return n;', '}'].join('\n');

  it('reports a 121-line function in every folder of src/, counting blank and comment lines', () => {
    for (const path of ['src/core/probe.ts', 'src/ui/check-session/probe.ts', 'src/workbook/office/probe.ts']) {
      expect(lint(functionOf(121), path).filter((m) => m.ruleId === 'max-lines-per-function')).toEqual([{ ruleId: 'max-lines-per-function', line: 1 }]);
      expect(lint(functionOf(120), path).filter((m) => m.ruleId === 'max-lines-per-function')).toEqual([]);
    }
  });
});
