'use strict';
// The compiled CLI (dist/) is built once per test run: by whichever test needs it first, and only when a
// source it is compiled from is newer than the build (`npm ci` builds it already, through `prepare`).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const SOURCES = ['src/cli', 'src/core', 'src/workbook', 'tsconfig.cli.json', 'tsconfig.json', 'package.json'];

function newestMtime(file) {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(file).map((name) => newestMtime(path.join(file, name))));
}

/** Builds dist/ when it is missing or older than its sources; returns whether it built. */
function ensureBuiltCli() {
  const built = path.join(root, 'dist', 'cli', 'main.js');
  const sources = Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s))));
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) return false;
  execFileSync('npm', ['run', '-s', 'build:cli'], { cwd: root, stdio: 'pipe' });
  // tsc leaves an unchanged output file's time alone: mark the build as done now.
  const now = new Date();
  fs.utimesSync(built, now, now);
  return true;
}

module.exports = { ensureBuiltCli };
