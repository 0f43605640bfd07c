import fc from 'fast-check';
import { gridProperty, indicatorStringProperty, newFuzzStats, type FuzzOptions } from './properties';

// A short run on every `npm test`; `npm run fuzz` runs the same properties on 100,000s of inputs.
const seed = Number(process.env['FUZZ_SEED'] ?? 7_2024);
const opts: FuzzOptions = { boundMs: 200, perUnitMs: 0.005, stats: newFuzzStats() };

describe(`fuzz (seed ${seed})`, () => {
  test('indicator strings: no exception, bounded time, stable canonical text and builder rows', () => {
    fc.assert(indicatorStringProperty(opts), { seed, numRuns: 5000 });
  }, 120_000);

  test('grids: no exception, bounded time, consistent tables and findings, fixes settle, re-check = full check', () => {
    fc.assert(gridProperty(opts), { seed, numRuns: 500 });
  }, 120_000);
});
