import { locate } from '../../src/core';
import { createMemoryWorkbook } from '../../src/workbook/memory-workbook';
import { createOfficeWorkbook } from '../../src/workbook/office-workbook';
import { WorkbookError, workbookErrorMessage } from '../../src/workbook/port';
import { SEED_SHEET } from '../fixtures/seed-grid';
import { ExcelDouble } from './excel-double';

async function rejection(promise: Promise<unknown>): Promise<WorkbookError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (error instanceof WorkbookError) return error;
  throw new Error(`expected a WorkbookError, got ${String(error)}`);
}

function officePort(excel: ExcelDouble) {
  return createOfficeWorkbook({ excelRun: excel.run as unknown as typeof Excel.run, office: excel.office as unknown as typeof Office, reportError: () => undefined });
}

describe('a refused or part-way write, in the pane’s language', () => {
  const at = (cell: string) => locate('表', 0, cell.charCodeAt(0) - 65);

  it('the page refuses a write Excel would refuse: English in English, Chinese as before', async () => {
    const wb = createMemoryWorkbook({ sheets: [SEED_SHEET] });
    const error = await rejection(wb.writeCells([{ location: locate(SEED_SHEET.name, 5, 2), expected: 99, value: Number.NaN }]));
    expect(error.message).toBe(`没有写入任何单元格：${SEED_SHEET.name}!C6 的新值不是有效的数字。`);
    expect(workbookErrorMessage(error, 'zh-CN')).toBe(error.message);
    expect(workbookErrorMessage(error, 'en-US')).toBe(`No cell was written: the new value of ${SEED_SHEET.name}!C6 is not a valid number.`);
  });

  it('a write that fails part-way names the cells written and not, then the cause, in English', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('表', [[1]]);
    excel.addSheet('锁', [[2]]).protected = true;
    const error = await rejection(officePort(excel).writeCells([{ location: at('A'), expected: 1, value: 10 }, { location: locate('锁', 0, 0), expected: 2, value: 20 }]));
    expect(workbookErrorMessage(error, 'zh-CN')).toBe('只写入了 1 个单元格：表!A1；未写入 1 个：锁!A1。工作表受保护：请先撤销工作表保护（审阅 → 撤销工作表保护），再重试。');
    expect(workbookErrorMessage(error, 'en-US')).toMatch(/^Only some cells were written \(1\): 表!A1; not written \(1\): 锁!A1\. The sheet is protected[^\u4e00-\u9fff]+$/);
  });

  it('a write whose read-back fails too asks to check every cell, in English', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('表', [Array.from({ length: 25 }, () => 0)]);
    excel.beforeSync((index) => index >= 1 && excel.failNextSync('GeneralException'));
    const writes = Array.from({ length: 25 }, (_, c) => ({ location: locate('表', 0, c), expected: 0, value: 1 }));
    const error = await rejection(officePort(excel).writeCells(writes));
    const first20 = writes.slice(0, 20).map((w) => `表!${w.location.cell}`);
    expect(workbookErrorMessage(error, 'zh-CN')).toBe(`无法确认哪些单元格已写入，请逐一检查：${first20.join('、')} 等共 25 个。Excel 正忙，请稍后重试。`);
    expect(workbookErrorMessage(error, 'en-US')).toMatch(new RegExp(`^It cannot be told which cells were written: check each of them: ${first20.join(', ')} and others, 25 in all\\. Excel is busy[^\\u4e00-\\u9fff]+$`));
  });
});
