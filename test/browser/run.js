#!/usr/bin/env node
// Browser tests: the production build in Chromium (test/browser/chromium.js finds one), driven by playwright-core.
//  1. the standalone checker end to end (sample → check → navigate → builder → re-check → download → CLI);
//  2. the real taskpane.html with office.js routed to the Excel test double;
//  3. screenshots of the pane at 320 and 450 px and of the standalone page, written to test-artifacts/.
// Prints "N passed, N failed" and exits non-zero on any failure. The checks of the built files themselves
// (test/taskpane/*.build-test.ts) run after this, on the same build (`npm run test:browser`).
'use strict';
const assert = require('node:assert/strict');
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const webpack = require('webpack');
const { chromium } = require('playwright-core');
const { ensureBuiltCli } = require('../../scripts/built-cli.js');
const { findChromium } = require('./chromium.js');
const { legacyHostTests } = require('./legacy-hosts.js');
const { ignoredDownloadTests } = require('./ignored-download.js');
const { pageUxTests } = require('./page-ux.js');
const { pageScaleTests } = require('./page-scale.js');
const { settleDialogTests } = require('./settle-dialog.js');
const { formulaFixTests } = require('./formula-fix.js');
const { paneUxTests } = require('./pane-ux.js');
const { totalsDiagnosisTests } = require('./totals-diagnosis.js');
const { templateSearchTests } = require('./template-search.js');
const { amountWrapTests } = require('./amount-wrap.js');
const { reportSheetTests } = require('./report-sheet.js');

const root = path.resolve(__dirname, '..', '..');
const dist = path.join(root, 'dist-web');
const artifacts = path.join(root, 'test-artifacts');
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const SHEET = '项目支出绩效目标表';

function compile(config) {
  return new Promise((resolve, reject) =>
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats.hasErrors()) return reject(new Error(stats.toString('errors-only')));
      resolve(stats);
    }),
  );
}

async function build() {
  const makeConfig = require(path.join(root, 'webpack.config.js'));
  await compile(makeConfig({}, { mode: 'production' }));
  const swc = { loader: 'swc-loader', options: { jsc: { parser: { syntax: 'typescript' }, target: 'es2020' } } };
  await compile({
    mode: 'development',
    devtool: false,
    entry: path.join(__dirname, 'office-double.entry.ts'),
    output: { path: artifacts, filename: 'office-double.js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: swc }] },
  });
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.png': 'image/png', '.xml': 'application/xml', '.map': 'application/json' };

function serve() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const file = path.join(dist, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname));
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Fails the test on any request that leaves the page's own origin (besides the routed office.js). */
function guardNetwork(page, origin, outside) {
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:') && url !== OFFICE_CDN) outside.push(url);
  });
}

/** Script errors, and anything the Content-Security-Policy blocked (Chromium reports it on the console). */
function watchErrors(page, errors) {
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
}

