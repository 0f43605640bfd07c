#!/usr/bin/env node
'use strict';
// `npm run test:counts`: runs jest (and the build checks, when dist-web/ is built) and prints the tests and
// assertions per area of test/, so that a change can show the suite checks no less than before.
// `--json <file>` also writes the counts; `--compare <file>` prints them beside an earlier --json file.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-counts-')), 'counts.jsonl');
const env = { ...process.env, JIXIAO_TEST_COUNTS: out };
const jest = require.resolve('jest/bin/jest', { paths: [root] });

let status = spawnSync(process.execPath, [jest], { cwd: root, env, stdio: 'inherit' }).status;
if (fs.existsSync(path.join(root, 'dist-web', 'taskpane.html'))) {
  status ||= spawnSync(process.execPath, [jest, '-c', 'jest.build.config.js'], { cwd: root, env, stdio: 'inherit' }).status;
}

/** test/ui/builder/x.test.tsx → "ui"; test/x.test.ts → "(root)". */
const areaOf = (file) => {
  const parts = path.relative(path.join(root, 'test'), file).split(path.sep);
  return parts.length > 1 ? parts[0] : '(root)';
};
const counts = {};
for (const line of fs.readFileSync(out, 'utf8').split('\n').filter(Boolean)) {
  const { file, tests, assertions } = JSON.parse(line);
  const area = (counts[areaOf(file)] ??= { files: 0, tests: 0, assertions: 0 });
  area.files++;
  area.tests += tests;
  area.assertions += assertions;
}
const earlier = option('--compare') ? JSON.parse(fs.readFileSync(option('--compare'), 'utf8')) : null;
const areas = [...new Set([...Object.keys(counts), ...Object.keys(earlier ?? {})])].sort();
const total = (set) => Object.values(set).reduce((sum, a) => ({ tests: sum.tests + a.tests, assertions: sum.assertions + a.assertions }), { tests: 0, assertions: 0 });
console.log(`\narea        tests  assertions${earlier ? '   (before: tests  assertions)' : ''}`);
for (const area of [...areas, 'total']) {
  const now = area === 'total' ? total(counts) : counts[area] ?? { tests: 0, assertions: 0 };
  const before = earlier && (area === 'total' ? total(earlier) : earlier[area] ?? { tests: 0, assertions: 0 });
  console.log(`${area.padEnd(10)} ${String(now.tests).padStart(6)} ${String(now.assertions).padStart(11)}${before ? `   (${String(before.tests).padStart(6)} ${String(before.assertions).padStart(11)})` : ''}`);
}
if (option('--json')) fs.writeFileSync(option('--json'), `${JSON.stringify(counts, null, 2)}\n`);
process.exitCode = status ?? 1;
