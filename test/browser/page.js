// The standalone page opened as every browser scenario opens it: a fresh context, page errors collected, the grid shown.
'use strict';

async function openPage(browser, origin, { width = 1366, locale = 'zh-CN', downloads = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale, ...(downloads ? { acceptDownloads: true } : {}) });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${origin}/index.html`);
  await page.getByRole('grid').waitFor();
  return { context, page, errors };
}

module.exports = { openPage };
