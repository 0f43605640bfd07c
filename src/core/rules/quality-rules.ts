import { decimalFromText } from '../amounts';
import { isVague, type IndicatorValue } from '../indicators/value';
import type { IndicatorRecord } from '../table-model';
import { clipForMessage } from '../text';
import { namedValueFields, NOT_IN_BUILDER, perIndicator, ref, refWithValue, valueField, valuesWhere } from './project-rules';
import { NO_HITS, type ProjectRule, type RuleContext } from './rule';
import { SOURCES } from './sources';

/**
 * What reviewers send back beyond a missing part: values that promise nothing measurable, a cost that is
 * not money, weights that do not add up, a direction that contradicts its value, a goal that only names
 * the project.
 */

export const vagueValue: ProjectRule<'value.vague'> = {
  id: 'value.vague',
  source: SOURCES.specific,
  defaultSeverity: 'warning',
  scope: 'project',
  builderField: namedValueFields,
  check: (s) =>
    perIndicator('value.vague', s, valueField, (ind, seq) => {
      const value = valuesWhere(ind, isVague);
      return value === null ? null : refWithValue(ind, seq, value);
    }),
};

const MONEY_UNIT = /^(?:亿元|万元|千元|元|万|亿)(?:\/.+)?$/;
const isCost = (ind: IndicatorRecord, ctx: RuleContext): boolean => {
  const l2 = ind.level2?.entry;
  return ind.level1?.entry?.category === 'cost' || (l2 != null && ctx.taxonomy.categoryOf(l2) === 'cost');
};
const notMoney = (v: IndicatorValue): boolean => v.qualitative || (v.number !== null && !MONEY_UNIT.test(v.unit.trim()));

/** A 成本指标 is an amount of money: “参照政府采购成本控制” or “100%” says nothing of what the output costs. */
export const costNotMoney: ProjectRule<'value.cost-not-money'> = {
  id: 'value.cost-not-money',
  source: SOURCES.cost,
  defaultSeverity: 'warning',
  scope: 'project',
  builderField: namedValueFields,
  check: (s, ctx) =>
    perIndicator('value.cost-not-money', s, valueField, (ind, seq) => {
      if (!isCost(ind, ctx)) return null;
      const value = valuesWhere(ind, notMoney);
      return value === null ? null : refWithValue(ind, seq, value);
    }),
};

const POSITIVE = /^正向/;
const NEGATIVE = /^反向/;

/** 正向 (more is better) asks for a floor (≥ ＞ ＝), 反向 for a ceiling (≤ ＜): the other way round is a slip. */
export const directionMismatch: ProjectRule<'value.direction'> = {
  id: 'value.direction',
  source: SOURCES.consistentValues,
  defaultSeverity: 'warning',
  scope: 'project',
  builderField: namedValueFields,
  check: (s) =>
    perIndicator('value.direction', s, 'direction', (ind, seq) => {
      const direction = ind.details?.direction?.trim() ?? '';
      const value = ind.annual?.comparator ? ind.annual : ind.period;
      const comparator = value?.comparator ?? null;
      if (!value || comparator === null) return null;
      const wrong = (POSITIVE.test(direction) && (comparator === '≤' || comparator === '＜')) || (NEGATIVE.test(direction) && (comparator === '≥' || comparator === '＞'));
      return wrong ? { ...ref(ind, seq), direction, value: value.text } : null;
    }),
};

// The weights of a project's indicators add up to 100, or to 90 where 预算执行率 keeps its 10 (单位自评).
const WEIGHT_TOTALS = new Set([100_000_000n, 90_000_000n]);

/** Weights (权重 / 分值), where every indicator has one, add up to 100 (or 90 beside 预算执行率's 10). */
export const weightsSum: ProjectRule<'weights.sum'> = {
  id: 'weights.sum',
  source: SOURCES.weights,
  defaultSeverity: 'warning',
  scope: 'project',
  builderField: 'indicators',
  check: ({ indicators, row }) => {
    if (indicators.length === 0) return NO_HITS;
    let total = 0n;
    for (const ind of indicators) {
      const weight = decimalFromText(ind.details?.weight?.replace(/%$/, '') ?? '');
      if (weight === null) return NO_HITS;
      total += weight.value;
    }
    if (WEIGHT_TOTALS.has(total)) return NO_HITS;
    const first = indicators[0]?.cells?.weight ?? row.nameLocation;
    return [{ rule: 'weights.sum', params: { total: decimalText(total), count: indicators.length }, location: first }];
  },
};

