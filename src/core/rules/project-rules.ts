import { decimalFromText } from '../amounts';
import { isVague, type IndicatorValue } from '../indicators/value';
import { fieldLocation, type IndicatorField, type IndicatorRecord } from '../table-model';
import { categoryBit, type IndicatorCategory } from '../taxonomy';
import { clipForMessage } from '../text';
import { NO_HITS, type BuilderField, type BuilderFields, type BuilderValues, type ProjectRule, type ProjectSubject, type RuleHit } from './rule';
import type { PlaceholderField, RuleId, RuleParams, ValueSlot } from './rule-ids';
import { SOURCES } from './sources';

const PLACEHOLDER = /[*＊]+|[★☆]+|＿+|_{2,}|[xX×ｘＸ]{2,}|某某|…+|\.{3,}/;
// The characters a placeholder starts with: a text without any cannot hold one, and this scans it twice as fast.
const PLACEHOLDER_START = /[*＊★☆＿_xX×ｘＸ某….]/;
const placeholderMatch = (text: string): RegExpExecArray | null => (PLACEHOLDER_START.test(text) ? PLACEHOLDER.exec(text) : null);
const RATE_UNITS = new Set(['%', '‰', '分']);

type Indicator = IndicatorRecord;

/**
 * Runs `check` for each indicator and collects the hits, each at the cell of the field `check` names
 * (in the one-cell layout every field is the 绩效指标 cell).
 */
export function perIndicator<R extends RuleId>(
  rule: R,
  s: ProjectSubject,
  field: IndicatorField | ((ind: Indicator, params: RuleParams[R]) => IndicatorField),
  check: (ind: Indicator, position: number, index: number) => RuleParams[R] | null,
): readonly RuleHit<R>[] {
  const indicators = s.indicators;
  let hits: RuleHit<R>[] | null = null;
  for (let i = 0; i < indicators.length; i++) {
    const ind = indicators[i] as Indicator;
    const position = ind.position ?? i + 1;
    const params = check(ind, position, i);
    if (params) hits = withHit(hits, { rule, params, location: fieldLocation(s.row, ind, typeof field === 'string' ? field : field(ind, params)), discriminator: position });
  }
  return hits ?? NO_HITS;
}

/** `hits` with `hit` added; the first in a literal of its own size ([] then push keeps room for 17). */
function withHit<R extends RuleId>(hits: RuleHit<R>[] | null, hit: RuleHit<R>): RuleHit<R>[] {
  if (hits === null) return [hit];
  hits.push(hit);
  return hits;
}

/** Like perIndicator, once for level 1 and once for level 2 of each indicator, at that level's cell. */
function perLevel<R extends RuleId>(
  rule: R,
  s: ProjectSubject,
  check: (ind: Indicator, position: number, level: 1 | 2) => RuleParams[R] | null,
): readonly RuleHit<R>[] {
  const indicators = s.indicators;
  let hits: RuleHit<R>[] | null = null;
  for (let i = 0; i < indicators.length; i++) {
    const ind = indicators[i] as Indicator;
    const position = ind.position ?? i + 1;
    const first = check(ind, position, 1);
    if (first) hits = withHit(hits, { rule, params: first, location: fieldLocation(s.row, ind, 'level1'), discriminator: `${position}.1` });
    const second = check(ind, position, 2);
    if (second) hits = withHit(hits, { rule, params: second, location: fieldLocation(s.row, ind, 'level2'), discriminator: `${position}.2` });
  }
  return hits ?? NO_HITS;
}

/** A project-level hit where the project's indicators are, when it has any and `params` is given. */
function atIndicators<R extends RuleId>(rule: R, s: ProjectSubject, params: RuleParams[R] | null): readonly RuleHit<R>[] {
  if (params === null || s.indicatorsAt === null || s.indicators.length === 0) return NO_HITS;
  return [{ rule, params, location: s.indicatorsAt }];
}