async function standalonePage(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
  const page = await context.newPage();
  const outside = [];
  const errors = [];
  guardNetwork(page, origin, outside);
  watchErrors(page, errors);
  await page.goto(`${origin}/index.html`);
  await page.getByText('当前文件：示例：广州市信访局项目支出绩效目标表').waitFor();
  const cell = (address) => page.locator(`[role="grid"] [data-cell="${address}"]`);
  assert.match(await cell('A6').innerText(), /物业管理费/);

  await page.getByRole('button', { name: '一键校验' }).click();
  await page.getByText('1 个错误、10 个警告、10 个提示').waitFor();
  // The sample is Guangzhou's table: the summary says its rules were recognised from it.
  await page.getByText('规则：广州市（按表格自动识别：绩效指标为广州编码格式）').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-cell="G12"]')?.getAttribute('data-mark') === 'error');
  await page.screenshot({ path: path.join(artifacts, 'standalone-checked.png'), fullPage: false });

  // A finding takes the grid to its cell.
  const finding = page.locator('li', { hasText: '缺少效益指标（2-效益指标）' }).first();
  await finding.getByRole('button', { name: /G12/ }).click();
  await page.waitForFunction(() => document.querySelector('[data-cell="G12"]')?.getAttribute('aria-selected') === 'true');

  // The builder composes the missing 效益指标 for 党建引领擦亮广州信访品牌 and writes it into the cell.
  await page.getByRole('tab', { name: '指标编辑' }).click();
  await page.getByText('正在编辑：党建引领擦亮广州信访品牌（G12）').waitFor();
  await page.getByRole('button', { name: '添加指标' }).click();
  const row = page.getByRole('group', { name: '第 3 项' });
  await row.getByRole('combobox', { name: '一级指标' }).click();
  await page.getByRole('option', { name: '2-效益指标' }).click();
  await row.getByRole('combobox', { name: '二级指标' }).click();
  await page.getByRole('option', { name: '22-社会效益' }).click();
  await row.getByRole('textbox', { name: '三级指标名称' }).fill('群众对信访工作的认同度');
  const period = row.getByRole('group', { name: '实施周期指标值' });
  await period.getByRole('combobox', { name: '比较符' }).click();
  await page.getByRole('option', { name: '≥' }).click();
  await period.getByRole('textbox', { name: '数值' }).fill('90');
  await period.getByRole('combobox', { name: '单位' }).fill('%');
  await row.getByRole('button', { name: '第 3 项：年度指标值同实施周期指标值' }).click();
  const expected = '3、2-效益指标；22-社会效益；群众对信访工作的认同度；实施周期指标值:≥90%；年度指标值:≥90%。';
  await page.getByText(expected, { exact: false }).first().waitFor();
  await page.getByRole('button', { name: '替换', exact: true }).click();
  await page.waitForFunction((text) => (document.querySelector('[data-cell="G12"]')?.textContent ?? '').endsWith(text), expected);
  await page.screenshot({ path: path.join(artifacts, 'standalone-builder.png') });

  // The write is re-checked without asking: no errors left.
  await page.getByRole('tab', { name: '校验' }).click();
  await page.getByText('0 个错误、', { exact: false }).waitFor();
  const summary = await page.getByText(/0 个错误、\d+ 个警告、\d+ 个提示/).innerText();
  await page.getByText('没有错误，可以提交。').waitFor();

  // Download the clean copy; the CLI must find what the page found.
  await page.getByRole('button', { name: '下载 .xlsx' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: '干净的副本（不含标记）' }).click()]);
  const saved = path.join(artifacts, 'standalone-download.xlsx');
  await download.saveAs(saved);
  const cli = JSON.parse(execFileSync(process.execPath, [path.join(root, 'bin', 'jixiao.js'), 'check', saved, '--format', 'json'], { encoding: 'utf8' }));
  const [, errors0, warnings, infos] = /(\d+) 个错误、(\d+) 个警告、(\d+) 个提示/.exec(summary).map(Number);
  assert.deepEqual(
    { errors: cli.summary.errors, warnings: cli.summary.warnings, infos: cli.summary.infos, projects: cli.summary.projects },
    { errors: errors0, warnings, infos, projects: 9 },
  );
  assert.deepEqual(outside, [], `requests left the page's origin: ${outside.join(', ')}`);
  assert.deepEqual(errors, []);
  await context.close();
}

const REAL = path.join(root, 'test', 'fixtures', 'real');
const SICHUAN = 'l2-sichuan-jianyan-mata-2023';
const SICHUAN_SHEET = '部门预算项目绩效目标申报表';

/** In the builder: a new 成本指标 row for the project being edited, as a user composes it with the mouse. */
async function addCostIndicator(page, rowNumber) {
  await page.getByRole('button', { name: '添加指标' }).click();
  const row = page.getByRole('group', { name: `第 ${rowNumber} 项` });
  await row.getByRole('combobox', { name: '一级指标' }).click();
  await page.getByRole('option', { name: '4-成本指标' }).click();
  await row.getByRole('combobox', { name: '二级指标' }).click();
  await page.getByRole('option', { name: '41-经济成本指标' }).click();
  await row.getByRole('textbox', { name: '三级指标名称' }).fill('村组干部人均报酬');
  const annual = row.getByRole('group', { name: '年度指标值' });
  await annual.getByRole('combobox', { name: '比较符' }).click();
  await page.getByRole('option', { name: '≤' }).click();
  await annual.getByRole('textbox', { name: '数值' }).fill('14400');
  await annual.getByRole('combobox', { name: '单位' }).fill('元/人');
}

