import '@testing-library/jest-dom';
import { screen, waitFor } from '@testing-library/react';
import type { WorkbookGrid } from '../../src/core';
import { loadSavedDocument, MAX_SAVED_CHARS, readSavedDocument, SAVED_DOCUMENT_KEY, saveDocument } from '../../src/web/saved-document';
import { WebApp } from '../../src/web/WebApp';
import { renderFluent, type TestUser } from '../ui/render-fluent';
import { expectedReport, ignoreWithReason, runCheck } from '../ui/pane-harness';
import { memoryStorage } from './memory-storage';

const SHEET = '项目支出绩效目标表';
const RESET = '本浏览器中保存的上次编辑的数据无法读取，已重置；现在打开的是示例表。';

const grid: WorkbookGrid = { sheets: [{ name: '表1', originRow: 2, originCol: 1, values: [['项目', 1.5, true, null]] }] };

describe('saved-document: the standalone page’s work in localStorage', () => {
  test('saves and reads back; a new load on the same storage (a reload) finds it', () => {
    const storage = memoryStorage();
    expect(loadSavedDocument(storage)).toEqual({ status: 'none' });
    expect(saveDocument(storage, { name: 'a.xlsx', grid })).toEqual({ ok: true });
    expect(loadSavedDocument(storage)).toEqual({ status: 'restored', document: { name: 'a.xlsx', grid } });
    expect(loadSavedDocument(null)).toEqual({ status: 'none' });
  });

  test.each([
    ['invalid JSON', '{"name": "a.xlsx", "grid": {'],
    ['no sheets', JSON.stringify({ name: 'a.xlsx', grid: {} })],
    ['a cell that is an object', JSON.stringify({ name: 'a', grid: { sheets: [{ name: 's', originRow: 0, originCol: 0, values: [[{ x: 1 }]] }] } })],
    ['a negative origin', JSON.stringify({ name: 'a', grid: { sheets: [{ name: 's', originRow: -1, originCol: 0, values: [] }] } })],
    ['beyond Excel’s last row', JSON.stringify({ name: 'a', grid: { sheets: [{ name: 's', originRow: 1_048_575, originCol: 0, values: [[1], [2]] }] } })],
    ['two sheets of one name', JSON.stringify({ name: 'a', grid: { sheets: [grid.sheets[0], grid.sheets[0]] } })],
    ['a huge value', JSON.stringify({ name: 'a', grid, pad: 'x'.repeat(MAX_SAVED_CHARS) })],
    ['an ignore list that is not text', JSON.stringify({ name: 'a', grid, ignored: [{ key: 'k' }] })],
  ])('%s is reset, not restored', (_, text) => {
    const storage = memoryStorage();
    storage.setItem(SAVED_DOCUMENT_KEY, text);
    expect(loadSavedDocument(storage)).toEqual({ status: 'reset' });
    expect(storage.getItem(SAVED_DOCUMENT_KEY)).toBeNull();
    expect(loadSavedDocument(storage)).toEqual({ status: 'none' });
  });

  test('keeps only the known fields; __proto__ keys supply nothing', () => {
    const read = readSavedDocument(JSON.parse('{"name":"a","extra":1,"__proto__":{"grid":{"sheets":[]}},"grid":{"sheets":[{"name":"s","originRow":0,"originCol":0,"values":[["x"]],"colour":"red"}]}}'));
    expect(read).toStrictEqual({ name: 'a', grid: { sheets: [{ name: 's', originRow: 0, originCol: 0, values: [['x']] }] } });
    expect(readSavedDocument(JSON.parse('{"name":"a","__proto__":{"grid":{"sheets":[]}}}'))).toBeNull();
  });

  test('a full or blocked storage and a too large workbook are reported, not thrown', () => {
    const full = { ...memoryStorage(), setItem: () => { throw new DOMException('quota', 'QuotaExceededError'); } };
    expect(saveDocument(full, { name: 'a', grid })).toEqual({ ok: false, reason: 'full' });
    const blocked = { ...memoryStorage(), setItem: () => { throw new DOMException('no', 'SecurityError'); }, getItem: () => { throw new DOMException('no', 'SecurityError'); } };
    expect(saveDocument(blocked, { name: 'a', grid })).toEqual({ ok: false, reason: 'unavailable' });
    expect(loadSavedDocument(blocked)).toEqual({ status: 'unavailable' });
    const big: WorkbookGrid = { sheets: [{ name: 's', originRow: 0, originCol: 0, values: [['x'.repeat(MAX_SAVED_CHARS)]] }] };
    expect(saveDocument(memoryStorage(), { name: 'a', grid: big })).toEqual({ ok: false, reason: 'too-large' });
  });
});

