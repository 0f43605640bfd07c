// The 校验结果 sheet on the page after 导出报告 (issue 17 item 9): at 1366 px all its columns, 级别 to 规则代码, are
// shown beside the pane without scrolling sideways.
'use strict';
const assert = require('node:assert/strict');
const { openPage } = require('./page.js');

async function reportSheetFits(browser, origin) {
  const { context, page, errors } = await openPage(browser, origin, { width: 1366 });
  await page.getByRole('button', { name: '一键校验' }).click();
  await page.getByText('1 个错误、10 个警告、10 个提示').waitFor();
  await page.getByRole('button', { name: '导出报告' }).click();
  await page.getByRole('tab', { name: '校验结果' }).click();
  const grid = page.getByRole('grid', { name: '校验结果' });
  await grid.waitFor();
  const fit = await grid.evaluate((table) => {
    let scroller = table.parentElement;
    while (scroller && getComputedStyle(scroller).overflowX === 'visible') scroller = scroller.parentElement;
    const box = scroller.getBoundingClientRect();
    const header = [...table.querySelectorAll('tbody tr:first-child td')].map((td) => ({ text: td.textContent, right: td.getBoundingClientRect().right }));
    return { header: header.map((h) => h.text), beyond: header.filter((h) => h.right > box.right + 0.5).map((h) => h.text) };
  });
  assert.deepEqual(fit.header.slice(0, 8), ['级别', '工作表', '单元格', '项目', '规则', '问题', '修正建议', '规则代码']);
  assert.deepEqual(fit.beyond, [], 'columns outside the visible grid at 1366 px');
  assert.deepEqual(errors, []);
  await context.close();
}

function reportSheetTests() {
  return [['standalone page at 1366 px: the 校验结果 sheet after 导出报告 shows all its columns, 级别 to 规则代码', reportSheetFits]];
}

module.exports = { reportSheetTests };
