import '@testing-library/jest-dom';
import { screen } from '@testing-library/react';
import { IGNORED_REPORT_TITLE } from '../../src/workbook/ignored-report';
import { REPORT_SHEET_NAME } from '../../src/workbook/port';
import { expectedReport, ignoreWithReason, renderPane, runCheck, seedWorkbook } from './pane-harness';

const effectMissing = expectedReport().findings.find((f) => f.severity === 'error');
if (!effectMissing) throw new Error('the seed has one error');

test('导出报告 after ignoring: the finding leaves the findings and is listed in the ignored section with its reason', async () => {
  const wb = seedWorkbook();
  const { user } = renderPane(wb);
  await runCheck(user);
  await ignoreWithReason(user, effectMissing, '已与财政局确认');
  await user.click(screen.getByRole('button', { name: '导出报告' }));
  expect(await screen.findByText(`已生成“${REPORT_SHEET_NAME}”工作表。`)).toBeInTheDocument();
  const report = wb.grid().sheets.find((s) => s.name === REPORT_SHEET_NAME)?.values ?? [];
  const title = report.findIndex((row) => row[0] === IGNORED_REPORT_TITLE);
  expect(title).toBeGreaterThan(0);
  const above = report.slice(1, title).filter((row) => row[2] === effectMissing.location.cell && row[7] === effectMissing.rule);
  expect(above).toEqual([]);
  expect(report[title + 2]?.slice(0, 7)).toEqual(['错误', effectMissing.location.sheet, effectMissing.location.cell, effectMissing.project ?? '', '缺少效益指标', expect.any(String), '已与财政局确认']);
  expect(report[title + 2]?.[9]).toBe(effectMissing.rule);
});
