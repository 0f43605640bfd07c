// The pane's status (issue 17 item 9): notices never pile up above the findings; the check's summary is announced
// to screen readers after each check and re-check; the builder asks for a cell, without an error, until one is chosen.
import '@testing-library/jest-dom';
import { act, screen, waitFor, within } from '@testing-library/react';
import { createChecker } from '../../src/core';
import { IndicatorBuilder } from '../../src/ui/builder/IndicatorBuilder';
import { createCheckSession, MAX_NOTICES } from '../../src/ui/check-session';
import { renderFluent } from './render-fluent';
import { renderPane, runCheck, seedWorkbook, SHEET } from './pane-harness';

describe('notices', () => {
  it('keep the newest two: four exports and a clearing leave the clearing and the export before it', async () => {
    const workbook = seedWorkbook();
    const session = createCheckSession(workbook, createChecker(), 'zh-CN');
    await session.check();
    for (let i = 0; i < 4; i++) await session.exportReport();
    await session.clearMarks();
    expect(MAX_NOTICES).toBe(2);
    expect(session.getState().notices.map((n) => n.text)).toEqual(['已生成“校验结果”工作表。', '已清除表格中的标记。']);
  });

  it('in the pane: three 导出报告 show one notice or two, never three', async () => {
    const { user } = renderPane(seedWorkbook());
    await runCheck(user);
    for (let i = 0; i < 3; i++) {
      await user.click(screen.getByRole('button', { name: '导出报告' }));
      await waitFor(() => expect(screen.getByRole('button', { name: '导出报告' })).toBeEnabled());
    }
    expect(screen.getAllByText('已生成“校验结果”工作表。').length).toBeLessThanOrEqual(MAX_NOTICES);
  });
});

describe('the live region', () => {
  const liveRegion = () => screen.getAllByRole('status').find((e) => e.getAttribute('aria-live') === 'polite' && !e.querySelector('[role="progressbar"]'));
  const summary = () => liveRegion()?.textContent?.replace(/规则：.*$/, '');

  it('is there before the first check, and says the summary after 一键校验 and again after the re-check of an edit', async () => {
    const workbook = seedWorkbook();
    const { user } = renderPane(workbook);
    const region = liveRegion();
    expect(region).toBeDefined();
    expect(region).toHaveTextContent('点击“一键校验”');
    await runCheck(user);
    await waitFor(() => expect(summary()).toBe('请先改正错误再提交。1 个错误、10 个警告、10 个提示'));
    const before = liveRegion()?.firstElementChild;
    // The edit that adds the missing 效益指标 is re-checked on its own: the region says the new summary.
    const g12 = workbook.grid().sheets[0]?.values[11]?.[6];
    act(() => workbook.setCell({ sheet: SHEET, cell: 'G12' }, `${String(g12)}\n3、2-效益指标；22-社会效益；群众满意度；实施周期指标值:≥90%；年度指标值:≥90%。`));
    await waitFor(() => expect(summary()).toMatch(/^没有错误，可以提交。0 个错误、/));
    expect(liveRegion()?.firstElementChild).not.toBe(before);
  });
});

describe('the builder before a cell is chosen', () => {
  it('asks for a 绩效指标 cell and shows no error', async () => {
    renderFluent(<IndicatorBuilder port={seedWorkbook()} locale="zh-CN" />);
    await waitFor(() => expect(screen.queryByText('正在读取所选单元格…')).not.toBeInTheDocument());
    expect(screen.getByText(/请在表格中选中一个项目的“绩效指标”单元格/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: '整体检查' })).toBeNull();
    const rows = screen.getByRole('region', { name: '指标' });
    expect(within(rows).queryByRole('alert')).toBeNull();
  });
});