/**
 * The page on a real table with a row per indicator (四川 井研县): opened from its .xlsx, read as that layout,
 * a 成本指标 composed in the builder and written as a new row of the table, re-checked clean, downloaded,
 * and the CLI finds in the download what the page found.
 */
async function standaloneRowLayout(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = [];
  watchErrors(page, errors);
  await page.goto(`${origin}/index.html`);
  await page.getByLabel('打开文件（.xlsx / .csv）').setInputFiles(path.join(REAL, `${SICHUAN}.xlsx`));
  await page.getByText(`当前文件：${SICHUAN}.xlsx`).waitFor();
  await page.getByRole('button', { name: '一键校验' }).click();
  await page.getByText(`${SICHUAN_SHEET}!A3：每个指标一行，1 个项目`).waitFor();
  await page.getByText('0 个错误、', { exact: false }).waitFor();
  await page.locator('[role="grid"] [data-cell="G6"]').click();
  await page.getByRole('tab', { name: '指标编辑' }).click();
  await page.getByText('正在编辑：村组干部报酬（第 4–11 行）').waitFor();
  await addCostIndicator(page, 9);
  await page.getByRole('button', { name: '替换', exact: true }).click();
  await page.getByText('已写入 9 行指标（第 4 行起），表格中的合并单元格已随之扩展。').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-cell="G12"]')?.textContent === '村组干部人均报酬');
  assert.equal(await page.locator('[data-cell="H12"]').innerText(), '≤');
  assert.equal(await page.locator('[data-cell="J12"]').innerText(), '元/人');
  await page.screenshot({ path: path.join(artifacts, 'standalone-row-layout.png') });

  await page.getByRole('tab', { name: '校验' }).click();
  await page.getByRole('button', { name: '一键校验' }).click();
  await page.getByText('没有错误，可以提交。').waitFor();
  await page.getByRole('button', { name: '下载 .xlsx' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: '干净的副本（不含标记）' }).click()]);
  const saved = path.join(artifacts, 'standalone-row-layout.xlsx');
  await download.saveAs(saved);
  const cli = JSON.parse(execFileSync(process.execPath, [path.join(root, 'bin', 'jixiao.js'), 'check', saved, '--format', 'json'], { encoding: 'utf8' }));
  assert.deepEqual(cli.tables.map((t) => t.layout), ['row-per-indicator']);
  assert.equal(cli.summary.errors, 0);
  assert.ok(!cli.findings.some((f) => f.rule === 'category.cost-missing'), 'the new 成本指标 is read back from the download');
  assert.deepEqual(errors, []);
  await context.close();
}

