// The template library in Chromium (issue 17 item 7), on the page's sample: 社会效益 finds every template under
// 22-社会效益 (16), and 为本项目推荐 for a project without 效益指标 (党建引领擦亮广州信访品牌, G12) puts what it lacks first.
'use strict';
const assert = require('node:assert/strict');
const { openPage } = require('./page.js');

async function searchAndRecommend(browser, origin) {
  const { context, page, errors } = await openPage(browser, origin);
  await page.locator('[role="grid"] [data-cell="G12"]').click();
  await page.getByRole('tab', { name: '指标编辑' }).click();
  await page.getByText('正在编辑：党建引领擦亮广州信访品牌（G12）').waitFor();

  const library = page.getByRole('list', { name: '模板库' });
  const search = page.getByRole('searchbox', { name: '搜索' });
  await search.fill('社会效益');
  await page.getByText('共 16 个模板').waitFor();
  assert.equal(await library.getByRole('listitem').count(), 16);

  await search.fill('');
  await page.getByRole('button', { name: '为本项目推荐' }).click();
  await page.getByText('为“党建引领擦亮广州信访品牌”推荐').waitFor();
  const first = library.getByRole('listitem').first();
  await first.getByText('本项目还没有“2-效益指标”').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
}

function templateSearchTests() {
  return [['standalone page: 社会效益 finds the 16 templates under 22; 为本项目推荐 puts what G12 lacks (效益指标) first', searchAndRecommend]];
}

module.exports = { templateSearchTests };
