import type { AmountParse } from './amounts';
import type { CellLocation, CellValue } from './grid';

/** The four amount columns of a 绩效目标表, in 万元 or 元: 总计 = 财政拨款 + 财政专户拨款 + 其他资金. */
export type AmountColumn = 'total' | 'fiscal' | 'specialAccount' | 'other';
export const AMOUNT_COLUMNS: readonly AmountColumn[] = ['total', 'fiscal', 'specialAccount', 'other'];
export const FUNDING_COLUMNS: readonly AmountColumn[] = ['fiscal', 'specialAccount', 'other'];

/** Every column the reader recognises by its header text. */
export type HeaderKind = 'seq' | 'name' | AmountColumn | 'goal' | 'indicators';

/** Absolute 0-based column index of each recognised header; null when the table has no such column. */
export type TableColumns = { readonly [K in HeaderKind]: number | null };

export interface AmountCell {
  readonly column: AmountColumn;
  readonly location: CellLocation;
  readonly raw: CellValue;
  readonly parsed: AmountParse;
}

export type RowKind = 'grand-total' | 'unit' | 'project';

export interface TableRow {
  readonly kind: RowKind;
  /** Absolute 0-based sheet row. */
  readonly row: number;
  /** Name without indentation. */
  readonly name: string;
  /** Leading spaces of the name cell (ASCII space 1, full-width space 2, tab 4). */
  readonly indent: number;
  readonly nameLocation: CellLocation;
  /** null when the table has no such column. */
  readonly amounts: { readonly [K in AmountColumn]: AmountCell | null };
  readonly goal: { readonly text: string; readonly location: CellLocation } | null;
  readonly indicators: { readonly raw: CellValue; readonly text: string; readonly location: CellLocation } | null;
  /** Index in `PerformanceTable.rows` of the unit (or grand total) this row adds up into; null for none. */
  readonly parent: number | null;
  /** Indices in `PerformanceTable.rows` of the rows that add up into this one (units and the grand total). */
  readonly children: readonly number[];
}

export interface PerformanceTable {
  readonly sheet: string;
  /** Position among all tables of the workbook, 0-based. */
  readonly index: number;
  readonly title: string | null;
  readonly department: string | null;
  readonly unit: '万元' | '元' | null;
  /** Where 单位 was found (or the header row's first cell when missing), for unit findings. */
  readonly unitLocation: CellLocation;
  readonly headerRow: number;
  readonly headerRowCount: 1 | 2;
  readonly firstDataRow: number;
  /** Last absolute row that belongs to the table (before notes, blank tail or the next table). */
  readonly lastRow: number;
  readonly columns: TableColumns;
  /** Required headers the table lacks (name, total, goal, indicators, or every funding column). */
  readonly missingColumns: readonly HeaderKind[];
  /** Non-blank rows in sheet order. */
  readonly rows: readonly TableRow[];
  /** Index in `rows` of the 合计 row, null when the table has none. */
  readonly grandTotal: number | null;
}

export interface SheetWithoutTable {
  readonly sheet: string;
  readonly reason: 'empty' | 'no-header';
}

export interface TableReadResult {
  readonly tables: readonly PerformanceTable[];
  readonly sheetsWithoutTable: readonly SheetWithoutTable[];
}
