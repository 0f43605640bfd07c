import { summariseTable, type CheckReport, type WorkbookGrid } from '../../core';
import { isReportGrid, WorkbookError } from '../../workbook/port';
import type { CheckStage } from '../i18n';
import { formulasAfterRead, isCancelled, nextTask, type SessionShared } from './shared';
import { CHECK_SLICE_MS, SLOW_CHECK_MS, type RunningCheck } from './types';

export interface FullCheck {
  /** Reads and checks the whole workbook, then marks; `clearNotices` for a check the user asked for. */
  runCheck(clearNotices: boolean): Promise<void>;
  cancel(): void;
  dispose(): void;
}

function checkedSheets(grid: WorkbookGrid): WorkbookGrid {
  // Our report (known by its header, whatever its name) is not a 绩效目标表; a user's sheet named 校验结果 may be.
  return { sheets: grid.sheets.filter((s) => !isReportGrid(s)) };
}

/**
 * The check in slices of at most CHECK_SLICE_MS, giving the pane back between them: a big workbook
 * shows its progress, can be cancelled, and never holds the pane long enough for Office to restart it.
 */
async function checkInSlices(shared: SessionShared, workbook: WorkbookGrid, signal: AbortSignal, onProgress: (done: number, total: number) => void): Promise<CheckReport> {
  const { clock } = shared;
  const steps = shared.checker.checkWorkbookInSteps(workbook);
  let sliceStart = clock.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (clock.now() - sliceStart < CHECK_SLICE_MS) continue;
    onProgress(step.value.done, step.value.total);
    await clock.pause();
    if (signal.aborted) throw new WorkbookError('cancelled', shared.strings.cancelled);
    sliceStart = clock.now();
  }
}

/** Keeps what the re-checks after edits need of the tables the full check found. */
function keepTables(shared: SessionShared, workbook: WorkbookGrid, report: CheckReport): void {
  const { known } = shared;
  known.bySheet = new Map();
  known.onSheet = new Map();
  known.merged = new Set(workbook.sheets.filter((s) => (s.merges?.length ?? 0) > 0).map((s) => s.name));
  for (const table of report.tables) known.onSheet.set(table.sheet, [...(known.onSheet.get(table.sheet) ?? []), table]);
  for (const table of report.tables) {
    const seen = known.bySheet.get(table.sheet);
    known.bySheet.set(table.sheet, { first: seen?.first ?? table.index, count: (seen?.count ?? 0) + 1 });
  }
}

/** The full check: `afterCheck` runs when it ends (the edits made meanwhile are re-checked then). */
export function createFullCheck(shared: SessionShared, afterCheck: () => void): FullCheck {
  const { port, strings, update } = shared;
  let running: AbortController | null = null;
  let slowTimer: ReturnType<typeof setTimeout> | undefined;

  async function runCheck(clearNotices: boolean): Promise<void> {
    if (shared.state.running) return;
    const controller = new AbortController();
    running = controller;
    // The browser test counts the full checks by these marks (test/browser/page-scale.js).
    globalThis.performance?.mark?.('jixiao:full-check');
    update({ running: { stage: 'read', done: 0, total: 0, slow: false }, ...(clearNotices ? { notices: [] } : {}) });
    const setRunning = (change: Partial<RunningCheck>) => {
      if (shared.state.running) update({ running: { ...shared.state.running, ...change } });
    };
    // done/total always count the current stage's work: a new stage starts from none.
    const enterStage = (stage: CheckStage) => setRunning({ stage, done: 0, total: 0 });
    slowTimer = setTimeout(() => setRunning({ slow: true }), SLOW_CHECK_MS);
    try {
      const grid = await port.readWorkbook({
        signal: controller.signal,
        onProgress: (p) => setRunning({ done: p.done, total: p.total }),
      });
      if (controller.signal.aborted) throw new WorkbookError('cancelled', strings.cancelled);
      enterStage('check');
      await nextTask(); // lets the stage show before checking starts
      const workbook = checkedSheets(grid);
      const report = await checkInSlices(shared, workbook, controller.signal, (done, total) => setRunning({ done, total }));
      keepTables(shared, workbook, report);
      update({
        findings: report.findings,
        tables: report.tables.map(summariseTable),
        profile: report.profile,
        sheetOrder: workbook.sheets.map((s) => s.name),
        formulas: formulasAfterRead(shared.state.formulas, grid.sheets),
      });
      enterStage('mark');
      await shared.mark();
    } catch (error) {
      if (isCancelled(error)) shared.notice('info', strings.cancelled);
      else shared.fail(error);
    } finally {
      clearTimeout(slowTimer);
      running = null;
      update({ running: null });
      afterCheck();
    }
  }

  return {
    runCheck,
    cancel() {
      running?.abort();
    },
    dispose() {
      running?.abort();
      clearTimeout(slowTimer);
    },
  };
}
