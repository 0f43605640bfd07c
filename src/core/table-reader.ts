import type { SheetGrid, WorkbookGrid } from './grid';
import { readDepartmentTables } from './readers/department';
import { readForms } from './readers/forms';
import { readHeaderTables } from './readers/header-table';
import { sheetIsEmpty } from './readers/sheet-text';
import type { LayoutKind, PerformanceTable, SheetWithoutTable, TableReadResult } from './table-model';
import { DEFAULT_TAXONOMY, type Taxonomy } from './taxonomy';

export { isHeaderCell } from './readers/headers';
export { METADATA_REACH } from './readers/header-table';
export { isGrandTotalName, isNoteText, leadingIndent } from './readers/sheet-text';

export interface ReadOptions {
  /** Resolves the level names of indicators read from their own cells (the profile's taxonomy). */
  readonly taxonomy?: Taxonomy;
}

/** Every layout a sheet is read for, in the order they are tried: what a "no table" message names. */
export const LAYOUTS_LOOKED_FOR: readonly LayoutKind[] = ['one-cell', 'row-per-indicator', 'form', 'department'];

/** Every 绩效目标表 in the workbook, whatever its layout; sheets without one are listed with the reason. */
export function readTables(workbook: WorkbookGrid, options: ReadOptions = {}): TableReadResult {
  const tables: PerformanceTable[] = [];
  const sheetsWithoutTable: SheetWithoutTable[] = [];
  for (const sheet of workbook.sheets) {
    const found = readSheetTables(sheet, tables.length, options);
    if (found.length > 0) tables.push(...found);
    else sheetsWithoutTable.push({ sheet: sheet.name, reason: sheetIsEmpty(sheet) ? 'empty' : 'no-header' });
  }
  return { tables, sheetsWithoutTable };
}

/** The tables of one sheet, numbered from `firstIndex`. */
export function readSheetTables(sheet: SheetGrid, firstIndex: number, options: ReadOptions = {}): PerformanceTable[] {
  const taxonomy = options.taxonomy ?? DEFAULT_TAXONOMY;
  const tables = readHeaderTables(sheet, firstIndex, taxonomy);
  // The other layouts are read from the rows no header-based table holds.
  const taken = (row: number) => tables.some((t) => row >= t.headerRow && row <= t.lastRow);
  const forms = readForms(sheet, firstIndex + tables.length, taxonomy, taken);
  tables.push(...forms);
  if (forms.length === 0) tables.push(...readDepartmentTables(sheet, firstIndex + tables.length, taxonomy, taken));
  return tables.sort((a, b) => a.headerRow - b.headerRow).map((t, i) => (t.index === firstIndex + i ? t : { ...t, index: firstIndex + i }));
}
