#!/usr/bin/env node
'use strict';
// Writes test/fixtures/ from the real seed table: `npm run fixtures [path/to/seed.csv]`.
// Output is byte-for-byte reproducible so regenerating never shows up as a diff.

// Zip entries store local time; pin the zone so the bytes do not depend on the machine.
process.env.TZ = 'UTC';

const fs = require('fs');
const path = require('path');
const iconv = require('iconv-lite');
const XlsxPopulate = require('xlsx-populate');

const repoRoot = path.resolve(__dirname, '..');
const seedPath = path.resolve(process.argv[2] || path.join(repoRoot, '..', 'shared', 'seed', '项目支出绩效目标表-广州市信访局.csv'));
const outDir = path.join(repoRoot, 'test', 'fixtures');
const SHEET_NAME = '项目支出绩效目标表';
const { deterministically, fixtureWorkbook, writeFixtures } = require('./fixture-tools');
const AMOUNT_COLUMNS = [1, 2, 3, 4]; // 总计, 财政拨款, 财政专户拨款, 其他资金
const COLUMN_WIDTHS = [44, 12, 12, 14, 12, 60, 90];
const HEADER_ROWS = 3; // title, 部门名称/单位, column headers

/** RFC 4180, enough for the seed (quotes, doubled quotes, CRLF). */
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') inQuotes = false;
      else field += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === ',') { record.push(field); field = ''; }
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field); records.push(record); record = []; field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) { record.push(field); records.push(record); }
  return records;
}

function amountValue(text) {
  return text === '' ? null : Number(text);
}

/** The seed as an Excel user would have it: amounts as numbers shown with two decimals, wrapped texts. */
async function tableXlsx(records, { amountsAsText = new Set() } = {}) {
  return deterministically(async () => {
    const workbook = fixtureWorkbook();
    const sheet = workbook.addWorksheet(SHEET_NAME);
    sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));
    records.forEach((record, r) => {
      const row = sheet.getRow(r + 1);
      record.forEach((text, c) => {
        const cell = row.getCell(c + 1);
        const isAmount = r >= HEADER_ROWS && AMOUNT_COLUMNS.includes(c);
        if (isAmount && !amountsAsText.has(`${r}:${c}`)) {
          cell.value = amountValue(text);
          cell.numFmt = '0.00';
        } else {
          cell.value = text === '' ? null : text;
          if (isAmount) cell.numFmt = '@';
          cell.alignment = { wrapText: true, vertical: 'top' };
        }
      });
    });
    sheet.mergeCells(1, 1, 1, COLUMN_WIDTHS.length);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  });
}

function findRow(records, name) {
  const index = records.findIndex((record) => (record[0] || '').trim() === name);
  if (index < 0) throw new Error(`seed has no row named ${name}`);
  return index;
}

/** The seed with one planted mistake per rule the CLI tests look for. */
function withMistakes(seedRecords) {
  const records = seedRecords.map((record) => [...record]);
  // 总计 99.00 but 财政拨款 98.00.
  records[findRow(records, '物业管理费')][2] = '98.00';
  // Half-width ; between parts and full-width ： before values.
  const reception = findRow(records, '市人民来访接待厅专项经费');
  records[reception][6] = records[reception][6].replace(/；/g, ';').replace(/:/g, '：');
  // No 绩效目标.
  records[findRow(records, '机构运行辅助经费')][5] = '';
  // A template placeholder left in an indicator value.
  const social = findRow(records, '社工服务外包项目');
  records[social][6] = records[social][6].replace('实施周期指标值:6；年度指标值:6', '实施周期指标值:***；年度指标值:***');
  // 财政拨款 typed as text.
  const special = findRow(records, '信访工作专项经费');
  return { records, amountsAsText: new Set([`${special}:2`]) };
}

async function passwordXlsx() {
  return deterministically(async () => {
    const workbook = await XlsxPopulate.fromBlankAsync();
    workbook.sheet(0).name(SHEET_NAME);
    workbook.sheet(0).cell('A1').value('项目支出绩效目标表（含转移支付项目）');
    return workbook.outputAsync({ password: 'jixiao' });
  });
}

// A 1×1 transparent PNG: a real file of another kind with an .xlsx name.
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

async function main() {
  const seedBytes = fs.readFileSync(seedPath);
  const seedText = seedBytes.toString('utf8').replace(/^\uFEFF/, '');
  const records = parseCsv(seedText);
  fs.mkdirSync(outDir, { recursive: true });

  const seedXlsx = await tableXlsx(records);
  const planted = withMistakes(records);
  const outputs = {
    'seed.csv': seedBytes,
    'seed-bom.csv': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seedText, 'utf8')]),
    'seed-gbk.csv': iconv.encode(seedText, 'gbk'),
    'seed.xlsx': seedXlsx,
    'errors.xlsx': await tableXlsx(planted.records, { amountsAsText: planted.amountsAsText }),
    // The first half of a real workbook: a zip header, then the archive breaks off.
    'corrupt.xlsx': seedXlsx.subarray(0, Math.floor(seedXlsx.length / 2)),
    'not-a-spreadsheet.xlsx': PNG_1X1,
    'password.xlsx': await passwordXlsx(),
  };
  writeFixtures(outDir, outputs);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
