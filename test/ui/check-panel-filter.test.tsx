import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import type { SheetGrid } from '../../src/core';
import { FINDINGS_PER_PAGE } from '../../src/ui/CheckPanel';
import { createMemoryWorkbook } from '../../src/workbook/memory-workbook';
import { SEED_ROWS, SEED_SHEET } from '../fixtures/seed-grid';
import { expectedReport, findingsSection, message, renderPane, runCheck, seedWorkbook } from './pane-harness';

const { summary, findings } = expectedReport();
const effectMissing = findings.find((f) => f.severity === 'error');
if (!effectMissing) throw new Error('the seed has one error');
const listed = () => within(findingsSection()).queryAllByRole('listitem');
const option = (name: string) => within(screen.getByRole('radiogroup', { name: '按严重程度筛选' })).getByRole('radio', { name });

describe('CheckPanel severity filter', () => {
  it('reads as a filter: 全部 chosen first, each option with its count, one option on at a time', async () => {
    const { user } = renderPane(seedWorkbook());
    await runCheck(user);
    const all = option(`全部 ${summary.errors + summary.warnings + summary.infos}`);
    expect(all).toHaveAttribute('aria-checked', 'true');
    for (const name of [`只看错误 ${summary.errors}`, `只看警告 ${summary.warnings}`, `只看提示 ${summary.infos}`]) expect(option(name)).toHaveAttribute('aria-checked', 'false');
    expect(listed()).toHaveLength(findings.length);
  });

  it('只看错误 shows the errors and nothing else; clicking it again keeps them', async () => {
    const { user } = renderPane(seedWorkbook());
    await runCheck(user);
    const errorsOnly = option(`只看错误 ${summary.errors}`);
    await user.click(errorsOnly);
    expect(errorsOnly).toHaveAttribute('aria-checked', 'true');
    expect(listed()).toHaveLength(1);
    expect(within(findingsSection()).getByText(message(effectMissing))).toBeInTheDocument();
    // The complaint: clicking 错误 1 hid the only error. A second click changes nothing.
    await user.click(errorsOnly);
    expect(listed()).toHaveLength(1);
    await user.click(option(`只看提示 ${summary.infos}`));
    expect(listed()).toHaveLength(summary.infos);
    expect(errorsOnly).toHaveAttribute('aria-checked', 'false');
  });

  it('on and off look different (filled vs outlined), and arrow keys move the choice', async () => {
    const { user } = renderPane(seedWorkbook());
    await runCheck(user);
    const all = option(`全部 ${findings.length}`);
    const errorsOnly = option(`只看错误 ${summary.errors}`);
    expect(all.className).not.toBe(errorsOnly.className);
    all.focus();
    await user.keyboard('{ArrowRight}');
    expect(errorsOnly).toHaveAttribute('aria-checked', 'true');
    expect(errorsOnly).toHaveFocus();
    expect(listed()).toHaveLength(1);
  });

  it('a long list shows a page of findings and more on request', async () => {
    // The seed's project rows repeated until the findings outnumber a page.
    const projects = SEED_ROWS.slice(3);
    const copies = Math.ceil((FINDINGS_PER_PAGE * 1.5) / findings.length);
    const sheet: SheetGrid = { ...SEED_SHEET, values: [...SEED_ROWS, ...Array.from({ length: copies }, () => projects).flat()] };
    const { user } = renderPane(createMemoryWorkbook({ sheets: [sheet] }));
    await runCheck(user);
    await waitFor(() => expect(listed()).toHaveLength(FINDINGS_PER_PAGE));
    const more = within(findingsSection()).getByRole('button', { name: /^再显示 \d+ 条（还有 \d+ 条）$/ });
    await user.click(more);
    expect(listed().length).toBeGreaterThan(FINDINGS_PER_PAGE);
  });
});
