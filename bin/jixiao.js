#!/usr/bin/env node
'use strict';
// The CLI is compiled to dist/ by `npm run build:cli`, which `prepare` runs on npm install / npm ci.
// A reader that stops early (`jixiao check … | head`) closes the pipe: stop quietly, as Unix tools do.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
require('../dist/cli/main.js').main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
