// Amounts and cell addresses in finding texts never break inside (issue 17 item 9): at 1024 and 320 px, in 问题列表,
// the 当前单元格 card and the fix and ignore dialogs, each amount (1,234,567.89) and address (B12) lies on one line.
'use strict';
const assert = require('node:assert/strict');
const { openPage } = require('./page.js');

// The seed's 物业管理费 (row 6) with amounts of seven and eight digits, so its sums fail with long numbers.
const TYPED = [
  ['B6', '1234567.89'],
  ['C6', '12345678.9'],
  ['D6', '7654321.01'],
];

async function typeInto(page, address, text) {
  await page.locator(`[role="grid"] [data-cell="${address}"]`).dblclick();
  const editor = page.getByRole('textbox', { name: `编辑单元格 ${address}` });
  await editor.fill(text);
  await editor.press('Enter');
}

/**
 * Every amount and cell address in the texts of `where` (a locator), with the lines it is laid out on: its text
 * measured by a Range over exactly its characters, one client rect per line box it spans.
 */
function splitTokens(where) {
  return where.evaluateAll((elements) => {
    const token = /[A-Z]{1,3}[0-9]+(?::[A-Z]{1,3}[0-9]+)?|[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+\.[0-9]+|[0-9]{4,}/g;
    const found = [];
    for (const element of elements) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.data.matchAll(token)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          found.push({ text: match[0], lines: lines.size });
        }
      }
    }
    return found;
  });
}

async function assertUnbroken(locator, where) {
  const tokens = await splitTokens(locator);
  assert.ok(tokens.some((t) => t.text.length >= 10), `${where}: long amounts to measure (${JSON.stringify(tokens.slice(0, 5))})`);
  const split = tokens.filter((t) => t.lines > 1);
  assert.deepEqual(split, [], `${where}: amounts or addresses broken across lines`);
  return tokens.length;
}

async function amountsStayWhole(browser, origin, width) {
  const { context, page, errors } = await openPage(browser, origin, { width });
  for (const [address, text] of TYPED) await typeInto(page, address, text);
  await page.getByRole('button', { name: '一键校验' }).click();
  const list = page.getByRole('region', { name: '问题列表' });
  await list.getByText('不等于', { exact: false }).first().waitFor();
  await assertUnbroken(list, `${width} px 问题列表`);

  // The 当前单元格 card of a failing total.
  await page.locator('[role="grid"] [data-cell="B6"]').click();
  const card = page.getByRole('region', { name: /当前单元格/ });
  await card.waitFor();
  await assertUnbroken(card, `${width} px 当前单元格`);

  // The dialogs: a fix's preview and the ignore dialog's message.
  await card.getByRole('button', { name: '修正', exact: true }).first().click();
  const fix = page.getByRole('dialog');
  await fix.waitFor();
  await assertUnbroken(fix, `${width} px 修正 preview`);
  await page.keyboard.press('Escape');
  await fix.waitFor({ state: 'detached' });
  await card.getByRole('button', { name: '忽略', exact: true }).first().click();
  const ignore = page.getByRole('dialog');
  await ignore.waitFor();
  await assertUnbroken(ignore, `${width} px 忽略 dialog`);
  await page.keyboard.press('Escape');
  assert.deepEqual(errors, []);
  await context.close();
}

function amountWrapTests() {
  return [1024, 320].map((width) => [`standalone page at ${width} px: no amount or cell address in a finding text breaks across lines (list, 当前单元格, dialogs)`, (browser, origin) => amountsStayWhole(browser, origin, width)]);
}

module.exports = { amountWrapTests };
