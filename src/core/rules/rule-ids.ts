import type { FormatDeviation } from '../indicators/grammar';
import type { HeaderKind } from '../table-model';

/** Which value of an indicator a finding is about. */
export type ValueSlot = 'period' | 'annual' | 'both';
/** Which total a totals finding is about. */
export type TotalsScope = 'row' | 'unit' | 'grand' | 'funding' | 'block' | 'tasks';
/** Labels of table columns, translated by the message catalogues. */
export type ColumnLabel = HeaderKind;
export type PlaceholderField = 'goal' | 'name' | 'period' | 'annual' | 'extra';

interface Amounts {
  readonly unit: string;
  readonly expected: string;
  readonly actual: string;
  readonly difference: string;
  /** The total's formula when it holds one ("=SUM(B6:B7)"), the cells it leaves out ("B8,B9") and the formula that adds them; '' when it cannot be read. */
  readonly formula?: string;
  readonly missing?: string;
  readonly corrected?: string;
}
interface IndicatorRef {
  readonly seq: number;
  /** The third-level name as written; '' when there is none (the messages say unnamed, in their language). */
  readonly name: string;
}

/** Every rule id with the parameters its message needs. Ids are stable: profiles and ignore lists refer to them. */
export interface RuleParams {
  /** The names of the sheets looked at; each language quotes and joins them in its own way. */
  'table.not-found': { readonly sheets: readonly string[] };
  'table.column-missing': { readonly column: ColumnLabel };
  'table.unit-missing': Record<string, never>;
  'table.no-projects': Record<string, never>;
  'name.missing': Record<string, never>;
  'amount.invalid': { readonly column: ColumnLabel; readonly text: string };
  'amount.formula-error': { readonly column: ColumnLabel; readonly error: string };
  'amount.unit': { readonly column: ColumnLabel; readonly text: string; readonly unit: string; readonly tableUnit: string; readonly value: string };
  'amount.negative': { readonly column: ColumnLabel; readonly value: string; readonly unit: string };
  'amount.text': { readonly column: ColumnLabel; readonly value: string };
  'amount.precision': { readonly column: ColumnLabel; readonly text: string; readonly value: string };
  /** `parts`: the funding columns summed, as a comma list of column keys. */
  'totals.row': Amounts & { readonly parts: string };
  'totals.unit': Amounts & { readonly column: ColumnLabel; readonly count: number };
  'totals.grand': Amounts & { readonly column: ColumnLabel; readonly count: number; readonly of: 'units' | 'projects' };
  'totals.rounding': Amounts & { readonly scope: TotalsScope; readonly column: ColumnLabel; readonly tolerance: string };
  /** A form's or the department's total against its sources: labels as written. */
  'totals.funding': Amounts & { readonly label: string; readonly parts: string };
  /** A 合计 / 小计 row against the rows above it in its block. */
  'totals.block': Amounts & { readonly label: string; readonly count: number };
  /** The department's tasks against its total budget. */
  'totals.tasks': Amounts & { readonly label: string; readonly count: number };
  /**
   * A cell of the smallest correction that makes every failing sum hold. `together`: the other cells of the same
   * correction; `alternative`: an equally small other correction. Both "B6=11.00;C6=11.00", '' for none.
   */
  'totals.cause': Amounts & { readonly column: ColumnLabel; readonly count: number; readonly together: string; readonly alternative: string };
  /** A sum that only disagrees because of `cause` ("B6+C6,B7": each correction's cells, comma between alternatives): no fix of its own. */
  'totals.consequence': Amounts & { readonly scope: TotalsScope; readonly column: ColumnLabel; readonly cause: string };
  'goal.missing': Record<string, never>;
  'indicators.missing': Record<string, never>;
  'indicators.unparseable': { readonly text: string };
  'indicators.format': { readonly deviations: string; readonly fixable: number };
  'indicators.ambiguous-terminator': Record<string, never>;
  'category.output-missing': Record<string, never>;
  'category.effect-missing': Record<string, never>;
  'category.satisfaction-missing': Record<string, never>;
  'category.cost-missing': Record<string, never>;
  'indicator.level-missing': IndicatorRef & { readonly level: 1 | 2 };
  'indicator.level-unknown': IndicatorRef & { readonly level: 1 | 2; readonly written: string };
  'indicator.level-mismatch': IndicatorRef & { readonly level: 1 | 2; readonly code: string; readonly written: string; readonly expected: string };
  'indicator.level-parent': IndicatorRef & { readonly level2: string; readonly level1: string; readonly expected: string };
  'indicator.name-missing': { readonly seq: number };
  'indicator.value-missing': IndicatorRef & { readonly slot: ValueSlot };
  'indicator.extra-field': IndicatorRef & { readonly fields: string };
  'indicator.duplicate': IndicatorRef & { readonly first: number };
  /** A row of an indicator block that names levels but no indicator (left from the template). */
  'indicator.template-row': { readonly level1: string; readonly level2: string };
  'content.placeholder': { readonly field: PlaceholderField; readonly seq: number; readonly text: string };
  'value.unit-missing': IndicatorRef & { readonly value: string };
  'value.satisfaction-unit': IndicatorRef & { readonly value: string };
  'value.qualitative': IndicatorRef & { readonly value: string };
  'value.annual-differs': IndicatorRef & { readonly period: string; readonly annual: string };
  'value.annual-exceeds-period': IndicatorRef & { readonly period: string; readonly annual: string };
  'value.vague': IndicatorRef & { readonly value: string };
  'value.cost-not-money': IndicatorRef & { readonly value: string };
  'value.direction': IndicatorRef & { readonly direction: string; readonly value: string };
  'weights.sum': { readonly total: string; readonly count: number };
  'goal.restates-name': { readonly goal: string };
  'goal.same-as-period': { readonly goal: string };
  'value.name-unit': IndicatorRef & { readonly value: string; readonly unit: string };
  'indicator.satisfaction-misplaced': IndicatorRef & { readonly level2: string };
}

export type RuleId = keyof RuleParams;

/** The rules that check the workbook, a table's layout, its amounts and sums, or a row's name. */
export type NonProjectRuleId = Extract<RuleId, `table.${string}` | `amount.${string}` | `totals.${string}` | 'name.missing'>;
/**
 * Every other rule checks a project's goal and indicators, and the indicator builder runs it on its rows:
 * a new id is a project rule (and needs a place in the builder) unless it is listed above.
 */
export type ProjectRuleId = Exclude<RuleId, NonProjectRuleId>;

export type DeviationLabels = { readonly [D in FormatDeviation]: string };
