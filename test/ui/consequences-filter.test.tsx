// 只看错误 keeps a totals cause's consequences (notes) under it (issue 17 item 2: the error shown with its consequences).
import '@testing-library/jest-dom';
import { screen, within } from '@testing-library/react';
import type { CellValue } from '../../src/core';
import { createMemoryWorkbook } from '../../src/workbook/memory-workbook';
import { SEED_ROWS, SEED_SHEET } from '../fixtures/seed-grid';
import { findingsSection, renderPane, runCheck } from './pane-harness';

test('只看错误: the error on C6 (98 for 99) lists the sums it breaks, C5 and B6, under it', async () => {
  const values = SEED_ROWS.map((row, i) => (i === 5 ? row.map((v: CellValue, j) => (j === 2 ? 98 : v)) : row));
  const { user } = renderPane(createMemoryWorkbook({ sheets: [{ ...SEED_SHEET, values }] }));
  await runCheck(user);
  await user.click(screen.getByRole('radio', { name: /^只看错误/ }));
  const nested = within(findingsSection()).getByRole('list', { name: '由这一格造成的合计不符（改正这一格后即相符，无需另改）：' });
  expect(within(nested).getAllByRole('listitem').map((li) => li.textContent?.slice(0, 2))).toEqual(['C5', 'B6']);
});
