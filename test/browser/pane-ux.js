// The pane and the page as a finance officer uses them (issue 17 item 9): notices that never push the findings down,
// amounts that never wrap inside, the builder's hint before a cell is chosen, focus back on the opener after Escape,
// a live region with the check's summary, and the grid laid out by the file's column widths and merged cells.
'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');
const { openPage } = require('./page.js');
const { plantTypo } = require('./totals-diagnosis.js');

const REAL = path.join(__dirname, '..', 'fixtures', 'real');
const top = (locator) => locator.evaluate((e) => e.getBoundingClientRect().top);
const noticeCount = (page) => page.getByText(/已生成“校验结果”工作表。|已清除表格中的标记。/).count();

/** 导出报告 and 清除标记, twice each: each says so; the newest notices replace the oldest, the list stays where it was. */
async function noticesStayPut(page) {
  await page.getByRole('button', { name: '一键校验' }).click();
  await page.getByText('1 个错误、10 个警告、10 个提示').waitFor();
  const heading = page.getByRole('heading', { name: '问题列表' });
  const positions = [];
  for (const name of ['导出报告', '清除标记', '导出报告', '清除标记']) {
    await page.getByRole('button', { name }).click();
    await page.getByRole('button', { name }).and(page.locator(':enabled')).waitFor();
    positions.push({ notices: await noticeCount(page), heading: await top(heading) });
  }
  assert.ok(positions.every((p) => p.notices <= 2), `notices pile up: ${JSON.stringify(positions)}`);
  assert.equal(positions[3].heading, positions[1].heading, `the list moved down: ${JSON.stringify(positions)}`);
  return positions;
}

async function noticesInThePane(browser, origin, { openTaskpane, artifacts }) {
  const { context, page, errors } = await openTaskpane(browser, origin, 450);
  const positions = await noticesStayPut(page);
  assert.ok(positions[3].heading < 900, `问题列表 below the fold at 450×900 (${positions[3].heading} px)`);
  await page.screenshot({ path: path.join(artifacts, 'taskpane-notices.png') });
  assert.deepEqual(errors, []);
  await context.close();
}

async function noticesOnThePage(browser, origin) {
  const { context, page, errors } = await openPage(browser, origin, { width: 450 });
  await noticesStayPut(page);
  assert.deepEqual(errors, []);
  await context.close();
}

/** Every run of digits (with , and .) of four or more characters in the grid and the findings, drawn on one line. */
function amountsBroken(page) {
  return page.evaluate(() => {
    const broken = [];
    const roots = [document.querySelector('[role="grid"]'), document.querySelector('section[aria-label="问题列表"]')];
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.textContent.matchAll(/\d[\d,]*(?:\.\d+)?/g)) {
          if (match[0].length < 4) continue;
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(match[0]);
        }
      }
    }
    return broken;
  });
}

/** At 1024 px, with a big amount mistyped into the seed: no amount of the grid or the findings breaks across lines. */
async function amountsDoNotWrap(browser, origin, { artifacts }) {
  const file = await plantTypo(path.join(__dirname, '..', '..'), artifacts, 1234567.89);
  const { context, page, errors } = await openPage(browser, origin, { width: 1024 });
  await page.getByLabel('打开文件（.xlsx / .csv）').setInputFiles(file);
  await page.getByText(`当前文件：${path.basename(file)}`).waitFor();
  await page.getByRole('button', { name: '一键校验' }).click();
  await page.getByText(/\d+ 个错误、\d+ 个警告/).first().waitFor();
  assert.match(await page.locator('[data-cell="C6"]').innerText(), /1234567\.89/);
  assert.deepEqual(await amountsBroken(page), []);
  assert.deepEqual(errors, []);
  await context.close();
}

