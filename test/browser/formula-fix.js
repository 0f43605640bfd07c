// The standalone page in Chromium (issue 17 item 3): a total whose formula skips a row is fixed by correcting the
// formula, not by overwriting it with a number, and the formulas that read it are recalculated on the page.
'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');
const { openPage } = require('./page.js');
const ExcelJS = require('exceljs');

const SHEET = '项目支出绩效目标表';

/**
 * The published table of 广州市信访局 (test/fixtures/seed.xlsx) with its totals as formulas, the unit's altered to
 * skip its last project: B5 =SUM(B6:B13) leaves out B14 (30.78), and 合计 B4 =B5; both read 669.58, not 700.36.
 */
async function skippingFile(root, artifacts) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path.join(root, 'test', 'fixtures', 'seed.xlsx'));
  const ws = book.getWorksheet(SHEET);
  ws.getCell('B5').value = { formula: 'SUM(B6:B13)', result: 669.58 };
  ws.getCell('B4').value = { formula: 'B5', result: 669.58 };
  const file = path.join(artifacts, 'formula-skips-a-row.xlsx');
  await book.xlsx.writeFile(file);
  return file;
}

async function formulaFix(browser, origin, { root, artifacts }) {
  const file = await skippingFile(root, artifacts);
  const { context, page, errors } = await openPage(browser, origin, { downloads: true });
  await page.getByLabel('打开文件（.xlsx / .csv）').setInputFiles(file);
  await page.getByText('当前文件：formula-skips-a-row.xlsx').waitFor();
  await page.getByRole('button', { name: '一键校验' }).click();
  // The seed's own error (G12) and the formula's.
  await page.getByText('2 个错误、', { exact: false }).waitFor();

  // The finding names the formula and the cell it misses.
  const finding = page.locator('li', { hasText: '该格是公式 =SUM(B6:B13)，漏了 B14：修正将把公式改为 =SUM(B6:B14)。' }).first();
  await finding.waitFor();
  await finding.getByRole('button', { name: '修正', exact: true }).click();

  // The preview says a formula is replaced, which one, and what replaces it.
  const dialog = page.getByRole('dialog', { name: '修正单元格' });
  await dialog.getByText('将替换公式：').waitFor();
  assert.equal(await dialog.locator('code').innerText(), '=SUM(B6:B13)');
  await dialog.getByText('公式 =SUM(B6:B14)（结果 700.36）').waitFor();
  await dialog.getByRole('button', { name: '替换公式并修正' }).click();
  await dialog.waitFor({ state: 'detached' });

  // B5 holds the corrected formula's result and the 合计 B4 (=B5) follows; no new error appears.
  await page.waitForFunction(() => document.querySelector('[role="grid"] [data-cell="B4"]')?.textContent === '700.36');
  assert.equal(await page.locator('[role="grid"] [data-cell="B5"]').innerText(), '700.36');
  await page.getByText('1 个错误、10 个警告、10 个提示').waitFor();
  assert.equal(await page.locator('li', { hasText: '合计' }).filter({ hasText: '不等于' }).count(), 0, 'no 合计 mismatch');
  assert.equal(await page.locator('[data-stale]').count(), 0, 'every formula recalculated');

  // The download keeps both formulas, with their new results.
  await page.getByRole('button', { name: '下载 .xlsx' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: '干净的副本（不含标记）' }).click()]);
  const saved = path.join(artifacts, 'formula-fixed.xlsx');
  await download.saveAs(saved);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(saved);
  const ws = book.getWorksheet(SHEET);
  assert.deepEqual([ws.getCell('B5').formula, ws.getCell('B5').result], ['SUM(B6:B14)', 700.36]);
  assert.deepEqual([ws.getCell('B4').formula, ws.getCell('B4').result], ['B5', 700.36]);
  assert.deepEqual(errors, []);
  await context.close();
}

/** [name, run(browser, origin)] pairs for run.js. */
function formulaFixTests(options) {
  return [['standalone page: a unit total =SUM(B6:B13) skipping B14 → the finding names B14, the preview shows the formula, the fix writes =SUM(B6:B14), 合计 recalculates, no new error, the download keeps the formulas', (browser, origin) => formulaFix(browser, origin, options)]];
}

module.exports = { formulaFixTests };
