'use strict';
// Shared by the fixture scripts: generated fixtures must be byte-for-byte reproducible.
const crypto = require('crypto');
const ExcelJS = require('exceljs');
const fs = require('fs');
const path = require('path');

const FIXED_TIME = Date.UTC(2025, 0, 1, 0, 0, 0);

/**
 * JSZip stamps entries with `new Date()` and the encryptor draws random salts and keys;
 * both are pinned while a fixture is generated. Fine for test data, never for real secrets.
 */
async function deterministically(generate) {
  const RealDate = global.Date;
  const realRandomBytes = crypto.randomBytes;
  let counter = 0;
  class FixedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(FIXED_TIME);
      else super(...args);
    }
    static now() {
      return FIXED_TIME;
    }
  }
  global.Date = FixedDate;
  crypto.randomBytes = (size) => {
    const bytes = Buffer.alloc(size);
    for (let i = 0; i < size; i++) bytes[i] = (counter++ * 73 + 41) & 0xff;
    return bytes;
  };
  try {
    return await generate();
  } finally {
    global.Date = RealDate;
    crypto.randomBytes = realRandomBytes;
  }
}

/** An empty ExcelJS workbook whose document properties are the same on every run. */
function fixtureWorkbook() {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'jixiao fixtures';
  workbook.lastModifiedBy = 'jixiao fixtures';
  workbook.created = new Date(FIXED_TIME);
  workbook.modified = new Date(FIXED_TIME);
  return workbook;
}

/** Writes each named file into `outDir` and lists it with its size. */
function writeFixtures(outDir, outputs) {
  const repoRoot = path.resolve(__dirname, '..');
  for (const [name, bytes] of Object.entries(outputs)) {
    fs.writeFileSync(path.join(outDir, name), bytes);
    console.log(`${path.relative(repoRoot, path.join(outDir, name))}  ${bytes.length} bytes`);
  }
}

module.exports = { FIXED_TIME, deterministically, fixtureWorkbook, writeFixtures };
