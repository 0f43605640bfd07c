import {
  cellText,
  locate,
  parseIndicators,
  readSheetTables,
  type CellLocation,
  type CellValue,
  type PerformanceTable,
  type SheetGrid,
  type TableRow,
  type Taxonomy,
} from '../../core';

interface TargetBase {
  /** Where the editor says it is editing: the 绩效指标 cell, or the project's name cell. */
  readonly location: CellLocation;
  readonly projectName: string;
  readonly goal: string;
  readonly table: PerformanceTable;
}

/** The 绩效指标 cell of a project (one cell per project): its text is rewritten whole. */
export interface CellTarget extends TargetBase {
  readonly kind: 'cell';
  /** The cell's value as read: the guard for writing. */
  readonly raw: CellValue;
  readonly text: string;
}

/** A project whose indicators have rows of their own (a row per indicator, a form): its rows are rewritten. */
export interface BlockTarget extends TargetBase {
  readonly kind: 'block';
  /** The sheet as read: the guard for the block's cells and merged areas. */
  readonly sheet: SheetGrid;
  readonly row: TableRow;
}

export type IndicatorTarget = CellTarget | BlockTarget;

/**
 * The project the selected cell belongs to: its 绩效指标 cell in the one-cell layout; in the others any cell
 * of the project's rows (a row per indicator) or of its form. Null when the cell belongs to no project.
 */
export function findIndicatorTarget(sheet: SheetGrid, location: CellLocation, taxonomy?: Taxonomy): IndicatorTarget | null {
  for (const table of readSheetTables(sheet, 0, taxonomy ? { taxonomy } : {})) {
    if (table.layout === 'one-cell') {
      if (table.columns.indicators !== location.col) continue;
      const row = table.rows.find((r) => r.kind === 'project' && r.row === location.row);
      if (!row?.indicators) continue;
      return { kind: 'cell', location: row.indicators.location, raw: row.indicators.raw, text: cellText(row.indicators.raw), projectName: row.name, goal: row.goal?.text ?? '', table };
    }
    if (table.layout === 'department') continue;
    const row = table.rows.find((r) => r.kind === 'project' && r.block && location.row >= (table.layout === 'form' ? table.headerRow : r.row) && location.row <= r.block.lastRow);
    if (!row) continue;
    return { kind: 'block', location: row.nameLocation, projectName: row.name, goal: row.goal?.text ?? '', table, sheet, row };
  }
  return null;
}

/** The project's rows as the editor names them: "第 6–20 行". */
export function blockRows(target: BlockTarget): { first: number; last: number } {
  return { first: (target.row.block?.firstRow ?? target.row.row) + 1, last: (target.row.block?.lastRow ?? target.row.row) + 1 };
}

/** The cell a block target is found again at, after its rows moved (its name cell does not move). */
export function targetAnchor(target: IndicatorTarget): CellLocation {
  return target.kind === 'cell' ? target.location : locate(target.location.sheet, target.row.row, target.location.col);
}

/** One cell of 规范整列: its text now and its canonical text. */
export interface ColumnChange {
  readonly location: CellLocation;
  readonly project: string;
  readonly raw: CellValue;
  readonly before: string;
  readonly after: string;
}

export interface ColumnNormalisation {
  readonly changes: readonly ColumnChange[];
  /** Non-empty cells that cannot be rebuilt without guessing (missing parts, unreadable text). */
  readonly skipped: number;
}

/**
 * The 绩效指标 cells of a table that are not canonical but can be made so — the same canonical
 * text the checker's indicators.format fix writes.
 */
export function normaliseColumn(table: PerformanceTable, taxonomy: Taxonomy): ColumnNormalisation {
  const changes: ColumnChange[] = [];
  let skipped = 0;
  for (const row of table.rows) {
    if (row.kind !== 'project' || !row.indicators) continue;
    const before = cellText(row.indicators.raw);
    if (before.trim() === '') continue;
    const canonical = parseIndicators(before, taxonomy).canonical;
    if (canonical === null) skipped++;
    else if (canonical !== before) changes.push({ location: row.indicators.location, project: row.name, raw: row.indicators.raw, before, after: canonical });
  }
  return { changes, skipped };
}