/** Which value cell a finding about a value points at: the annual one when that value is named, else the period one. */
export const valueField = (ind: Indicator, params: { readonly value: string }): IndicatorField =>
  ind.annual && ind.annual.text !== '' && params.value.endsWith(ind.annual.text) ? 'annual' : 'period';

// Where the indicator builder shows findings, for the rules whose place there depends on the finding.

/** About the goal (or the project), which the builder does not edit: shown on none of its fields. */
export const NOT_IN_BUILDER: readonly BuilderField[] = [];
const BOTH_VALUES: readonly BuilderField[] = ['period', 'annual'];
const levelField = (params: { readonly level: 1 | 2 }): BuilderField => (params.level === 1 ? 'level1' : 'level2');
const slotFields = (params: { readonly slot: ValueSlot }): BuilderFields => (params.slot === 'both' ? BOTH_VALUES : params.slot);
// Text in an extra field is typed in the builder as part of the name.
const placeholderField = (params: { readonly field: PlaceholderField }): BuilderFields =>
  params.field === 'goal' ? NOT_IN_BUILDER : params.field === 'extra' ? 'name' : params.field;

/**
 * The values a finding names (valuesWhere: "p", "a" or "p、a"): both when it names both or both are the same,
 * else the one it ends with, as valueField points at.
 */
export const namedValueFields = (params: { readonly value: string }, { period, annual }: BuilderValues): BuilderFields => {
  if (period === annual || params.value === `${period}、${annual}`) return BOTH_VALUES;
  return annual !== '' && params.value.endsWith(annual) ? 'annual' : 'period';
};

/** For the rules that look for a missing or wrong part: a project whose indicators are all complete has none. */
function whenIncomplete<R extends RuleId>(check: ProjectRule<R>['check']): ProjectRule<R>['check'] {
  return (s, ctx) => (s.complete ? NO_HITS : check(s, ctx));
}

// Value tests at module level: no closure per indicator.
const isNumberWithoutUnit = (v: IndicatorValue): boolean => v.number !== null && v.unit === '';
const isNotSatisfactionRate = (v: IndicatorValue): boolean => v.number === null || !(v.unit === '%' || v.unit === '分');
// Vague values are value.vague's (a warning), not also this info.
const isQualitative = (v: IndicatorValue): boolean => v.qualitative && placeholderMatch(v.text) === null && !isVague(v);

// The name as written, '' for none: each language's messages say “unnamed” in their own words.
export const ref = (ind: Indicator, seq: number) => ({ seq, name: ind.name });
/** `{ ...ref(ind, seq), value }` as one literal: the spread copies field by field, and value rules make 100,000s. */
export const refWithValue = (ind: Indicator, seq: number, value: string) => ({ seq, name: ind.name, value });
/** The indicator's non-empty values that match, as "≤5" or "≤5、≤6"; null when none does. */
export function valuesWhere(ind: Indicator, test: (v: IndicatorValue) => boolean): string | null {
  const p = ind.period && ind.period.text !== '' && test(ind.period) ? ind.period.text : null;
  // Values are interned: most items give both alike, one object, and one test answers for both.
  if (ind.annual === ind.period) return p;
  const a = ind.annual && ind.annual.text !== '' && test(ind.annual) ? ind.annual.text : null;
  if (p === null) return a;
  return a === null || a === p ? p : `${p}、${a}`;
}

export const goalMissing: ProjectRule<'goal.missing'> = {
  id: 'goal.missing',
  source: SOURCES.goal,
  defaultSeverity: 'error',
  scope: 'project',
  builderField: NOT_IN_BUILDER,
  check: ({ row }) => (row.goal && row.goal.text.trim() === '' ? [{ rule: 'goal.missing', params: {}, location: row.goal.location }] : NO_HITS),
};

