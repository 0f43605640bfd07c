import { locate } from '../grid';
import * as project from './project-rules';
import type { Rule, WorkbookRule } from './rule';
import * as row from './row-rules';
import * as table from './table-rules';

/** The workbook holds no 绩效目标表 at all: nothing else can be checked. */
export const tableNotFound: WorkbookRule<'table.not-found'> = {
  id: 'table.not-found',
  defaultSeverity: 'error',
  scope: 'workbook',
  check: ({ sheets, tableCount }) =>
    tableCount === 0
      ? [{ rule: 'table.not-found', params: { sheets: sheets.map((s) => `“${s}”`).join('、') || '（无）' }, location: locate(sheets[0] ?? '', 0, 0) }]
      : [],
};

/** Every rule, in the order findings on one cell are listed. Ids are unique and stable. */
export const RULES: readonly Rule[] = [
  tableNotFound,
  table.columnMissing,
  table.unitMissing,
  table.noProjects,
  row.nameMissing,
  row.amountInvalid,
  row.amountFormulaError,
  row.amountWithUnit,
  row.amountNegative,
  row.amountAsText,
  row.amountPrecision,
  table.rowTotals,
  table.unitTotals,
  table.grandTotals,
  table.fundingTotals,
  table.blockTotals,
  table.taskTotals,
  table.roundingDifference,
  project.goalMissing,
  project.indicatorsMissing,
  project.indicatorsUnparseable,
  project.indicatorsFormat,
  project.ambiguousTerminator,
  project.outputMissing,
  project.effectMissing,
  project.satisfactionMissing,
  project.costMissing,
  project.levelMissing,
  project.levelUnknown,
  project.levelMismatch,
  project.levelParent,
  project.nameMissing,
  project.valueMissing,
  project.extraField,
  project.duplicateIndicator,
  project.templateRow,
  project.placeholder,
  project.unitMissing,
  project.satisfactionUnit,
  project.qualitativeValue,
  project.annualDiffers,
  project.annualExceedsPeriod,
];
