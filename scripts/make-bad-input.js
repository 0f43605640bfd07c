#!/usr/bin/env node
'use strict';
// Writes the bad-input corpus to test/fixtures/bad-input/: `node scripts/make-bad-input.js`.
// Each file is one kind of trouble a finance officer's file can bring; test/fixtures/bad-input/README.md
// lists what the checker must say about it. Output is byte-for-byte reproducible.

// Zip entries store local time; pin the zone so the bytes do not depend on the machine.
process.env.TZ = 'UTC';

const fs = require('fs');
const path = require('path');
const iconv = require('iconv-lite');
const XlsxPopulate = require('xlsx-populate');

const repoRoot = path.resolve(__dirname, '..');
const outDir = path.join(repoRoot, 'test', 'fixtures', 'bad-input');
const { deterministically, fixtureWorkbook, writeFixtures } = require('./fixture-tools');
const SHEET = '绩效目标表';
const WIDTH = 7; // 项目名称 … 绩效指标

const TITLE = '2025年项目支出绩效目标表';
const HEADER = ['项目名称', '总计', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标'];
const GOAL = '做好办公设备维修保障，确保设备正常运转。';

/** Four well-formed indicators covering 产出 (with 成本), 效益 and 满意度; `name` varies the first one. */
function indicators(name = '维修设备数量') {
  return (
    `1、1-产出指标；11-数量指标；${name}；实施周期指标值:≥12台；年度指标值:≥12台。` +
    '2、1-产出指标；14-成本指标；单台维修成本；实施周期指标值:≤0.5万元；年度指标值:≤0.5万元。' +
    '3、2-效益指标；22-社会效益；设备正常运转率；实施周期指标值:≥95%；年度指标值:≥95%。' +
    '4、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。'
  );
}

/** A project row: name, 总计, 财政拨款, 财政专户拨款, 其他资金, goal, indicators. */
function project(name, total, fiscal, goal = GOAL, text = indicators()) {
  return [name, total, fiscal, null, null, goal, text];
}

function metadata(department = '测试局', unit = '万元') {
  return [`部门名称：${department}`, null, null, null, null, null, `单位：${unit}`];
}

/** The clean table the other cases spoil: 合计 → one unit → two projects, everything adding up. */
function baseRows() {
  return [
    [TITLE],
    metadata(),
    HEADER,
    ['合计', 150, 150],
    ['测试局', 150, 150],
    project('    办公设备维修', 100, 100),
    project('    信息系统运维', 50, 50, '保障信息系统稳定运行。', indicators('运维系统数量')),
  ];
}

/** Rows (arrays of ExcelJS cell values, null = blank) → .xlsx bytes; `decorate` adds merges, hiding, formats. */
async function xlsx(sheets) {
  return deterministically(async () => {
    const workbook = fixtureWorkbook();
    for (const { name = SHEET, rows = [], decorate } of sheets) {
      const sheet = workbook.addWorksheet(name);
      rows.forEach((values, r) => {
        values.forEach((value, c) => {
          if (value !== null && value !== undefined) sheet.getCell(r + 1, c + 1).value = value;
        });
      });
      if (decorate) decorate(sheet);
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
  });
}

const oneSheet = (rows, decorate) => xlsx([{ rows, decorate }]);

/** Title and metadata cells merged across the table's width, as templates have them. */
function mergeTitle(sheet, row = 1) {
  sheet.mergeCells(row, 1, row, WIDTH);
}

/** Amounts written as formulas with the result Excel cached, including error results. */
function formulaRows() {
  const f = (formula, result) => ({ formula, result });
  const error = (code) => ({ error: code });
  return [
    [TITLE],
    metadata(),
    HEADER,
    ['合计', f('SUM(B5:B9)', error('#REF!')), f('SUM(C5:C9)', error('#VALUE!')), null, f('SUM(E5:E9)', error('#N/A'))],
    project('正常公式项目', f('SUM(C5:E5)', 100), 100),
    project('引用已删除', f('C6+#REF!', error('#REF!')), 50),
    project('文本参与计算', 30, f('VALUE("三十")', error('#VALUE!'))),
    project('除数为零', f('C8/0', error('#DIV/0!')), 30),
    ['查找不到', 20, 20, null, error('#N/A'), GOAL, indicators()],
  ];
}

/** Every way an amount is written as something other than a plain number, one project each. */
function amountFormRows() {
  return [
    [TITLE],
    metadata(),
    HEADER,
    project('文本数字', '100.00', 100),
    project('全角数字', '１００', '１００'),
    project('带单位万元', '99万元', 99),
    project('带单位元', '990000元', 99),
    project('负数', -5, -5),
    project('小数位过多文本', '0.1234567', 0.123457),
    project('小数位过多数值', 1 / 3, 0.333333),
    project('中文大写', '十万', 10),
  ];
}

function severalTablesRows() {
  return [
    [TITLE],
    metadata('第一局', '万元'),
    HEADER,
    ['合计', 100, 100],
    project('第一局项目', 100, 100),
    [],
    ['2025年项目支出绩效目标表（二）'],
    metadata('第二局', '元'),
    HEADER,
    ['合计', 30000, 30000],
    project('第二局项目甲', 20000, 20000),
    project('第二局项目乙', 10000, 9000),
  ];
}

/** `count` output indicators with unique names, then one cost, one effect and one satisfaction indicator. */
function manyIndicators(count) {
  const parts = [];
  for (let i = 1; i <= count; i++) {
    parts.push(`${i}、1-产出指标；11-数量指标；维修设备第${i}类；实施周期指标值:≥${i}台；年度指标值:≥${i}台。`);
  }
  parts.push(`${count + 1}、1-产出指标；14-成本指标；单台维修成本；实施周期指标值:≤0.5万元；年度指标值:≤0.5万元。`);
  parts.push(`${count + 2}、2-效益指标；22-社会效益；设备正常运转率；实施周期指标值:≥95%；年度指标值:≥95%。`);
  parts.push(`${count + 3}、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。`);
  return parts.join('');
}

/** A valid indicator list of exactly `length` characters, the last name padded. */
function indicatorsOfLength(length) {
  const tail = (pad) =>
    `3、2-效益指标；22-社会效益；设备正常运转率${pad}；实施周期指标值:≥95%；年度指标值:≥95%。` +
    '4、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。';
  const head =
    '1、1-产出指标；11-数量指标；维修设备数量；实施周期指标值:≥12台；年度指标值:≥12台。' +
    '2、1-产出指标；14-成本指标；单台维修成本；实施周期指标值:≤0.5万元；年度指标值:≤0.5万元。';
  const text = head + tail('长'.repeat(length - head.length - tail('').length));
  if (text.length !== length) throw new Error(`indicatorsOfLength: ${text.length} ≠ ${length}`);
  return text;
}

const EXCEL_CELL_LIMIT = 32767;

function longCellRows() {
  return [
    [TITLE],
    metadata(),
    HEADER,
    project('超长单元格项目', 100, 100, '目'.repeat(EXCEL_CELL_LIMIT), indicatorsOfLength(EXCEL_CELL_LIMIT)),
    project('三千项指标项目', 50, 50, GOAL, manyIndicators(3000)),
    // A goal pasted into the 总计 cell.
    project('金额单元格超长', '目'.repeat(EXCEL_CELL_LIMIT), 20),
  ];
}

// Excel writes characters XML cannot hold as _xHHHH_ (ST_Xstring); ExcelJS reads them back the same way.
const xmlControl = (text) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}_`);

/** Non-BMP, zero-width, bidi and control characters in names, indicators and amounts. */
function unicodeRows(forXlsx) {
  const enc = forXlsx ? xmlControl : (text) => text;
  return [
    [TITLE],
    metadata(),
    HEADER,
    project('𠮷野家食堂改造😀', 100, 100, '改善职工就餐环境🍚。', indicators('改造餐位数量𠮷')),
    project('物业\u200b管理费\ufeff', '\u200b100', 100),
    project('\u202e费理管业物', '100\u200f', 100),
    project(enc('控制\u0000\u0001字符\u001b[2J\u001f项目'), enc('10\u00070'), 100),
    project('指标含零宽字符', 100, 100, GOAL, indicators().replace('11-数量指标', '\u200b11-数量指标\ufeff')),
    project('指标含控制字符', 100, 100, GOAL, enc(indicators('维修\u0001设备\u001f数量'))),
    project('指标含反向字符', 100, 100, GOAL, indicators('\u202e量数备设修维')),
  ];
}

function csvField(value) {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvText(rows) {
  return rows.map((row) => Array.from({ length: WIDTH }, (_, c) => csvField(row[c])).join(',')).join('\r\n') + '\r\n';
}

/** UTF-16 with BOM, as Notepad's "Unicode" / "Unicode big endian" save it. */
function utf16(text, bigEndian) {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  if (!bigEndian) return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return be;
}

async function passwordXlsx() {
  return deterministically(async () => {
    const workbook = await XlsxPopulate.fromBlankAsync();
    workbook.sheet(0).name(SHEET);
    baseRows().forEach((values, r) => values.forEach((value, c) => {
      if (value !== null) workbook.sheet(0).cell(r + 1, c + 1).value(value);
    }));
    return workbook.outputAsync({ password: 'jixiao' });
  });
}

/**
 * A minimal Excel 97-2003 file: a compound file (MS-CFB, version 3) with one 4,096-byte
 * "Workbook" stream holding a BIFF8 BOF and EOF record. Enough for any reader to call it .xls.
 */
function legacyXls() {
  const SECTOR = 512;
  const FREE = 0xffffffff;
  const END = 0xfffffffe;
  const FAT_SECTOR = 0xfffffffd;
  const STREAM_SECTORS = 8; // 4,096 bytes: at the mini-stream cutoff, so it lives in normal sectors
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // 512-byte sectors
  header.writeUInt16LE(6, 32); // 64-byte mini sectors
  header.writeUInt32LE(1, 44); // one FAT sector
  header.writeUInt32LE(1, 48); // directory at sector 1
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(END, 60); // no mini FAT
  header.writeUInt32LE(END, 68); // no DIFAT sectors
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 76 + i * 4);

  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FAT_SECTOR, 0);
  fat.writeUInt32LE(END, 4);
  for (let s = 2; s < 2 + STREAM_SECTORS; s++) fat.writeUInt32LE(s === 1 + STREAM_SECTORS ? END : s + 1, s * 4);

  const directory = Buffer.alloc(SECTOR);
  const entry = (index, name, type, child, start, size) => {
    const at = index * 128;
    Buffer.from(`${name}\0`, 'utf16le').copy(directory, at);
    directory.writeUInt16LE((name.length + 1) * 2, at + 64);
    directory[at + 66] = type;
    directory[at + 67] = 1; // black
    directory.writeUInt32LE(FREE, at + 68);
    directory.writeUInt32LE(FREE, at + 72);
    directory.writeUInt32LE(child, at + 76);
    directory.writeUInt32LE(start, at + 116);
    directory.writeUInt32LE(size, at + 120);
  };
  entry(0, 'Root Entry', 5, 1, END, 0);
  entry(1, 'Workbook', 2, FREE, 2, STREAM_SECTORS * SECTOR);
  for (const index of [2, 3]) {
    directory.writeUInt32LE(FREE, index * 128 + 68);
    directory.writeUInt32LE(FREE, index * 128 + 72);
    directory.writeUInt32LE(FREE, index * 128 + 76);
  }

  const stream = Buffer.alloc(STREAM_SECTORS * SECTOR);
  // BOF (0x0809): BIFF8, workbook globals, build 0x0DBB, year 1996; then EOF (0x000A).
  Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00, 0xbb, 0x0d, 0xcc, 0x07, 0, 0, 0, 0, 0x06, 0, 0, 0, 0x0a, 0x00, 0x00, 0x00]).copy(stream, 0);
  return Buffer.concat([header, fat, directory, stream]);
}

/** CRC-32 (IEEE), for the hand-made zip. */
function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A zip archive (stored, no compression, DOS time 1980-01-01) of text files. */
function storedZip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const base = await oneSheet(baseRows(), (sheet) => mergeTitle(sheet));
  const outputs = {
    // Workbooks
    'empty-workbook.xlsx': await xlsx([{ name: 'Sheet1' }]),
    'no-table.xlsx': await xlsx([{ name: '说明', rows: [['请在“绩效目标表”工作表中填写。'], ['编制说明：金额单位为万元。'], [], [], [null, 123]] }]),
    'header-only.xlsx': await oneSheet(baseRows().slice(0, 3), (sheet) => mergeTitle(sheet)),
    'merged-cells.xlsx': await oneSheet(
      [
        [TITLE],
        metadata(),
        HEADER,
        ['合计', 150, 150],
        ['测试局', 150, 150],
        // One project over two rows: name, amounts and goal merged down, its indicators split over both rows.
        ['    办公设备维修', 100, 100, null, null, GOAL, indicators().slice(0, indicators().indexOf('3、'))],
        [null, null, null, null, null, null, indicators().slice(indicators().indexOf('3、'))],
        project('    信息系统运维', 50, 50, '保障信息系统稳定运行。', indicators('运维系统数量')),
      ],
      (sheet) => {
        mergeTitle(sheet);
        sheet.mergeCells('A2:F2');
        for (const col of ['A', 'B', 'C', 'D', 'E', 'F']) sheet.mergeCells(`${col}6:${col}7`);
      },
    ),
    // 财政专户拨款 (D) and a notes column (H) hidden; the hidden project lacks its goal.
    'hidden-rows-columns.xlsx': await oneSheet(
      [
        [TITLE],
        metadata(),
        [...HEADER, '内部备注'],
        ['合计', 150, 140, 10],
        ['测试局', 150, 140, 10],
        ['    办公设备维修', 100, 90, 10, null, GOAL, indicators()],
        [...project('    隐藏的项目', 50, 50, null, indicators('运维系统数量')), '不要删除'],
      ],
      (sheet) => {
        mergeTitle(sheet);
        sheet.getRow(7).hidden = true;
        sheet.getColumn(4).hidden = true; // 财政专户拨款
        sheet.getColumn(8).hidden = true;
      },
    ),
    'formula-errors.xlsx': await oneSheet(formulaRows(), (sheet) => mergeTitle(sheet)),
    'amount-forms.xlsx': await oneSheet(amountFormRows(), (sheet) => {
      mergeTitle(sheet);
      sheet.getCell('B10').numFmt = '0.00';
    }),
    'several-tables.xlsx': await oneSheet(severalTablesRows(), (sheet) => {
      mergeTitle(sheet, 1);
      mergeTitle(sheet, 7);
    }),
    'long-cells.xlsx': await oneSheet(longCellRows()),
    'unicode.xlsx': await oneSheet(unicodeRows(true)),
    'unicode.csv': Buffer.from(csvText(unicodeRows(false)), 'utf8'),
    // Files
    'gbk.csv': iconv.encode(csvText(baseRows()), 'gbk'),
    'utf16le.csv': utf16(csvText(baseRows()), false),
    'utf16be.csv': utf16(csvText(baseRows()), true),
    'truncated.xlsx': base.subarray(0, Math.floor(base.length / 2)),
    'password.xlsx': await passwordXlsx(),
    'legacy.xls': legacyXls(),
    'zip-not-workbook.xlsx': storedZip({
      '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      'word/document.xml': '<?xml version="1.0" encoding="UTF-8"?><document/>',
    }),
    'stray-far-cell.xlsx': await oneSheet(baseRows(), (sheet) => {
      mergeTitle(sheet);
      sheet.getCell('XFD1048576').value = '误输入';
    }),
    'text-renamed.xlsx': Buffer.from('这是一个文本文件，改了扩展名，不是表格。\r\n项目名称,总计\r\n', 'utf8'),
    'empty.xlsx': Buffer.alloc(0),
    'empty.csv': Buffer.alloc(0),
    'bom-only.csv': Buffer.from([0xef, 0xbb, 0xbf]),
  };
  writeFixtures(outDir, outputs);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
