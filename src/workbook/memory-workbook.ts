import {
  type BlockRewrite,
  type CellValue,
  type Finding,
  type Locale,
  type Severity,
  type WorkbookGrid,
} from '../core';
import {
  WorkbookError,
  type HostCapabilities,
  type MarkOptions,
  type ReportRow,
  type WorkbookPort,
} from './port';
import { createCellStore, type CellRef } from './memory-cells';
import { createMemoryWrites } from './memory-writes';
import { uniqueSheetName } from './sheet-names';
import { writeMemoryReport } from './memory-report';
import { type IgnoredReportRow } from './ignored-report';
import { createMemoryIgnores } from './memory-ignores';
import type { IgnoredReadProblem } from './ignored-sheet';
import { createMemoryMarks } from './memory-marks';
import { createMemoryEvents } from './memory-events';
import { readMemorySheet, readMemoryWorkbook } from './memory-reads';

export type { CellRef } from './memory-cells';

/** The port's asynchronous methods, which `failNext` can make reject. */
export type PortMethod = {
  [K in keyof WorkbookPort]: WorkbookPort[K] extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof WorkbookPort];

export interface MemoryWorkbookOptions {
  readonly capabilities?: Partial<HostCapabilities>;
  /** The ignore list's stored text, as a workbook setting holds it (JSON); may be anything, as in a real file. */
  readonly ignoredSetting?: string;
  /** Why the file's stored list could not be read at all (its hidden sheet is not ours, or newer): loading rejects until a save; a newer list refuses saves too. */
  readonly ignoredProblem?: IgnoredReadProblem;
}

/** A WorkbookPort held in memory (UI tests, the standalone page), plus what a user or a test does to the workbook. */
export interface MemoryWorkbook extends WorkbookPort {
  /** As if the user typed into the cell: fires onCellsChanged for its sheet and cell. */
  setCell(location: CellRef, value: CellValue): void;
  /** As if the user clicked the cell: fires onSelectionChanged. */
  select(location: CellRef): void;
  /** The add-in's marks: "Sheet!A1" → worst severity of the findings there. */
  marks(): ReadonlyMap<string, Severity>;
  /** The workbook as it is now, each sheet trimmed to its used range. */
  grid(): WorkbookGrid;
  /**
   * Every block rewrite applied so far, undos included (each as the rewrite that undid it), in order:
   * replayed on the file the workbook was read from, they move its rows and merges as they moved here.
   */
  rewrites(): readonly BlockRewrite[];
  /** The ignore list's stored text (undefined until something is ignored), for a host that keeps it elsewhere. */
  ignoredSetting(): string | undefined;
  /** The next call (of `method`, or of any method when omitted) rejects with `error`. */
  failNext(error: WorkbookError, method?: PortMethod): void;
}

const DEFAULT_CAPABILITIES: HostCapabilities = {
  host: 'in-memory',
  platform: 'browser',
  apiVersion: null,
  conditionalFormatMarks: true,
  changeEvents: true,
  selectionEvents: true,
  persistentSettings: true,
  // The pane offers 撤销 itself, as on hosts without ExcelApi 1.20.
  undoGroups: false,
};

export function createMemoryWorkbook(initial: WorkbookGrid, options: MemoryWorkbookOptions = {}): MemoryWorkbook {
  const capabilities: HostCapabilities = { ...DEFAULT_CAPABILITIES, ...options.capabilities };
  const store = createCellStore(initial);
  const { sheets, sheetGrid } = store;
  const writes = createMemoryWrites(store);
  const marks = createMemoryMarks();
  const ignores = createMemoryIgnores(options);
  let failure: { error: WorkbookError; method: PortMethod | undefined } | null = null;
  const events = createMemoryEvents(store, capabilities);

  /** Every port call starts here: a failure set up by `failNext` wins. */
  function takeFailure(method: PortMethod): void {
    if (failure && (failure.method === undefined || failure.method === method)) {
      const { error } = failure;
      failure = null;
      throw error;
    }
  }

  return {
    capabilities,

    async readWorkbook(options) {
      takeFailure('readWorkbook');
      return readMemoryWorkbook(store, options);
    },

    async readSheet(name, options) {
      takeFailure('readSheet');
      return readMemorySheet(store, name, options);
    },

    async readAreas(name, addresses) {
      takeFailure('readAreas');
      return addresses.map((address) => store.readArea(name, address));
    },

    async markFindings(findings: readonly Finding[], options: MarkOptions = {}) {
      takeFailure('markFindings');
      marks.mark(findings, options);
    },

    async clearMarks() {
      takeFailure('clearMarks');
      marks.clear();
    },

    async selectCell(location) {
      takeFailure('selectCell');
      // Excel raises SelectionChanged for the add-in's own selections too.
      events.select(location);
    },

    async getSelectedCell() {
      takeFailure('getSelectedCell');
      return events.selectedCell();
    },

    async writeCells(cellWrites) {
      takeFailure('writeCells');
      return writes.write(cellWrites);
    },

    async rewriteBlock(rewrite) {
      takeFailure('rewriteBlock');
      return writes.rewriteSheetBlock(rewrite);
    },

    async undo(record) {
      takeFailure('undo');
      return writes.undo(record);
    },

    async addSheet(sheet) {
      takeFailure('addSheet');
      const name = uniqueSheetName(sheet.name, new Set(sheets.keys()));
      store.setSheet(name, sheet);
      return name;
    },

    async writeReport(rows: readonly ReportRow[], ignored: readonly IgnoredReportRow[] = [], locale: Locale = 'zh-CN') {
      takeFailure('writeReport');
      return writeMemoryReport(store, rows, ignored, locale);
    },

    ignoredSetting: ignores.ignoredSetting,

    async loadIgnored() {
      takeFailure('loadIgnored');
      return ignores.load();
    },

    async saveIgnored(list) {
      takeFailure('saveIgnored');
      ignores.save(list);
    },

    onSelectionChanged: events.onSelectionChanged,
    onCellsChanged: events.onCellsChanged,
    setCell: events.setCell,
    select: events.select,

    marks: marks.marks,

    grid: () => ({ sheets: [...sheets].map(([name, cells]) => sheetGrid(name, cells)) }),

    rewrites: () => [...writes.applied],

    failNext(error, method) {
      failure = { error, method };
    },
  };
}
