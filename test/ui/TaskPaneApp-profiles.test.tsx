import { screen, waitFor } from '@testing-library/react';
import { checkWorkbook, NATIONAL_PROFILE } from '../../src/core';
import { createMemoryWorkbook } from '../../src/workbook/memory-workbook';
import { marksOf } from '../../src/workbook/port';
import { malformedSheet, renderPane, runCheck } from './pane-harness';

// The pane names the rules it checked by, and checks again by the rules the user picks.

test('the seed is checked by the Guangzhou profile it calls for; 全国通用 drops the format warning and its mark', async () => {
  // Row 7's indicators with half-width semicolons: a deviation from Guangzhou's string, not from policy.
  const sheet = malformedSheet([6]);
  const wb = createMemoryWorkbook({ sheets: [sheet] });
  const { user } = renderPane(wb);
  await runCheck(user);
  expect(await screen.findByText('规则：广州市（按表格自动识别：绩效指标为广州编码格式）')).toBeInTheDocument();
  await waitFor(() => expect(wb.marks()).toEqual(marksOf(checkWorkbook({ sheets: [sheet] }).findings)));
  expect(checkWorkbook({ sheets: [sheet] }).findings.map((f) => f.rule)).toContain('indicators.format');

  await user.selectOptions(screen.getByRole('combobox', { name: '规则配置' }), '全国通用');
  expect(await screen.findByText('规则：全国通用（已选择）')).toBeInTheDocument();
  const national = checkWorkbook({ sheets: [sheet] }, { profile: NATIONAL_PROFILE }).findings;
  expect(national.map((f) => f.rule)).not.toContain('indicators.format');
  await waitFor(() => expect(wb.marks()).toEqual(marksOf(national)));
});
