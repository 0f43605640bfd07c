import { detectProfile, readSheetTables, parseRange, summariseTable, toA1, type CellEdit, type CellLocation, type Finding, type PerformanceTable, type SheetGrid } from '../../core';
import { isReportGrid, type BackgroundOptions } from '../../workbook/port';
import { formulasAfterRead, isCellEditMode, type SessionShared } from './shared';
import { CHECK_SLICE_MS, INCREMENTAL_CELL_LIMIT, type CheckState } from './types';

export interface SheetRecheck {
  /** Reads the sheet again and re-checks its tables. */
  recheckSheet(name: string): Promise<void>;
  /** Re-checks an edit through the cells it changed: reads only those, falling back to the whole sheet when needed. */
  recheckAreas(name: string, addresses: readonly string[]): Promise<void>;
  /**
   * Re-checks the pane's own write of these cells the same way (read back, then cell by cell): the state to put in
   * force, or null when only a full check can tell (a sheet with merged cells or without known tables, more than
   * INCREMENTAL_CELL_LIMIT cells, a cell that may change a table's shape, a change of the profile the tables call for).
   */
  recheckWritten(name: string, written: readonly CellLocation[], options?: BackgroundOptions): Promise<Partial<CheckState> | null>;
  /** The builder's write of these cells re-checked that way and shown, or the sheet checked again whole. */
  recheckWrittenCells(name: string, written: readonly CellLocation[]): Promise<void>;
}

/** Written cells as the areas to read back: each run of adjacent rows in one column is one read. */
export function writtenAreas(written: readonly CellLocation[]): string[] {
  const byColumn = new Map<number, number[]>();
  for (const { row, col } of written) {
    const rows = byColumn.get(col);
    if (rows) rows.push(row);
    else byColumn.set(col, [row]);
  }
  const areas: string[] = [];
  for (const [col, rows] of [...byColumn].sort(([a], [b]) => a - b)) {
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    for (let i = 0; i < sorted.length; i++) {
      const first = sorted[i] as number;
      let last = first;
      while (sorted[i + 1] === last + 1) last = sorted[++i] as number;
      areas.push(first === last ? toA1(first, col) : `${toA1(first, col)}:${toA1(last, col)}`);
    }
  }
  return areas;
}

/** The one table whose data rows hold `row`; null when none does, or when two side by side do. */
function tableAtRow(tables: readonly PerformanceTable[], row: number): PerformanceTable | null {
  const holding = tables.filter((t) => t.firstDataRow <= row && row <= t.lastRow);
  return holding.length === 1 ? (holding[0] as PerformanceTable) : null;
}

/** Every cell of the areas read, as edits by absolute position. */
function editsOf(areas: readonly SheetGrid[]): CellEdit[] {
  return areas.flatMap((area) => area.values.flatMap((line, r) => line.map((value, c) => ({ row: area.originRow + r, col: area.originCol + c, value }))));
}

/**
 * The edited tables with these cells changed, re-checked a batch of cells at a time, giving the pane back after
 * CHECK_SLICE_MS; null when an edit may change a table's shape (or lies outside every table): only a read of the
 * sheet can tell.
 */
async function recheckInSlices(shared: SessionShared, name: string, edits: readonly CellEdit[]): Promise<{ tables: PerformanceTable[]; findings: Finding[] } | null> {
  const { clock, known } = shared;
  const tables = [...(known.onSheet.get(name) ?? [])];
  const findings = new Map(tables.map((t) => [t.index, (shared.state.findings ?? []).filter((f) => f.table === t.index && f.location.sheet === name)]));
  const byTable = new Map<PerformanceTable, CellEdit[]>();
  for (const edit of edits) {
    const table = tableAtRow(tables, edit.row);
    if (!table) return null;
    const ofTable = byTable.get(table);
    if (ofTable) ofTable.push(edit);
    else byTable.set(table, [edit]);
  }
  let sliceStart = clock.now();
  for (const [first, tableEdits] of byTable) {
    let table = first;
    // Each batch costs the table's sums once: batches grow eightfold (1, 8, 64…), so a few passes cover hundreds
    // of cells, yet a big table still gives the pane back between them.
    for (let from = 0, size = 1; from < tableEdits.length; from += size, size *= 8) {
      const rechecked = shared.checker.recheckEdits(table, findings.get(table.index) ?? [], tableEdits.slice(from, from + size));
      if (!rechecked) return null;
      tables[tables.indexOf(table)] = rechecked.table;
      table = rechecked.table;
      findings.set(table.index, rechecked.findings);
      if (clock.now() - sliceStart < CHECK_SLICE_MS) continue;
      await clock.pause();
      sliceStart = clock.now();
    }
  }
  return { tables, findings: [...findings.values()].flat() };
}

