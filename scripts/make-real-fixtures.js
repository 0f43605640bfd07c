#!/usr/bin/env node
'use strict';
// Builds test/fixtures/real/*.xlsx and SOURCES.md from the transcriptions in test/fixtures/real/*.json
// (`node scripts/make-real-fixtures.js`). The JSON files are the transcriptions of published tables; the
// .xlsx files are what a user would open: the same cells, with the merged areas of the published table.
process.env.TZ = 'UTC';

const fs = require('fs');
const path = require('path');
const { deterministically, fixtureWorkbook, writeFixtures } = require('./fixture-tools');

const dir = path.join(__dirname, '..', 'test', 'fixtures', 'real');
const LAYOUT_NAMES = { 2: '每个指标一行 a row per indicator', 3: '每个项目一张表 a form per project', 4: '部门整体支出 the department-wide table' };

function transcriptions() {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => ({ file: f, ...JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) }));
}

async function xlsxOf(fixture) {
  const workbook = fixtureWorkbook();
  for (const sheet of fixture.sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value !== null) ws.getCell(r + 1, c + 1).value = value;
      });
    });
    for (const range of sheet.merges) ws.mergeCells(range);
    const width = Math.max(...sheet.rows.map((row) => row.length));
    for (let c = 1; c <= width; c++) ws.getColumn(c).width = c <= 2 ? 24 : 16;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function sources(fixtures) {
  const lines = [
    '# 真实表格来源 Sources of the real fixtures',
    '',
    'Each fixture is a table published by a budget unit in its 部门预算公开 or 绩效目标公开 pages, found with the `search` tool (pages corpus) and transcribed cell by cell into `<id>.json`; `node scripts/make-real-fixtures.js` builds `<id>.xlsx` (the same cells and merged areas) and this file from them. Nothing in them is invented: where the stored page was cut off or the flattened text left a cell boundary open, the adaptation says so. The stored pages render full-width （）：， as half-width, so the published files may differ in that punctuation.',
    '',
    'Published tables are real, mistakes included: every error the checker reports on them is a real defect of that table, argued in `test/core/real-fixtures.test.ts`.',
    '',
    `| fixture | layout | province | projects | indicators |`,
    '|---|---|---|---|---|',
    ...fixtures.map((f) => `| \`${f.id}\` | ${f.layout} ${LAYOUT_NAMES[f.layout]} | ${f.province} | ${f.expected.projects} | ${f.expected.indicators} |`),
    '',
  ];
  for (const f of fixtures) {
    lines.push(`## ${f.id}`, '', `- **Title**: ${f.source.title}`, `- **Publisher**: ${f.source.publisher}`, `- **Year**: ${f.source.year}`, `- **Address**: ${f.source.url}`);
    if (f.source.found_with) lines.push(`- **Found with**: \`${f.source.found_with}\``);
    lines.push(`- **Layout**: ${f.layout} (${LAYOUT_NAMES[f.layout]}), ${f.province}`, '- **Adaptations**:', ...f.adaptations.map((a) => `  - ${a}`), '');
  }
  lines.push(fs.readFileSync(path.join(dir, 'OTHER-PAGES.md'), 'utf8').trim(), '');
  return lines.join('\n');
}

async function main() {
  const fixtures = transcriptions();
  const outputs = {};
  await deterministically(async () => {
    for (const fixture of fixtures) outputs[`${fixture.id}.xlsx`] = await xlsxOf(fixture);
  });
  outputs['SOURCES.md'] = Buffer.from(sources(fixtures), 'utf8');
  writeFixtures(dir, outputs);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
