import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { cellText, type Finding, type SheetGrid } from '../../src/core';
import { createMemoryWorkbook } from '../../src/workbook/memory-workbook';
import {
  dialogButton,
  dialogClosed,
  expectedReport,
  findDialog,
  findingsSection,
  malformedSheet,
  message,
  renderPane,
  rowOf,
  runCheck,
  seedWorkbook,
  SHEET,
} from './pane-harness';

// Fluent components in jsdom on a shared machine: allow for slow runs (nothing here measures time).

function formatFindings(sheet: SheetGrid): Finding[] {
  return expectedReport(sheet).findings.filter((f) => f.rule === 'indicators.format');
}

function valueAt(wb: ReturnType<typeof createMemoryWorkbook>, row: number): string {
  return cellText(wb.grid().sheets[0]?.values[row]?.[6] ?? null);
}

describe('TaskPaneApp 修正', () => {
  it('previews a fix, writes the canonical text, re-checks, and undoes it', async () => {
    const sheet = malformedSheet([5]);
    const [format] = formatFindings(sheet);
    if (!format?.fix) throw new Error('G6 is malformed and fixable');
    const original = cellText(format.fix.expected);
    const canonical = cellText(format.fix.value);
    // A format deviation is a warning (Guangzhou's convention, found by the profile the seed calls for).
    const { warnings } = expectedReport(sheet).summary;
    const counts = (w: number) => new RegExp(`^1 个错误、${w} 个警告、`);
    const wb = createMemoryWorkbook({ sheets: [sheet] });
    const { user } = renderPane(wb);
    await runCheck(user);
    await waitFor(() => expect(screen.getByText(counts(warnings))).toBeInTheDocument());

    await user.click(within(rowOf(format)).getByRole('button', { name: '修正' }));
    const dialog = await findDialog();
    await waitFor(() => expect(within(dialog).getByText('修正单元格')).toBeInTheDocument());
    await waitFor(() => expect(within(dialog).getByText(original)).toBeInTheDocument());
    await waitFor(() => expect(within(dialog).getByText(canonical)).toBeInTheDocument());
    await user.click(dialogButton(dialog, '确认修正'));
    await dialogClosed();

    expect(await screen.findByText('已修正 1 个单元格。')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(counts(warnings - 1))).toBeInTheDocument());
    expect(valueAt(wb, 5)).toBe(canonical);
    expect(within(findingsSection()).queryByText(message(format))).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '撤销' }));
    expect(await screen.findByText('已撤销，恢复了 1 个单元格。')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(counts(warnings))).toBeInTheDocument());
    expect(valueAt(wb, 5)).toBe(original);
    expect(screen.queryByRole('button', { name: '撤销' })).not.toBeInTheDocument();
  });

  it('fixes every formatting finding at once after a preview of each cell', async () => {
    const sheet = malformedSheet([5, 6]);
    const fixes = formatFindings(sheet).map((f) => f.fix);
    expect(fixes).toHaveLength(2);
    const wb = createMemoryWorkbook({ sheets: [sheet] });
    const { user } = renderPane(wb);
    await runCheck(user);

    await user.click(screen.getByRole('button', { name: /全部修正格式/ }));
    const dialog = await findDialog();
    await waitFor(() => expect(within(dialog).getByText('全部修正格式（2 个单元格）')).toBeInTheDocument());
    await waitFor(() => expect(within(dialog).getAllByRole('listitem', )).toHaveLength(2));
    await user.click(dialogButton(dialog, '确认修正'));
    await dialogClosed();

    expect(await screen.findByText('已修正 2 个单元格。')).toBeInTheDocument();
    expect(valueAt(wb, 5)).toBe(cellText(fixes[0]?.value ?? null));
    expect(valueAt(wb, 6)).toBe(cellText(fixes[1]?.value ?? null));
    await waitFor(() => expect(screen.queryByRole('button', { name: /全部修正格式/ })).not.toBeInTheDocument());
  });

  it('writes nothing to a cell changed since the check and says so in Chinese', async () => {
    const sheet = malformedSheet([5]);
    const [format] = formatFindings(sheet);
    if (!format) throw new Error('G6 is malformed');
    // No change events, so the edit below is not re-checked before the fix is confirmed.
    const wb = createMemoryWorkbook({ sheets: [sheet] }, { capabilities: { changeEvents: false } });
    const { user } = renderPane(wb);
    await runCheck(user);

    await user.click(within(rowOf(format)).getByRole('button', { name: '修正' }));
    const dialog = await findDialog();
    wb.setCell({ sheet: SHEET, cell: 'G6' }, '用户刚改的内容');
    await user.click(dialogButton(dialog, '确认修正'));
    await dialogClosed();

    expect(await screen.findByText('单元格 G6 在读取后已被修改，未写入。请重新校验。')).toBeInTheDocument();
    expect(valueAt(wb, 5)).toBe('用户刚改的内容');
    await waitFor(() => expect(screen.queryByText(/已修正/)).not.toBeInTheDocument());
    await waitFor(() => expect(screen.queryByRole('button', { name: '撤销' })).not.toBeInTheDocument());
  });
});

describe('TaskPaneApp in English', () => {
  it('renders the pane and the rule messages in English', async () => {
    const { summary, findings } = expectedReport();
    const effectMissing = findings.find((f) => f.severity === 'error');
    if (!effectMissing) throw new Error('the seed has one error');
    const { user } = renderPane(seedWorkbook(), 'en-US');
    expect(screen.getByRole('tab', { name: /Check/ })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: /About/ })).toBeInTheDocument();
    await runCheck(user, 'Check workbook');

    await waitFor(() => expect(screen.getByText('Correct the errors before submitting.')).toBeInTheDocument());
    await waitFor(() => expect(screen.getByText(`1 error, ${summary.warnings} warnings, ${summary.infos} notes`)).toBeInTheDocument());
    const list = findingsSection('Findings');
    expect(within(rowOf(effectMissing, list, 'en-US')).getByRole('button', { name: 'Ignore' })).toBeInTheDocument();
    expect(message(effectMissing, 'en-US')).not.toBe(message(effectMissing));
    await waitFor(() => expect(within(list).queryByText(message(effectMissing))).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Errors only 1' })).toBeInTheDocument());
    await waitFor(() => expect(screen.queryByText(/一键校验|个错误/)).not.toBeInTheDocument());
  });
});
