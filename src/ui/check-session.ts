import {
  builtInProfile,
  CATALOGS,
  createChecker,
  readSheetTables,
  summariseTable,
  type CellLocation,
  type CheckReport,
  type Checker,
  type Finding,
  type Fix,
  type Locale,
  type ProfileUse,
  type TableSummary,
  type SheetGrid,
  type WorkbookGrid,
} from '../core';
import type { TargetLayout } from '../core/writers/convert';
import {
  IGNORED_LIMITS,
  REPORT_SHEET_NAME,
  WorkbookError,
  type IgnoredFinding,
  type Unsubscribe,
  type UndoRecord,
  type WorkbookPort,
  type WriteResult,
} from '../workbook/port';
import { activeFindings, reportRows } from './finding-view';
import { uiStrings, type CheckStage, type UiStrings } from './i18n';

/** The progress bar and 取消 appear only for checks slower than this, so quick checks do not flash. */
export const SLOW_CHECK_MS = 300;
/** The longest the check holds the pane before letting it paint and handle 取消. */
export const CHECK_SLICE_MS = 50;
/** Edits are re-checked once the user pauses this long. */
export const RECHECK_DELAY_MS = 500;

export type NoticeIntent = 'error' | 'warning' | 'success' | 'info';

export interface Notice {
  readonly id: number;
  readonly intent: NoticeIntent;
  readonly text: string;
}

export interface RunningCheck {
  readonly stage: CheckStage;
  /** Work of the current stage (sheets read, rows checked); total 0 when the stage has no count. */
  readonly done: number;
  readonly total: number;
  /** Has taken longer than SLOW_CHECK_MS. */
  readonly slow: boolean;
}

export interface CheckState {
  readonly running: RunningCheck | null;
  /** null until the first check has finished. */
  readonly findings: readonly Finding[] | null;
  /** How each table of the last check was read (layout, projects), in workbook order. */
  readonly tables: readonly TableSummary[];
  /** The rules of the last check, and why they applied; null before the first check. */
  readonly profile: ProfileUse | null;
  /** What the user chose: "auto" (as the tables call for) or a built-in profile's name. */
  readonly profileChoice: string;
  readonly sheetOrder: readonly string[];
  readonly ignored: readonly IgnoredFinding[];
  /** The cell the user selected in the workbook. */
  readonly selected: CellLocation | null;
  /** The last batch of fixes, for 撤销. */
  readonly lastUndo: UndoRecord | null;
  /** A write (fix, undo, report, marks) is in progress. */
  readonly writing: boolean;
  /** The formulas known to the pane, "Sheet!A1" → "=SUM(B6:B7)": read with the workbook, or learnt from a refused fix. */
  readonly formulas: ReadonlyMap<string, string>;
  readonly notices: readonly Notice[];
}

/** The 校验 tab's state and actions, outside React so that slow port calls always see the latest state. */
export interface CheckSession {
  getState(): CheckState;
  subscribe(listener: () => void): Unsubscribe;
  /** Loads the ignored list and listens to the workbook's events. */
  start(): void;
  dispose(): void;
  check(): Promise<void>;
  /** Another part of the pane (the builder) wrote these cells: their sheets are re-checked as after an edit. */
  wrote(result: WriteResult): void;
  /** Checks by another profile from now on ("auto" or a built-in name); checks again when there are results. */
  chooseProfile(choice: string): Promise<void>;
  cancel(): void;
  selectFinding(finding: Finding): Promise<void>;
  clearMarks(): Promise<void>;
  /** Resolves to null when saved, or to the error text (the dialog stays open so the reason is not lost). */
  ignore(finding: Finding, reason: string): Promise<string | null>;
  unignore(key: string): Promise<void>;
  /** `replacing` holds the formulas ("Sheet!A1" → formula) the user saw in the preview and agreed to replace. */
  applyFixes(fixes: readonly Fix[], replacing?: ReadonlyMap<string, string>): Promise<void>;
  undo(): Promise<void>;
  exportReport(): Promise<void>;
  /** Writes the table in the other layout into a new sheet (the table itself is left as it is), or says what stops it. */
  convertTable(table: TableSummary, to: TargetLayout): Promise<void>;
  dismissNotice(id: number): void;
}

const INITIAL_STATE: CheckState = {
  running: null,
  findings: null,
  tables: [],
  profile: null,
  profileChoice: 'auto',
  sheetOrder: [],
  ignored: [],
  selected: null,
  lastUndo: null,
  writing: false,
  formulas: new Map(),
  notices: [],
};

/**
 * The formulas of `sheets` by "Sheet!A1". A sheet read without them (the Office adapter reads values only) keeps
 * those `known`, learnt from refused fixes, so that the next preview shows them.
 */
