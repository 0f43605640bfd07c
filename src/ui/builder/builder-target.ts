import { cellText, parseIndicators, readSheetTables, type CellLocation, type CellValue, type PerformanceTable, type SheetGrid, type Taxonomy } from '../../core';

/** The 绩效指标 cell of one project, as read from the sheet. */
export interface IndicatorTarget {
  readonly location: CellLocation;
  /** The cell's value as read: the guard for writing. */
  readonly raw: CellValue;
  readonly text: string;
  readonly projectName: string;
  readonly goal: string;
  readonly table: PerformanceTable;
}

/** The project whose 绩效指标 cell is at `location`, or null when that cell is not one. */
export function findIndicatorTarget(sheet: SheetGrid, location: CellLocation): IndicatorTarget | null {
  for (const table of readSheetTables(sheet, 0)) {
    if (table.columns.indicators !== location.col) continue;
    const row = table.rows.find((r) => r.kind === 'project' && r.row === location.row);
    if (!row?.indicators) continue;
    return {
      location: row.indicators.location,
      raw: row.indicators.raw,
      text: cellText(row.indicators.raw),
      projectName: row.name,
      goal: row.goal?.text ?? '',
      table,
    };
  }
  return null;
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