export const indicatorsMissing: ProjectRule<'indicators.missing'> = {
  id: 'indicators.missing',
  source: SOURCES.indicators,
  defaultSeverity: 'error',
  scope: 'project',
  builderField: 'indicators',
  check: ({ row, indicatorsText, indicators, indicatorsAt }) => {
    if (row.indicators) return indicatorsText.trim() === '' ? [{ rule: 'indicators.missing', params: {}, location: row.indicators.location }] : NO_HITS;
    return indicatorsAt !== null && indicators.length === 0 ? [{ rule: 'indicators.missing', params: {}, location: indicatorsAt }] : NO_HITS;
  },
};

export const indicatorsUnparseable: ProjectRule<'indicators.unparseable'> = {
  id: 'indicators.unparseable',
  source: SOURCES.indicators,
  defaultSeverity: 'error',
  scope: 'project',
  builderField: 'indicators',
  check: ({ row, parsed, indicatorsText }) => {
    if (!row.indicators || !parsed || indicatorsText.trim() === '') return NO_HITS;
    if (parsed.indicators.length > 0 && parsed.strayText === '') return NO_HITS;
    const text = parsed.strayText || indicatorsText.trim();
    return [{ rule: 'indicators.unparseable', params: { text: clipForMessage(text) }, location: row.indicators.location }];
  },
};

/** Deviations from the canonical string; the fix is the canonical string when it can be rebuilt. */
export const indicatorsFormat: ProjectRule<'indicators.format'> = {
  id: 'indicators.format',
  source: SOURCES.guangzhou,
  fixable: true,
  defaultSeverity: 'warning',
  scope: 'project',
  builderField: 'indicators',
  check: ({ row, parsed, indicatorsText }) => {
    const cell = row.indicators;
    if (!cell || !parsed || parsed.indicators.length === 0) return NO_HITS;
    const canonical = parsed.canonical;
    if (parsed.deviations.length === 0 && (canonical === null || canonical === indicatorsText)) return NO_HITS;
    return [{
      rule: 'indicators.format',
      params: { deviations: parsed.deviations.join(','), fixable: canonical !== null && canonical !== indicatorsText ? 1 : 0 },
      location: cell.location,
      ...(canonical !== null && canonical !== indicatorsText ? { fix: { location: cell.location, expected: cell.raw, value: canonical } } : {}),
    }];
  },
};

export const ambiguousTerminator: ProjectRule<'indicators.ambiguous-terminator'> = {
  id: 'indicators.ambiguous-terminator',
  source: SOURCES.guangzhou,
  defaultSeverity: 'warning',
  scope: 'project',
  builderField: 'indicators',
  check: (s) => atIndicators('indicators.ambiguous-terminator', s, s.parsed?.ambiguousTerminator ? {} : null),
};

// A category rule's params say nothing: one frozen object serves the 100,000s of findings a large table can make.
const NO_CATEGORY_PARAMS = Object.freeze({});

function categoryRule<R extends 'category.output-missing' | 'category.effect-missing' | 'category.satisfaction-missing' | 'category.cost-missing'>(
  id: R,
  category: IndicatorCategory,
  defaultSeverity: 'error' | 'warning' | 'info',
): ProjectRule<R> {
  const bit = categoryBit(category);
  return {
    id,
    source: category === 'cost' ? SOURCES.cost : SOURCES.categories,
    defaultSeverity,
    scope: 'project',
    builderField: 'category',
    check: (s) => atIndicators(id, s, ((s.categories & bit) !== 0 ? null : NO_CATEGORY_PARAMS) as RuleParams[R] | null),
  };
}

export const outputMissing = categoryRule('category.output-missing', 'output', 'error');
export const effectMissing = categoryRule('category.effect-missing', 'effect', 'error');
export const satisfactionMissing = categoryRule('category.satisfaction-missing', 'satisfaction', 'warning');
export const costMissing = categoryRule('category.cost-missing', 'cost', 'info');

