import { screen, waitFor, within } from '@testing-library/react';
import { checkWorkbook, formatFinding, type CheckSummary, type Finding, type Locale, type SheetGrid } from '../../src/core';
import { TaskPaneApp } from '../../src/ui/App';
import { createMemoryWorkbook, type MemoryWorkbook, type MemoryWorkbookOptions } from '../../src/workbook/memory-workbook';
import type { WorkbookPort } from '../../src/workbook/port';
import { SEED_ROWS, SEED_SHEET } from '../fixtures/seed-grid';
import { dialogButton, dialogClosed, findDialog, renderFluent, type TestUser } from './render-fluent';

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
  return formatFinding(finding, locale);
}

export function renderPane(port: WorkbookPort, locale: Locale = 'zh-CN') {
  return renderFluent(<TaskPaneApp port={port} locale={locale} />, { provider: false });
}

/** Clicks 一键校验 and waits until the check, marks included, is over. */
export async function runCheck(user: TestUser, name = '一键校验'): Promise<void> {
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

export { dialogButton, dialogClosed, findDialog } from './render-fluent';

/** Ignores a listed finding with a reason, through its 忽略 button and the dialog, and waits for the dialog to close. */
export async function ignoreWithReason(user: TestUser, finding: Finding, reason: string): Promise<void> {
  await user.click(within(rowOf(finding)).getByRole('button', { name: '忽略' }));
  const dialog = await findDialog();
  await user.type(within(dialog).getByRole('textbox'), reason);
  await user.click(dialogButton(dialog, '忽略'));
  await dialogClosed();
}
