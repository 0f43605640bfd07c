import type { Decimal } from '../amounts';
import type { Fix, Severity } from '../findings';
import type { CellLocation, CellValue } from '../grid';
import type { IndicatorParse } from '../indicators/grammar';
import type { AmountCell, IndicatorRecord, PerformanceTable, TableRow, ValueSlots } from '../table-model';
import type { CategorySet, Taxonomy } from '../taxonomy';
import type { ColumnLabel, RuleId, RuleParams, TotalsScope } from './rule-ids';
import type { TotalsDiagnosis } from './diagnosis';
import type { TotalFormula } from './formula-totals';
import type { RuleSource } from './sources';

/** What a rule reports; the checker adds severity, message and key. */
export interface RuleHit<R extends RuleId = RuleId> {
  readonly rule: R;
  readonly params: RuleParams[R];
  readonly location: CellLocation;
  readonly fix?: Fix;
  /** Tells apart several hits of one rule on one cell (an indicator's position, a column). */
  readonly discriminator?: string | number;
}

export interface RuleContext {
  readonly taxonomy: Taxonomy;
  /** Largest difference treated as 尾差 in this table's currency unit. */
  readonly tolerance: Decimal;
  /** 万元 or 元, for messages. */
  readonly unit: string;
}

/** One amount sum the table claims: a row's 总计, or a unit / 合计 cell against its children. */
export interface TotalsComparison {
  readonly scope: TotalsScope;
  readonly column: ColumnLabel;
  readonly location: CellLocation;
  readonly expected: Decimal;
  readonly actual: Decimal;
  readonly count: number;
  readonly of: 'units' | 'projects';
  /** The cell's value as read, for the fix's changed-since-read guard. */
  readonly raw: CellValue;
  /** The columns summed (a row's funding columns, a stated sum's parts). */
  readonly parts: readonly ColumnLabel[];
  /** A stated sum's label as written (年度资金总额, 合计); '' for row, unit and 合计-row sums. */
  readonly label: string;
  /** The sum's cell and the cells it should add up. */
  readonly total: AmountCell;
  readonly partCells: readonly AmountCell[];
  /** What the total cell's formula says about the sum, when it holds one. */
  readonly formula?: TotalFormula;
}

export interface TableSubject {
  readonly table: PerformanceTable;
  readonly comparisons: readonly TotalsComparison[];
  /** The cell that explains every failing sum, when one does (diagnoseTotals). */
  readonly diagnosis: TotalsDiagnosis;
}

export interface RowSubject {
  readonly table: PerformanceTable;
  readonly row: TableRow;
  /**
   * Every amount cell is empty or a plain number: not negative, not text, no more than 6 decimal places.
   * The amount rules skip such a row without visiting its cells.
   */
  readonly amountsClean: boolean;
}

export interface ProjectSubject extends RowSubject {
  /** The project's indicators, whatever the layout; empty when it has none. */
  readonly indicators: readonly IndicatorRecord[];
  /** Where the project's indicators are, as a whole: its 绩效指标 cell, or the first cell of its indicator block; null when the table has no place for them. */
  readonly indicatorsAt: CellLocation | null;
  /** Items of the 绩效指标 cell that name levels only (template rows left in), by their number in the cell. */
  readonly templateItems: readonly { readonly position: number; readonly level1: string; readonly level2: string }[];
  /** The one-cell layout's parse of the 绩效指标 cell (its format is that layout's own); null in other layouts. */
  readonly parsed: IndicatorParse | null;
  readonly indicatorsText: string;
  /** The values the table asks of each indicator (an indicator may ask for its own). */
  readonly valueSlots: ValueSlots;
  /** The project name carries a year range (广州市信访局2024-2025年…). */
  readonly multiYear: boolean;
  /** First-level categories the indicators cover (14-成本指标 counts as cost), as categoryBit bits. */
  readonly categories: CategorySet;
  /**
   * Every indicator is complete (isComplete: known, consistent levels, a name, both values, nothing extra).
   * The rules that look for a missing or wrong part skip such a project without visiting its indicators.
   */
  readonly complete: boolean;
}

interface RuleBase<R extends RuleId> {
  readonly id: R;
  /** What the rule rests on; a rule on a convention or a template's layout is a warning at most. */
  readonly source: RuleSource;
  readonly defaultSeverity: Severity;
  /** The rule's hits can carry a fix (shown in the catalogue and the UI's 一键修正). */
  readonly fixable?: true;
}

export interface TableRule<R extends RuleId = RuleId> extends RuleBase<R> {
  readonly scope: 'table';
  check(subject: TableSubject, ctx: RuleContext): readonly RuleHit<R>[];
}

export interface RowRule<R extends RuleId = RuleId> extends RuleBase<R> {
  readonly scope: 'row';
  check(subject: RowSubject, ctx: RuleContext): readonly RuleHit<R>[];
}

/** Which part of the indicator builder a message belongs to: a field of a row, or the indicators as a whole. */
export type BuilderField = 'level1' | 'level2' | 'name' | 'period' | 'annual' | 'category' | 'indicators';
/** One field, several (a finding about both values), or none ([]: about what the builder does not edit, the goal). */
export type BuilderFields = BuilderField | readonly BuilderField[];
/** The values of the builder row a finding is on, as the rules read them ('' when empty or left out). */
export interface BuilderValues {
  readonly period: string;
  readonly annual: string;
}
// Declared as a method so that a rule's mapping over its own params fits ProjectRule<RuleId> (method parameters are bivariant).
type BuilderFieldsOf<R extends RuleId> = { fields(params: RuleParams[R], values: BuilderValues): BuilderFields }['fields'];
/** Where the builder shows a rule's findings: fixed, or by the finding's params and the row's values. */
export type BuilderFieldMapping<R extends RuleId> = BuilderFields | BuilderFieldsOf<R>;

export interface ProjectRule<R extends RuleId = RuleId> extends RuleBase<R> {
  readonly scope: 'project';
  /** Where the indicator builder shows this rule's findings on its rows: every project rule has a place there. */
  readonly builderField: BuilderFieldMapping<R>;
  check(subject: ProjectSubject, ctx: RuleContext): readonly RuleHit<R>[];
}

export interface WorkbookSubject {
  readonly sheets: readonly string[];
  readonly tableCount: number;
}

export interface WorkbookRule<R extends RuleId = RuleId> extends RuleBase<R> {
  readonly scope: 'workbook';
  check(subject: WorkbookSubject): readonly RuleHit<R>[];
}

export type Rule = WorkbookRule | TableRule | RowRule | ProjectRule;

export const NO_HITS: readonly never[] = [];
