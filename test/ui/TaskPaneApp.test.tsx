import '@testing-library/jest-dom';
import { act, screen, waitFor, within } from '@testing-library/react';
import { createMemoryWorkbook } from '../../src/workbook/memory-workbook';
import { REPORT_SHEET_NAME, WorkbookError, type WorkbookPort } from '../../src/workbook/port';
import { dialogButton, dialogClosed, expectedReport, findDialog, findingsSection, message, renderPane, rowOf, runCheck, seedWorkbook, SHEET } from './pane-harness';

const { summary, findings } = expectedReport();
const effectMissing = findings.find((f) => f.severity === 'error');
if (!effectMissing) throw new Error('the seed has one error');
// Fluent components in jsdom on a shared machine: allow for slow runs (nothing here measures time).

const countsText = (errors: number) => `${errors} 个错误、${summary.warnings} 个警告、${summary.infos} 个提示`;

describe('TaskPaneApp 校验', () => {
  it('checks the workbook: summary, findings grouped by sheet and project, marks', async () => {
    expect(summary.errors).toBe(1);
    const wb = seedWorkbook();
    const { user } = renderPane(wb);
    expect(screen.getByText(/点击“一键校验”/)).toBeInTheDocument();
    await runCheck(user);

    await waitFor(() => expect(screen.getByText(countsText(1))).toBeInTheDocument());
    await waitFor(() => expect(screen.getByText('请先改正错误再提交。')).toBeInTheDocument());
    const list = findingsSection();
    await waitFor(() => expect(within(list).getByRole('heading', { name: SHEET })).toBeInTheDocument());
    await waitFor(() => expect(within(list).getByRole('heading', { name: '党建引领擦亮广州信访品牌' })).toBeInTheDocument());
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(findings.length));
    expect(within(rowOf(effectMissing)).getByRole('img', { name: '错误' })).toBeInTheDocument();

    const cells = new Set(findings.map((f) => `${f.location.sheet}!${f.location.cell}`));
    expect(wb.marks().size).toBe(cells.size);
    expect(wb.marks().get(`${SHEET}!G12`)).toBe('error');
    expect(wb.marks().get(`${SHEET}!G6`)).toBe('warning');
  });

  it('selects the cell of a finding by click, Enter and Space', async () => {
    const wb = seedWorkbook();
    const { user } = renderPane(wb);
    await runCheck(user);

    await user.click(within(rowOf(effectMissing)).getAllByRole('button')[0] as HTMLElement);
    await waitFor(async () => expect((await wb.getSelectedCell())?.location.cell).toBe('G12'));

    const g9 = findings.find((f) => f.location.cell === 'G9');
    const g13 = findings.find((f) => f.location.cell === 'G13');
    if (!g9 || !g13) throw new Error('seed findings');
    (within(rowOf(g9)).getAllByRole('button')[0] as HTMLElement).focus();
    await user.keyboard('{Enter}');
    await waitFor(async () => expect((await wb.getSelectedCell())?.location.cell).toBe('G9'));
    (within(rowOf(g13)).getAllByRole('button')[0] as HTMLElement).focus();
    await user.keyboard(' ');
    await waitFor(async () => expect((await wb.getSelectedCell())?.location.cell).toBe('G13'));
  });

  it('shows the findings of the cell the user selects', async () => {
    const wb = seedWorkbook();
    const { user } = renderPane(wb);
    await runCheck(user);
    act(() => wb.select({ sheet: SHEET, cell: 'G9' }));
    const current = await screen.findByRole('region', { name: '当前单元格 G9' });
    const atG9 = findings.filter((f) => f.location.cell === 'G9');
    await waitFor(() => expect(within(current).getAllByRole('listitem')).toHaveLength(atG9.length));
    await waitFor(() => { for (const f of atG9) expect(within(current).getByText(message(f))).toBeInTheDocument(); });

    act(() => wb.select({ sheet: SHEET, cell: 'A1' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: /当前单元格/ })).not.toBeInTheDocument());
  });

  it('filters by severity (each option alone; test/ui/check-panel-filter.test.tsx has the rest)', async () => {
    const { user } = renderPane(seedWorkbook());
    await runCheck(user);
    await user.click(screen.getByRole('radio', { name: `只看警告 ${summary.warnings}` }));
    expect(within(findingsSection()).getAllByRole('listitem')).toHaveLength(summary.warnings);
    await user.click(screen.getByRole('radio', { name: '只看错误 1' }));
    expect(within(findingsSection()).getAllByRole('listitem')).toHaveLength(1);
    expect(within(findingsSection()).getByText(message(effectMissing))).toBeInTheDocument();
  });

  it('ignores with a required reason: 可以提交, not marked, shown on request, kept in the workbook', async () => {
    const wb = seedWorkbook();
    const first = renderPane(wb);
    await runCheck(first.user);
    await first.user.click(within(rowOf(effectMissing)).getByRole('button', { name: '忽略' }));
    const dialog = await findDialog();
    const confirm = dialogButton(dialog, '忽略');
    expect(confirm).toBeDisabled();
    await first.user.type(within(dialog).getByRole('textbox'), '已与财政局确认');
    await first.user.click(confirm);
    await dialogClosed();

    expect(await screen.findByText('没有错误，可以提交。')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(countsText(0), { exact: false })).toBeInTheDocument());
    await waitFor(() => expect(wb.marks().get(`${SHEET}!G12`)).toBe('warning'));
    expect(within(findingsSection()).queryByText(message(effectMissing))).not.toBeInTheDocument();
    expect(await wb.loadIgnored()).toEqual([{ key: effectMissing.key, reason: '已与财政局确认', by: '', at: expect.any(String) }]);

    await first.user.click(screen.getByRole('switch', { name: '显示已忽略' }));
    const ignoredRow = rowOf(effectMissing);
    expect(within(ignoredRow).getByText('已忽略：已与财政局确认')).toBeInTheDocument();
    expect(within(ignoredRow).getByRole('button', { name: '取消忽略' })).toBeInTheDocument();
    first.unmount();

    const second = renderPane(wb);
    await runCheck(second.user);
    await waitFor(() => expect(screen.getByText('没有错误，可以提交。')).toBeInTheDocument());
    await second.user.click(screen.getByRole('switch', { name: '显示已忽略' }));
    await second.user.click(within(rowOf(effectMissing)).getByRole('button', { name: '取消忽略' }));
    expect(await screen.findByText('请先改正错误再提交。')).toBeInTheDocument();
    expect(await wb.loadIgnored()).toEqual([]);
    await waitFor(() => expect(wb.marks().get(`${SHEET}!G12`)).toBe('error'));
  });

  it('keeps the ignore dialog and the typed reason when saving fails', async () => {
    const wb = seedWorkbook();
    const { user } = renderPane(wb);
    await runCheck(user);
    await user.click(within(rowOf(effectMissing)).getByRole('button', { name: '忽略' }));
    const dialog = await findDialog();
    await user.type(within(dialog).getByRole('textbox'), '原因');
    wb.failNext(new WorkbookError('protected', '工作簿受保护，无法保存忽略列表。请取消保护后重试。'), 'saveIgnored');
    await user.click(dialogButton(dialog, '忽略'));
    expect(await within(dialog).findByText('工作簿受保护，无法保存忽略列表。请取消保护后重试。')).toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getByRole('textbox')).toHaveValue('原因'));
    expect(await wb.loadIgnored()).toEqual([]);
  });

  it('re-checks the edited sheet by itself', async () => {
    const wb = seedWorkbook();
    const { user } = renderPane(wb);
    await runCheck(user);
    const withEffect = '1、1-产出指标；12-质量指标；项目验收合格率（%）；实施周期指标值:100%；年度指标值:100%。2、2-效益指标；22-社会效益；群众认同度；实施周期指标值:90%；年度指标值:90%。3、3-满意度指标；31-服务对象满意度；来访群众满意度；实施周期指标值:90%；年度指标值:90%。';
    act(() => wb.setCell({ sheet: SHEET, cell: 'G12' }, withEffect));
    expect(await screen.findByText('没有错误，可以提交。', undefined, { timeout: 3000 })).toBeInTheDocument();
    const after = expectedReport(wb.grid().sheets[0]);
    await waitFor(() => expect(screen.getByText(`0 个错误、${after.summary.warnings} 个警告、${after.summary.infos} 个提示`)).toBeInTheDocument());
    await waitFor(() => expect(wb.marks().get(`${SHEET}!G12`)).toBe('info'));
  });

  it('marks after the check and clears the marks', async () => {
    const wb = seedWorkbook();
    const { user } = renderPane(wb);
    await runCheck(user);
    expect(wb.marks().size).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: '清除标记' }));
    expect(await screen.findByText('已清除表格中的标记。')).toBeInTheDocument();
    expect(wb.marks().size).toBe(0);
  });

  it('exports the report sheet, which is not itself checked', async () => {
    const wb = seedWorkbook();
    const { user } = renderPane(wb);
    await runCheck(user);
    await user.click(screen.getByRole('button', { name: '导出报告' }));
    expect(await screen.findByText('已生成“校验结果”工作表。')).toBeInTheDocument();
    const report = wb.grid().sheets.find((s) => s.name === REPORT_SHEET_NAME);
    expect(report?.values).toHaveLength(findings.length + 1);
    expect(report?.values).toContainEqual(['错误', SHEET, 'G12', '党建引领擦亮广州信访品牌', '缺少效益指标', message(effectMissing), null, 'category.effect-missing']);

    await runCheck(user);
    await waitFor(() => expect(screen.getByText(countsText(1))).toBeInTheDocument());
    expect(within(findingsSection()).queryByRole('heading', { name: REPORT_SHEET_NAME })).not.toBeInTheDocument();
  });

  it('shows every port failure in an error MessageBar with its Chinese message', async () => {
    const wb = seedWorkbook();
    const { user } = renderPane(wb);
    wb.failNext(new WorkbookError('cell-edit-mode', 'Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后重试。'), 'readWorkbook');
    await runCheck(user);
    await waitFor(() => expect(screen.getByText('Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后重试。')).toBeInTheDocument());
    await waitFor(() => expect(screen.queryByRole('region', { name: '问题列表' })).not.toBeInTheDocument());

    await runCheck(user);
    wb.failNext(new WorkbookError('protected', '工作表受保护，无法写入报告。'), 'writeReport');
    await user.click(screen.getByRole('button', { name: '导出报告' }));
    const notice = await screen.findByText('工作表受保护，无法写入报告。');
    await user.click(within(notice.closest('.fui-MessageBar') as HTMLElement).getByRole('button', { name: '关闭提示' }));
    await waitFor(() => expect(screen.queryByText('工作表受保护，无法写入报告。')).not.toBeInTheDocument());
  });

  it('offers 取消 for a slow read and stops the check', async () => {
    const wb = seedWorkbook();
    // A read that only ends when it is cancelled.
    const slow: WorkbookPort = {
      ...wb,
      readWorkbook: (options) =>
        new Promise((_, reject) =>
          options?.signal?.addEventListener('abort', () => reject(new WorkbookError('cancelled', '已取消读取工作簿。'))),
        ),
    };
    const { user } = renderPane(slow);
    await user.click(screen.getByRole('button', { name: '一键校验' }));
    expect(await screen.findByText('读取工作表')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('progressbar')).toBeInTheDocument());
    await user.click(await screen.findByRole('button', { name: '取消' }));
    expect(await screen.findByText('已取消校验，工作簿没有改动。')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '一键校验' })).toBeEnabled();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('says when edits are not re-checked automatically and lists the host features under 关于', async () => {
    const wb = createMemoryWorkbook({ sheets: [] }, { capabilities: { changeEvents: false, apiVersion: '1.12', host: 'Excel', platform: 'PC' } });
    const { user } = renderPane(wb);
    await runCheck(user);
    await waitFor(() => expect(screen.getByText(/此环境不支持自动重新校验/)).toBeInTheDocument());
    await user.click(screen.getByRole('tab', { name: /关于/ }));
    const about = screen.getByRole('tabpanel', { name: '关于' });
    await waitFor(() => expect(within(about).getByText('Excel')).toBeInTheDocument());
    await waitFor(() => expect(within(about).getByText('1.12')).toBeInTheDocument());
    const autoRecheck = within(about).getByText('修改后自动重新校验').closest('li') as HTMLElement;
    await waitFor(() => expect(within(autoRecheck).getByText('不可用')).toBeInTheDocument());
    const marks = within(about).getByText('用条件格式标记问题单元格').closest('li') as HTMLElement;
    await waitFor(() => expect(within(marks).getByText('已启用')).toBeInTheDocument());
  });
});