/**
 * The re-checks of one edited sheet; a sheet found with the user typing in a cell is added to `pendingSheets`.
 * `runCheck` is the full check, for a change of the profile the tables call for (only it puts another in force).
 */
export function createSheetRecheck(shared: SessionShared, pendingSheets: Set<string>, runCheck: (clearNotices: boolean) => Promise<void>): SheetRecheck {
  const { port, update, known } = shared;

  async function recheckSheet(name: string): Promise<void> {
    if (shared.state.findings === null) return;
    try {
      const sheet = await port.readSheet(name, { background: true });
      if (isReportGrid(sheet)) return;
      update({ formulas: formulasAfterRead(shared.state.formulas, [sheet]) });
      const previous = known.bySheet.get(name);
      let tableCount = 0;
      for (const [sheetName, t] of known.bySheet) if (sheetName !== name) tableCount += t.count;
      const tables = readSheetTables(sheet, previous?.first ?? tableCount, { taxonomy: shared.checker.taxonomy });
      if (callsForAnotherProfile(name, tables)) return await runCheck(false);
      const fresh = tables.flatMap((t) => shared.checker.checkTable(t));
      known.onSheet.set(name, tables);
      if ((sheet.merges?.length ?? 0) > 0) known.merged.add(name);
      else known.merged.delete(name);
      if (tables.length > 0) known.bySheet.set(name, { first: tables[0]?.index ?? 0, count: tables.length });
      else known.bySheet.delete(name);
      const current = shared.state.findings ?? [];
      const stillNoTables = tableCount + tables.length === 0;
      // Workbook-level findings (only "no table anywhere") stay while the workbook still has no table.
      const kept = current.filter((f) => (f.table === undefined ? stillNoTables : f.location.sheet !== name));
      const order = shared.state.sheetOrder;
      const tableSummaries = [...shared.state.tables.filter((t) => t.sheet !== name), ...tables.map(summariseTable)].sort((a, b) => order.indexOf(a.sheet) - order.indexOf(b.sheet));
      // A workbook-level finding that came or went may sit on another sheet: its marks change too.
      const workbookLevel = [...current, ...kept].filter((f) => f.table === undefined).map((f) => f.location.sheet);
      update({ findings: [...kept, ...fresh], tables: tableSummaries });
      if (shared.state.autoMark && !(await shared.mark({ sheets: [...new Set([name, ...workbookLevel])], background: true }))) pendingSheets.add(name);
    } catch (error) {
      // The user is typing in a cell: re-checked after the next edit, without a notice.
      if (isCellEditMode(error)) pendingSheets.add(name);
      else shared.fail(error);
    }
  }

  /** What the cell-by-cell re-check of `areas` found, in place of what the sheet's tables held before. */
  function recheckedState(name: string, areas: readonly SheetGrid[], edits: readonly CellEdit[], rechecked: { tables: PerformanceTable[]; findings: Finding[] }): Partial<CheckState> {
    known.onSheet.set(name, rechecked.tables);
    const edited = new Set(edits.map((e) => `${name}!${toA1(e.row, e.col)}`));
    const formulas = new Map([...shared.state.formulas].filter(([key]) => !edited.has(key)));
    for (const area of areas) for (const [cell, formula] of area.formulas ?? []) formulas.set(`${name}!${cell}`, formula);
    const indexes = new Set(rechecked.tables.map((t) => t.index));
    const kept = (shared.state.findings ?? []).filter((f) => f.location.sheet !== name || f.table === undefined || !indexes.has(f.table));
    const summaries = new Map(rechecked.tables.map((t) => summariseTable(t)).map((t) => [t.cell, t]));
    const tables = shared.state.tables.map((t) => (t.sheet === name ? (summaries.get(t.cell) ?? t) : t));
    return { findings: [...kept, ...rechecked.findings], tables, formulas };
  }

  /** Re-checks an edit through the cells it changed: reads only those, falling back to the whole sheet when needed. */
  async function recheckAreas(name: string, addresses: readonly string[]): Promise<void> {
    if (shared.state.findings === null) return;
    const cells = addresses.reduce((sum, a) => {
      const area = parseRange(a);
      return sum + (area ? area.rowCount * area.colCount : Infinity);
    }, 0);
    if (!known.onSheet.has(name) || known.merged.has(name) || cells > INCREMENTAL_CELL_LIMIT) return recheckSheet(name);
    return applyIncremental(name, async () => {
      const areas = await port.readAreas(name, addresses, { background: true });
      const edits = editsOf(areas);
      const rechecked = await recheckInSlices(shared, name, edits);
      return rechecked && !callsForAnotherProfile(name, rechecked.tables) ? recheckedState(name, areas, edits, rechecked) : null;
    });
  }

  /** Re-checks cells the builder wrote through those cells, as a fix is; the sheet read whole when only that can tell. */
  async function recheckWrittenCells(name: string, cells: readonly CellLocation[]): Promise<void> {
    if (shared.state.findings === null) return;
    return applyIncremental(name, () => recheckWritten(name, cells, { background: true }));
  }

  /** Shows a cell-by-cell re-check's result and marks it; without one (null), the sheet is checked again whole. */
  async function applyIncremental(name: string, recheck: () => Promise<Partial<CheckState> | null>): Promise<void> {
    try {
      const change = await recheck();
      if (!change) return await recheckSheet(name);
      update(change);
      if (shared.state.autoMark && !(await shared.mark({ sheets: [name], background: true }))) pendingSheets.add(name);
    } catch (error) {
      // The user is typing in a cell: re-checked after the next edit, without a notice.
      if (isCellEditMode(error)) pendingSheets.add(name);
      else shared.fail(error);
    }
  }

  /** The tables the pane knows, in workbook order, with this sheet's replaced by `tables`. */
  function tablesWith(name: string, tables: readonly PerformanceTable[]): PerformanceTable[] {
    return shared.state.sheetOrder.flatMap((sheet) => (sheet === name ? tables : (known.onSheet.get(sheet) ?? [])));
  }

  /** Under 自动, whether the sheet's tables as now read call for other rules (Guangzhou's coded string, or not): a full check. */
  function callsForAnotherProfile(name: string, tables: readonly PerformanceTable[]): boolean {
    return shared.state.profileChoice === 'auto' && detectProfile(tablesWith(name, tables)).profile !== shared.checker.profile;
  }

  async function recheckWritten(name: string, written: readonly CellLocation[], options: BackgroundOptions = {}): Promise<Partial<CheckState> | null> {
    if (shared.state.findings === null || !known.onSheet.has(name) || known.merged.has(name) || written.length > INCREMENTAL_CELL_LIMIT) return null;
    const areas = await port.readAreas(name, writtenAreas(written), options);
    const edits = editsOf(areas);
    const rechecked = await recheckInSlices(shared, name, edits);
    if (!rechecked || callsForAnotherProfile(name, rechecked.tables)) return null;
    return recheckedState(name, areas, edits, rechecked);
  }

  return { recheckSheet, recheckAreas, recheckWritten, recheckWrittenCells };
}
