#!/usr/bin/env node
'use strict';
// The CLI is compiled to dist/ by `npm run build:cli`, which `prepare` runs on npm install / npm ci.
require('../dist/cli/main.js').main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
