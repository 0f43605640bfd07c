import type { CellLocation, Fix } from '../../core';
import type { WriteResult } from '../../workbook/port';
import { createSheetRecheck } from './sheet-recheck';
import type { SessionShared } from './shared';

export interface Writes {
  applyFixes(fixes: readonly Fix[], replacing?: ReadonlyMap<string, string>): Promise<void>;
  undo(): Promise<void>;
  clearMarks(): Promise<void>;
}

/** Fixes, their undo and clearing the marks; `runCheck` checks again after a fix or undo that may change a table's shape. */
export function createWrites(shared: SessionShared, runCheck: (clearNotices: boolean) => Promise<void>): Writes {
  const { port, strings, update, notice, fail } = shared;
  const { recheckWritten } = createSheetRecheck(shared, new Set(), runCheck);

  /**
   * Re-checks what the write touched as an edit is (the written cells read back, then cell by cell), marking only
   * those sheets. The whole workbook when `moved` (rows moved), when a cell had changed since the pane read it
   * (its view is stale), or when a written cell may change a table's shape. The pane stays busy until then (no
   * second fix on findings about to change), and its findings and `writing` change in the same task (one render).
   */
  async function recheckWrite(result: WriteResult, moved: boolean, release: () => void): Promise<void> {
    const { written } = result;
    // A full check shows its own progress: nothing of it is held.
    const fullCheck = async () => {
      update({ writing: false });
      release();
      await runCheck(false);
    };
    try {
      if (moved || result.conflicts.length > 0) return await fullCheck();
      const bySheet = new Map<string, CellLocation[]>();
      for (const location of written) {
        const cells = bySheet.get(location.sheet);
        if (cells) cells.push(location);
        else bySheet.set(location.sheet, [location]);
      }
      if (bySheet.size === 0) return;
      if (shared.state.running) return await fullCheck();
      for (const [sheet, cells] of bySheet) {
        const change = await recheckWritten(sheet, cells);
        // A sheet found to need a full check leaves the sheets re-checked before it to the full check too.
        if (!change) return await fullCheck();
        update(change);
      }
      // The browser test counts what settling re-checked by these marks (test/browser/page-scale.js).
      globalThis.performance?.mark?.('jixiao:write-recheck', { detail: { cells: written.length } });
      update({ writing: false });
      await shared.mark({ sheets: [...bySheet.keys()] });
    } catch (error) {
      fail(error);
    } finally {
      if (shared.state.writing) update({ writing: false });
    }
  }

  /** Runs a write and its re-check with the pane's renders held (shared.hold) until it settles. */
  async function held(work: (release: () => void) => Promise<void>): Promise<void> {
    const release = shared.hold();
    try {
      await work(release);
    } finally {
      release();
    }
  }

  return {
    applyFixes: (fixes, replacing) =>
      held(async (release) => {
        const writes = fixes.map((f) => {
          const formula = replacing?.get(`${f.location.sheet}!${f.location.cell}`);
          return { location: f.location, expected: f.expected, value: f.value, ...(formula !== undefined ? { replacesFormula: formula } : {}), ...(f.formula !== undefined ? { formula: f.formula } : {}) };
        });
        const result = await write(shared, () => port.writeCells(writes), strings.fixed);
        if (!result) return;
        // A fix that wrote a formula (a total corrected to add the cells it missed): the cell holds that formula now.
        const written = new Set(result.written.map((l) => `${l.sheet}!${l.cell}`));
        const wrote = fixes.flatMap((f) => (f.formula !== undefined && written.has(`${f.location.sheet}!${f.location.cell}`) ? [[`${f.location.sheet}!${f.location.cell}`, f.formula] as const] : []));
        if (wrote.length > 0) update({ formulas: new Map([...shared.state.formulas, ...wrote]) });
        if (result.undo) update({ lastUndo: result.undo });
        await recheckWrite(result, false, release);
      }),

    undo: () =>
      held(async (release) => {
        const record = shared.state.lastUndo;
        if (!record) return;
        const result = await write(shared, () => port.undo(record), strings.undone);
        if (!result) return;
        const written = new Set(result.written.map((l) => `${l.sheet}!${l.cell}`));
        const restored = record.restores.flatMap((r) => (r.formula !== undefined && written.has(`${r.location.sheet}!${r.location.cell}`) ? [[`${r.location.sheet}!${r.location.cell}`, r.formula] as const] : []));
        if (restored.length > 0) update({ formulas: new Map([...shared.state.formulas, ...restored]) });
        update({ lastUndo: null });
        await recheckWrite(result, (record.blocks?.length ?? 0) > 0, release);
      }),

    async clearMarks() {
      if (!shared.beginWrite()) return;
      try {
        await port.clearMarks();
        notice('success', strings.marksCleared);
      } catch (error) {
        fail(error);
      } finally {
        update({ writing: false });
      }
    },
  };
}

/**
 * Runs one write with the pane busy, telling what it wrote, what it refused (cells changed since read) and what it
 * learnt of formulas; null when it failed, or did not start because another write is in progress.
 */
async function write(shared: SessionShared, action: () => Promise<WriteResult>, done: (count: number) => string): Promise<WriteResult | null> {
  const { strings, update, notice, fail } = shared;
  if (!shared.beginWrite()) return null;
  try {
    const result = await action();
    if (result.written.length > 0) notice('success', done(result.written.length));
    // Written cells hold what was written: a formula only if the write put one back (undo adds those below).
    const written = new Set(result.written.map((l) => `${l.sheet}!${l.cell}`));
    if ([...shared.state.formulas.keys()].some((key) => written.has(key))) update({ formulas: new Map([...shared.state.formulas].filter(([key]) => !written.has(key))) });
    if (result.conflicts.length > 0) {
      notice('warning', result.conflicts.map((c) => (c.formula ? strings.formulaConflict(c.location.cell, c.formula) : strings.conflict(c.location.cell))).join('\n'));
      // A formula the read did not report (the Office adapter reads values only): the next preview shows it.
      const learnt = result.conflicts.flatMap((c) => (c.formula ? [[`${c.location.sheet}!${c.location.cell}`, c.formula] as const] : []));
      if (learnt.length > 0) update({ formulas: new Map([...shared.state.formulas, ...learnt]) });
    }
    return result;
  } catch (error) {
    fail(error);
    update({ writing: false });
    return null;
  }
}
