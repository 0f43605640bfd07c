/** @jest-environment node */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

// scripts/function-lengths.js (run by `npm run lint`) counts every function in src/: none may pass 120 lines.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { functionLengths, MAX_FUNCTION_LINES } = require('../scripts/function-lengths.js') as {
  functionLengths(text: string, file: string): { file: string; line: number; lines: number; name: string }[];
  MAX_FUNCTION_LINES: number;
};

/** A function of `lines` lines in all, a third of its body blank lines and comments (they count too). */
const functionOf = (lines: number, head = 'export function long(): number {') =>
  [head, '  let n = 0;', ...Array.from({ length: lines - 4 }, (_, i) => (i % 3 === 0 ? '' : i % 3 === 1 ? '  // a comment' : '  n++;')), '  return n;', '}'].join('\n');

describe('scripts/function-lengths.js', () => {
  it('counts every line of a function, blank lines and comments too', () => {
    expect(MAX_FUNCTION_LINES).toBe(120);
    expect(functionLengths(functionOf(121), 'src/core/probe.ts')).toEqual([{ file: 'src/core/probe.ts', line: 1, lines: 121, name: 'long' }]);
  });

  it('finds arrow functions, methods and components, nested ones too, by the name they are known by', () => {
    const text = [
      '// a line before',
      functionOf(5, 'export const arrow = (): number => {'),
      'export const store = {',
      functionOf(6, '  method(): number {').replace(/\n\}$/, '\n  },'),
      '};',
      'export function View() {',
      '  const onClick = () => 1;',
      '  return <button onClick={onClick} />;',
      '}',
    ].join('\n');
    expect(functionLengths(text, 'src/ui/probe.tsx').map(({ name, line, lines }) => [name, line, lines])).toEqual([
      ['arrow', 2, 5],
      ['method', 8, 6],
      ['View', 15, 4],
      ['onClick', 16, 1],
    ]);
  });

  it('passes on src/ as it is, saying how many functions it counted', () => {
    const run = spawnSync(process.execPath, [join(resolve(__dirname, '..'), 'scripts', 'function-lengths.js')], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^function lengths: \d+ functions in src\/, the longest src\/\S+:\d+ \S+ \(\d+ lines\); limit 120\n$/);
  });
});
