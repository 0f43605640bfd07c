import { locate, parseA1 } from '../../../src/core/grid';
import { findIndicatorTarget } from '../../../src/ui/builder/builder-target';
import { SEED_SHEET } from '../../fixtures/seed-grid';
import { realFixture, realGrid } from '../../fixtures/real/load';

/** Which project the builder edits for the selected cell, in each layout. */

const target = (sheet: Parameters<typeof findIndicatorTarget>[0], cell: string) => {
  const at = parseA1(cell);
  if (!at) throw new Error(cell);
  const found = findIndicatorTarget(sheet, locate(sheet.name, at.row, at.col));
  return found && [found.kind, found.projectName];
};

const sheetOf = (id: string) => {
  const sheet = realGrid(realFixture(id)).sheets[0];
  if (!sheet) throw new Error(id);
  return sheet;
};

test('one cell per project: only the project\'s 绩效指标 cell', () => {
  expect(target(SEED_SHEET, 'G6')).toEqual(['cell', '物业管理费']);
  expect(target(SEED_SHEET, 'F6')).toBeNull();
  expect(target(SEED_SHEET, 'G5')).toBeNull();
});

test('a row per indicator: any cell of the project\'s rows, not the header or the unit row', () => {
  const sheet = sheetOf('l2-sichuan-jianyan-mata-2023');
  expect(target(sheet, 'A4')).toEqual(['block', '村组干部报酬']);
  expect(target(sheet, 'I11')).toEqual(['block', '村组干部报酬']);
  expect(target(sheet, 'I3')).toBeNull();
  expect(target(sheet, 'I12')).toBeNull();
});

test('a form: any cell of the form; the department table: none', () => {
  const form = sheetOf('l3-hubei-qingshan-jcss-2020');
  expect(target(form, 'B3')).toEqual(['block', '教育系统基础设施建设和设备购置']);
  expect(target(form, 'F19')).toEqual(['block', '教育系统基础设施建设和设备购置']);
  expect(target(sheetOf('l4-fujian-ningde-dangshi-2019'), 'C9')).toBeNull();
});
