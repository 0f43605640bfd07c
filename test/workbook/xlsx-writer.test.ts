import ExcelJS from 'exceljs';
import { checkWorkbook } from '../../src/core';
import { readXlsxGrid } from '../../src/workbook/xlsx-grid';
import { writeXlsxGrid } from '../../src/workbook/xlsx-writer';
import { MARK_COLOURS, REPORT_HEADER, REPORT_SHEET_NAME } from '../../src/workbook/port';
import { SEED_SHEET } from '../fixtures/seed-grid';

const report = [{ severity: 'error' as const, sheet: SEED_SHEET.name, cell: 'G12', project: '党建引领擦亮广州信访品牌', rule: 'category.effect-missing', message: '缺少效益指标', fix: '' }];

test('a clean copy reads back cell for cell and checks the same', async () => {
  const bytes = await writeXlsxGrid({ sheets: [SEED_SHEET] });
  const back = await readXlsxGrid(bytes);
  expect(back.sheets[0]?.values).toEqual(SEED_SHEET.values);
  expect(checkWorkbook(back).summary).toEqual(checkWorkbook({ sheets: [SEED_SHEET] }).summary);
});

test('marks become fills and a 校验结果 sheet links to each cell', async () => {
  const bytes = await writeXlsxGrid({ sheets: [SEED_SHEET] }, {
    marks: new Map([[`${SEED_SHEET.name}!G12`, 'error' as const]]),
    report,
    severityLabels: { error: '错误', warning: '警告', info: '提示' },
  });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer as ArrayBuffer);
  const marked = book.getWorksheet(SEED_SHEET.name)?.getCell('G12');
  expect(marked?.fill).toMatchObject({ type: 'pattern', fgColor: { argb: `FF${MARK_COLOURS.error.fill.slice(1)}` } });
  const sheet = book.getWorksheet(REPORT_SHEET_NAME);
  expect(sheet?.getRow(1).values).toEqual([undefined, ...REPORT_HEADER]);
  expect(sheet?.getCell('A2').value).toBe('错误');
  expect(sheet?.getCell('C2').value).toEqual({ text: 'G12', hyperlink: `#'${SEED_SHEET.name}'!G12` });
});
