import type { CellLocation, Finding, Fix, ProfileUse, TableSummary } from '../../core';
import type { TargetLayout } from '../../core/writers/convert';
import type { IgnoredFinding, Unsubscribe, UndoRecord, WriteResult } from '../../workbook/port';
import type { CheckStage } from '../i18n';

/** The progress bar and 取消 appear only for checks slower than this, so quick checks do not flash. */
export const SLOW_CHECK_MS = 300;
/** The longest the check holds the pane before letting it paint and handle 取消. */
export const CHECK_SLICE_MS = 50;
/** Edits are re-checked once the user pauses this long. */
export const RECHECK_DELAY_MS = 500;
/** An edit of up to this many cells is re-read and re-checked cell by cell; a bigger paste re-reads its sheet. */
export const INCREMENTAL_CELL_LIMIT = 500;

/** What the sliced work measures time by and gives the pane back with: injected by tests instead of the wall clock. */
export interface SliceClock {
  now(): number;
  /** Lets the pane paint and handle 取消 (the next task). */
  pause(): Promise<void>;
}

export interface CheckSessionOptions {
  readonly clock?: SliceClock;
  /** The pane's storage (localStorage); null or absent: the setting lasts for this session. */
  readonly settings?: Storage | null;
}

/** Notices kept at once: a write's result and its warning (cells changed meanwhile) stay together, older ones go. */
export const MAX_NOTICES = 2;

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
  /** Marks follow each edit; off, they change only when the user checks, fixes or ignores (Excel's undo stays the user's). */
  readonly autoMark: boolean;
}

/** The 校验 tab's state and actions, outside React so that slow port calls always see the latest state. */
export interface CheckSession {
  getState(): CheckState;
  subscribe(listener: () => void): Unsubscribe;
  /** Loads the ignored list and listens to the workbook's events. */
  start(): void;
  dispose(): void;
  check(): Promise<void>;
  /**
   * Another part of the pane (the builder) wrote these cells: re-checked through them as a fix is, or their sheets
   * read again when `rowsMoved` (rows inserted or deleted).
   */
  wrote(result: WriteResult, rowsMoved?: boolean): void;
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
  /** Turns re-marking after edits on or off, remembered in the pane's storage for the next workbook. */
  setAutoMark(on: boolean): void;
}

export const INITIAL_STATE: CheckState = {
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
  autoMark: true,
};

/** Where the pane keeps whether marks follow edits (localStorage, as the user's templates). */
export const AUTO_MARK_KEY = 'jixiao.autoMark';

