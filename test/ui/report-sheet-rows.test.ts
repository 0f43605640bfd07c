// Issue 17 item 9: the 校验结果 sheet names each rule (指标值缺少单位, not value.unit-missing; the code has its own
// column) and lists errors first, then warnings, then infos, each by sheet and cell; English when the pane is.
import { CATALOGS, checkWorkbook, createChecker, type Finding, type Locale } from '../../src/core';
import { createCheckSession } from '../../src/ui/check-session';
import { reportRows } from '../../src/ui/finding-view';
import { createMemoryWorkbook } from '../../src/workbook/memory-workbook';
import { hasReportHeader, REPORT_HEADER, REPORT_SHEET_NAME, reportHeader } from '../../src/workbook/port';
import { SEED_SHEET } from '../fixtures/seed-grid';

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 };

/** The report's rows as written to the sheet, without the header. */
async function exported(locale: Locale) {
  const workbook = createMemoryWorkbook({ sheets: [SEED_SHEET] });
  const session = createCheckSession(workbook, createChecker(), locale);
  await session.check();
  await session.exportReport();
  const sheet = workbook.grid().sheets.find((s) => s.name === REPORT_SHEET_NAME);
  return { header: sheet?.values[0], lines: (sheet?.values ?? []).slice(1), findings: session.getState().findings ?? [] };
}

describe('the 校验结果 sheet the pane and the page write', () => {
  it('shows each rule by its Chinese name in 规则 and its code in 规则代码', async () => {
    const { header, lines, findings } = await exported('zh-CN');
    expect(header).toEqual([...REPORT_HEADER]);
    expect(REPORT_HEADER[4]).toBe('规则');
    expect(REPORT_HEADER[7]).toBe('规则代码');
    expect(lines.length).toBe(findings.length);
    const unitLine = lines.find((line) => line[7] === 'value.unit-missing');
    expect(unitLine?.[4]).toBe('指标值缺少单位');
    expect(unitLine?.[0]).toBe('警告');
    for (const line of lines) expect(line[4]).toBe(CATALOGS['zh-CN'].titles[line[7] as Finding['rule']]);
  });

  it('lists errors, then warnings, then infos; within a severity by row, then column', async () => {
    const { lines } = await exported('zh-CN');
    const levels = lines.map((line) => line[0]);
    const label = CATALOGS['zh-CN'].severity;
    expect(levels).toEqual([...levels].sort((a, b) => ['错误', '警告', '提示'].indexOf(String(a)) - ['错误', '警告', '提示'].indexOf(String(b))));
    expect(new Set(levels)).toEqual(new Set([label.error, label.warning, label.info]));
    // The seed's one error (G12) comes first although warnings sit on cells above it.
    expect(lines[0]?.slice(0, 3)).toEqual(['错误', SEED_SHEET.name, 'G12']);
    const warnings = lines.filter((line) => line[0] === '警告').map((line) => String(line[2]));
    const rowOf = (cell: string) => Number(cell.replace(/^[A-Z]+/, ''));
    expect(warnings.map(rowOf)).toEqual([...warnings.map(rowOf)].sort((a, b) => a - b));
  });

  it('in English when the pane runs in English, header included (recognised in either language)', async () => {
    const { header, lines } = await exported('en-US');
    expect(header).toEqual([...reportHeader('en-US')]);
    expect(hasReportHeader(header)).toBe(true);
    expect(lines[0]?.[0]).toBe('Error');
    expect(lines.find((line) => line[7] === 'value.unit-missing')?.[4]).toBe('Value without unit');
  });
});

describe('reportRows', () => {
  it('orders by severity, then sheet in workbook order, then row and column', () => {
    const at = (sheet: string, row: number, col: number) => ({ sheet, row, col, cell: `${String.fromCharCode(65 + col)}${row + 1}` });
    const finding = (severity: Finding['severity'], location: ReturnType<typeof at>): Finding => ({ key: `goal.missing|${location.sheet}!${location.cell}`, rule: 'goal.missing', severity, params: {}, location });
    const findings = [finding('info', at('甲', 0, 0)), finding('warning', at('乙', 1, 0)), finding('warning', at('甲', 3, 1)), finding('error', at('乙', 5, 2)), finding('warning', at('甲', 3, 0)), finding('error', at('甲', 9, 0))];
    const rows = reportRows(findings, ['甲', '乙'], 'zh-CN');
    expect(rows.map((r) => [r.level, r.sheet, r.cell])).toEqual([
      ['错误', '甲', 'A10'],
      ['错误', '乙', 'C6'],
      ['警告', '甲', 'A4'],
      ['警告', '甲', 'B4'],
      ['警告', '乙', 'A2'],
      ['提示', '甲', 'A1'],
    ]);
    expect(rows.map((r) => SEVERITY_RANK[r.severity])).toEqual([0, 0, 1, 1, 1, 2]);
    expect(rows[0]).toMatchObject({ rule: 'goal.missing', title: '绩效目标为空' });
  });

  it('lists the sums a wrong cell breaks too (totals.consequence), among the infos', () => {
    // 物业管理费's 财政拨款 (C6) 98 for 99: the cause is an error, its row's 总计 and the unit's sum are off because of it.
    const values = SEED_SHEET.values.map((row, r) => (r === 5 ? row.map((v, c) => (c === 2 ? 98 : v)) : row));
    const findings = checkWorkbook({ sheets: [{ ...SEED_SHEET, values }] }).findings;
    const rows = reportRows(findings, [SEED_SHEET.name], 'zh-CN');
    expect(rows).toHaveLength(findings.length);
    expect(rows[0]).toMatchObject({ rule: 'totals.cause', title: '一处金额填错导致合计不符', cell: 'C6' });
    expect(rows.filter((r) => r.rule === 'totals.consequence').map((r) => r.level)).toEqual(['提示', '提示']);
  });

  it('still knows a report written before 规则代码 (seven columns) as its own', () => {
    expect(hasReportHeader(REPORT_HEADER.slice(0, 7))).toBe(true);
    expect(hasReportHeader([...REPORT_HEADER])).toBe(true);
    expect(hasReportHeader(REPORT_HEADER.slice(0, 6))).toBe(false);
  });
});