const levelOf = (ind: Indicator, level: 1 | 2) => (level === 1 ? ind.level1 : ind.level2);
const writtenLevel = (r: { code: string | null; name: string }) => (r.code === null ? r.name : `${r.code}-${r.name}`);

export const levelMissing: ProjectRule<'indicator.level-missing'> = {
  id: 'indicator.level-missing',
  source: SOURCES.indicatorSystem,
  defaultSeverity: 'error',
  scope: 'project',
  builderField: levelField,
  check: whenIncomplete((s) =>
    perLevel('indicator.level-missing', s, (ind, seq, level) => (levelOf(ind, level) === null ? { ...ref(ind, seq), level } : null)),
  ),
};

export const levelUnknown: ProjectRule<'indicator.level-unknown'> = {
  id: 'indicator.level-unknown',
  source: SOURCES.indicatorSystem,
  defaultSeverity: 'error',
  scope: 'project',
  builderField: levelField,
  check: whenIncomplete((s) =>
    perLevel('indicator.level-unknown', s, (ind, seq, level) => {
      const r = levelOf(ind, level);
      return r && !r.entry ? { ...ref(ind, seq), level, written: writtenLevel(r) } : null;
    }),
  ),
};

export const levelMismatch: ProjectRule<'indicator.level-mismatch'> = {
  id: 'indicator.level-mismatch',
  source: SOURCES.guangzhou,
  defaultSeverity: 'warning',
  scope: 'project',
  builderField: levelField,
  check: whenIncomplete((s) =>
    perLevel('indicator.level-mismatch', s, (ind, seq, level) => {
      const r = levelOf(ind, level);
      return r?.entry && r.nameConflict ? { ...ref(ind, seq), level, code: r.code ?? '', written: r.name, expected: r.entry.name } : null;
    }),
  ),
};

export const levelParent: ProjectRule<'indicator.level-parent'> = {
  id: 'indicator.level-parent',
  source: SOURCES.indicatorSystem,
  defaultSeverity: 'error',
  scope: 'project',
  builderField: 'level2',
  check: whenIncomplete((s, ctx) =>
    perIndicator('indicator.level-parent', s, 'level2', (ind, seq) => {
      const l1 = ind.level1?.entry;
      const l2 = ind.level2?.entry;
      if (!l1 || !l2 || l2.parent === l1.code) return null;
      const parent = ctx.taxonomy.level1ByCode(l2.parent);
      return { ...ref(ind, seq), level2: l2.label, level1: l1.label, expected: parent ? parent.label : l2.parent };
    }),
  ),
};

export const nameMissing: ProjectRule<'indicator.name-missing'> = {
  id: 'indicator.name-missing',
  source: SOURCES.indicators,
  defaultSeverity: 'error',
  scope: 'project',
  builderField: 'name',
  check: whenIncomplete((s) => perIndicator('indicator.name-missing', s, 'name', (ind, seq) => (ind.name === '' ? { seq } : null))),
};

export const valueMissing: ProjectRule<'indicator.value-missing'> = {
  id: 'indicator.value-missing',
  source: SOURCES.value,
  defaultSeverity: 'error',
  scope: 'project',
  builderField: slotFields,
  check: whenIncomplete((s) =>
    perIndicator(
      'indicator.value-missing',
      s,
      (_ind, params) => (params.slot === 'period' ? 'period' : 'annual'),
      (ind, seq) => {
        // Only the values the table has a place for are asked for.
        const slots = ind.slots ?? s.valueSlots;
        const noPeriod = slots !== 'annual' && (!ind.period || ind.period.text === '');
        const noAnnual = slots !== 'period' && (!ind.annual || ind.annual.text === '');
        if (!noPeriod && !noAnnual) return null;
        return { ...ref(ind, seq), slot: noPeriod && noAnnual ? 'both' : noPeriod ? 'period' : 'annual' };
      },
    ),
  ),
};

