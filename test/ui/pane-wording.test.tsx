// Issue 17 item 9: 当前单元格 orders severities as 问题列表 does (errors, warnings, infos), and a dialog dismissed
// without acting says 取消 everywhere (it said 关闭 in the fix, ignore and convert dialogs, 取消 in the others).
import { act, screen, waitFor, within } from '@testing-library/react';
import { createMemoryWorkbook } from '../../src/workbook/memory-workbook';
import { dialogButton, dialogClosed, expectedReport, findDialog, malformedSheet, message, renderPane, rowOf, runCheck, seedWorkbook, SHEET } from './pane-harness';

describe('当前单元格', () => {
  it('lists a cell\'s warning before its info, as 问题列表 does, though the check found the info first', async () => {
    const wb = seedWorkbook();
    const { user } = renderPane(wb);
    await runCheck(user);
    // On the seed's G6 the check finds 没有成本指标 (info) before the value without unit (warning).
    const atG6 = expectedReport().findings.filter((f) => f.location.cell === 'G6');
    expect(atG6.map((f) => f.severity)).toEqual(['info', 'warning']);
    act(() => wb.select({ sheet: SHEET, cell: 'G6' }));
    const current = await screen.findByRole('region', { name: '当前单元格 G6' });
    await waitFor(() => expect(within(current).getAllByRole('listitem')).toHaveLength(2));
    const texts = within(current).getAllByRole('listitem').map((item) => item.textContent ?? '');
    expect(texts[0]).toContain(message(atG6[1]!));
    expect(texts[1]).toContain(message(atG6[0]!));
    const listed = within(rowOf(atG6[1]!).closest('ul') as HTMLElement).getAllByRole('listitem').map((item) => item.textContent ?? '');
    expect(listed.findIndex((t) => t.includes(message(atG6[1]!)))).toBeLessThan(listed.findIndex((t) => t.includes(message(atG6[0]!))));
  });
});

describe('dismissing a dialog without acting', () => {
  it('is 取消 in the fix and the ignore dialogs, with no 关闭 button', async () => {
    const sheet = malformedSheet([5]);
    const format = expectedReport(sheet).findings.find((f) => f.rule === 'indicators.format' && f.fix !== undefined);
    if (!format) throw new Error('the malformed seed has a format finding with a fix');
    const { user } = renderPane(createMemoryWorkbook({ sheets: [sheet] }));
    await runCheck(user);

    await user.click(within(rowOf(format)).getByRole('button', { name: '修正' }));
    let dialog = await findDialog();
    expect(within(dialog).queryByRole('button', { name: '关闭' })).toBeNull();
    await user.click(dialogButton(dialog, '取消'));
    await dialogClosed();

    await user.click(within(rowOf(format)).getByRole('button', { name: '忽略' }));
    dialog = await findDialog();
    expect(within(dialog).queryByRole('button', { name: '关闭' })).toBeNull();
    await user.click(dialogButton(dialog, '取消'));
    await dialogClosed();
  });

  it('is Cancel in the convert dialog (the pane in English)', async () => {
    const { user } = renderPane(seedWorkbook(), 'en-US');
    await runCheck(user, 'Check workbook');
    await user.click(screen.getAllByRole('button', { name: /^Convert layout/ })[0] as HTMLElement);
    const dialog = await findDialog();
    expect(within(dialog).queryByRole('button', { name: 'Close' })).toBeNull();
    await user.click(dialogButton(dialog, 'Cancel'));
    await dialogClosed();
  });
});