function formulasAfterRead(known: ReadonlyMap<string, string>, sheets: readonly SheetGrid[]): ReadonlyMap<string, string> {
  const names = new Set(sheets.filter((s) => s.formulas !== undefined).map((s) => s.name));
  const next = new Map([...known].filter(([key]) => !names.has(key.slice(0, key.lastIndexOf('!')))));
  for (const sheet of sheets) for (const [cell, formula] of sheet.formulas ?? []) next.set(`${sheet.name}!${cell}`, formula);
  return next;
}

function describeError(error: unknown, strings: UiStrings): string {
  if (error instanceof WorkbookError) return error.message;
  return strings.unexpectedError(error instanceof Error ? error.message : String(error));
}

function isCancelled(error: unknown): boolean {
  return error instanceof WorkbookError && error.code === 'cancelled';
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createCheckSession(port: WorkbookPort, givenChecker: Checker, locale: Locale): CheckSession {
  let checker = givenChecker;
  const strings = uiStrings(locale);
  let state = INITIAL_STATE;
  const listeners = new Set<() => void>();
  let unsubscribes: Unsubscribe[] = [];
  let running: AbortController | null = null;
  let slowTimer: ReturnType<typeof setTimeout> | undefined;
  let recheckTimer: ReturnType<typeof setTimeout> | undefined;
  const pendingSheets = new Set<string>();
  let recheckQueue: Promise<void> = Promise.resolve();
  /** Tables found per sheet by the last check, to keep table numbers and the workbook-level finding right. */
  let tablesBySheet = new Map<string, { first: number; count: number }>();
  let noticeCount = 0;
  let active = false;

  function update(change: Partial<CheckState>): void {
    state = { ...state, ...change };
    for (const listener of [...listeners]) listener();
  }

  function notice(intent: NoticeIntent, text: string): void {
    update({ notices: [...state.notices, { id: ++noticeCount, intent, text }] });
  }

  function fail(error: unknown): void {
    notice(isCancelled(error) ? 'info' : 'error', describeError(error, strings));
  }

  async function mark(): Promise<void> {
    if (state.findings === null) return;
    try {
      await port.markFindings(activeFindings(state.findings, state.ignored));
    } catch (error) {
      fail(error);
    }
  }

  function checkedSheets(grid: WorkbookGrid): WorkbookGrid {
    // The report the pane wrote is not a 绩效目标表.
    return { sheets: grid.sheets.filter((s) => s.name !== REPORT_SHEET_NAME) };
  }

  /**
   * The check in slices of at most CHECK_SLICE_MS, giving the pane back between them: a big workbook
   * shows its progress, can be cancelled, and never holds the pane long enough for Office to restart it.
   */
  async function checkInSlices(workbook: WorkbookGrid, signal: AbortSignal, onProgress: (done: number, total: number) => void): Promise<CheckReport> {
    const steps = checker.checkWorkbookInSteps(workbook);
    let sliceStart = Date.now();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (Date.now() - sliceStart < CHECK_SLICE_MS) continue;
      onProgress(step.value.done, step.value.total);
      await nextTask();
      if (signal.aborted) throw new WorkbookError('cancelled', strings.cancelled);
      sliceStart = Date.now();
    }
  }

  async function runCheck(clearNotices: boolean): Promise<void> {
    if (state.running) return;
    const controller = new AbortController();
    running = controller;
    update({ running: { stage: 'read', done: 0, total: 0, slow: false }, ...(clearNotices ? { notices: [] } : {}) });
    const setRunning = (change: Partial<RunningCheck>) => {
      if (state.running) update({ running: { ...state.running, ...change } });
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
      const report = await checkInSlices(workbook, controller.signal, (done, total) => setRunning({ done, total }));
      tablesBySheet = new Map();
      for (const table of report.tables) {
        const seen = tablesBySheet.get(table.sheet);
        tablesBySheet.set(table.sheet, { first: seen?.first ?? table.index, count: (seen?.count ?? 0) + 1 });
      }
      update({
        findings: report.findings,
        tables: report.tables.map(summariseTable),
        profile: report.profile,
        sheetOrder: workbook.sheets.map((s) => s.name),
        formulas: formulasAfterRead(state.formulas, grid.sheets),
      });
      enterStage('mark');
      await mark();
    } catch (error) {
      if (isCancelled(error)) notice('info', strings.cancelled);
      else fail(error);
    } finally {
      clearTimeout(slowTimer);
      running = null;
      update({ running: null });
      if (pendingSheets.size > 0) scheduleRecheck();
    }
  }

  async function recheckSheet(name: string): Promise<void> {
    if (state.findings === null) return;
    try {
      const sheet = await port.readSheet(name);
      update({ formulas: formulasAfterRead(state.formulas, [sheet]) });
      const previous = tablesBySheet.get(name);
      let tableCount = 0;
      for (const [sheetName, t] of tablesBySheet) if (sheetName !== name) tableCount += t.count;
      const tables = readSheetTables(sheet, previous?.first ?? tableCount, { taxonomy: checker.taxonomy });
      const fresh = tables.flatMap((t) => checker.checkTable(t));
      if (tables.length > 0) tablesBySheet.set(name, { first: tables[0]?.index ?? 0, count: tables.length });
      else tablesBySheet.delete(name);
      const current = state.findings ?? [];
      const stillNoTables = tableCount + tables.length === 0;
      // Workbook-level findings (only "no table anywhere") stay while the workbook still has no table.
      const kept = current.filter((f) => (f.table === undefined ? stillNoTables : f.location.sheet !== name));
      const order = state.sheetOrder;
      const tableSummaries = [...state.tables.filter((t) => t.sheet !== name), ...tables.map(summariseTable)].sort((a, b) => order.indexOf(a.sheet) - order.indexOf(b.sheet));
      update({ findings: [...kept, ...fresh], tables: tableSummaries });
      await mark();
    } catch (error) {
      fail(error);
    }
  }

  function scheduleRecheck(): void {
    clearTimeout(recheckTimer);
    recheckTimer = setTimeout(() => {
      // A running check may have read the sheet before the edit: re-check once it is done.
      if (state.running) return;
      const sheets = [...pendingSheets];
      pendingSheets.clear();
      for (const sheet of sheets) recheckQueue = recheckQueue.then(() => recheckSheet(sheet));
    }, RECHECK_DELAY_MS);
  }

  async function write(action: () => Promise<WriteResult>, done: (count: number) => string): Promise<WriteResult | null> {
    update({ writing: true });
    try {
      const result = await action();
      if (result.written.length > 0) notice('success', done(result.written.length));
      // Written cells hold what was written: a formula only if the write put one back (undo adds those below).
      const written = new Set(result.written.map((l) => `${l.sheet}!${l.cell}`));
      if ([...state.formulas.keys()].some((key) => written.has(key))) update({ formulas: new Map([...state.formulas].filter(([key]) => !written.has(key))) });
      if (result.conflicts.length > 0) {
        notice('warning', result.conflicts.map((c) => (c.formula ? strings.formulaConflict(c.location.cell, c.formula) : strings.conflict(c.location.cell))).join('\n'));
        // A formula the read did not report (the Office adapter reads values only): the next preview shows it.
        const learnt = result.conflicts.flatMap((c) => (c.formula ? [[`${c.location.sheet}!${c.location.cell}`, c.formula] as const] : []));
        if (learnt.length > 0) update({ formulas: new Map([...state.formulas, ...learnt]) });
      }
      return result;
    } catch (error) {
      fail(error);
      return null;
    } finally {
      update({ writing: false });
    }
  }

  return {
    getState: () => state,

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    start() {
      if (active) return;
      active = true;
      unsubscribes = [
        port.onSelectionChanged((cell) => update({ selected: cell?.location ?? null })),
        port.onCellsChanged((sheet) => {
          if (state.findings === null || sheet === REPORT_SHEET_NAME) return;
          pendingSheets.add(sheet);
          scheduleRecheck();
        }),
      ];
      port.loadIgnored().then(
        (ignored) => {
          if (!active) return;
          update({ ignored });
          // A check that finished first marked findings that are in fact ignored.
          void mark();
        },
        (error: unknown) => {
          if (!active) return;
          if (!(error instanceof WorkbookError) || error.code !== 'corrupt-data') return fail(error);
          // Unreadable: say so and store an empty list, so that the next reviewer is not told again.
          notice('warning', strings.ignoredReset);
          update({ ignored: [] });
          port.saveIgnored([]).catch((saveError: unknown) => {
            if (active) fail(saveError);
          });
        },
      );
    },

    dispose() {
      active = false;
      for (const unsubscribe of unsubscribes) unsubscribe();
      unsubscribes = [];
      running?.abort();
      clearTimeout(slowTimer);
      clearTimeout(recheckTimer);
      pendingSheets.clear();
    },

    check: () => runCheck(true),

    wrote(result) {
      if (state.findings === null || result.written.length === 0) return;
      for (const location of result.written) if (location.sheet !== REPORT_SHEET_NAME) pendingSheets.add(location.sheet);
      scheduleRecheck();
    },

    async chooseProfile(choice) {
      const profile = choice === 'auto' ? undefined : builtInProfile(choice);
      if (choice !== 'auto' && !profile) return;
      checker = createChecker(profile ? { profile } : {});
      update({ profileChoice: choice });
      if (state.findings !== null) await runCheck(false);
    },

    cancel() {
      running?.abort();
    },

    async selectFinding(finding) {
      try {
        await port.selectCell(finding.location);
      } catch (error) {
        fail(error);
      }
    },

    async clearMarks() {
      update({ writing: true });
      try {
        await port.clearMarks();
        notice('success', strings.marksCleared);
      } catch (error) {
        fail(error);
      } finally {
        update({ writing: false });
      }
    },

    async ignore(finding, reason) {
      const entry: IgnoredFinding = { key: finding.key, reason: reason.trim(), by: '', at: new Date().toISOString() };
      const next = [...state.ignored.filter((i) => i.key !== finding.key), entry];
      // Within the limits the stored list is read back with, or it would be unreadable next time.
      if (entry.reason.length > IGNORED_LIMITS.reasonLength) return strings.reasonTooLong(IGNORED_LIMITS.reasonLength);
      if (next.length > IGNORED_LIMITS.entries) return strings.tooManyIgnored(IGNORED_LIMITS.entries);
      try {
        await port.saveIgnored(next);
      } catch (error) {
        return describeError(error, strings);
      }
      update({ ignored: next });
      await mark();
      return null;
    },

    async unignore(key) {
      const next = state.ignored.filter((i) => i.key !== key);
      try {
        await port.saveIgnored(next);
      } catch (error) {
        fail(error);
        return;
      }
      update({ ignored: next });
      await mark();
    },

    async applyFixes(fixes, replacing) {
      const writes = fixes.map((f) => {
        const formula = replacing?.get(`${f.location.sheet}!${f.location.cell}`);
        return { location: f.location, expected: f.expected, value: f.value, ...(formula !== undefined ? { replacesFormula: formula } : {}) };
      });
      const result = await write(() => port.writeCells(writes), strings.fixed);
      if (!result) return;
      if (result.undo) update({ lastUndo: result.undo });
      await runCheck(false);
    },

    async undo() {
      const record = state.lastUndo;
      if (!record) return;
      const result = await write(() => port.undo(record), strings.undone);
      if (!result) return;
      const written = new Set(result.written.map((l) => `${l.sheet}!${l.cell}`));
      const restored = record.restores.flatMap((r) => (r.formula !== undefined && written.has(`${r.location.sheet}!${r.location.cell}`) ? [[`${r.location.sheet}!${r.location.cell}`, r.formula] as const] : []));
      if (restored.length > 0) update({ formulas: new Map([...state.formulas, ...restored]) });
      update({ lastUndo: null });
      await runCheck(false);
    },

    async exportReport() {
      if (state.findings === null) return;
      update({ writing: true });
      try {
        await port.writeReport(reportRows(activeFindings(state.findings, state.ignored), state.sheetOrder, locale));
        notice('success', strings.reportWritten(REPORT_SHEET_NAME));
      } catch (error) {
        fail(error);
      } finally {
        update({ writing: false });
      }
    },

    async convertTable(summary, to) {
      update({ writing: true });
      try {
        const sheet = await port.readSheet(summary.sheet);
        const table = readSheetTables(sheet, 0, { taxonomy: checker.taxonomy }).find((t) => summariseTable(t).cell === summary.cell);
        if (!table) {
          notice('warning', strings.convertTableGone(`${summary.sheet}!${summary.cell}`));
          return;
        }
        // Loaded when first asked for: the pane's first load stays lean.
        const { convertTable } = await import(/* webpackChunkName: "convert" */ '../core/writers/convert');
        const converted = convertTable(table, to, `${summary.sheet}-${strings.convertedSuffix}`);
        if (!converted.ok) {
          notice('warning', [strings.convertRefused(`${summary.sheet}!${summary.cell}`), ...converted.problems.map((p) => strings.convertProblem(p.kind, `${p.location.sheet}!${p.location.cell}`))].join('\n'));
          return;
        }
        const name = await port.addSheet(converted.sheet);
        notice('success', strings.converted(name, CATALOGS[locale].layout[to]));
      } catch (error) {
        fail(error);
      } finally {
        update({ writing: false });
      }
    },

    dismissNotice(id) {
      update({ notices: state.notices.filter((n) => n.id !== id) });
    },
  };
}

/** The port as the builder gets it: every write it makes is told to `onWrite` (the check session re-checks). */
export function portReportingWrites(port: WorkbookPort, onWrite: (result: WriteResult) => void): WorkbookPort {
  const reported = async (pending: Promise<WriteResult>): Promise<WriteResult> => {
    const result = await pending;
    onWrite(result);
    return result;
  };
  return {
    ...port,
    writeCells: (writes) => reported(port.writeCells(writes)),
    rewriteBlock: (rewrite) => reported(port.rewriteBlock(rewrite)),
    undo: (record) => reported(port.undo(record)),
  };
}
