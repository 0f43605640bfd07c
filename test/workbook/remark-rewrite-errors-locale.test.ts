import { locate, parseRange, type BlockRewrite, type Finding } from '../../src/core';
import { createOfficeWorkbook } from '../../src/workbook/office-workbook';
import { WorkbookError, workbookErrorMessage, type WorkbookPort } from '../../src/workbook/port';
import { ExcelDouble, type ExcelDoubleOptions } from './excel-double';

const CJK = /[\u4e00-\u9fff]/;

function port(excel: ExcelDouble): WorkbookPort {
  return createOfficeWorkbook({ excelRun: excel.run as unknown as typeof Excel.run, office: excel.office as unknown as typeof Office, reportError: () => undefined });
}

async function rejection(promise: Promise<unknown>): Promise<WorkbookError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (error instanceof WorkbookError) return error;
  throw new Error(`expected a WorkbookError, got ${String(error)}`);
}

function finding(sheet: string): Finding {
  return { key: `goal.missing|${sheet}!A1`, rule: 'goal.missing', severity: 'error', params: {}, location: locate(sheet, 0, 0) };
}

/** One indicator row, E5:H5 of sheet Goals, rewritten in place. */
const REWRITE: BlockRewrite = {
  sheet: 'Goals', firstRow: 4, rowCount: 1, newRowCount: 1, columns: [4, 5, 6, 7],
  expected: [['产出指标', '数量指标', '培训人次', '≥200人次']], values: [['产出指标', '数量指标', '培训人次', '≥300人次']], mergesBefore: [], mergesAfter: [],
};

const MERGED = parseRange('A5:A6') ?? { row: 4, col: 0, rowCount: 2, colCount: 1 };

function goals(options?: ExcelDoubleOptions): ExcelDouble {
  const excel = new ExcelDouble(options);
  excel.addSheet('Goals', [['产出指标', '数量指标', '培训人次', '≥200人次']], 'E5');
  return excel;
}

describe('a re-mark or a block rewrite that failed, in the pane’s language', () => {
  it('marks that could not be updated on a protected sheet: the sheet named in English, Chinese as before', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('表一', [['a']]);
    excel.addSheet('表二', [['b']]);
    const workbook = port(excel);
    await workbook.markFindings([finding('表一'), finding('表二')]);
    excel.sheet('表一').protected = true;
    const error = await rejection(workbook.clearMarks());
    expect(workbookErrorMessage(error, 'zh-CN')).toBe('工作表 “表一” 的标记未能更新，其余工作表已更新。工作表受保护：请先撤销工作表保护（审阅 → 撤销工作表保护），再重试。');
    expect(workbookErrorMessage(error, 'zh-CN')).toBe(error.message);
    expect(workbookErrorMessage(error, 'en-US')).toMatch(/^The marks on sheet "表一" could not be updated; the other sheets were\. The sheet is protected/);
  });

  it('a rewrite refused before touching Excel, in English', async () => {
    const error = await rejection(port(goals()).rewriteBlock({ ...REWRITE, values: [] }));
    expect(error.message).toBe('没有改动任何单元格：“Goals”第 5 行起的指标行的行数或列数与内容不符。');
    expect(workbookErrorMessage(error, 'en-US')).toBe('Nothing was changed: the indicator rows from row 5 of "Goals" do not match their content in rows or columns.');
  });

  it('merged cells this Excel cannot read, in English', async () => {
    const error = await rejection(port(goals({ apiVersion: '1.12' })).rewriteBlock({ ...REWRITE, mergesBefore: [MERGED] }));
    expect(error.message).toBe('当前 Excel 版本无法读取合并单元格，不能把项目的合并单元格扩展到新的指标行：请更新 Office 后重试，或改用独立校验页面。');
    expect(workbookErrorMessage(error, 'en-US')).not.toMatch(CJK);
  });

  it('a rewrite on a protected sheet changed nothing, and one failing mid-batch names its rows, in English', async () => {
    const locked = goals();
    locked.sheet('Goals').protected = true;
    const refused = await rejection(port(locked).rewriteBlock(REWRITE));
    expect(refused.message).toBe('没有改动任何单元格。工作表受保护：请先撤销工作表保护（审阅 → 撤销工作表保护），再重试。');
    expect(workbookErrorMessage(refused, 'en-US')).toMatch(/^Nothing was changed\. The sheet is protected[^\u4e00-\u9fff]+$/);

    const flaky = goals();
    flaky.beforeSync((index) => index === 1 && flaky.failNextSync('SomethingNew'));
    const failed = await rejection(port(flaky).rewriteBlock(REWRITE));
    expect(failed.message).toBe('工作表“Goals”第 5 行可能只改了一部分，请检查这些行后重新校验。Excel 操作失败，请重试；如仍失败，请保存并重新打开工作簿后再试。');
    expect(workbookErrorMessage(failed, 'en-US')).toMatch(/^Row 5 of sheet "Goals" may be changed only in part: check them, then check again\. [^\u4e00-\u9fff]+$/);
  });
});
