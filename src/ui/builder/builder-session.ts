import { cellText, type CellLocation, type Checker, type Locale, type Taxonomy, type ValueSlots } from '../../core';
import {
  appendBuilderRows,
  builderRowsFromRecords,
  builderRowsFromText,
  checkBuilderRows,
  EXCEL_CELL_LIMIT,
  newBuilderRowId,
  type BuilderCheck,
  type BuilderRow,
} from '../../core/builder';
import { planIndicatorBlock } from '../../core/writers/indicator-block';
import { WorkbookError, workbookErrorMessage, type SelectedCell, type Unsubscribe, type UndoRecord, type WorkbookPort, type WriteResult } from '../../workbook/port';
import { findIndicatorTarget, normaliseColumn, targetAnchor, type BlockTarget, type CellTarget, type ColumnNormalisation, type IndicatorTarget } from './builder-target';
import { BUILDER_STRINGS, type BuilderStrings } from './strings';

export type BuilderNotice = { readonly intent: 'success' | 'error' | 'warning' | 'info'; readonly text: string };

export interface LoadedTarget {
  readonly target: IndicatorTarget;
  readonly unparsed: string | null;
  readonly problems: readonly string[];
  /** The values the target asks of each indicator (a cell of the year alone: its 年度 value only). */
  readonly slots: ValueSlots;
}

export interface BuilderState {
  readonly loaded: LoadedTarget | null;
  readonly rows: readonly BuilderRow[];
  /** The rows were edited since they were loaded: a new selection waits in `pending`. */
  readonly dirty: boolean;
  readonly reading: boolean;
  readonly pending: SelectedCell | null;
  readonly notice: BuilderNotice | null;
  /** A write (replace, append, undo, 规范整列) is in progress. */
  readonly busy: boolean;
  readonly lastWrite: UndoRecord | null;
  /** The 规范整列 preview, while its dialog is open. */
  readonly normalisation: ColumnNormalisation | null;
}

/** The 指标编辑 state and writes, outside React (as the CheckSession), so that slow port calls see the latest state. */
export interface BuilderSession {
  getState(): BuilderState;
  subscribe(listener: () => void): Unsubscribe;
  /** The live check of the rows against the target, recomputed only when they change. */
  check(): BuilderCheck;
  /** Follows the workbook's selection. */
  start(): void;
  dispose(): void;
  /** Reads the cell's sheet and loads the cell when it is a project's 绩效指标 cell (null: nothing selected). */
  follow(cell: SelectedCell | null): Promise<void>;
  changeRows(change: (rows: readonly BuilderRow[]) => readonly BuilderRow[]): void;
  /** Rows from outside (the template library), appended with new ids. */
  insertRows(rows: readonly BuilderRow[]): void;
  write(mode: 'replace' | 'append'): Promise<void>;
  undo(): Promise<void>;
  previewNormalisation(): Promise<void>;
  normalise(): Promise<void>;
  closeNormalisation(): void;
  dismissNotice(): void;
}

const INITIAL_STATE: BuilderState = { loaded: null, rows: [], dirty: false, reading: false, pending: null, notice: null, busy: false, lastWrite: null, normalisation: null };

/** A cell target's values are those its text gives; a block's, those its table has columns for. */
function slotsOf(target: IndicatorTarget, fromText: ValueSlots): ValueSlots {
  return target.kind === 'cell' ? fromText : target.table.valueSlots;
}

/** The cells of a message, as the language lists them. */
const cellList = (strings: BuilderStrings, locations: readonly { readonly location: CellLocation }[]) => strings.joinList(locations.map((c) => c.location.cell));

function sameCell(a: CellLocation, b: CellLocation): boolean {
  return a.sheet === b.sheet && a.row === b.row && a.col === b.col;
}

/** What the writes share: the state, its loading and the one busy / try / catch. */
interface SessionCore {
  readonly port: WorkbookPort;
  readonly strings: BuilderStrings;
  readonly taxonomy: Taxonomy;
  readonly locale: Locale;
  readonly listeners: Set<() => void>;
  state(): BuilderState;
  update(change: Partial<BuilderState>): void;
  showError(error: unknown): void;
  loadTarget(target: IndicatorTarget | null): void;
  refreshTarget(target: IndicatorTarget): void;
  reread(target: IndicatorTarget): Promise<IndicatorTarget | null>;
  busyWrite(run: () => Promise<void>): Promise<void>;
}

