import { waitFor } from '@testing-library/react';
import { act } from 'react';
import { localeOf, renderTaskpane } from '../../src/taskpane/boot';
import { createMemoryWorkbook } from '../../src/workbook/memory-workbook';
import { SEED_SHEET } from '../fixtures/seed-grid';

// Tells React this test drives updates through act() itself (testing-library does this for its own render).
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function mount(render: (root: HTMLElement) => ReturnType<typeof renderTaskpane>) {
  const root = document.createElement('div');
  document.body.append(root);
  let reactRoot: ReturnType<typeof renderTaskpane> | undefined;
  act(() => {
    reactRoot = render(root);
  });
  return { root, unmount: () => act(() => reactRoot?.unmount()) };
}

describe('renderTaskpane', () => {
  it('outside Excel points to the standalone checker, then shows the diagnostics (loaded on demand)', async () => {
    const supported = new Set(['1.1', '1.2', '1.3']);
    const { root, unmount } = mount((el) => renderTaskpane(el, { host: null, platform: null }, { query: (_n, v) => supported.has(v) }));
    expect(root.querySelector('h1')?.textContent).toBe('绩效目标表助手');
    expect(root.querySelector('a[href="index.html"]')?.textContent).toBe('打开网页版检查器');
    await waitFor(() => expect(root.querySelectorAll('li')).toHaveLength(20));
    expect(root.querySelector('[aria-label="ExcelApi 1.3：支持"]')).not.toBeNull();
    expect(root.querySelector('[aria-label="ExcelApi 1.4：不支持"]')).not.toBeNull();
    unmount();
  });

  it('inside Excel renders the pane on the workbook port, in Office\'s language', () => {
    const port = createMemoryWorkbook({ sheets: [SEED_SHEET] });
    const { root, unmount } = mount((el) => renderTaskpane(el, { host: 'Excel', platform: 'PC' }, { createPort: () => port, displayLanguage: 'en-US' }));
    expect(root.querySelector('h1')?.textContent).toBe('Performance Target Assistant');
    expect([...root.querySelectorAll('button')].some((b) => b.textContent === 'Check workbook')).toBe(true);
    unmount();
  });

  it('takes English only from an English Office', () => {
    expect(localeOf('en-GB')).toBe('en-US');
    expect(localeOf('zh-CN')).toBe('zh-CN');
    expect(localeOf('zh-TW')).toBe('zh-CN');
    expect(localeOf(undefined)).toBe('zh-CN');
  });
});
