// 全部修正格式 on a big workbook (issue 17 item 8): a confirmed fix closes its dialog at once, so that the grid and the
// list show the result without waiting for the dialog's closing animation; 取消 (Escape) still animates and gives
// focus back to the button that opened it.
'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');
const { button, openLarge, writeGeneratedXlsx } = require('./page-scale.js');

const confirmButton = button('确认修正', `document.querySelector('[role=dialog]')`);

async function confirmClosesAtOnce(browser, origin, file) {
  const { context, page, errors } = await openLarge(browser, origin, file);
  await page.getByRole('button', { name: '一键校验' }).click();
  await page.locator('[aria-label="按严重程度筛选"]').waitFor({ timeout: 120000 });

  // Escape: the dialog closes (animated) and focus goes back to 全部修正格式.
  await page.getByRole('button', { name: '全部修正格式' }).click();
  await page.getByRole('button', { name: '确认修正' }).waitFor();
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('[role=dialog]'));
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), '全部修正格式', 'focus did not return to 全部修正格式 after Escape');

  // 确认修正: no dialog left in the first frame after the click (its closing animation lasts 250 ms).
  await page.getByRole('button', { name: '全部修正格式' }).click();
  await page.getByRole('button', { name: '确认修正' }).waitFor();
  const leftAfterFirstFrame = await page.evaluate(`(async () => {
    ${confirmButton}.click();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return document.querySelectorAll('[role=dialog]').length;
  })()`);
  assert.equal(leftAfterFirstFrame, 0, 'the confirmed dialog was still shown in the frame after 确认修正');
  await page.getByText('已修正', { exact: false }).first().waitFor();
  await page.waitForFunction(() => ![...document.querySelectorAll('button')].some((b) => b.textContent === '全部修正格式'));
  assert.deepEqual(errors, []);
  await context.close();
}

function settleDialogTests({ artifacts }) {
  return [
    [
      'standalone page at 2,000 projects: 确认修正 closes the dialog at once; Escape animates and restores focus to 全部修正格式',
      async (browser, origin) => confirmClosesAtOnce(browser, origin, await writeGeneratedXlsx(2000, path.join(artifacts, 'page-scale-2000.xlsx'))),
    ],
  ];
}

module.exports = { settleDialogTests };
