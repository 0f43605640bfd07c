import { parseRange, type CellLocation } from '../../core';
import { REPORT_SHEET_NAME, type WriteResult } from '../../workbook/port';
import { createSheetRecheck } from './sheet-recheck';
import type { SessionShared } from './shared';
import { RECHECK_DELAY_MS } from './types';

/** What the user (or the builder) changed since the last check, re-checked once the user pauses. */
export interface EditRecheck {
  /** The workbook's change event; `reportSheet` is the sheet 导出报告 last wrote, never re-checked. */
  cellsChanged(sheet: string, address: string, reportSheet: string | null): void;
  /** The builder's write; `rowsMoved` when it inserted or deleted rows (a block rewrite, or its undo). */
  wrote(result: WriteResult, reportSheet: string | null, rowsMoved: boolean): void;
  renameSheet(from: string, to: string): void;
  /** A full check ended: the edits made meanwhile are re-checked now. */
  afterCheck(): void;
  dispose(): void;
}

/** `runCheck` is the full check, for edits only a read of the whole workbook can tell about. */
export function createEditRecheck(shared: SessionShared, runCheck: (clearNotices: boolean) => Promise<void>): EditRecheck {
  const { update, known } = shared;
  let recheckTimer: ReturnType<typeof setTimeout> | undefined;
  const pendingSheets = new Set<string>();
  /** Sheet → the areas the user edited there, re-checked through those cells only (a sheet in pendingSheets is read whole). */
  const pendingAreas = new Map<string, string[]>();
  /** Sheet → the cells the builder wrote there, re-checked through those cells as a fix is. */
  const pendingWrites = new Map<string, CellLocation[]>();
  let recheckQueue: Promise<void> = Promise.resolve();
  const { recheckSheet, recheckAreas, recheckWrittenCells } = createSheetRecheck(shared, pendingSheets, runCheck);

  function scheduleRecheck(): void {
    clearTimeout(recheckTimer);
    recheckTimer = setTimeout(() => {
      // A running check may have read the sheet before the edit: re-check once it is done.
      if (shared.state.running) return;
      const sheets = [...pendingSheets];
      const areas = [...pendingAreas].filter(([sheet]) => !pendingSheets.has(sheet));
      const writes = [...pendingWrites].filter(([sheet]) => !pendingSheets.has(sheet));
      pendingSheets.clear();
      pendingAreas.clear();
      pendingWrites.clear();
      // A sheet the last check did not see (added, or renamed where Excel sends no rename event): only a full
      // check can tell what the workbook now holds, and which sheet names are gone.
      const unseen = [...sheets, ...areas.map(([sheet]) => sheet), ...writes.map(([sheet]) => sheet)].some((sheet) => !shared.state.sheetOrder.includes(sheet));
      if (unseen) {
        recheckQueue = recheckQueue.then(() => runCheck(false));
        return;
      }
      for (const sheet of sheets) recheckQueue = recheckQueue.then(() => recheckSheet(sheet));
      for (const [sheet, addresses] of areas) recheckQueue = recheckQueue.then(() => recheckAreas(sheet, addresses));
      for (const [sheet, cells] of writes) recheckQueue = recheckQueue.then(() => recheckWrittenCells(sheet, cells));
    }, RECHECK_DELAY_MS);
  }

  /** A renamed sheet: what the pane knew of it under its old name goes, and it is re-checked under the new one. */
  function renameSheet(from: string, to: string): void {
    if (shared.state.findings === null) return;
    const ofOther = (key: string) => !key.startsWith(`${from}!`);
    known.bySheet.delete(from);
    update({
      findings: shared.state.findings.filter((f) => f.location.sheet !== from),
      tables: shared.state.tables.filter((t) => t.sheet !== from),
      sheetOrder: shared.state.sheetOrder.map((name) => (name === from ? to : name)),
      formulas: new Map([...shared.state.formulas].filter(([key]) => ofOther(key))),
      ...(shared.state.selected?.sheet === from ? { selected: { ...shared.state.selected, sheet: to } } : {}),
    });
    pendingSheets.delete(from);
    if (to === REPORT_SHEET_NAME) return void shared.mark({ background: true });
    pendingSheets.add(to);
    scheduleRecheck();
  }

  return {
    cellsChanged(sheet, address, reportSheet) {
      if (shared.state.findings === null || sheet === reportSheet) return;
      // Without an address (or with one naming whole rows) only a read of the sheet can tell what changed.
      if (parseRange(address) === null) pendingSheets.add(sheet);
      else pendingAreas.set(sheet, [...(pendingAreas.get(sheet) ?? []), address]);
      scheduleRecheck();
    },
    wrote(result, reportSheet, rowsMoved) {
      if (shared.state.findings === null || result.written.length === 0) return;
      for (const location of result.written) {
        if (location.sheet === reportSheet) continue;
        // Rows moved, or a cell changed since the builder read it (the pane's view may be stale): the sheet is read whole.
        if (rowsMoved || result.conflicts.length > 0) pendingSheets.add(location.sheet);
        else pendingWrites.set(location.sheet, [...(pendingWrites.get(location.sheet) ?? []), location]);
      }
      scheduleRecheck();
    },
    renameSheet,
    afterCheck() {
      if (pendingSheets.size > 0 || pendingAreas.size > 0 || pendingWrites.size > 0) scheduleRecheck();
    },
    dispose() {
      clearTimeout(recheckTimer);
      pendingSheets.clear();
      pendingAreas.clear();
      pendingWrites.clear();
    },
  };
}
