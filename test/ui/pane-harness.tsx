import { RendererProvider } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { checkWorkbook, renderMessage, type CheckSummary, type Finding, type Locale, type RuleId, type RuleParams, type SheetGrid } from '../../src/core';
import { TaskPaneApp } from '../../src/ui/App';
import { createMemoryWorkbook, type MemoryWorkbook, type MemoryWorkbookOptions } from '../../src/workbook/memory-workbook';
import type { WorkbookPort } from '../../src/workbook/port';
import { SEED_ROWS, SEED_SHEET } from '../fixtures/seed-grid';
import { noCssRenderer as renderer } from './no-css-renderer';

export const SHEET = SEED_SHEET.name;

export function seedWorkbook(options?: MemoryWorkbookOptions): MemoryWorkbook {
  return createMemoryWorkbook({ sheets: [SEED_SHEET] }, options);
}

/** The seed with ASCII semicolons and full-width colons in the indicator cells of these rows (0-based). */
export function malformedSheet(rows: readonly number[]): SheetGrid {
  const values = SEED_ROWS.map((row, r) =>
    row.map((value, c) => (c === 6 && rows.includes(r) ? String(value).replace(/；/g, ';').replace(/:/g, '：') : value)),
  );
  return { ...SEED_SHEET, values };
}

export function expectedReport(sheet: SheetGrid = SEED_SHEET): { summary: CheckSummary; findings: readonly Finding[] } {
  return checkWorkbook({ sheets: [sheet] });
}

export function message(finding: Finding, locale: Locale = 'zh-CN'): string {
  return renderMessage(finding.rule as RuleId, finding.params as unknown as RuleParams[RuleId], locale);
}

export function renderPane(port: WorkbookPort, locale: Locale = 'zh-CN') {
  const user = userEvent.setup({ delay: null });
  const view = render(
    <RendererProvider renderer={renderer} targetDocument={document}>
      <TaskPaneApp port={port} locale={locale} />
    </RendererProvider>,
  );
  return { user, ...view };
}

/** Clicks 一键校验 and waits until the check, marks included, is over. */
export async function runCheck(user: ReturnType<typeof userEvent.setup>, name = '一键校验'): Promise<void> {
  const button = screen.getByRole('button', { name });
  await user.click(button);
  await waitFor(() => expect(button).toBeEnabled());
}

export function findingsSection(name = '问题列表'): HTMLElement {
  return screen.getByRole('region', { name });
}

/** The list row (li) of this finding: its message at its cell. */
export function rowOf(finding: Finding, container: HTMLElement = findingsSection(), locale: Locale = 'zh-CN'): HTMLElement {
  const rows = within(container)
    .getAllByText(message(finding, locale))
    .map((text) => text.closest('li'))
    .filter((row): row is HTMLLIElement => row !== null && within(row).queryByText(finding.location.cell) !== null);
  if (rows.length !== 1) throw new Error(`${rows.length} rows for ${finding.key}`);
  return rows[0] as HTMLElement;
}

/**
 * The open dialog. In jsdom, Fluent's focus trap (tabster) leaves aria-hidden on the dialog itself, even for a
 * bare Fluent Dialog, so role queries inside it need `hidden: true`.
 */
export function findDialog(): Promise<HTMLElement> {
  return screen.findByRole('dialog', { hidden: true });
}

export function dialogButton(dialog: HTMLElement, name: string): HTMLElement {
  return within(dialog).getByRole('button', { name, hidden: true });
}

/** Waits until the dialog is gone and tabster has made the page accessible again (it does so asynchronously). */
export async function dialogClosed(): Promise<void> {
  await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).not.toBeInTheDocument());
  await waitFor(() => expect(screen.getByRole('main')).toBeInTheDocument());
}

/** Ignores a listed finding with a reason, through its 忽略 button and the dialog, and waits for the dialog to close. */
export async function ignoreWithReason(user: ReturnType<typeof userEvent.setup>, finding: Finding, reason: string): Promise<void> {
  await user.click(within(rowOf(finding)).getByRole('button', { name: '忽略' }));
  const dialog = await findDialog();
  await user.type(within(dialog).getByRole('textbox', { hidden: true }), reason);
  await user.click(dialogButton(dialog, '忽略'));
  await dialogClosed();
}
