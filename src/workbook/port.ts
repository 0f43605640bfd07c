import { CATALOGS, cellText, formatFinding, SEVERITIES, type BlockRewrite, type CellLocation, type CellValue, type Finding, type Severity, type SheetGrid, type WorkbookGrid } from '../core';
import { adapterErrorText, REPORT_COLUMNS, REPORT_SIGNATURE_COLUMNS, type AdapterError, type Locale, type WorkbookErrorCode } from '../core';
import { ERROR_TEXTS } from '../core/locales/error-texts';
import { REPORT_TEXTS } from '../core/locales/report-texts';

import type { IgnoredReportRow } from './ignored-report';

export type { BlockRewrite } from '../core';

/** What the host can do, detected at run time (ExcelApi requirement sets) so the UI can degrade. */
export interface HostCapabilities {
  /** 'Excel' | 'in-memory' … as shown in the diagnostics panel. */
  readonly host: string;
  /** 'PC' | 'Mac' | 'OfficeOnline' | 'browser' … */
  readonly platform: string;
  /** Highest ExcelApi minor version supported, e.g. "1.17"; null off Office. */
  readonly apiVersion: string | null;
  /** Marks as conditional formats (ExcelApi 1.6) that never touch the user's own formatting. */
  readonly conditionalFormatMarks: boolean;
  /** Worksheet onChanged events (ExcelApi 1.7) for automatic re-checks. */
  readonly changeEvents: boolean;
  /** Selection changed events (ExcelApi 1.2). */
  readonly selectionEvents: boolean;
  /** Workbook settings persist data in the file (ExcelApi 1.4; Office.context.document.settings otherwise). */
  readonly persistentSettings: boolean;
  /** One undo step for a batch of writes (ExcelApi 1.20 mergeUndoGroup); otherwise the pane offers 撤销. */
  readonly undoGroups: boolean;
}

export type ReadStage = 'sheets' | 'values';

export interface ReadProgress {
  readonly stage: ReadStage;
  readonly done: number;
  readonly total: number;
}

/** For work the pane starts on its own (a re-check after an edit, automatic marking). */
export interface BackgroundOptions {
  /** Waits while the user is typing in a cell, where the host can, instead of failing with `cell-edit-mode`. */
  readonly background?: boolean;
}

export interface MarkOptions extends BackgroundOptions {
  /** Only these sheets' marks change (after an edit); the others are left alone. */
  readonly sheets?: readonly string[];
}

export interface ReadOptions extends BackgroundOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ReadProgress) => void;
}

/** A value to write, guarded: written only if the cell still holds `expected`. */
export interface CellWrite {
  readonly location: CellLocation;
  readonly expected: CellValue;
  readonly value: CellValue;
  /**
   * The formula the cell held when it was read, when the user has agreed to replace it. A cell that holds a
   * formula is written only when this matches it; otherwise the write comes back as a conflict.
   */
  readonly replacesFormula?: string;
  /** Write this formula instead of `value` (undo putting a formula back); `value` is its expected result. */
  readonly formula?: string;
}

export interface WriteConflict {
  readonly location: CellLocation;
  readonly expected: CellValue;
  readonly actual: CellValue;
  /** The formula the cell holds, when the write was refused because it would replace it. */
  readonly formula?: string;
}

/** Enough to put back what a batch of writes replaced. */
export interface UndoRecord {
  readonly id: string;
  /** Each cell's value before the batch (`value`) and what the batch wrote (`expected`, the guard for undoing). */
  readonly restores: readonly CellWrite[];
  /** Block rewrites that put the blocks back as they were (each the inverse of one that was applied). */
  readonly blocks?: readonly BlockRewrite[];
}

export interface WriteResult {
  readonly written: readonly CellLocation[];
  /** Cells left alone because they changed since they were read. */
  readonly conflicts: readonly WriteConflict[];
  /** null when nothing was written. */
  readonly undo: UndoRecord | null;
}

/** One line of the 校验结果 report sheet, its texts in the report's language. */
export interface ReportRow {
  readonly severity: Severity;
  /** The severity as the report shows it (错误 / Error). */
  readonly level: string;
  readonly sheet: string;
  readonly cell: string;
  readonly project: string;
  /** The rule's code (value.unit-missing), in its own column for filtering. */
  readonly rule: string;
  /** The rule's name (指标值缺少单位), what a reader sees first. */
  readonly title: string;
  readonly message: string;
  readonly fix: string;
}