function createCore(port: WorkbookPort, checker: Checker, locale: Locale): SessionCore {
  const strings = BUILDER_STRINGS[locale];
  const taxonomy = checker.taxonomy;
  let state = INITIAL_STATE;
  const listeners = new Set<() => void>();

  function update(change: Partial<BuilderState>): void {
    state = { ...state, ...change };
    for (const listener of [...listeners]) listener();
  }

  // A workbook error in the pane's language (its message is Chinese); anything else as it says.
  const showError = (error: unknown) =>
    update({ notice: { intent: 'error', text: strings.failed(error instanceof WorkbookError ? workbookErrorMessage(error, locale) : error instanceof Error ? error.message : String(error)) } });

  /** The target's indicators as builder rows: the cell's text read, or the block's records. */
  const rowsOf = (target: IndicatorTarget) =>
    target.kind === 'cell' ? builderRowsFromText(target.text, taxonomy, locale) : builderRowsFromRecords(target.row.records ?? [], taxonomy, locale);

  const loadedOf = (target: IndicatorTarget, result: ReturnType<typeof rowsOf>): LoadedTarget =>
    ({ target, unparsed: result.unparsed, problems: result.problems, slots: slotsOf(target, result.slots) });

  /** Puts the builder on a target (or on none). */
  function loadTarget(target: IndicatorTarget | null): void {
    if (target === null) return update({ loaded: null, rows: [], dirty: false, pending: null });
    const result = rowsOf(target);
    update({ loaded: loadedOf(target, result), rows: result.rows, dirty: false, pending: null });
  }

  /** The target changed under the builder (undo, 规范整列): reload it, or with unsaved edits only renew the guard. */
  function refreshTarget(target: IndicatorTarget): void {
    if (!state.dirty) return loadTarget(target);
    update({ loaded: loadedOf(target, rowsOf(target)) });
  }

  /** Reads the target's sheet again (a block rewrite moves rows) and finds the project at its anchor. */
  async function reread(target: IndicatorTarget): Promise<IndicatorTarget | null> {
    const anchor = targetAnchor(target);
    return findIndicatorTarget(await port.readSheet(anchor.sheet), anchor, taxonomy);
  }

  /**
   * The one busy / try / catch of every write; none while another runs (a second click in the same task as
   * the first comes before the buttons re-render disabled: 追加 would append twice).
   */
  async function busyWrite(run: () => Promise<void>): Promise<void> {
    if (state.busy) return;
    update({ busy: true });
    try {
      await run();
    } catch (error) {
      showError(error);
    } finally {
      update({ busy: false });
    }
  }

  return { port, strings, taxonomy, locale, listeners, state: () => state, update, showError, loadTarget, refreshTarget, reread, busyWrite };
}

/** Rewrites a block's rows (a row per indicator, a form): rows inserted or removed, merges grown; then reads it back. */
async function writeBlock(core: SessionCore, target: BlockTarget, mode: 'replace' | 'append'): Promise<void> {
  const { port, strings, taxonomy, locale, update } = core;
  const existing = mode === 'append' ? builderRowsFromRecords(target.row.records ?? [], taxonomy, locale).rows : [];
  const plan = planIndicatorBlock(target.sheet, target.table, target.row, [...existing, ...core.state().rows], taxonomy);
  if (!plan.ok) return update({ notice: { intent: 'error', text: strings.blockUnsupported } });
  await core.busyWrite(async () => {
    const result = await port.rewriteBlock(plan.rewrite);
    if (result.undo) update({ lastWrite: result.undo });
    if (result.conflicts.length > 0) return update({ notice: { intent: 'error', text: strings.conflict(cellList(strings, result.conflicts)) } });
    core.loadTarget(await core.reread(target));
    update({ notice: { intent: 'success', text: strings.rowsWritten(plan.rewrite.newRowCount, plan.rewrite.firstRow + 1) } });
  });
}

/** After a cell write: reloads the edited cell from what is now in it, keeps the undo, says what happened. */
function afterCellWrite(core: SessionCore, result: WriteResult, target: CellTarget, value: string): void {
  const { strings, update } = core;
  if (result.written.some((w) => sameCell(w, target.location))) core.loadTarget({ ...target, raw: value === '' ? null : value, text: value });
  if (result.undo) update({ lastWrite: result.undo });
  update({
    notice: result.conflicts.length > 0
      ? { intent: 'error', text: strings.conflict(cellList(strings, result.conflicts)) }
      : { intent: 'success', text: strings.written(target.location.cell) },
  });
}

/** 撤销: puts the last write back, then reloads (or, with unsaved edits, only re-guards) the target. */
async function undoLastWrite(core: SessionCore): Promise<void> {
  const { port, strings, update } = core;
  const state = core.state();
  const lastWrite = state.lastWrite;
  if (!lastWrite) return;
  await core.busyWrite(async () => {
    const result = await port.undo(lastWrite);
    update({ lastWrite: null });
    const target = core.state().loaded?.target;
    if (result.conflicts.length > 0) {
      update({ notice: { intent: 'error', text: strings.undoConflict(cellList(strings, result.conflicts)) } });
    } else {
      const rowsBack = (lastWrite.blocks ?? []).map((b) => strings.rowsFrom(b.firstRow + 1));
      update({ notice: { intent: 'success', text: strings.undone(strings.joinList([...lastWrite.restores.map((r) => r.location.cell), ...rowsBack])) } });
    }
    if (target?.kind === 'block') {
      const fresh = await core.reread(target);
      if (fresh) core.refreshTarget(fresh);
      return;
    }
    const restored = target ? lastWrite.restores.find((r) => sameCell(r.location, target.location)) : undefined;
    if (target && restored && result.written.some((w) => sameCell(w, target.location))) core.refreshTarget({ ...target, raw: restored.value, text: cellText(restored.value) });
  });
}