/** `jixiao check --format json` on a file; exit 1 (errors found) is an answer too. */
function checkJson(file) {
  const run = spawnSync(process.execPath, [path.join(root, 'bin', 'jixiao.js'), 'check', file, '--format', 'json'], { encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, `jixiao check ${file}: exit ${run.status}\n${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** The standalone page on a real form and a real department table: each read as its layout, its real defect found, the marked download agreeing with the CLI. */
async function standaloneFormAndDepartment(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = [];
  watchErrors(page, errors);
  await page.goto(`${origin}/index.html`);
  const cases = [
    ['l3-tianjin-ninghe-myfz-2020', '绩效目标表!A3：每个项目一张申报表，1 个项目', '0 个错误、'],
    ['l4-hubei-guangshui-jiaoyu-2023', '部门整体支出绩效目标申报表!A2：部门整体支出绩效目标表', '1 个错误、'],
  ];
  for (const [id, tableLine, counts] of cases) {
    await page.getByLabel('打开文件（.xlsx / .csv）').setInputFiles(path.join(REAL, `${id}.xlsx`));
    await page.getByText(`当前文件：${id}.xlsx`).waitFor();
    await page.getByRole('button', { name: '一键校验' }).click();
    await page.getByText(tableLine).waitFor();
    await page.getByText(counts, { exact: false }).waitFor();
    await page.getByText('规则：全国通用（自动选择：全国通用要求）').waitFor();
    await page.getByRole('button', { name: '下载 .xlsx' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: '含标记和“校验结果”表' }).click()]);
    const saved = path.join(artifacts, `standalone-${id}.xlsx`);
    await download.saveAs(saved);
    const cli = checkJson(saved);
    const original = checkJson(path.join(REAL, `${id}.xlsx`));
    assert.deepEqual(cli.findings.map((f) => `${f.rule}@${f.cell}`), original.findings.map((f) => `${f.rule}@${f.cell}`), `${id}: the download reads back with the same findings`);
  }
  assert.deepEqual(errors, []);
  await context.close();
}

/**
 * taskpane.html on the Excel double holding real tables with a row per indicator: the finding of 湖南 marked on
 * its own cell; in 四川's table the builder's new row inserted through Office.js with the project's merges grown,
 * a re-check clean, and one undo.
 */
async function taskpaneRowLayout(browser, origin) {
  const hunan = await openTaskpane(browser, origin, 450, '?fixture=l2-hunan-xiangxi-tejiao-2023');
  await hunan.page.getByRole('button', { name: '一键校验' }).click();
  await hunan.page.getByText('2023年项目支出绩效目标表!A3：每个指标一行，1 个项目').waitFor();
  const red = await hunan.page.evaluate(() => globalThis.__excelDouble.sheets[0].conditionalFormats.filter((cf) => cf.fill === '#FFC7CE').map((cf) => [cf.rect.row, cf.rect.col]));
  assert.deepEqual(red, [[5, 3]], `the one error (实施期绩效目标 empty) is marked on D6: ${JSON.stringify(red)}`);
  assert.deepEqual(hunan.errors, []);
  await hunan.context.close();

  const { context, page, errors } = await openTaskpane(browser, origin, 450, `?fixture=${SICHUAN}`);
  await page.getByRole('button', { name: '一键校验' }).click();
  await page.getByText('没有成本指标', { exact: false }).first().waitFor();
  // A table without Guangzhou's codes is checked by the national rules, and the pane says so.
  await page.getByText('规则：全国通用（自动选择：全国通用要求）').waitFor();
  await page.evaluate((sheet) => globalThis.__excelDouble.selectByUser(sheet, 'G6'), SICHUAN_SHEET);
  await page.getByRole('tab', { name: '指标编辑' }).click();
  await page.getByText('正在编辑：村组干部报酬（第 4–11 行）').waitFor();
  await addCostIndicator(page, 9);
  await page.getByRole('button', { name: '替换', exact: true }).click();
  await page.getByText('已写入 9 行指标（第 4 行起），表格中的合并单元格已随之扩展。').waitFor();
  const sheet = await page.evaluate((name) => {
    const excel = globalThis.__excelDouble;
    return { g12: excel.cell(name, 'G12')?.value, merges: excel.mergedAreas(name) };
  }, SICHUAN_SHEET);
  assert.equal(sheet.g12, '村组干部人均报酬');
  for (const merge of ['A4:A12', 'B4:B12', 'C4:C12', 'D4:D12']) assert.ok(sheet.merges.includes(merge), `${merge} in ${sheet.merges}`);
  // Re-checked without asking, reading the written rows back from Excel: clean, and the new 成本指标 counted.
  await page.getByRole('tab', { name: '校验' }).click();
  await page.waitForFunction(() => !document.body.innerText.includes('没有成本指标'));
  await page.getByText('没有错误，可以提交。').waitFor();
  await page.getByRole('tab', { name: '指标编辑' }).click();
  await page.getByRole('button', { name: '撤销' }).click();
  await page.waitForFunction((name) => globalThis.__excelDouble.mergedAreas(name).includes('A4:A11'), SICHUAN_SHEET);
  assert.deepEqual(errors, []);
  await context.close();
}

async function openTaskpane(browser, origin, width, query = '') {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = [];
  watchErrors(page, errors);
  const double = fs.readFileSync(path.join(artifacts, 'office-double.js'), 'utf8');
  await page.route(OFFICE_CDN, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: double }));
  await page.goto(`${origin}/taskpane.html${query}`);
  await page.getByRole('button', { name: '一键校验' }).waitFor();
  return { context, page, errors };
}

async function taskpaneInExcel(browser, origin) {
  const { context, page, errors } = await openTaskpane(browser, origin, 450);
  await page.getByRole('button', { name: '一键校验' }).click();
  await page.getByText('1 个错误、10 个警告、10 个提示').waitFor();
  // Marks landed on the double's cells as conditional formats; G12 (the error) is red.
  const marks = await page.evaluate(() => {
    const excel = globalThis.__excelDouble;
    return excel.sheets[0].conditionalFormats.map((cf) => ({ row: cf.rect.row, col: cf.rect.col, rows: cf.rect.rowCount, fill: cf.fill }));
  });
  assert.ok(marks.some((m) => m.row <= 11 && 11 < m.row + m.rows && m.col === 6 && m.fill === '#FFC7CE'), `no red mark on G12: ${JSON.stringify(marks)}`);
  // Clicking a finding activates the sheet and selects its cell in Excel.
  const finding = page.locator('li', { hasText: '缺少效益指标（2-效益指标）' }).first();
  await finding.getByRole('button', { name: /G12/ }).click();
  await page.waitForFunction(() => {
    const selection = globalThis.__excelDouble.selection;
    return selection !== null && selection.rect.row === 11 && selection.rect.col === 6;
  });
  assert.deepEqual(errors, []);
  await context.close();
}

async function screenshots(browser, origin) {
  for (const width of [320, 450]) {
    const { context, page, errors } = await openTaskpane(browser, origin, width);
    await page.getByRole('button', { name: '一键校验' }).click();
    await page.getByText('1 个错误、10 个警告、10 个提示').waitFor();
    await page.screenshot({ path: path.join(artifacts, `taskpane-${width}.png`), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the pane scrolls sideways at ${width} px (${overflow} px too wide)`);
    assert.deepEqual(errors, []);
    await context.close();
  }
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${origin}/index.html`);
  await page.getByRole('button', { name: '一键校验' }).waitFor();
  await page.screenshot({ path: path.join(artifacts, 'standalone.png') });
  await context.close();
}

async function main() {
  fs.mkdirSync(artifacts, { recursive: true });
  const browserFound = await findChromium();
  console.log(`Chromium: ${browserFound.path} (${browserFound.source})`);
  ensureBuiltCli();
  await build();
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: browserFound.path,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const tests = [
    ['standalone page: sample → check → navigate → builder → re-check → download → CLI', standalonePage],
    ['taskpane.html in Chromium on the Excel test double: check, marks, select', taskpaneInExcel],
    ['standalone page on a real table with a row per indicator: read, builder writes a row, re-check clean, download → CLI', standaloneRowLayout],
    ['standalone page on a real form and a real department table: layout, defects, marked download → CLI', standaloneFormAndDepartment],
    ['taskpane.html on the double with real row-per-indicator tables: marks on their cells, builder row inserted through Office.js, undo', taskpaneRowLayout],
    ['screenshots: pane at 320 and 450 px, standalone page', screenshots],
    ...legacyHostTests({ officeCdn: OFFICE_CDN, artifacts }),
    ...ignoredDownloadTests({ root, artifacts }),
    ...pageUxTests(),
    ...pageScaleTests({ artifacts }),
    ...settleDialogTests({ artifacts }),
    ...formulaFixTests({ root, artifacts }),
    ...paneUxTests({ openTaskpane, artifacts }),
    ...totalsDiagnosisTests({ root, artifacts }),
    ...templateSearchTests(),
    ...amountWrapTests(),
    ...reportSheetTests(),
  ];
  let passed = 0;
  let failed = 0;
  // BROWSER_TESTS_ONLY=<part of a name> runs only the scenarios whose name holds it (for work on one of them).
  const only = process.env.BROWSER_TESTS_ONLY;
  for (const [name, run] of tests) {
    if (only && !name.includes(only)) continue;
    try {
      await run(browser, origin);
      passed++;
      console.log(`✓ ${name}`);
    } catch (error) {
      failed++;
      console.log(`✕ ${name}\n  ${error && error.stack ? error.stack : error}`);
    }
  }
  await browser.close();
  server.close();
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

// scripts/screenshots.js reuses the build, the server and the pane on the double.
module.exports = { build, serve, openTaskpane, artifacts };

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
