import { ZERO, type AmountParse, type Decimal, type MoneyUnit } from './amounts';
import { toA1, type CellLocation, type CellValue } from './grid';
import type { Indicator } from './indicators/grammar';

/**
 * The one layout-independent model of a 绩效目标表. Layout readers fill it; the rules run on it alone;
 * every field remembers the cell it came from, so each finding and each write knows its cell.
 */

/** How a table is laid out on the sheet. */
export type LayoutKind =
  /** A row per project, the whole indicator list in one 绩效指标 cell (the Guangzhou export). */
  | 'one-cell'
  /** A row per indicator, the project's cells merged down over its indicator rows (一体化 exports). */
  | 'row-per-indicator'
  /** A form per project (申报表 / 审批表 / 批复表): label and value cells, then an indicator block. */
  | 'form'
  /** 部门整体支出绩效目标表: the department's amounts, tasks, goal and indicators. */
  | 'department';
export const LAYOUT_KINDS: readonly LayoutKind[] = ['one-cell', 'row-per-indicator', 'form', 'department'];

/** An amount by what it is: the total, or a funding source (whatever sources a province's template has). */
export type AmountColumn =
  | 'total'
  | 'fiscal'
  | 'specialAccount'
  | 'other'
  | 'central'
  | 'provincial'
  | 'municipal'
  | 'county'
  | 'higher'
  | 'own'
  /** 部门整体支出: the split of the total by use. */
  | 'projectSpending'
  | 'basicSpending';
export const AMOUNT_COLUMNS: readonly AmountColumn[] = [
  'total', 'fiscal', 'specialAccount', 'other', 'central', 'provincial', 'municipal', 'county', 'higher', 'own', 'projectSpending', 'basicSpending',
];

/** Indicator fields that have a column (or a form cell) of their own outside the one-cell layout. */
export type IndicatorColumn =
  | 'level1'
  | 'level2'
  | 'level3'
  | 'nature'
  | 'value'
  | 'periodValue'
  | 'measureUnit'
  | 'weight'
  | 'direction'
  | 'valueType'
  | 'explanation'
  | 'standard'
  | 'note';
export const INDICATOR_COLUMNS: readonly IndicatorColumn[] = [
  'level1', 'level2', 'level3', 'nature', 'value', 'periodValue', 'measureUnit', 'weight', 'direction', 'valueType', 'explanation', 'standard', 'note',
];

/** Every column a header-based reader recognises by its header text. */
export type HeaderKind = 'seq' | 'name' | 'owner' | AmountColumn | 'goal' | 'periodGoal' | 'indicators' | IndicatorColumn;

/** Absolute 0-based column index of each recognised header; a kind absent from the map is not in the table. */
export type TableColumns = { readonly [K in HeaderKind]?: number };

export interface AmountCell {
  readonly column: AmountColumn;
  readonly location: CellLocation;
  readonly raw: CellValue;
  readonly parsed: AmountParse;
  /** The cell's formula ("=SUM(B6:B8)"), when the grid reports formulas and the cell holds one. */
  readonly formula?: string;
  /** The formula's cached value may be out of date (the host could not recalculate it after a write). */
  readonly stale?: boolean;
}

export interface TextCell {
  readonly text: string;
  readonly location: CellLocation;
}

/** Which values an indicator is asked for: both (实施周期 and 年度), or only the one the table has a place for. */
export type ValueSlots = 'both' | 'period' | 'annual';

/** Fields of an indicator beyond its levels, name and values, as written (权重, 指标方向性 …). */
export type IndicatorDetail = 'nature' | 'measureUnit' | 'weight' | 'direction' | 'valueType' | 'explanation' | 'standard' | 'note';

/** A field of an indicator that has a cell: what a finding or a write points at. */
export type IndicatorField = 'level1' | 'level2' | 'name' | 'period' | 'annual' | IndicatorDetail;

/**
 * One indicator. In the one-cell layout it is the grammar's Indicator as parsed from the 绩效指标 cell,
 * and every field sits in that cell; in the other layouts each field remembers its own cell.
 */
export interface IndicatorRecord extends Indicator {
  readonly cells?: { readonly [F in IndicatorField]?: CellLocation };
  readonly details?: { readonly [D in IndicatorDetail]?: string };
  /** The values this indicator is asked for, when not the table's (one half of a 长期 | 年度 form). */
  readonly slots?: ValueSlots;
  /** Absolute sheet row of the indicator, in layouts with a row per indicator. */
  readonly row?: number;
  /** Its number among all the items of its cell, where template items before it leave a gap (1-based). */
  readonly position?: number;
}

/** A row of an indicator block that names levels but no indicator: a template row left in. */
export interface TemplateRow {
  readonly row: number;
  readonly level1: string;
  readonly level2: string;
  readonly location: CellLocation;
}

export type RowKind = 'grand-total' | 'unit' | 'project';

/** A labelled value of a row that no rule reads: a column the header names but the reader does not know, a form's other fields. */
export interface ExtraField {
  readonly label: string;
  readonly raw: CellValue;
  readonly location: CellLocation;
}

/** The rows and columns a project's indicators occupy (layouts with a row per indicator): what the builder rewrites. */
export interface IndicatorBlock {
  /** Absolute sheet rows, first and last, of the project's indicators (or of its one row when it has none). */
  readonly firstRow: number;
  readonly lastRow: number;
  /** The column of each indicator field in this block. */
  readonly columns: { readonly [C in IndicatorColumn]?: number };
}

