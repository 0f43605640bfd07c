// The pane and a sheet named 校验结果 (issue 16, defect 7): only a sheet known as our report (by its header) is left
// out of the check; a user's own sheet of that name is checked, re-checked after an edit, and kept by 导出报告, which
// then says where the report went.
import { waitFor } from '@testing-library/react';
import { createChecker, type Locale } from '../../src/core';
import { createCheckSession } from '../../src/ui/check-session';
import { createMemoryWorkbook } from '../../src/workbook/memory-workbook';
import { REPORT_HEADER, REPORT_SHEET_NAME } from '../../src/workbook/port';
import { SEED_SHEET } from '../fixtures/seed-grid';
import { malformedSheet } from './pane-harness';

/** The user's own 绩效目标表, on a sheet they happened to call 校验结果, with a fixable format finding. */
const userSheet = { ...malformedSheet([5]), name: REPORT_SHEET_NAME };

function session(locale: Locale = 'zh-CN') {
  const workbook = createMemoryWorkbook({ sheets: [SEED_SHEET, userSheet] });
  return { workbook, session: createCheckSession(workbook, createChecker(), locale) };
}

const formatFindingOn = (findings: readonly { rule: string; location: { sheet: string } }[] | null, sheet: string) =>
  (findings ?? []).filter((f) => f.rule === 'indicators.format' && f.location.sheet === sheet);

describe('a user sheet named 校验结果', () => {
  it('is checked like any other sheet, and re-checked after an edit', async () => {
    const { workbook, session: s } = session();
    s.start();
    await s.check();
    const found = formatFindingOn(s.getState().findings, REPORT_SHEET_NAME);
    expect(found.length).toBeGreaterThan(0);
    expect(s.getState().sheetOrder).toEqual([SEED_SHEET.name, REPORT_SHEET_NAME]);
    expect(s.getState().tables.map((t) => t.sheet)).toContain(REPORT_SHEET_NAME);
    const fix = s.getState().findings?.find((f) => f.rule === 'indicators.format' && f.location.sheet === REPORT_SHEET_NAME)?.fix;
    if (!fix) throw new Error('the malformed row has a fix');
    workbook.setCell(fix.location, fix.value);
    await waitFor(() => expect(formatFindingOn(s.getState().findings, REPORT_SHEET_NAME)).toHaveLength(found.length - 1), { timeout: 3000 });
    s.dispose();
  });

  it('is kept by 导出报告, which tells in Chinese where the report went; our report is then left out of the check', async () => {
    const { workbook, session: s } = session();
    await s.check();
    const before = workbook.grid().sheets.find((sheet) => sheet.name === REPORT_SHEET_NAME);
    await s.exportReport();
    expect(s.getState().notices.at(-1)).toMatchObject({
      intent: 'info',
      text: '工作簿里的“校验结果”工作表是您自己的，不是本加载项的报告，它未作任何改动；报告已写入“校验结果（2）”工作表。',
    });
    const sheets = workbook.grid().sheets;
    expect(sheets.map((sheet) => sheet.name)).toEqual([SEED_SHEET.name, REPORT_SHEET_NAME, '校验结果（2）']);
    expect(sheets[1]).toEqual(before);
    expect(sheets[2]?.values[0]).toEqual([...REPORT_HEADER]);
    const findings = s.getState().findings;
    await s.check();
    expect(s.getState().sheetOrder).toEqual([SEED_SHEET.name, REPORT_SHEET_NAME]);
    expect(s.getState().findings).toEqual(findings);
    // A second export updates the same report sheet.
    await s.exportReport();
    expect(workbook.grid().sheets.map((sheet) => sheet.name)).toEqual([SEED_SHEET.name, REPORT_SHEET_NAME, '校验结果（2）']);
  });

  it('is named in the English notice too', async () => {
    const { session: s } = session('en-US');
    await s.check();
    await s.exportReport();
    expect(s.getState().notices.at(-1)?.text).toBe('The sheet "校验结果" is your own, not this add-in\'s report, and was left untouched; the report was written to sheet "校验结果（2）".');
  });
});

describe('without a user sheet of that name', () => {
  it('导出报告 writes 校验结果 and says so', async () => {
    const workbook = createMemoryWorkbook({ sheets: [SEED_SHEET] });
    const s = createCheckSession(workbook, createChecker(), 'zh-CN');
    await s.check();
    await s.exportReport();
    expect(s.getState().notices.at(-1)).toMatchObject({ intent: 'success', text: '已生成“校验结果”工作表。' });
    await s.check();
    expect(s.getState().sheetOrder).toEqual([SEED_SHEET.name]);
  });
});
