// The standalone page as a finance officer uses it (issue 17 items 5, 6): nothing unsaved dropped without asking,
// and a severity filter that shows what it names.
'use strict';
const assert = require('node:assert/strict');
const { openPage } = require('./page.js');


async function typeInto(page, address, text, editLabel = '编辑单元格') {
  await page.locator(`[role="grid"] [data-cell="${address}"]`).dblclick();
  const editor = page.getByRole('textbox', { name: `${editLabel} ${address}` });
  await editor.fill(text);
  await editor.press('Enter');
}

/** 打开示例表 after an edit: a dialog first; 取消 keeps the edit; 放弃修改并打开 opens the sample. Then in English. */
async function discardAsks(browser, origin) {
  const { context, page, errors } = await openPage(browser, origin);
  const b6 = page.locator('[role="grid"] [data-cell="B6"]');
  await typeInto(page, 'B6', '98');
  await page.getByRole('button', { name: '打开示例表' }).click();
  const dialog = page.getByRole('dialog', { name: '放弃未下载的修改？' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: '取消' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await b6.innerText(), '98', 'the edit is kept');
  await page.getByRole('button', { name: '打开示例表' }).click();
  await dialog.getByRole('button', { name: '放弃修改并打开' }).click();
  await page.waitForFunction(() => document.querySelector('[role="grid"] [data-cell="B6"]')?.textContent === '99');
  // The language switch: the same question in English.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Open the sample' }).waitFor();
  await typeInto(page, 'B6', '97', 'Edit cell');
  await page.getByRole('button', { name: 'Open the sample' }).click();
  await page.getByRole('dialog', { name: 'Discard the changes not downloaded?' }).getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await b6.innerText(), '97');
  assert.deepEqual(errors, []);
  await context.close();
}

/** 只看错误 shows the one error; clicking it again keeps it; the chosen option looks filled, the others do not. */
async function severityFilter(browser, origin) {
  const { context, page, errors } = await openPage(browser, origin);
  await page.getByRole('button', { name: '一键校验' }).click();
  await page.getByText('1 个错误、10 个警告、10 个提示').waitFor();
  const filter = page.getByRole('radiogroup', { name: '按严重程度筛选' });
  const list = page.getByRole('region', { name: '问题列表' }).locator('li');
  assert.equal(await filter.getByRole('radio', { name: '全部 21' }).getAttribute('aria-checked'), 'true');
  assert.equal(await list.count(), 21);
  const errorsOnly = filter.getByRole('radio', { name: '只看错误 1' });
  await errorsOnly.click();
  await errorsOnly.click();
  assert.equal(await errorsOnly.getAttribute('aria-checked'), 'true');
  assert.equal(await list.count(), 1);
  assert.match(await list.first().innerText(), /缺少效益指标/);
  const background = (name) => filter.getByRole('radio', { name }).evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.notEqual(await background('只看错误 1'), await background('全部 21'), 'on and off look different');
  await page.screenshot({ path: require('node:path').join(__dirname, '..', '..', 'test-artifacts', 'standalone-filter.png') });
  assert.deepEqual(errors, []);
  await context.close();
}

function pageUxTests() {
  return [
    ['standalone page: 打开示例表 after an edit asks before discarding it (zh-CN, then en-US through the language switch)', discardAsks],
    ['standalone page: the severity filter shows what it names (只看错误 → the one error)', severityFilter],
  ];
}

module.exports = { pageUxTests };
