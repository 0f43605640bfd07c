import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import { type Finding, type SheetGrid } from '../../src/core';
import { createMemoryWorkbook } from '../../src/workbook/memory-workbook';
import { dialogButton, dialogClosed, expectedReport, findDialog, malformedSheet, renderPane, rowOf, runCheck } from './pane-harness';

function formatFinding(sheet: SheetGrid): Finding {
  const found = expectedReport(sheet).findings.find((f) => f.rule === 'indicators.format' && f.fix);
  if (!found) throw new Error('the seed has a fixable format finding');
  return found;
}

describe('修正 a cell that holds a formula', () => {
  it('the preview shows the formula it would replace; confirming replaces it, and 撤销 puts the formula back', async () => {
    const plain = malformedSheet([5]);
    const finding = formatFinding(plain);
    const cell = finding.fix?.location.cell ?? '';
    const formula = '=CONCAT(Z1,Z2)';
    const wb = createMemoryWorkbook({ sheets: [{ ...plain, formulas: new Map([[cell, formula]]) }] });
    const { user } = renderPane(wb);
    await runCheck(user);

    await user.click(within(await waitFor(() => rowOf(finding))).getByRole('button', { name: '修正' }));
    const dialog = await findDialog();
    await waitFor(() => expect(within(dialog).getByText('将替换公式：')).toBeInTheDocument());
    expect(within(dialog).getByText(formula)).toBeInTheDocument();
    await user.click(dialogButton(dialog, '替换公式并修正'));
    await dialogClosed();

    expect(await screen.findByText('已修正 1 个单元格。')).toBeInTheDocument();
    expect(wb.grid().sheets[0]?.formulas?.get(cell)).toBeUndefined();

    await user.click(screen.getByRole('button', { name: '撤销' }));
    expect(await screen.findByText('已撤销，恢复了 1 个单元格。')).toBeInTheDocument();
    expect(wb.grid().sheets[0]?.formulas?.get(cell)).toBe(formula);
  });
});