function decimalText(millionths: bigint): string {
  const whole = millionths / 1_000_000n;
  const fraction = (millionths % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}

const PUNCTUATION = /[\s\u3000，,。.；;：:、“”"'（）()]/;

/** `a` and `b` are the same once spaces and punctuation are left out: compared in place, no stripped copies of every goal. */
function sameWithoutPunctuation(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && PUNCTUATION.test(a.charAt(i))) i++;
    while (j < b.length && PUNCTUATION.test(b.charAt(j))) j++;
    if (i === a.length || j === b.length) return i === a.length && j === b.length;
    if (a.charCodeAt(i++) !== b.charCodeAt(j++)) return false;
  }
}

/** Something is left once spaces and punctuation are left out. */
function hasText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!PUNCTUATION.test(text.charAt(i))) return true;
  return false;
}

/** A goal that only repeats the project's name sets no target (指向明确). */
export const goalRestatesName: ProjectRule<'goal.restates-name'> = {
  id: 'goal.restates-name',
  source: SOURCES.distinct,
  defaultSeverity: 'warning',
  scope: 'project',
  builderField: NOT_IN_BUILDER,
  check: ({ row }) => {
    if (!row.goal || !sameWithoutPunctuation(row.goal.text, row.name) || !hasText(row.name)) return NO_HITS;
    return [{ rule: 'goal.restates-name', params: { goal: clipForMessage(row.goal.text.trim()) }, location: row.goal.location }];
  },
};

/** A multi-year project's 年度目标 copied from its 实施期 goal says nothing of this year (具体细化). */
export const goalSameAsPeriod: ProjectRule<'goal.same-as-period'> = {
  id: 'goal.same-as-period',
  source: SOURCES.specific,
  defaultSeverity: 'warning',
  scope: 'project',
  builderField: NOT_IN_BUILDER,
  check: ({ row, multiYear }) => {
    if (!multiYear || !row.goal || !sameWithoutPunctuation(row.goal.text, row.periodGoal?.text ?? '') || !hasText(row.goal.text)) return NO_HITS;
    return [{ rule: 'goal.same-as-period', params: { goal: clipForMessage(row.goal.text.trim()) }, location: row.goal.location }];
  },
};

// A name that ends in its own target: “村组干部230人” (not an ordinal: “维修设备第5类”).
const NAME_TARGET = /(?:^|[^\d.第])(\d+(?:\.\d+)?)\s*([^\d\s（）()]{1,4})$/;

/** The name states a target whose unit the value contradicts (“村组干部230人” valued ≥230个): one of them is wrong. */
export const nameTargetUnit: ProjectRule<'value.name-unit'> = {
  id: 'value.name-unit',
  source: SOURCES.distinct,
  defaultSeverity: 'warning',
  scope: 'project',
  builderField: namedValueFields,
  check: (s) =>
    perIndicator('value.name-unit', s, valueField, (ind, seq) => {
      const m = NAME_TARGET.exec(ind.name);
      if (!m) return null;
      const [, number, unit] = m;
      const value = valuesWhere(ind, (v) => v.number === number && v.unit !== '' && v.unit !== unit);
      return value === null ? null : { ...ref(ind, seq), value, unit: unit ?? '' };
    }),
};

/** 满意度 filed as a 社会效益 (or other effect) indicator: it belongs under 满意度指标, where it counts as one. */
export const satisfactionMisplaced: ProjectRule<'indicator.satisfaction-misplaced'> = {
  id: 'indicator.satisfaction-misplaced',
  source: SOURCES.categories,
  defaultSeverity: 'warning',
  scope: 'project',
  builderField: 'level2',
  check: (s, ctx) =>
    perIndicator('indicator.satisfaction-misplaced', s, 'level2', (ind, seq) => {
      const l2 = ind.level2?.entry;
      if (!ind.name.includes('满意') || !l2 || ctx.taxonomy.categoryOf(l2) !== 'effect') return null;
      return { ...ref(ind, seq), level2: ind.level2?.name ?? l2.name };
    }),
};
