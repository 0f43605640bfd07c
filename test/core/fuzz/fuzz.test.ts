import fc from 'fast-check';
import { gridProperty, indicatorStringProperty, newFuzzStats, type FuzzOptions } from './properties';

// A short run on every `npm test`; `npm run fuzz` runs the same properties on 100,000s of inputs and
// alone holds each input to a time bound (a jest run shares the machine, so it checks results only).
const seed = Number(process.env['FUZZ_SEED'] ?? 7_2024);
const opts: FuzzOptions = { boundMs: null, perUnitMs: 0, stats: newFuzzStats() };

describe(`fuzz (seed ${seed})`, () => {
  test('indicator strings: no exception, stable canonical text and builder rows', () => {
    fc.assert(indicatorStringProperty(opts), { seed, numRuns: 5000 });
  }, 120_000);

  test('grids: no exception, consistent tables and findings, fixes settle, re-check = full check', () => {
    fc.assert(gridProperty(opts), { seed, numRuns: 500 });
  }, 120_000);
});