describe('the standalone page with stored data', () => {
  function renderPage(storage: Storage) {
    return renderFluent(<WebApp locale="zh-CN" storage={storage} />, { provider: false });
  }
  const cell = (address: string) => {
    const found = screen.getByRole('grid', { name: SHEET }).querySelector<HTMLElement>(`[data-cell="${address}"]`);
    if (!found) throw new Error(`no cell ${address}`);
    return found;
  };
  async function edit(user: TestUser, address: string, text: string) {
    await user.dblClick(cell(address));
    const editor = screen.getByRole('textbox', { name: `编辑单元格 ${address}` });
    await user.clear(editor);
    await user.type(editor, `${text}{Enter}`);
  }

  test.each([
    ['invalid JSON', '{"name":'],
    ['a wrong shape', JSON.stringify({ name: 'a.xlsx', grid: { sheets: [{ name: 'x', values: 'none' }] } })],
    ['a huge value', `"${'x'.repeat(MAX_SAVED_CHARS + 1)}"`],
  ])('%s: the page opens the sample, says the stored work was unreadable and reset, and keeps working', async (_, stored) => {
    const storage = memoryStorage();
    storage.setItem(SAVED_DOCUMENT_KEY, stored);
    const { user } = renderPage(storage);
    await waitFor(() => expect(screen.getByText(RESET)).toBeInTheDocument());
    await waitFor(() => expect(screen.getByText('当前文件：示例：广州市信访局项目支出绩效目标表')).toBeInTheDocument());
    expect(storage.getItem(SAVED_DOCUMENT_KEY)).toBeNull();

    await edit(user, 'B6', '97');
    await waitFor(() => expect(loadSavedDocument(storage)).toMatchObject({ status: 'restored' }), { timeout: 3000 });
    await runCheck(user);
    await waitFor(() => expect(screen.getByText(RESET)).toBeInTheDocument());
  });

  test('an ignored finding is kept with the work: after a reload it is still ignored, with its reason', async () => {
    const storage = memoryStorage();
    const effectMissing = expectedReport().findings.find((f) => f.rule === 'category.effect-missing');
    if (!effectMissing) throw new Error('the sample has its 效益指标 error');
    const first = renderPage(storage);
    await runCheck(first.user);
    await ignoreWithReason(first.user, effectMissing, '已与财政局确认');
    expect(await screen.findByText('没有错误，可以提交。')).toBeInTheDocument();
    await waitFor(() => expect(loadSavedDocument(storage)).toMatchObject({ status: 'restored', document: { ignored: expect.stringContaining('已与财政局确认') } }), { timeout: 3000 });
    first.unmount();

    const second = renderPage(storage);
    await runCheck(second.user);
    await waitFor(() => expect(screen.getByText('没有错误，可以提交。')).toBeInTheDocument());
  });

  test('a full localStorage on save is reported in Chinese; the edit stays on screen', async () => {
    const storage = { ...memoryStorage(), setItem: () => { throw new DOMException('quota', 'QuotaExceededError'); } };
    const { user } = renderPage(storage);
    await edit(user, 'B6', '96');
    expect(await screen.findByText('浏览器存储空间已满，最近的修改没有自动保存；请及时下载。', {}, { timeout: 3000 })).toBeInTheDocument();
    expect(cell('B6')).toHaveTextContent('96');
  });
});
