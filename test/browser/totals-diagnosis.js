// The totals diagnosis in Chromium (issue 17 item 2): the Guangzhou table's file (test/fixtures/seed.xlsx, whose one
// error is G12's missing 效益指标) with one mistyped project amount — 物业管理费's 财政拨款 (C6) 98 for 99 — opened on
// the page. The typo adds exactly one error, on C6, with the value that makes every sum hold; the sums it breaks (the
// unit's C5, the row's B6) are listed under it without fixes of their own and marked no error; 修正 puts 99 back.
'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');
const { openPage } = require('./page.js');

const SHEET = '项目支出绩效目标表';

/** test/fixtures/seed.xlsx with C6 set to `value` (98 for 99), written to `artifacts` (the file's own formatting kept). */
async function plantTypo(root, artifacts, value = 98) {
  const ExcelJS = require('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path.join(root, 'test', 'fixtures', 'seed.xlsx'));
  const sheet = book.getWorksheet(SHEET);
  assert.equal(sheet.getCell('C6').value, 99, 'the seed has 99 in C6');
  sheet.getCell('C6').value = value;
  const file = path.join(artifacts, value === 98 ? 'totals-typo.xlsx' : 'totals-typo-big.xlsx');
  await book.xlsx.writeFile(file);
  return file;
}

/** The page at `width` with the planted file opened and checked; the filter on 只看错误. */
async function openChecked(browser, origin, file, width) {
  const { context, page, errors } = await openPage(browser, origin, { width });
  await page.getByLabel('打开文件（.xlsx / .csv）').setInputFiles(file);
  await page.getByText('当前文件：totals-typo.xlsx').waitFor();
  await page.getByRole('button', { name: '一键校验' }).click();
  await page.getByText(/\d+ 个错误、\d+ 个警告/).first().waitFor();
  await page.getByRole('radiogroup', { name: '按严重程度筛选' }).getByRole('radio', { name: /^只看错误/ }).click();
  return { context, page, errors };
}

async function oneErrorOnTheCell(browser, origin, { root, artifacts }) {
  const file = await plantTypo(root, artifacts);
  const { context, page, errors } = await openChecked(browser, origin, file, 1366);
  // One error more than the file had (G12's): the typo's.
  await page.getByText(/\b2 个错误、/).first().waitFor();
  const list = page.getByRole('region', { name: '问题列表' });
  // The errors listed (not the consequences under them): G12's, there before, and the typo's one, on C6.
  const listed = list.locator('li:not(ul[aria-label^="由这一格造成"] li)');
  const cells = await listed.evaluateAll((items) => items.map((li) => /\b[A-Z]+\d+\b/.exec(li.innerText)?.[0]));
  assert.deepEqual(cells.sort(), ['C6', 'G12'], `errors listed: ${cells}`);
  const cause = listed.filter({ hasText: /C6/ });
  const text = await cause.innerText();
  assert.match(text, /C6/);
  assert.match(text, /应为 99\.00/);
  // Its consequences, listed under it, each a way to the cell and none with a fix of its own.
  const consequences = cause.getByRole('list', { name: '由这一格造成的合计不符（改正这一格后即相符，无需另改）：' });
  const consequenceCells = (await consequences.getByRole('listitem').allInnerTexts()).map((t) => t.slice(0, 2));
  assert.deepEqual(consequenceCells, ['C5', 'B6']);
  assert.equal(await consequences.getByRole('button', { name: '修正' }).count(), 0);
  // Marked as errors in the grid: C6 and G12, not the sums C6 breaks.
  const red = await page.evaluate(() => [...document.querySelectorAll('[role="grid"] [data-mark="error"]')].map((e) => e.getAttribute('data-cell')));
  assert.deepEqual(red.sort(), ['C6', 'G12']);
  await page.screenshot({ path: path.join(artifacts, 'totals-diagnosis.png') });

  // 修正 writes 99 back: every sum holds, nothing else changed.
  await cause.getByRole('button', { name: '修正' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '确认修正' }).click();
  await page.getByText(/\b1 个错误、/).first().waitFor();
  assert.equal(await page.locator('[role="grid"] [data-cell="C6"]').innerText(), '99');
  assert.deepEqual(errors, []);
  await context.close();
}

/** [name, run(browser, origin)] pairs for run.js. */
function totalsDiagnosisTests(options) {
  return [['standalone page: one mistyped project amount (seed.xlsx C6 98 for 99) → exactly one error, on C6, with its consequences; 修正 → clean', (browser, origin) => oneErrorOnTheCell(browser, origin, options)]];
}

module.exports = { totalsDiagnosisTests, plantTypo, openChecked };
