import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { IGNORED_LIMITS } from '../../src/workbook/port';
import { dialogButton, expectedReport, findDialog, ignoreWithReason, renderPane, rowOf, runCheck, seedWorkbook } from './pane-harness';


const RESET = '工作簿中保存的忽略列表无法读取，已重置为空：之前忽略的问题会重新显示，请重新标记。';
const effectMissing = expectedReport().findings.find((f) => f.severity === 'error');
if (!effectMissing) throw new Error('the seed has one error');

describe('an unreadable ignore list in the workbook', () => {
  test.each([
    ['invalid JSON', '[{"key":"category.effect-missing|'],
    ['a wrong shape', JSON.stringify({ key: effectMissing.key, reason: 'x' })],
    ['a huge value', JSON.stringify([{ key: 'k', reason: 'r'.repeat(IGNORED_LIMITS.settingChars), by: '', at: '' }])],
  ])('%s: the pane renders, says it was unreadable and reset, and keeps working', async (_, stored) => {
    const wb = seedWorkbook({ ignoredSetting: stored });
    const first = renderPane(wb);
    expect(await screen.findByText(RESET)).toBeInTheDocument();
    // Reset in the workbook: the next reviewer reads an empty list, without the notice.
    await waitFor(async () => expect(await wb.loadIgnored()).toEqual([]));

    await runCheck(first.user);
    await waitFor(() => expect(screen.getByText('请先改正错误再提交。')).toBeInTheDocument());
    await ignoreWithReason(first.user, effectMissing, '已与财政局确认');
    expect(await screen.findByText('没有错误，可以提交。')).toBeInTheDocument();
    first.unmount();

    const second = renderPane(wb);
    await runCheck(second.user);
    await waitFor(() => expect(screen.getByText('没有错误，可以提交。')).toBeInTheDocument());
    await waitFor(() => expect(screen.queryByText(RESET)).not.toBeInTheDocument());
  });
});

describe('an ignore list a newer version saved', () => {
  const NEWER = '工作簿中的忽略列表由更新版本的绩效目标表助手保存，此版本无法读取：请更新加载项（或使用更新的版本）后再查看或修改。该列表保持不变。';

  test('the pane says so, never saves over it, and refuses to ignore until the add-in is updated', async () => {
    const wb = seedWorkbook({ ignoredProblem: { detail: 'sheet jixiao.ignored: format version 2 (this version reads 1)', newer: true } });
    const { user } = renderPane(wb);
    expect(await screen.findByText(NEWER)).toBeInTheDocument();
    expect(screen.queryByText(RESET)).not.toBeInTheDocument();
    await runCheck(user);
    await waitFor(() => expect(screen.getByText('请先改正错误再提交。')).toBeInTheDocument());
    await user.click(within(rowOf(effectMissing)).getByRole('button', { name: '忽略' }));
    const dialog = await findDialog();
    await user.type(within(dialog).getByRole('textbox'), '原因');
    await user.click(dialogButton(dialog, '忽略'));
    expect(await within(dialog).findByText(NEWER)).toBeInTheDocument();
    // Nothing was stored: the file keeps the newer list, and loading it still says why it cannot be read.
    expect(wb.ignoredSetting()).toBeUndefined();
    await expect(wb.loadIgnored()).rejects.toMatchObject({ text: { key: 'ignored-newer' } });
  });

  test('the memory workbook refuses to save over it even when asked directly', async () => {
    const wb = seedWorkbook({ ignoredProblem: { detail: 'format version 3', newer: true } });
    await expect(wb.saveIgnored([])).rejects.toMatchObject({ code: 'corrupt-data', text: { key: 'ignored-newer' } });
    expect(wb.ignoredSetting()).toBeUndefined();
  });
});

describe('ignoring within the limits the list is read back with', () => {
  test('a reason over 1,000 characters is refused in the dialog and nothing is stored', async () => {
    const wb = seedWorkbook();
    const { user } = renderPane(wb);
    await runCheck(user);
    await user.click(within(rowOf(effectMissing)).getByRole('button', { name: '忽略' }));
    const dialog = await findDialog();
    await user.click(within(dialog).getByRole('textbox'));
    await user.paste('因'.repeat(IGNORED_LIMITS.reasonLength + 1));
    await user.click(dialogButton(dialog, '忽略'));
    expect(await within(dialog).findByText('忽略理由最多 1000 个字符，请精简后再保存。')).toBeInTheDocument();
    expect(await wb.loadIgnored()).toEqual([]);
  });

  test('a 5,001st ignored finding is refused in the dialog and the stored list stays as it was', async () => {
    const full = Array.from({ length: IGNORED_LIMITS.entries }, (_, i) => ({ key: `r|表!A${i + 1}`, reason: '已确认', by: '', at: '2025-01-01T00:00:00.000Z' }));
    const wb = seedWorkbook({ ignoredSetting: JSON.stringify(full) });
    const { user } = renderPane(wb);
    await runCheck(user);
    await user.click(within(rowOf(effectMissing)).getByRole('button', { name: '忽略' }));
    const dialog = await findDialog();
    await user.type(within(dialog).getByRole('textbox'), '原因');
    await user.click(dialogButton(dialog, '忽略'));
    expect(await within(dialog).findByText('一个工作簿最多忽略 5000 个问题，没有保存。请先修正或取消忽略部分问题。')).toBeInTheDocument();
    expect(await wb.loadIgnored()).toEqual(full);
  });
});
