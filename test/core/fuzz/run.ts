import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { checkWorkbook } from '../../../src/core';
import { readSpreadsheet } from '../../../src/workbook/open-spreadsheet';
import { describeInput, gridCase, gridProperty, indicatorString, indicatorStringProperty, newFuzzStats, type FuzzOptions } from './properties';
import { badInputFile, manyIndicatorsWorkbook, SLOW_FILES, SLOW_INPUT_SHEET, SPACE_RUNS } from './slow-inputs';

/**
 * `npm run fuzz`: the properties of fuzz.test.ts on many more inputs. Each property runs in a worker
 * watched by this thread: an input that never finishes (a regular expression gone exponential) is
 * named and written out instead of stalling the run.
 * FUZZ_SEED reproduces a run; FUZZ_STRINGS, FUZZ_GRIDS, FUZZ_BOUND_MS and FUZZ_HANG_MS change it.
 */

type Kind = 'indicator strings' | 'grids';

interface Job {
  readonly kind: Kind;
  readonly seed: number;
  readonly numRuns: number;
  readonly boundMs: number;
  readonly perUnitMs: number;
  /** One Int32: how many inputs have started. */
  readonly progress: SharedArrayBuffer;
}

interface Outcome {
  readonly failed: boolean;
  readonly numRuns: number;
  readonly report: string;
  readonly counts: readonly (readonly [string, number])[];
  readonly slowest: readonly (readonly [string, { ms: number; size: number }])[];
}

const env = (name: string, fallback: number): number => {
  const raw = process.env[name];
  return raw !== undefined && raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : fallback;
};

function work(job: Job): Outcome {
  const progress = new Int32Array(job.progress);
  const opts: FuzzOptions = { boundMs: job.boundMs, perUnitMs: job.perUnitMs, stats: newFuzzStats(), onInput: () => Atomics.add(progress, 0, 1) };
  // Shrinking a slow input runs many slow inputs: stop after a while and report what was reached.
  const params = { seed: job.seed, numRuns: job.numRuns, interruptAfterTimeLimit: 20 * 60_000, markInterruptAsFailure: true };
  const outcome = job.kind === 'grids' ? outcomeOf(fc.check(gridProperty(opts), params)) : outcomeOf(fc.check(indicatorStringProperty(opts), params));
  return { ...outcome, counts: [...opts.stats.counts], slowest: [...opts.stats.slowest] };
}

function outcomeOf<Ts>(details: fc.RunDetails<Ts>): Pick<Outcome, 'failed' | 'numRuns' | 'report'> {
  const error = details.errorInstance instanceof Error ? `\n${details.errorInstance.message}` : '';
  return { failed: details.failed, numRuns: details.numRuns, report: details.failed ? `${fc.defaultReportMessage(details) ?? ''}${error}` : '' };
}

function runWatched(job: Job, hangMs: number): Promise<Outcome | { hungAt: number }> {
  return new Promise((resolve) => {
    const progress = new Int32Array(job.progress);
    const worker = new Worker(__filename, { workerData: job });
    let seen = -1;
    let since = Date.now();
    const timer = setInterval(() => {
      const started = Atomics.load(progress, 0);
      if (started !== seen) {
        seen = started;
        since = Date.now();
      } else if (Date.now() - since > hangMs) {
        clearInterval(timer);
        void worker.terminate();
        resolve({ hungAt: started - 1 });
      }
    }, 500);
    worker.once('message', (outcome: Outcome) => {
      clearInterval(timer);
      resolve(outcome);
    });
    worker.once('error', (error) => {
      clearInterval(timer);
      resolve({ failed: true, numRuns: Atomics.load(progress, 0), report: String(error), counts: [], slowest: [] });
    });
  });
}

/** The input fast-check gave as run `index` (0-based): sampling with the same seed yields the same sequence. */
function inputAt(kind: Kind, seed: number, index: number): unknown {
  const arbitrary: fc.Arbitrary<unknown> = kind === 'grids' ? gridCase : indicatorString;
  return fc.sample(arbitrary, { seed, numRuns: index + 1 })[index];
}

