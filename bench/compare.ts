import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Checker } from '../src/core';
import { generateWorkbook } from './generate';
import { median, timeMs } from './timing';

/**
 * `npm run bench:compare -- <git ref> [--projects N] [--runs N]`: the core check of this working tree
 * against a commit, in one process, alternating run by run. Single runs on a shared 2-core machine vary
 * by ±20 %, so two separate `npm run bench` cannot show a 5 % change; paired runs share the machine's
 * state, and the median of their ratios can. It measures; it asserts nothing.
 */

const root = join(__dirname, '..', '..');

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} needs a positive whole number`);
  return value;
}

/** The commit's core, built by its own bench config in a temporary worktree that shares our node_modules. */
function buildBaseline(ref: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-compare-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  git('worktree', 'add', '--detach', dir, ref);
  const remove = () => {
    git('worktree', 'remove', '--force', dir);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.bench.json'], { cwd: dir, stdio: 'inherit' });
    if (!existsSync(join(dir, 'dist-bench', 'src', 'core', 'index.js'))) throw new Error(`${ref} has no core to compare`);
  } catch (error) {
    remove();
    throw error;
  }
  return { dir, remove };
}

function timeCheck(checker: Checker, workbook: ReturnType<typeof generateWorkbook>): { ms: number; findings: number } {
  let findings = 0;
  const ms = timeMs(() => (findings = checker.checkWorkbook(workbook).findings.length));
  return { ms, findings };
}

function main(): void {
  const ref = process.argv[2];
  if (!ref || ref.startsWith('--')) throw new Error('usage: npm run bench:compare -- <git ref> [--projects N] [--runs N]');
  const projects = option('--projects', 100000);
  const runs = option('--runs', 15);
  const baseline = buildBaseline(ref);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a second copy of the core, loaded from the worktree
    const base = (require(join(baseline.dir, 'dist-bench', 'src', 'core')) as typeof import('../src/core')).createChecker();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the working tree's build, next to this file
    const current = (require('../src/core') as typeof import('../src/core')).createChecker();
    const workbook = generateWorkbook(projects);
    timeCheck(base, workbook); // warm-up of each copy: JIT, taxonomy, caches
    timeCheck(current, workbook);
    const baseMs: number[] = [];
    const currentMs: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < runs; i++) {
      // Alternate which goes first, so neither always runs right after the other's garbage.
      const currentFirst = i % 2 === 1;
      const earlier = currentFirst ? timeCheck(current, workbook) : timeCheck(base, workbook);
      const later = currentFirst ? timeCheck(base, workbook) : timeCheck(current, workbook);
      const [baseRun, c] = currentFirst ? [later, earlier] : [earlier, later];
      if (baseRun.findings !== c.findings) process.stdout.write(`note: findings differ (${ref}: ${baseRun.findings}, working tree: ${c.findings})\n`);
      baseMs.push(baseRun.ms);
      currentMs.push(c.ms);
      ratios.push(c.ms / baseRun.ms);
    }
    const sorted = [...ratios].sort((a, b) => a - b);
    const quartile = (q: number) => (sorted[Math.floor(q * (sorted.length - 1))] as number).toFixed(3);
    process.stdout.write(
      [
        `${projects.toLocaleString('en')} projects, ${runs} paired runs`,
        `${ref}: median ${median(baseMs).toFixed(0)} ms`,
        `working tree: median ${median(currentMs).toFixed(0)} ms`,
        `working tree / ${ref}: median ${median(ratios).toFixed(3)} (quartiles ${quartile(0.25)}–${quartile(0.75)})`,
      ].join('\n') + '\n',
    );
  } finally {
    baseline.remove();
  }
}

try {
  main();
} catch (error: unknown) {
  process.stderr.write(`bench:compare failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
