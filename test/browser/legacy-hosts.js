// taskpane.html where the bundle cannot run: IE11 (Trident) and Edge Legacy (EdgeHTML) webviews, which Office
// 2016/2019 volume-licensed and retail without WebView2 use, and any browser whose parser rejects the bundle.
// legacy-guard.js must show its Chinese notice there, and never in a normal Chromium run.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const TRIDENT = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko';
const EDGE_HTML = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041';
const NOTICE = '此版本的 Office 无法运行绩效目标表助手';

async function openPane(browser, origin, { officeCdn, artifacts, userAgent, breakBundle }) {
  const context = await browser.newContext({ viewport: { width: 450, height: 900 }, locale: 'zh-CN', ...(userAgent ? { userAgent } : {}) });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  const double = fs.readFileSync(path.join(artifacts, 'office-double.js'), 'utf8');
  await page.route(officeCdn, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: double }));
  // An old parser rejects the bundle: here, the taskpane entry is made unparsable for Chromium too.
  if (breakBundle) await page.route(/\/taskpane\.[0-9a-f]{20}\.js$/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: 'const x = ;' }));
  await page.goto(`${origin}/taskpane.html`);
  return { context, page, errors };
}

async function assertNotice(page, origin) {
  const notice = page.getByRole('alert').filter({ hasText: NOTICE });
  await notice.waitFor();
  assert.ok(await notice.getByText('改用网页版检查器', { exact: false }).isVisible());
  assert.ok(await notice.getByText('Microsoft 365、Office 2021 及更高版本', { exact: false }).isVisible());
  assert.equal(await notice.getByRole('link').getAttribute('href'), `${origin}/index.html`);
  assert.ok(await notice.getByText('This Office version shows add-ins in Internet Explorer 11 or legacy Edge', { exact: false }).isVisible());
  // The bundle's UI did not render.
  assert.equal(await page.locator('#root').evaluate((root) => root.childElementCount), 0);
  assert.equal(await page.getByRole('button', { name: '一键校验' }).count(), 0);
}

function legacyHostTests({ officeCdn, artifacts }) {
  const options = { officeCdn, artifacts };
  return [
    ['taskpane.html with an IE11 (Trident) user agent: the Chinese notice, no pane', async (browser, origin) => {
      const { context, page, errors } = await openPane(browser, origin, { ...options, userAgent: TRIDENT });
      await assertNotice(page, origin);
      assert.deepEqual(errors, []);
      await context.close();
    }],
    ['taskpane.html with an EdgeHTML user agent: the Chinese notice, no pane', async (browser, origin) => {
      const { context, page, errors } = await openPane(browser, origin, { ...options, userAgent: EDGE_HTML });
      await assertNotice(page, origin);
      assert.deepEqual(errors, []);
      await context.close();
    }],
    ['taskpane.html whose bundle fails to parse: the Chinese notice', async (browser, origin) => {
      const { context, page, errors } = await openPane(browser, origin, { ...options, breakBundle: true });
      await assertNotice(page, origin);
      assert.ok(errors.length > 0 && errors.every((e) => /SyntaxError/.test(e)), `only the syntax error: ${errors.join('; ')}`);
      await context.close();
    }],
    ['taskpane.html in Chromium: the pane, no notice', async (browser, origin) => {
      const { context, page, errors } = await openPane(browser, origin, options);
      await page.getByRole('button', { name: '一键校验' }).waitFor();
      await page.waitForFunction(() => document.readyState === 'complete');
      assert.equal(await page.getByText(NOTICE).count(), 0);
      assert.equal(await page.evaluate(() => window.__jixiaoBooted), true);
      assert.deepEqual(errors, []);
      await context.close();
    }],
  ];
}

module.exports = { legacyHostTests };
