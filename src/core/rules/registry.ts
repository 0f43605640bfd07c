import { locate } from '../grid';
import * as project from './project-rules';
import * as quality from './quality-rules';
import type { Finding } from '../findings';
import type { BuilderField, BuilderFields, BuilderValues, ProjectRule, Rule, WorkbookRule } from './rule';
import type { ProjectRuleId, RuleParams } from './rule-ids';
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
      ? [{ rule: 'table.not-found', params: { sheets }, location: locate(sheets[0] ?? '', 0, 0) }]
      : [],
};

/**
 * Every project rule by id, in the order findings on one cell are listed: a project rule left out does not
 * compile, and the indicator builder finds each finding's field here.
 */
export const PROJECT_RULES: { readonly [R in ProjectRuleId]: ProjectRule<R> } = {
  'goal.missing': project.goalMissing,
  'goal.restates-name': quality.goalRestatesName,
  'goal.same-as-period': quality.goalSameAsPeriod,
  'indicators.missing': project.indicatorsMissing,
  'indicators.unparseable': project.indicatorsUnparseable,
  'indicators.format': project.indicatorsFormat,
  'indicators.ambiguous-terminator': project.ambiguousTerminator,
  'category.output-missing': project.outputMissing,
  'category.effect-missing': project.effectMissing,
  'category.satisfaction-missing': project.satisfactionMissing,
  'category.cost-missing': project.costMissing,
  'indicator.level-missing': project.levelMissing,
  'indicator.level-unknown': project.levelUnknown,
  'indicator.level-mismatch': project.levelMismatch,
  'indicator.level-parent': project.levelParent,
  'indicator.name-missing': project.nameMissing,
  'indicator.value-missing': project.valueMissing,
  'indicator.extra-field': project.extraField,
  'indicator.duplicate': project.duplicateIndicator,
  'indicator.satisfaction-misplaced': quality.satisfactionMisplaced,
  'indicator.template-row': project.templateRow,
  'content.placeholder': project.placeholder,
  'value.unit-missing': project.unitMissing,
  'value.satisfaction-unit': project.satisfactionUnit,
  'value.vague': quality.vagueValue,
  'value.qualitative': project.qualitativeValue,
  'value.cost-not-money': quality.costNotMoney,
  'value.direction': quality.directionMismatch,
  'value.name-unit': quality.nameTargetUnit,
  'value.annual-differs': project.annualDiffers,
  'value.annual-exceeds-period': project.annualExceedsPeriod,
  'weights.sum': quality.weightsSum,
};

const isProjectFinding = (finding: Finding): finding is Extract<Finding, { readonly rule: ProjectRuleId }> => Object.hasOwn(PROJECT_RULES, finding.rule);

function mappedFields<R extends ProjectRuleId>(rule: ProjectRule<R>, params: RuleParams[R], values: BuilderValues): BuilderFields {
  const mapping = rule.builderField;
  return typeof mapping === 'function' ? mapping(params, values) : mapping;
}

/**
 * The builder fields a finding on the builder's rows is shown on, by its rule's mapping. The other rules check
 * the table around the rows (its layout, amounts, project name), which the builder makes up: none of its fields.
 */
export function builderFieldsOf(finding: Finding, values: BuilderValues): readonly BuilderField[] {
  if (!isProjectFinding(finding)) return project.NOT_IN_BUILDER;
  const fields = mappedFields(PROJECT_RULES[finding.rule], finding.params, values);
  return typeof fields === 'string' ? [fields] : fields;
}

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
  ...Object.values(PROJECT_RULES),
];