/** The inputs that were once slow, each against its time limit; true when all kept to it. */
async function timeSlowInputs(): Promise<boolean> {
  const checks: readonly (readonly [string, number, () => unknown])[] = [
    ...SPACE_RUNS.map(([name, workbook]) => [name, 1_000, () => checkWorkbook(workbook)] as const),
    ['a cell of 9,999 indicators', 10_000, () => checkWorkbook(manyIndicatorsWorkbook(SLOW_INPUT_SHEET))],
    ...SLOW_FILES.map((file) => [`${file}: read and check`, 10_000, async () => {
      const read = await readSpreadsheet(badInputFile(file), file);
      if (!read.ok) throw new Error(`${file} could not be read: ${read.problem}`);
      return checkWorkbook(read.workbook);
    }] as const),
  ];
  let ok = true;
  for (const [name, limitMs, run] of checks) {
    const start = performance.now();
    await run();
    const ms = performance.now() - start;
    ok &&= ms <= limitMs;
    console.log(`${ms <= limitMs ? '✓' : '✗'} slow input: ${name}: ${ms.toFixed(0)} ms (limit ${limitMs} ms)`);
  }
  return ok;
}

async function main(): Promise<void> {
  const seed = env('FUZZ_SEED', Date.now() % 2 ** 31);
  const boundMs = env('FUZZ_BOUND_MS', 200);
  const perUnitMs = 0.005;
  const hangMs = env('FUZZ_HANG_MS', 10_000);
  const runs: readonly (readonly [Kind, number])[] = [['indicator strings', env('FUZZ_STRINGS', 100_000)], ['grids', env('FUZZ_GRIDS', 10_000)]];
  console.log(`fuzz: seed ${seed} (FUZZ_SEED=${seed} npm run fuzz repeats this run); bound per input ${boundMs} ms + ${perUnitMs} ms per character; a hang is ${hangMs / 1000} s without progress`);
  const started = performance.now();
  let failed = !(await timeSlowInputs());
  for (const [kind, numRuns] of runs) {
    const start = performance.now();
    const job: Job = { kind, seed, numRuns, boundMs, perUnitMs, progress: new SharedArrayBuffer(4) };
    const outcome = await runWatched(job, hangMs);
    const seconds = ((performance.now() - start) / 1000).toFixed(1);
    if ('hungAt' in outcome) {
      failed = true;
      const file = join(process.cwd(), 'test-artifacts', 'fuzz-hang.json');
      mkdirSync(join(process.cwd(), 'test-artifacts'), { recursive: true });
      if (outcome.hungAt < numRuns) {
        const input = inputAt(kind, seed, outcome.hungAt);
        writeFileSync(file, JSON.stringify(input, null, 1));
        console.log(`✗ ${kind}: input #${outcome.hungAt} did not finish in ${hangMs / 1000} s (${seconds} s); it is written to ${file}`);
        console.log(describeInput(input));
      } else {
        console.log(`✗ ${kind}: an input tried while shrinking a failure did not finish in ${hangMs / 1000} s (${seconds} s)`);
      }
      continue;
    }
    if (outcome.failed) {
      failed = true;
      console.log(`✗ ${kind}: failed after ${outcome.numRuns} inputs (${seconds} s)\n${outcome.report}`);
    } else {
      console.log(`✓ ${kind}: ${outcome.numRuns} inputs in ${seconds} s`);
    }
    for (const [what, n] of outcome.counts) console.log(`    ${what}: ${n}`);
    for (const [what, { ms, size }] of outcome.slowest) console.log(`    slowest ${what}: ${ms.toFixed(1)} ms (input size ${size})`);
  }
  console.log(`fuzz: ${((performance.now() - started) / 1000).toFixed(1)} s in all, seed ${seed}${failed ? ' — FAILED' : ''}`);
  process.exitCode = failed ? 1 : 0;
}

if (isMainThread) void main();
else parentPort?.postMessage(work(workerData as Job));
