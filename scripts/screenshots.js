#!/usr/bin/env node
// PNGs for the README, in docs/images/, at 320 and 450 px (taskpane.html on the Excel test double, as in a narrow
// and a wide task pane) and 1366 px (the standalone page): the severity filter on 只看错误, the totals diagnosis (one
// mistyped amount, the error with its consequences) and the 校验结果 report sheet as the page shows it after 导出报告.
// Builds as test/browser/run.js does (--reuse-build takes dist-web and test-artifacts as they are) and uses its Chromium.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { build, serve, openTaskpane, artifacts } = require('../test/browser/run.js');
const { findChromium } = require('../test/browser/chromium.js');
const { openPage } = require('../test/browser/page.js');
const { plantTypo } = require('../test/browser/totals-diagnosis.js');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'docs', 'images');
const SHEET = '项目支出绩效目标表';
const NARROW = [320, 450];

async function checked(page) {
  await page.getByRole('button', { name: '一键校验' }).click();
  await page.getByText(/\d+ 个错误、\d+ 个警告、\d+ 个提示/).first().waitFor();
}

const errorsOnly = (page) => page.getByRole('radiogroup', { name: '按严重程度筛选' }).getByRole('radio', { name: /^只看错误/ }).click();

/** The pane from its top to the end of the findings' first screen: the filter and what it lets through. */
async function shootPane(page, file) {
  await page.screenshot({ path: path.join(out, file), fullPage: true });
  console.log(`docs/images/${file}`);
}

async function severityFilter(browser, origin) {
  for (const width of NARROW) {
    const { context, page } = await openTaskpane(browser, origin, width);
    await checked(page);
    await errorsOnly(page);
    await shootPane(page, `severity-filter-${width}.png`);
    await context.close();
  }
  const { context, page } = await openPage(browser, origin, { width: 1366 });
  await checked(page);
  await errorsOnly(page);
  await shootPane(page, 'severity-filter-1366.png');
  await context.close();
}

async function totalsDiagnosis(browser, origin) {
  for (const width of NARROW) {
    const { context, page } = await openTaskpane(browser, origin, width);
    // 物业管理费's 财政拨款 mistyped 98 for 99, as the user would have typed it in Excel.
    await page.evaluate((sheet) => globalThis.__excelDouble.setCell(sheet, 'C6', 98), SHEET);
    await checked(page);
    await errorsOnly(page);
    await page.getByText('由这一格造成的合计不符', { exact: false }).first().waitFor();
    await shootPane(page, `totals-diagnosis-${width}.png`);
    await context.close();
  }
  const file = await plantTypo(root, artifacts);
  const { context, page } = await openPage(browser, origin, { width: 1366 });
  await page.getByLabel('打开文件（.xlsx / .csv）').setInputFiles(file);
  await page.getByText('当前文件：totals-typo.xlsx').waitFor();
  await checked(page);
  await errorsOnly(page);
  await page.getByText('由这一格造成的合计不符', { exact: false }).first().waitFor();
  await shootPane(page, 'totals-diagnosis-1366.png');
  await context.close();
}

async function reportSheet(browser, origin) {
  for (const width of [...NARROW, 1366]) {
    const { context, page } = await openPage(browser, origin, { width });
    await checked(page);
    await page.getByRole('button', { name: '导出报告' }).click();
    await page.getByRole('tab', { name: '校验结果' }).click();
    await page.getByRole('grid', { name: '校验结果' }).waitFor();
    const grid = page.locator('section').filter({ has: page.getByRole('grid', { name: '校验结果' }) }).first();
    await grid.screenshot({ path: path.join(out, `report-sheet-${width}.png`) });
    console.log(`docs/images/report-sheet-${width}.png`);
    await context.close();
  }
}

async function main() {
  fs.mkdirSync(out, { recursive: true });
  fs.mkdirSync(artifacts, { recursive: true });
  const found = await findChromium();
  if (!process.argv.includes('--reuse-build')) await build();
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: found.path, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    await severityFilter(browser, origin);
    await totalsDiagnosis(browser, origin);
    await reportSheet(browser, origin);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