/** Escape closes a dialog and gives focus back to what opened it: 忽略 in the list, 打开示例表 on the page. */
async function escapeRestoresFocus(browser, origin) {
  const { context, page, errors } = await openPage(browser, origin, { width: 1366 });
  await page.getByRole('button', { name: '一键校验' }).click();
  await page.getByText('1 个错误、10 个警告、10 个提示').waitFor();
  const ignore = page.locator('li', { hasText: '缺少效益指标（2-效益指标）' }).first().getByRole('button', { name: '忽略', exact: true });
  await ignore.focus();
  await ignore.press('Enter');
  await page.getByRole('dialog').waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement !== document.body);
  assert.ok(await ignore.evaluate((e) => e === document.activeElement), `focus went to ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))}`);

  await page.locator('[role="grid"] [data-cell="B6"]').dblclick();
  const editor = page.getByRole('textbox', { name: '编辑单元格 B6' });
  await editor.fill('98');
  await editor.press('Enter');
  const sample = page.getByRole('button', { name: '打开示例表' });
  await sample.focus();
  await sample.press('Enter');
  await page.getByRole('dialog', { name: '放弃未下载的修改？' }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement !== document.body);
  assert.ok(await sample.evaluate((e) => e === document.activeElement), `focus went to ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))}`);
  assert.deepEqual(errors, []);
  await context.close();
}

/** The pane's polite live region holds the summary after 一键校验 and the new one after the re-check of an edit. */
async function liveRegionAnnounces(browser, origin) {
  const { context, page, errors } = await openPage(browser, origin, { width: 1366 });
  const region = page.locator('[role="status"][aria-live="polite"]').filter({ hasText: /一键校验|个错误/ });
  assert.equal(await region.count(), 1, 'the live region is there before the check');
  await page.getByRole('button', { name: '一键校验' }).click();
  await page.waitForFunction(() => /1 个错误、10 个警告、10 个提示/.test([...document.querySelectorAll('[role="status"][aria-live="polite"]')].map((e) => e.textContent).join('')));
  await page.locator('[role="grid"] [data-cell="C6"]').dblclick();
  const editor = page.getByRole('textbox', { name: '编辑单元格 C6' });
  await editor.fill('98');
  await editor.press('Enter');
  await page.waitForFunction(() => /2 个错误、/.test([...document.querySelectorAll('[role="status"][aria-live="polite"]')].map((e) => e.textContent).join('')));
  assert.deepEqual(errors, []);
  await context.close();
}

/** 指标编辑 before a cell is chosen: the hint, no error; the grid of a real .xlsx drawn at its columns' widths, with its merges. */
async function builderHintAndGridLayout(browser, origin) {
  const { context, page, errors } = await openPage(browser, origin, { width: 1366 });
  await page.getByRole('tab', { name: '指标编辑' }).click();
  await page.getByText('请在表格中选中一个项目的“绩效指标”单元格', { exact: false }).waitFor();
  assert.equal(await page.getByRole('region', { name: '整体检查' }).count(), 0, 'no error before a cell is chosen');

  await page.getByLabel('打开文件（.xlsx / .csv）').setInputFiles(path.join(REAL, 'l2-sichuan-jianyan-mata-2023.xlsx'));
  await page.getByText('当前文件：l2-sichuan-jianyan-mata-2023.xlsx').waitFor();
  const layout = await page.evaluate(() => {
    const cell = (a) => document.querySelector(`[role="grid"] [data-cell="${a}"]`);
    return { a4: cell('A4')?.rowSpan, a5: cell('A5') === null, widthA: Math.round(cell('A12').getBoundingClientRect().width), widthC: Math.round(cell('C12').getBoundingClientRect().width) };
  });
  // Columns A and B are 24 characters wide in the file, C onwards 16 (about 7 px a character, as Excel draws them).
  assert.deepEqual(layout, { a4: 8, a5: true, widthA: 173, widthC: 117 });
  assert.deepEqual(errors, []);
  await context.close();
}

function paneUxTests(options) {
  return [
    ['taskpane.html at 450×900 on the double: notices replace each other, 问题列表 stays above the fold', (b, o) => noticesInThePane(b, o, options)],
    ['standalone page at 450 px: notices replace each other, the list does not move down', noticesOnThePage],
    ['standalone page at 1024 px: no amount of the grid or the findings wraps inside', (b, o) => amountsDoNotWrap(b, o, options)],
    ['standalone page: Escape from a dialog gives focus back to the button that opened it', escapeRestoresFocus],
    ['standalone page: a polite live region says the summary after 一键校验 and after a re-check', liveRegionAnnounces],
    ['standalone page: 指标编辑 asks for a cell without an error; the grid keeps a real file’s column widths and merges', builderHintAndGridLayout],
  ];
}

module.exports = { paneUxTests };