export const extraField: ProjectRule<'indicator.extra-field'> = {
  id: 'indicator.extra-field',
  source: SOURCES.guangzhou,
  defaultSeverity: 'warning',
  scope: 'project',
  builderField: 'name',
  check: whenIncomplete((s) =>
    perIndicator('indicator.extra-field', s, 'name', (ind, seq) => (ind.extraFields.length > 0 ? { ...ref(ind, seq), fields: clipForMessage(ind.extraFields.join('；')) } : null)),
  ),
};

const level2Key = (ind: Indicator): string => ind.level2?.entry?.code ?? ind.level2?.name ?? '';
const MAX_PAIRWISE = 32;

export const duplicateIndicator: ProjectRule<'indicator.duplicate'> = {
  id: 'indicator.duplicate',
  source: SOURCES.distinct,
  defaultSeverity: 'warning',
  scope: 'project',
  builderField: 'name',
  check: (s) => {
    const indicators = s.indicators;
    // Pairwise: a cell holds a handful of indicators, and this needs no key strings or map per project.
    // A pasted cell can hold thousands, though: then a map keeps it linear.
    const seen = indicators.length > MAX_PAIRWISE ? new Map<string, number>() : null;
    return perIndicator('indicator.duplicate', s, 'name', (ind, seq, index) => {
      if (ind.name === '') return null;
      const level2 = level2Key(ind);
      if (seen) {
        const key = `${level2}|${ind.name}`;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, seq);
        return first === undefined ? null : { ...ref(ind, seq), first };
      }
      for (let j = 0; j < index; j++) {
        const earlier = indicators[j] as Indicator;
        if (earlier.name === ind.name && level2Key(earlier) === level2) return { ...ref(ind, seq), first: earlier.position ?? j + 1 };
      }
      return null;
    });
  },
};

/** 模板占位符 (*, ★, xx, ××, ＿ …) left in the goal, a name or a value. */
export const placeholder: ProjectRule<'content.placeholder'> = {
  id: 'content.placeholder',
  source: SOURCES.filledIn,
  defaultSeverity: 'error',
  scope: 'project',
  builderField: placeholderField,
  check: (s) => {
    const goal = s.row.goal;
    const goalMatch = goal ? placeholderMatch(goal.text) : null;
    const inIndicators = perIndicator('content.placeholder', s, placeholderCell, placeholderIn);
    if (!goal || !goalMatch) return inIndicators;
    return [{ rule: 'content.placeholder', params: { field: 'goal', seq: 0, text: goalMatch[0] }, location: goal.location }, ...inIndicators];
  },
};

// At module level: no closure per project, and no list of hits unless there is one.
const placeholderCell = (_ind: Indicator, params: RuleParams['content.placeholder']): IndicatorField =>
  params.field === 'period' || params.field === 'annual' ? params.field : 'name';

function placeholderIn(ind: Indicator, seq: number): RuleParams['content.placeholder'] | null {
  const m = placeholderMatch(ind.name);
  if (m) return { field: 'name', seq, text: m[0] };
  const p = ind.period ? placeholderMatch(ind.period.text) : null;
  if (p) return { field: 'period', seq, text: p[0] };
  // The same value object as the period's (values are interned) holds no placeholder either.
  const a = ind.annual && ind.annual !== ind.period ? placeholderMatch(ind.annual.text) : null;
  if (a) return { field: 'annual', seq, text: a[0] };
  const e = ind.extraFields.length > 0 ? placeholderMatch(ind.extraFields.join('')) : null;
  return e ? { field: 'extra', seq, text: e[0] } : null;
}

export const unitMissing: ProjectRule<'value.unit-missing'> = {
  id: 'value.unit-missing',
  source: SOURCES.specific,
  defaultSeverity: 'warning',
  scope: 'project',
  builderField: namedValueFields,
  check: (s) =>
    perIndicator('value.unit-missing', s, valueField, (ind, seq) => {
      const value = valuesWhere(ind, isNumberWithoutUnit);
      return value === null ? null : refWithValue(ind, seq, value);
    }),
};

