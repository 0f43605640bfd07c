#!/usr/bin/env node
'use strict';
// `npm run test:repeat -- N`: the whole `npm test` N times (default 10), one after another; prints each
// run's result and how many passed. A failed run's output is kept in test-artifacts/test-repeat-<run>.log.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const runs = Number(process.argv[2] ?? 10);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('用法 / usage: npm run test:repeat -- <次数 runs ≥ 1>');
  process.exit(2);
}
fs.mkdirSync(path.join(root, 'test-artifacts'), { recursive: true });
let passed = 0;
for (let run = 1; run <= runs; run++) {
  const started = Date.now();
  const result = spawnSync('npm', ['test'], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const ok = result.status === 0;
  if (ok) passed++;
  else fs.writeFileSync(path.join(root, 'test-artifacts', `test-repeat-${run}.log`), `${result.stdout}\n${result.stderr}`);
  console.log(`run ${run}/${runs}: ${ok ? 'passed' : `FAILED (exit ${result.status}; test-artifacts/test-repeat-${run}.log)`} in ${seconds} s`);
}
console.log(`${passed} of ${runs} runs passed`);
process.exitCode = passed === runs ? 0 : 1;
