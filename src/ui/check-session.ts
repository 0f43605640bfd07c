import { builtInProfile, createChecker, type Checker, type Locale } from '../core';
import type { Unsubscribe, WorkbookPort, WriteResult } from '../workbook/port';
import { createEditRecheck } from './check-session/edit-recheck';
import { createFullCheck } from './check-session/full-check';
import { createIgnores } from './check-session/ignores';
import { createReportWriter } from './check-session/report';
import { createShared } from './check-session/shared';
import { AUTO_MARK_KEY, type CheckSession, type CheckSessionOptions } from './check-session/types';
import { createWrites } from './check-session/writes';

// The session's jobs live in check-session/, each made by a factory from one shared object (state, notices, port).
export {
  AUTO_MARK_KEY,
  CHECK_SLICE_MS,
  INCREMENTAL_CELL_LIMIT,
  MAX_NOTICES,
  RECHECK_DELAY_MS,
  SLOW_CHECK_MS,
  type CheckSession,
  type CheckSessionOptions,
  type CheckState,
  type Notice,
  type NoticeIntent,
  type RunningCheck,
  type SliceClock,
} from './check-session/types';

export function createCheckSession(port: WorkbookPort, givenChecker: Checker, locale: Locale, options: CheckSessionOptions = {}): CheckSession {
  const shared = createShared(port, givenChecker, locale, options);
  const { update, fail } = shared;
  const fullCheck = createFullCheck(shared, () => edits.afterCheck());
  const edits = createEditRecheck(shared, fullCheck.runCheck);
  const ignores = createIgnores(shared);
  const writes = createWrites(shared, fullCheck.runCheck);
  const report = createReportWriter(shared);
  let unsubscribes: Unsubscribe[] = [];
  let active = false;

  return {
    getState: () => shared.state,

    subscribe(listener) {
      shared.listeners.add(listener);
      return () => shared.listeners.delete(listener);
    },

    start() {
      if (active) return;
      active = true;
      unsubscribes = [
        port.onSelectionChanged((cell) => update({ selected: cell?.location ?? null })),
        port.onCellsChanged((sheet, address) => edits.cellsChanged(sheet, address, report.reportSheet())),
        ...(port.onSheetRenamed ? [port.onSheetRenamed(edits.renameSheet)] : []),
      ];
      ignores.load(() => active);
    },

    dispose() {
      active = false;
      for (const unsubscribe of unsubscribes) unsubscribe();
      unsubscribes = [];
      fullCheck.dispose();
      edits.dispose();
    },

    check: () => fullCheck.runCheck(true),

    wrote(result: WriteResult, rowsMoved = false) {
      edits.wrote(result, report.reportSheet(), rowsMoved);
    },

    async chooseProfile(choice) {
      const profile = choice === 'auto' ? undefined : builtInProfile(choice);
      if (choice !== 'auto' && !profile) return;
      shared.checker = createChecker(profile ? { profile } : {});
      update({ profileChoice: choice });
      if (shared.state.findings !== null) await fullCheck.runCheck(false);
    },

    cancel: () => fullCheck.cancel(),

    async selectFinding(finding) {
      try {
        await port.selectCell(finding.location);
      } catch (error) {
        fail(error);
      }
    },

    clearMarks: writes.clearMarks,
    ignore: ignores.ignore,
    unignore: ignores.unignore,
    applyFixes: writes.applyFixes,
    undo: writes.undo,
    exportReport: report.exportReport,
    convertTable: report.convertTable,

    setAutoMark(on) {
      update({ autoMark: on });
      try {
        shared.settings?.setItem(AUTO_MARK_KEY, on ? 'on' : 'off');
      } catch {
        // Storage refused: the choice holds for this session.
      }
    },

    dismissNotice(id) {
      update({ notices: shared.state.notices.filter((n) => n.id !== id) });
    },
  };
}

/**
 * The port as the builder gets it: every write it makes is told to `onWrite` (the check session re-checks), with
 * `rowsMoved` when it inserted or deleted rows (a block rewrite or the undo of one).
 */
export function portReportingWrites(port: WorkbookPort, onWrite: (result: WriteResult, rowsMoved: boolean) => void): WorkbookPort {
  const reported = async (pending: Promise<WriteResult>, rowsMoved: boolean): Promise<WriteResult> => {
    const result = await pending;
    onWrite(result, rowsMoved);
    return result;
  };
  return {
    ...port,
    writeCells: (writes) => reported(port.writeCells(writes), false),
    rewriteBlock: (rewrite) => reported(port.rewriteBlock(rewrite), true),
    undo: (record) => reported(port.undo(record), (record.blocks?.length ?? 0) > 0),
  };
}
