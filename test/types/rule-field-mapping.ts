/**
 * Compile-time checks, run by `tsc -p tsconfig.json` (not by jest): a project rule without a place in the
 * indicator builder does not compile, nor does a table of project rules that leaves one out. Each
 * `@ts-expect-error` fails the type check when the line below it stops being an error.
 */
import { PROJECT_RULES } from '../../src/core/rules/registry';
import { NO_HITS, type ProjectRule } from '../../src/core/rules/rule';
import type { NonProjectRuleId, ProjectRuleId } from '../../src/core/rules/rule-ids';
import { SOURCES } from '../../src/core/rules/sources';

const meta = { source: SOURCES.indicators, defaultSeverity: 'error', scope: 'project', check: () => NO_HITS } as const;

// A rule object without builderField is refused.
// @ts-expect-error Property 'builderField' is missing
export const withoutField: ProjectRule<'indicator.name-missing'> = { id: 'indicator.name-missing', ...meta };

export const withField: ProjectRule<'indicator.name-missing'> = { id: 'indicator.name-missing', ...meta, builderField: 'name' };

// A mapping over params is typed by the rule's own params, and returns builder fields only.
export const byLevel: ProjectRule<'indicator.level-missing'> = { id: 'indicator.level-missing', ...meta, builderField: (p) => (p.level === 1 ? 'level1' : 'level2') };
export const wrongParam: ProjectRule<'indicator.level-missing'> = {
  id: 'indicator.level-missing',
  ...meta,
  // @ts-expect-error indicator.level-missing has no slot
  builderField: (p) => p.slot,
};
export const notAField: ProjectRule<'goal.missing'> = {
  id: 'goal.missing',
  ...meta,
  // @ts-expect-error 'goal' is not a field of the builder ([] says "none")
  builderField: 'goal',
};

// The table of project rules by id: leaving one id out is refused.
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- left out on purpose
const { 'weights.sum': _weights, ...allButOne } = PROJECT_RULES;
// @ts-expect-error Property 'weights.sum' is missing
export const missingOne: { readonly [R in ProjectRuleId]: ProjectRule<R> } = allButOne;

// An entry must be that id's own rule.
export const wrongRule: { readonly [R in ProjectRuleId]: ProjectRule<R> } = {
  ...PROJECT_RULES,
  // @ts-expect-error goal.missing's rule under another id
  'weights.sum': PROJECT_RULES['goal.missing'],
};

// Any id that is not a table, amount, totals or row-name rule is a project rule, so a new one needs its builder field.
type Is<T extends true> = T;
export type ProjectIds = Is<'indicator.name-missing' extends ProjectRuleId ? true : false>;
export type NonProjectIds = Is<'amount.text' | 'totals.cause' | 'table.not-found' | 'name.missing' extends NonProjectRuleId ? true : false>;
