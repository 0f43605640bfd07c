import type { Checker, Locale, PerformanceTable, SheetGrid } from '../../core';
import { WorkbookError, workbookErrorMessage, type MarkOptions, type WorkbookPort } from '../../workbook/port';
import { activeFindings } from '../finding-view';
import { uiStrings, type UiStrings } from '../i18n';
import { AUTO_MARK_KEY, INITIAL_STATE, MAX_NOTICES, type CheckSessionOptions, type CheckState, type NoticeIntent, type SliceClock } from './types';

/**
 * The formulas of `sheets` by "Sheet!A1". A sheet read without them (the Office adapter reads values only) keeps
 * those `known`, learnt from refused fixes, so that the next preview shows them.
 */
export function formulasAfterRead(known: ReadonlyMap<string, string>, sheets: readonly SheetGrid[]): ReadonlyMap<string, string> {
  const names = new Set(sheets.filter((s) => s.formulas !== undefined).map((s) => s.name));
  const next = new Map([...known].filter(([key]) => !names.has(key.slice(0, key.lastIndexOf('!')))));
  for (const sheet of sheets) for (const [cell, formula] of sheet.formulas ?? []) next.set(`${sheet.name}!${cell}`, formula);
  return next;
}

export function describeError(error: unknown, strings: UiStrings, locale: Locale): string {
  if (error instanceof WorkbookError) return workbookErrorMessage(error, locale);
  return strings.unexpectedError(error instanceof Error ? error.message : String(error));
}

export function isCellEditMode(error: unknown): boolean {
  return error instanceof WorkbookError && error.code === 'cell-edit-mode';
}

export function isCancelled(error: unknown): boolean {
  return error instanceof WorkbookError && error.code === 'cancelled';
}

export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Storage may refuse (private mode, policies): the setting then lasts for the session. */
function readSetting(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

const WALL_CLOCK: SliceClock = { now: () => Date.now(), pause: nextTask };

/** The tables the pane knows of each sheet, kept by the full check and the edit re-checks. */
export interface KnownTables {
  /** Tables found per sheet by the last check, to keep table numbers and the workbook-level finding right. */
  bySheet: Map<string, { first: number; count: number }>;
  /** The tables of each sheet as last read. */
  onSheet: Map<string, readonly PerformanceTable[]>;
  /** The sheets with merged areas (their edits re-read the sheet). */
  merged: Set<string>;
}

/** What every job of the check session shares: created once per session and handed to each job's factory. */
export interface SessionShared {
  readonly port: WorkbookPort;
  readonly locale: Locale;
  readonly strings: UiStrings;
  readonly clock: SliceClock;
  readonly settings: Storage | null;
  /** Replaced when the user chooses another profile: read it at each use. */
  checker: Checker;
  readonly state: CheckState;
  readonly listeners: Set<() => void>;
  readonly known: KnownTables;
  update(change: Partial<CheckState>): void;
  /**
   * Holds the listeners' calls until the returned release (or the next task, so that a slow host still shows
   * busy): a write that settles within one task is shown in one render, not one per step.
   */
  hold(): () => void;
  /**
   * Marks a write (fix, undo, report, conversion, clearing marks) in progress; false, changing nothing, while one
   * already is: a second click in the same task as the first comes before the buttons re-render disabled, and its
   * write found every cell the first had written changed since it was read and warned about each.
   */
  beginWrite(): boolean;
  notice(intent: NoticeIntent, text: string): void;
  fail(error: unknown): void;
  /**
   * Marks the findings; with `sheets` (after an edit) only those sheets' marks are written, so the other sheets and
   * their undo stay as they are. False when a background run found the user typing in a cell (hosts that cannot
   * hold it until the edit ends): no notice, as the edit's own change event brings the next try.
   */
  mark(options?: MarkOptions): Promise<boolean>;
}

export function createShared(port: WorkbookPort, givenChecker: Checker, locale: Locale, options: CheckSessionOptions): SessionShared {
  const strings = uiStrings(locale);
  const settings = options.settings ?? null;
  let state: CheckState = { ...INITIAL_STATE, autoMark: readSetting(settings, AUTO_MARK_KEY) !== 'off' };
  const listeners = new Set<() => void>();
  let noticeCount = 0;
  let holds = 0;
  // The held change's next-task call; null when nothing waits.
  let pending: ReturnType<typeof setTimeout> | null = null;
  const notify = () => {
    if (pending !== null) clearTimeout(pending);
    pending = null;
    for (const listener of [...listeners]) listener();
  };
  const shared: SessionShared = {
    port,
    locale,
    strings,
    clock: options.clock ?? WALL_CLOCK,
    settings,
    checker: givenChecker,
    get state() {
      return state;
    },
    listeners,
    known: { bySheet: new Map(), onSheet: new Map(), merged: new Set() },
    update(change) {
      state = { ...state, ...change };
      if (holds === 0) notify();
      else pending ??= setTimeout(notify, 0);
    },
    beginWrite() {
      if (state.writing) return false;
      shared.update({ writing: true });
      return true;
    },
    hold() {
      holds++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds--;
        if (holds === 0 && pending !== null) notify();
      };
    },
    notice(intent, text) {
      // The newest replace the oldest: notices never pile up above the findings.
      shared.update({ notices: [...state.notices, { id: ++noticeCount, intent, text }].slice(-MAX_NOTICES) });
    },
    fail(error) {
      shared.notice(isCancelled(error) ? 'info' : 'error', describeError(error, strings, locale));
    },
    async mark(markOptions = {}) {
      if (state.findings === null) return true;
      try {
        await port.markFindings(activeFindings(state.findings, state.ignored), markOptions);
      } catch (error) {
        if (markOptions.background && isCellEditMode(error)) return false;
        shared.fail(error);
      }
      return true;
    },
  };
  return shared;
}