/** "Sheet!A1" → worst severity of the findings there, the way every adapter marks. */
export function marksOf(findings: readonly { readonly severity: Severity; readonly location: { readonly sheet: string; readonly cell: string } }[]): Map<string, Severity> {
  const marks = new Map<string, Severity>();
  for (const f of findings) {
    const key = `${f.location.sheet}!${f.location.cell}`;
    const current = marks.get(key);
    if (current === undefined || SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(current)) marks.set(key, f.severity);
  }
  return marks;
}

/** A finding as a row of the 校验结果 sheet, in the report's language. */
export function reportRowOf(finding: Finding, locale: Locale): ReportRow {
  const catalog = CATALOGS[locale];
  return {
    severity: finding.severity,
    level: catalog.severity[finding.severity],
    sheet: finding.location.sheet,
    cell: finding.location.cell,
    project: finding.project ?? '',
    rule: finding.rule,
    title: catalog.titles[finding.rule],
    message: formatFinding(finding, locale),
    fix: finding.fix ? cellText(finding.fix.value) : '',
  };
}

/**
 * The findings in the report's order: errors, then warnings, then infos; within a severity by sheet (in
 * `sheetOrder`, others after it), then row, then column.
 */
export function reportOrder<F extends Finding>(findings: readonly F[], sheetOrder: readonly string[]): F[] {
  const sheetRank = new Map(sheetOrder.map((sheet, i) => [sheet, i]));
  const rankOf = (sheet: string) => sheetRank.get(sheet) ?? sheetOrder.length;
  return [...findings].sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      rankOf(a.location.sheet) - rankOf(b.location.sheet) ||
      a.location.row - b.location.row ||
      a.location.col - b.location.col,
  );
}

/** A finding the reviewer chose to ignore, with the reason; stored in the workbook itself. */
export interface IgnoredFinding {
  readonly key: string;
  readonly reason: string;
  readonly by: string;
  readonly at: string;
}

/** What the stored ignore list may hold; a longer reason or a longer list is refused when ignoring. */
export const IGNORED_LIMITS = {
  entries: 5_000,
  keyLength: 1_000,
  reasonLength: 1_000,
  byLength: 200,
  atLength: 40,
  /** Characters of the stored setting: Office keeps all of a document's settings in about 2 MB. */
  settingChars: 1_000_000,
} as const;

export interface SelectedCell {
  readonly location: CellLocation;
  readonly value: CellValue;
}

export type Unsubscribe = () => void;

/**
 * The one interface the UI uses to read and write a workbook. Adapters: Office.js
 * (`office-workbook.ts`), in-memory (`memory-workbook.ts`, UI tests and the standalone page).
 * Every method rejects with a `WorkbookError` whose message is Chinese and says what to do.
 */
export interface WorkbookPort {
  readonly capabilities: HostCapabilities;
  readWorkbook(options?: ReadOptions): Promise<WorkbookGrid>;
  readSheet(name: string, options?: ReadOptions): Promise<SheetGrid>;
  /**
   * Just the cells of each address ("B6", "B6:C7") on a sheet, with their formulas, each as a grid whose origin is the
   * area's top-left cell (an edit is re-checked from these rather than from the whole sheet). All in one request.
   */
  readAreas(sheet: string, addresses: readonly string[], options?: BackgroundOptions): Promise<SheetGrid[]>;
  /**
   * Replaces the add-in's marks with these (one per finding cell, coloured by its worst severity). With `sheets`,
   * only those sheets' marks change (after an edit, the edited sheet's): the others, and their undo, are left alone.
   */
  markFindings(findings: readonly Finding[], options?: MarkOptions): Promise<void>;
  /** Removes every mark the add-in made, leaving the user's formatting exactly as it was. */
  clearMarks(): Promise<void>;
  /** Activates the sheet, then selects the cell. */
  selectCell(location: CellLocation): Promise<void>;
  getSelectedCell(): Promise<SelectedCell | null>;
  writeCells(writes: readonly CellWrite[]): Promise<WriteResult>;
  /**
   * Rewrites a project's indicator rows (inserting or deleting whole rows at the block's end) in one step
   * that undo puts back. A block changed since it was read is left alone: its cells come back as conflicts.
   */
  rewriteBlock(rewrite: BlockRewrite): Promise<WriteResult>;
  /** Writes back an undo record's values, guarded like any other write. */
  undo(record: UndoRecord): Promise<WriteResult>;
  /**
   * Adds a new sheet (after the others) holding `sheet`'s values and merged areas, its name made unique
   * ("表1（2）"); resolves to the name it got. Nothing else in the workbook changes.
   */
  addSheet(sheet: SheetGrid): Promise<string>;
  /**
   * Writes one row per finding, with a link to its cell, into our report sheet (updated in place; created
   * when absent) and resolves to its name; `ignored` findings follow in their own section (below a blank row)
   * with who ignored them and why. A sheet named 校验结果 that is not ours is never touched: the report then
   * goes to 校验结果（2）…. The header rows and severities are in `locale` (Chinese unless given).
   */
  writeReport(rows: readonly ReportRow[], ignored?: readonly IgnoredReportRow[], locale?: Locale): Promise<string>;
  /** Rejects with `corrupt-data` when the stored list cannot be read; saving a list replaces it. */
  loadIgnored(): Promise<IgnoredFinding[]>;
  saveIgnored(ignored: readonly IgnoredFinding[]): Promise<void>;
  onSelectionChanged(handler: (cell: SelectedCell | null) => void): Unsubscribe;
  /**
   * Called after the user edits cells of a sheet (debounced by the caller), with the changed area as the host
   * names it ("B6", "B6:C7", whole rows "5:7"; "" where the adapter cannot tell). The add-in's own writes are not reported.
   */
  onCellsChanged(handler: (sheet: string, address: string) => void): Unsubscribe;
  /** Called after the user renames a sheet, where the host reports it (Office: ExcelApi 1.17); absent where no sheet can be renamed. */
  onSheetRenamed?(handler: (from: string, to: string) => void): Unsubscribe;
}

