// The standalone page in Chromium: a finding ignored with a reason stays ignored, with its reason, in the downloaded
// file (its very hidden list sheet) — when the page opens that file again and when the CLI checks it.
'use strict';
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { openPage } = require('./page.js');

const REASON = '已与财政局确认，效益指标另行报送';

async function ignoreDownloadReopen(browser, origin, { root, artifacts }) {
  const { context, page, errors } = await openPage(browser, origin, { downloads: true });
  await page.getByText('当前文件：示例：广州市信访局项目支出绩效目标表').waitFor();
  await page.getByRole('button', { name: '一键校验' }).click();
  await page.getByText('1 个错误、', { exact: false }).waitFor();

  // Ignore the one error with a reason, as a reviewer does.
  const finding = page.locator('li', { hasText: '缺少效益指标（2-效益指标）' }).first();
  await finding.getByRole('button', { name: '忽略', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox').fill(REASON);
  await dialog.getByRole('button', { name: '忽略', exact: true }).click();
  await page.getByText('没有错误，可以提交。').waitFor();

  await page.getByRole('button', { name: '下载 .xlsx' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: '干净的副本（不含标记）' }).click()]);
  const saved = path.join(artifacts, 'ignored-download.xlsx');
  await download.saveAs(saved);

  // Open the downloaded file again: still ignored, with its reason, and the list's sheet is not shown as a tab.
  await page.locator('input[type="file"]').setInputFiles(saved);
  await page.getByText('当前文件：ignored-download.xlsx').waitFor();
  await page.getByRole('button', { name: '一键校验' }).click();
  await page.getByText('没有错误，可以提交。').waitFor();
  await page.getByRole('switch', { name: '显示已忽略' }).click();
  await page.getByText(`已忽略：${REASON}`).waitFor();
  assert.equal(await page.getByRole('tab', { name: 'jixiao.ignored' }).count(), 0, 'the list sheet is not a tab of the grid');

  // And the CLI agrees: ignored with its reason, not an error.
  const cli = JSON.parse(execFileSync(process.execPath, [path.join(root, 'bin', 'jixiao.js'), 'check', saved, '--format', 'json'], { encoding: 'utf8' }));
  assert.equal(cli.summary.errors, 0);
  assert.deepEqual(cli.ignored.map((f) => [f.rule, f.cell, f.reason]), [['category.effect-missing', 'G12', REASON]]);
  assert.deepEqual(errors, []);
  await context.close();
}

/** [name, run(browser, origin)] pairs for run.js. */
function ignoredDownloadTests(options) {
  return [['standalone page: ignore with a reason → download → reopen → still ignored with its reason; the CLI agrees', (browser, origin) => ignoreDownloadReopen(browser, origin, options)]];
}

module.exports = { ignoredDownloadTests };
