/** @jest-environment jsdom */
import { act } from 'react';
import { renderTaskpane } from '../../src/taskpane/boot';

// Tells React this test drives updates through act() itself (testing-library does this for its own render).
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('renderTaskpane', () => {
  it('renders the title and the diagnostics for the given host', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const supported = new Set(['1.1', '1.2', '1.3']);
    let reactRoot: ReturnType<typeof renderTaskpane> | undefined;
    act(() => {
      reactRoot = renderTaskpane(root, { host: 'Excel', platform: 'OfficeOnline' }, (_name, v) => supported.has(v));
    });
    expect(root.querySelector('h1')?.textContent).toBe('绩效目标表助手');
    expect(root.textContent).toContain('OfficeOnline');
    expect(root.querySelectorAll('li')).toHaveLength(20);
    expect(root.querySelector('[aria-label="ExcelApi 1.3：支持"]')).not.toBeNull();
    expect(root.querySelector('[aria-label="ExcelApi 1.4：不支持"]')).not.toBeNull();
    act(() => reactRoot?.unmount());
    root.remove();
  });
});