export type { WorkbookErrorCode } from '../core';

export class WorkbookError extends Error {
  constructor(
    readonly code: WorkbookErrorCode,
    message: string,
    readonly detail?: string,
    /** The message as a code with params, for a pane in another language; absent where only the Chinese text exists. */
    readonly text?: AdapterError,
  ) {
    super(message);
    this.name = 'WorkbookError';
  }
}

/** A WorkbookError whose message is `text` in Chinese, and which any locale can render (workbookErrorMessage). */
export function workbookError(code: WorkbookErrorCode, text: AdapterError, detail?: string): WorkbookError {
  return new WorkbookError(code, adapterErrorText(text, ERROR_TEXTS['zh-CN']), detail, text);
}

/** What the user reads for a failed workbook operation, in `locale`. */
export function workbookErrorMessage(error: WorkbookError, locale: Locale): string {
  return error.text ? adapterErrorText(error.text, ERROR_TEXTS[locale]) : error.message;
}

export const REPORT_SHEET_NAME = '校验结果';

/** The 校验结果 report sheet's header row in `locale`, in every adapter: 规则 is the rule's name, 规则代码 its code. */
export function reportHeader(locale: Locale): readonly string[] {
  const { columns } = REPORT_TEXTS[locale];
  return REPORT_COLUMNS.map((column) => columns[column]);
}

/** The Chinese header row, as every report before English ones was written. */
export const REPORT_HEADER: readonly string[] = reportHeader('zh-CN');

/** Worksheet custom property (ExcelApi 1.12+, saved with the file) that tags the report sheet as ours. */
export const REPORT_PROPERTY = 'jixiao.report';

/**
 * The report's signature, which every host and the .xlsx copies carry (a sheet id does not survive reopening):
 * row 1 from A1 starts with the first seven columns of the header in one of the languages (an English pane's
 * report is ours too; reports written before 规则代码 carry only those). A sheet named 校验结果 without it is the user's own.
 */
export function hasReportHeader(firstRow: readonly unknown[] | undefined): boolean {
  return Object.values(REPORT_TEXTS).some((report) => REPORT_SIGNATURE_COLUMNS.every((column, i) => firstRow?.[i] === report.columns[column]));
}

/** Whether a sheet read from a workbook is our report sheet (by its signature). */
export function isReportGrid(sheet: SheetGrid): boolean {
  return sheet.originRow === 0 && sheet.originCol === 0 && hasReportHeader(sheet.values[0]);
}

/** Mark colours by severity (Excel's own "light red / yellow / blue fill with dark text" styles). */
export const MARK_COLOURS: { readonly [S in Severity]: { readonly fill: string; readonly font: string } } = {
  error: { fill: '#FFC7CE', font: '#9C0006' },
  warning: { fill: '#FFEB9C', font: '#9C5700' },
  info: { fill: '#DDEBF7', font: '#1F4E78' },
};
