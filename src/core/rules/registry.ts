import { locate } from '../grid';
import * as project from './project-rules';
import * as quality from './quality-rules';
import type { Rule, WorkbookRule } from './rule';
import * as row from './row-rules';
import * as table from './table-rules';
import { SOURCES } from './sources';

/** The workbook holds no 绩效目标表 at all: nothing else can be checked. */
export const tableNotFound: WorkbookRule<'table.not-found'> = {
  id: 'table.not-found',
  source: SOURCES.tableRequired,
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
  table.totalsCause,
  table.totalsConsequence,
  table.rowTotals,
  table.unitTotals,
  table.grandTotals,
  table.fundingTotals,
  table.blockTotals,
  table.taskTotals,
  table.roundingDifference,
  project.goalMissing,
  quality.goalRestatesName,
  quality.goalSameAsPeriod,
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
  quality.satisfactionMisplaced,
  project.templateRow,
  project.placeholder,
  project.unitMissing,
  project.satisfactionUnit,
  quality.vagueValue,
  project.qualitativeValue,
  quality.costNotMoney,
  quality.directionMismatch,
  quality.nameTargetUnit,
  project.annualDiffers,
  project.annualExceedsPeriod,
  quality.weightsSum,
];
