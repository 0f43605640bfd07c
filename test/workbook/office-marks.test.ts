import { locate, type Finding, type Severity } from '../../src/core';
import { createOfficeWorkbook, MARK_FORMULA } from '../../src/workbook/office-workbook';
import { WorkbookError, type WorkbookPort } from '../../src/workbook/port';
import { XLSX_MARK_FORMULA } from '../../src/workbook/xlsx-writer';
import { ExcelDouble } from './excel-double';

/** A new pane session on the same (reopened) workbook. */
const session = (excel: ExcelDouble): WorkbookPort =>
  createOfficeWorkbook({ excelRun: excel.run as unknown as typeof Excel.run, office: excel.office as unknown as typeof Office });

function finding(sheet: string, cell: string, severity: Severity = 'error'): Finding {
  const at = locate(sheet, Number(/\d+/.exec(cell)?.[0]) - 1, cell.charCodeAt(0) - 65);
  return { key: `goal.missing|${sheet}!${cell}`, rule: 'goal.missing', severity, params: {}, location: at };
}

const marksOn = (excel: ExcelDouble, sheet: string) => excel.sheet(sheet).conditionalFormats.filter((cf) => cf.formula === MARK_FORMULA || cf.formula === XLSX_MARK_FORMULA);
const userRules = (excel: ExcelDouble, sheet: string) => excel.sheet(sheet).conditionalFormats.filter((cf) => cf.formula !== MARK_FORMULA && cf.formula !== XLSX_MARK_FORMULA);

function workbook(): ExcelDouble {
  const excel = new ExcelDouble();
  excel.addSheet('表一', [['a', 'b'], ['c', 'd']]);
  excel.addSheet('表二', [['e', 'f']]);
  excel.addUserConditionalFormat('表一', 'A1:B2', { type: 'Custom', formula: '=TRUE()', fill: '#00FF00', fontColor: null });
  return excel;
}

describe('marks across sessions, found by their formula', () => {
  it('clears after a reopen (new sheet ids), leaving the user’s rule', async () => {
    const excel = workbook();
    await session(excel).markFindings([finding('表一', 'A1'), finding('表二', 'B1', 'warning')]);
    excel.reopen();
    await session(excel).clearMarks();
    expect(marksOn(excel, '表一')).toEqual([]);
    expect(marksOn(excel, '表二')).toEqual([]);
    expect(userRules(excel, '表一').map((cf) => cf.formula)).toEqual(['=TRUE()']);
  });

  it('re-marks after a reopen without stacking duplicates', async () => {
    const excel = workbook();
    await session(excel).markFindings([finding('表一', 'A1')]);
    excel.reopen();
    const next = session(excel);
    await next.readWorkbook();
    await next.markFindings([finding('表一', 'A1')]);
    expect(marksOn(excel, '表一')).toHaveLength(1);
    expect(userRules(excel, '表一')).toHaveLength(1);
  });

  it('clears marks a CLI or page copy carries (same rule, no list in the settings)', async () => {
    const excel = workbook();
    // As Excel reads the xlsx rule N("jixiao")=0 back, with and without the "=".
    excel.addUserConditionalFormat('表二', 'A1', { type: 'Custom', formula: `=${XLSX_MARK_FORMULA}`, fill: '#FFC7CE', fontColor: '#9C0006' });
    excel.addUserConditionalFormat('表二', 'B1', { type: 'Custom', formula: XLSX_MARK_FORMULA, fill: '#FFEB9C', fontColor: '#9C5700' });
    await session(excel).clearMarks();
    expect(excel.sheet('表二').conditionalFormats).toEqual([]);
    expect(userRules(excel, '表一')).toHaveLength(1);
  });

  it('deletes our mark above a user’s rule on the same cell (office-js #5222), twice in one batch', async () => {
    const excel = workbook();
    const port = session(excel);
    await port.markFindings([finding('表一', 'A1'), finding('表一', 'B1', 'warning')]);
    await port.markFindings([finding('表一', 'B2', 'info')]);
    expect(marksOn(excel, '表一').map((cf) => cf.rect)).toEqual([{ row: 1, col: 1, rowCount: 1, columnCount: 1 }]);
    await port.clearMarks();
    expect(excel.sheet('表一').conditionalFormats.map((cf) => cf.formula)).toEqual(['=TRUE()']);
  });

  it('a protected sheet does not stop the others, and is named in Chinese', async () => {
    const excel = workbook();
    const port = session(excel);
    await port.markFindings([finding('表一', 'A1'), finding('表二', 'A1')]);
    excel.sheet('表一').protected = true;
    let error: unknown = null;
    await port.clearMarks().catch((e: unknown) => (error = e));
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).code).toBe('protected');
    expect((error as WorkbookError).message).toContain('“表一”');
    expect(marksOn(excel, '表二')).toEqual([]);
    expect(marksOn(excel, '表一')).toHaveLength(1);
  });
});