/** 规范整列: writes the previewed column, guarded cell by cell. */
async function normaliseColumnWrite(core: SessionCore): Promise<void> {
  const { port, strings, update } = core;
  const state = core.state();
  const plan = state.normalisation;
  update({ normalisation: null });
  if (!plan || plan.changes.length === 0) return;
  await core.busyWrite(async () => {
    const result = await port.writeCells(plan.changes.map((c) => ({ location: c.location, expected: c.raw, value: c.after })));
    const loaded = core.state().loaded;
    const target = loaded?.target.kind === 'cell' ? loaded.target : undefined;
    const mine = target ? plan.changes.find((c) => sameCell(c.location, target.location)) : undefined;
    if (target && mine && result.written.some((w) => sameCell(w, target.location))) core.refreshTarget({ ...target, raw: mine.after, text: mine.after });
    if (result.undo) update({ lastWrite: result.undo });
    const texts = [strings.normalised(result.written.length)];
    if (result.conflicts.length > 0) texts.push(strings.normaliseConflicts(cellList(strings, result.conflicts)));
    update({ notice: { intent: result.conflicts.length > 0 ? 'warning' : 'success', text: texts.join(' ') } });
  });
}

export function createBuilderSession(port: WorkbookPort, checker: Checker, locale: Locale): BuilderSession {
  const core = createCore(port, checker, locale);
  const { strings, taxonomy, update, showError, loadTarget, busyWrite } = core;
  let unsubscribe: Unsubscribe | null = null;
  let live = false;
  let request = 0;
  let checked: { rows: readonly BuilderRow[]; loaded: LoadedTarget | null; check: BuilderCheck } | null = null;

  function onSelection(cell: SelectedCell | null): void {
    if (!live) return;
    if (core.state().dirty) update({ pending: cell });
    else void session.follow(cell);
  }

  const session: BuilderSession = {
    getState: () => core.state(),

    subscribe(listener) {
      core.listeners.add(listener);
      return () => core.listeners.delete(listener);
    },

    check() {
      const { rows, loaded } = core.state();
      if (checked && checked.rows === rows && checked.loaded === loaded) return checked.check;
      const target = loaded?.target;
      const context = { projectName: target?.projectName ?? '', goal: target?.goal ?? '', locale, ...(target ? { layout: target.table.layout } : {}), ...(loaded ? { valueSlots: loaded.slots } : {}) };
      checked = { rows, loaded, check: checkBuilderRows(rows, context, checker) };
      return checked.check;
    },

    start() {
      if (live) return;
      live = true;
      let changed = false;
      unsubscribe = port.onSelectionChanged((cell) => {
        changed = true;
        onSelection(cell);
      });
      // The selection when the pane opened, unless the user has already moved on.
      port.getSelectedCell().then((cell) => !changed && onSelection(cell), (error: unknown) => live && showError(error));
    },

    dispose() {
      live = false;
      unsubscribe?.();
      unsubscribe = null;
    },

    async follow(cell) {
      const id = ++request;
      if (cell === null) {
        update({ reading: false });
        return loadTarget(null);
      }
      update({ reading: true });
      try {
        const sheet = await port.readSheet(cell.location.sheet);
        if (id !== request) return;
        loadTarget(findIndicatorTarget(sheet, cell.location, taxonomy));
      } catch (error) {
        if (id === request) showError(error);
      } finally {
        if (id === request) update({ reading: false });
      }
    },

    changeRows(change) {
      update({ rows: change(core.state().rows), dirty: true });
    },

    insertRows(rows) {
      update({ rows: [...core.state().rows, ...rows.map((r) => ({ ...r, id: newBuilderRowId() }))], dirty: true });
    },

    async write(mode) {
      const { loaded } = core.state();
      if (!loaded) return;
      const { target } = loaded;
      if (target.kind === 'block') return writeBlock(core, target, mode);
      const value = mode === 'replace' ? session.check().text : appendBuilderRows(target.text, core.state().rows, taxonomy, loaded.slots);
      if (value.length > EXCEL_CELL_LIMIT) return update({ notice: { intent: 'error', text: strings.tooLong } });
      await busyWrite(async () => afterCellWrite(core, await port.writeCells([{ location: target.location, expected: target.raw, value }]), target, value));
    },

    undo: () => undoLastWrite(core),

    async previewNormalisation() {
      const loaded = core.state().loaded;
      if (!loaded) return;
      await busyWrite(async () => {
        const fresh = findIndicatorTarget(await port.readSheet(loaded.target.location.sheet), loaded.target.location, taxonomy);
        update({ normalisation: normaliseColumn(fresh?.table ?? loaded.target.table, taxonomy) });
      });
    },

    normalise: () => normaliseColumnWrite(core),

    closeNormalisation: () => update({ normalisation: null }),
    dismissNotice: () => update({ notice: null }),
  };
  return session;
}