const isSatisfaction = (ind: Indicator) => ind.level1?.entry?.category === 'satisfaction' || ind.name.includes('满意度');

export const satisfactionUnit: ProjectRule<'value.satisfaction-unit'> = {
  id: 'value.satisfaction-unit',
  source: SOURCES.specific,
  defaultSeverity: 'warning',
  scope: 'project',
  builderField: namedValueFields,
  check: (s) =>
    perIndicator('value.satisfaction-unit', s, valueField, (ind, seq) => {
      if (!isSatisfaction(ind)) return null;
      const value = valuesWhere(ind, isNotSatisfactionRate);
      return value === null ? null : refWithValue(ind, seq, value);
    }),
};

export const qualitativeValue: ProjectRule<'value.qualitative'> = {
  id: 'value.qualitative',
  source: SOURCES.specific,
  defaultSeverity: 'info',
  scope: 'project',
  builderField: namedValueFields,
  check: (s) =>
    perIndicator('value.qualitative', s, valueField, (ind, seq) => {
      const value = valuesWhere(ind, isQualitative);
      return value === null ? null : refWithValue(ind, seq, value);
    }),
};

/** One-year project: the year is the whole period, so both values should be the same. */
export const annualDiffers: ProjectRule<'value.annual-differs'> = {
  id: 'value.annual-differs',
  source: SOURCES.consistentValues,
  defaultSeverity: 'warning',
  scope: 'project',
  builderField: 'annual',
  check: (s) =>
    s.multiYear
      ? NO_HITS
      : perIndicator('value.annual-differs', s, 'annual', (ind, seq) =>
          ind.period && ind.annual && ind.period.text !== '' && ind.annual.text !== '' && ind.period.text !== ind.annual.text
            ? { ...ref(ind, seq), period: ind.period.text, annual: ind.annual.text }
            : null),
};

/** Multi-year project: one year cannot deliver more than the whole period (counts, not rates). */
export const annualExceedsPeriod: ProjectRule<'value.annual-exceeds-period'> = {
  id: 'value.annual-exceeds-period',
  source: SOURCES.consistentValues,
  defaultSeverity: 'warning',
  scope: 'project',
  builderField: 'annual',
  check: (s) =>
    !s.multiYear
      ? NO_HITS
      : perIndicator('value.annual-exceeds-period', s, 'annual', (ind, seq) => {
          const p = ind.period;
          const a = ind.annual;
          if (!p?.number || !a?.number || p.unit !== a.unit || RATE_UNITS.has(p.unit) || p.unit.includes('率')) return null;
          const pv = decimalFromText(p.number)?.value;
          const av = decimalFromText(a.number)?.value;
          return pv !== undefined && av !== undefined && av > pv ? { ...ref(ind, seq), period: p.text, annual: a.text } : null;
        }),
};

/** A row of an indicator block with levels but no indicator: left from the template, to be filled in or deleted. */
export const templateRow: ProjectRule<'indicator.template-row'> = {
  id: 'indicator.template-row',
  source: SOURCES.template,
  defaultSeverity: 'warning',
  scope: 'project',
  builderField: 'name',
  check: ({ row, templateItems }) => {
    if (row.templateRows && row.templateRows.length > 0) {
      return row.templateRows.map((t) => ({ rule: 'indicator.template-row', params: { level1: t.level1, level2: t.level2 }, location: t.location, discriminator: t.row }));
    }
    const cell = row.indicators;
    if (!cell || templateItems.length === 0) return NO_HITS;
    return templateItems.map((t) => ({ rule: 'indicator.template-row', params: { level1: t.level1, level2: t.level2 }, location: cell.location, discriminator: `t${t.position}` }));
  },
};