export interface TableRow {
  readonly kind: RowKind;
  /** Absolute 0-based sheet row. */
  readonly row: number;
  /** Name without indentation. */
  readonly name: string;
  /** Leading spaces of the name cell (ASCII space 1, full-width space 2, tab 4). */
  readonly indent: number;
  readonly nameLocation: CellLocation;
  /** One cell per amount column of the table, in the table's `amountColumns` order. */
  readonly amounts: readonly AmountCell[];
  readonly goal: TextCell | null;
  /** The 实施期 / 中期 / 总体 goal beside the 年度 goal, when the table has both. */
  readonly periodGoal?: TextCell | null;
  /** The one-cell layout's 绩效指标 cell; null in other layouts and when the table has no such column. */
  readonly indicators: { readonly raw: CellValue; readonly text: string; readonly location: CellLocation } | null;
  /** The indicators read from their own cells (other layouts); absent in the one-cell layout, where the cell is parsed. */
  readonly records?: readonly IndicatorRecord[];
  readonly templateRows?: readonly TemplateRow[];
  readonly block?: IndicatorBlock;
  /** 单位名称 of a project row in a table that names the unit beside each project. */
  readonly owner?: TextCell | null;
  /** What else the table says of the row under a label no rule reads (单位代码, 项目负责人, 项目属性 …): kept, and carried along by conversions. */
  readonly extras?: readonly ExtraField[];
  /** Index in `PerformanceTable.rows` of the unit (or grand total) this row adds up into; null for none. */
  readonly parent: number | null;
  /** Indices in `PerformanceTable.rows` of the rows that add up into this one (units and the grand total). */
  readonly children: readonly number[];
}

/** A sum the table states outside its rows: a form's 总额 and its sources, a 合计 row of a block, the department's tasks. */
export interface AmountSum {
  readonly scope: 'funding' | 'block' | 'tasks';
  /** The total's label as written (年度资金总额, 合计, 资金总额). */
  readonly label: string;
  readonly total: AmountCell;
  readonly parts: readonly AmountCell[];
}

export interface PerformanceTable {
  readonly sheet: string;
  /** Position among all tables of the workbook, 0-based. */
  readonly index: number;
  readonly layout: LayoutKind;
  readonly title: string | null;
  readonly department: string | null;
  readonly unit: MoneyUnit | null;
  /** Where 单位 was found (or the header row's first cell when missing), for unit findings. */
  readonly unitLocation: CellLocation;
  /** The header row (a form's first row). */
  readonly headerRow: number;
  /** The table's leftmost column: with headerRow, the cell the table starts at. */
  readonly firstCol: number;
  readonly headerRowCount: number;
  readonly firstDataRow: number;
  /** Last absolute row that belongs to the table (before notes, blank tail or the next table). */
  readonly lastRow: number;
  readonly columns: TableColumns;
  /** The amount columns the table has, in sheet order; each row has one cell per column in this order. */
  readonly amountColumns: readonly AmountColumn[];
  /** Required headers the table lacks (a name, an amount, a goal, indicators). */
  readonly missingColumns: readonly HeaderKind[];
  /** The values each indicator is asked for in this table. */
  readonly valueSlots: ValueSlots;
  /** Non-blank rows in sheet order. */
  readonly rows: readonly TableRow[];
  /** Index in `rows` of the 合计 row, null when the table has none. */
  readonly grandTotal: number | null;
  /** Sums stated outside the rows (forms, blocks, the department's tasks). */
  readonly sums: readonly AmountSum[];
}

/** The amount of `row` in `column`, null when the table has no such column. */
/** Value of an amount cell for summing: empty counts as 0; null when the cell is unreadable. */
export function valueOf(cell: AmountCell | null): Decimal | null {
  if (cell === null) return ZERO;
  if (cell.parsed.kind === 'number') return cell.parsed.value;
  return cell.parsed.kind === 'empty' ? ZERO : null;
}

export function amountIn(row: TableRow, column: AmountColumn): AmountCell | null {
  for (const cell of row.amounts) if (cell.column === column) return cell;
  return null;
}

/** The location of a field of an indicator: its own cell, or the project's 绩效指标 cell in the one-cell layout. */
export function fieldLocation(row: TableRow, indicator: IndicatorRecord, field: IndicatorField): CellLocation {
  return indicator.cells?.[field] ?? indicator.cells?.name ?? row.indicators?.location ?? row.nameLocation;
}

/** How a table was read, as the pane, the page and the CLI tell it: where it starts, its layout, its projects. */
export interface TableSummary {
  readonly sheet: string;
  /** The cell the table starts at. */
  readonly cell: string;
  readonly layout: LayoutKind;
  readonly title: string | null;
  /** Projects (the department table holds none: its rows are the department's own). */
  readonly projects: number;
}

export function summariseTable(table: PerformanceTable): TableSummary {
  const projects = table.layout === 'department' ? 0 : table.rows.filter((r) => r.kind === 'project').length;
  return { sheet: table.sheet, cell: toA1(table.headerRow, table.firstCol), layout: table.layout, title: table.title, projects };
}

export interface SheetWithoutTable {
  readonly sheet: string;
  readonly reason: 'empty' | 'no-header';
}

export interface TableReadResult {
  readonly tables: readonly PerformanceTable[];
  readonly sheetsWithoutTable: readonly SheetWithoutTable[];
}
