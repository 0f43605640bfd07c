import {
  CATALOGS,
  inverseRewrite,
  locate,
  parseA1,
  rewritePoint,
  toA1,
  type BlockRewrite,
  type CellLocation,
  type CellRange,
  type CellValue,
  type Finding,
  type Severity,
  type SheetGrid,
  type WorkbookGrid,
} from '../core';
import {
  marksOf,
  REPORT_HEADER,
  REPORT_SHEET_NAME,
  WorkbookError,
  type CellWrite,
  type HostCapabilities,
  type ReadOptions,
  type ReportRow,
  type SelectedCell,
  type Unsubscribe,
  type UndoRecord,
  type WorkbookPort,
  type WriteConflict,
  type WriteResult,
} from './port';
import { applyRewrite, rewriteConflicts } from './block-cells';
import { uniqueSheetName } from './sheet-names';
import { parseIgnoredSetting, serializeIgnored } from './ignored-list';

/** A cell by sheet and A1 address; a full CellLocation fits too. */
export interface CellRef {
  readonly sheet: string;
  readonly cell: string;
}

/** The port's asynchronous methods, which `failNext` can make reject. */
export type PortMethod = {
  [K in keyof WorkbookPort]: WorkbookPort[K] extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof WorkbookPort];

export interface MemoryWorkbookOptions {
  readonly capabilities?: Partial<HostCapabilities>;
  /** The ignore list's stored text, as a workbook setting holds it (JSON); may be anything, as in a real file. */
  readonly ignoredSetting?: string;
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

/** Cells of one sheet by absolute position; empty cells are absent. */
type SheetCells = Map<string, CellValue>;

const positionKey = (row: number, col: number) => `${row}:${col}`;

function isEmpty(value: CellValue | undefined): boolean {
  return value === null || value === undefined || value === '';
}

// Excel reads an empty cell as "", the adapters hand it over as null: both mean empty.
function sameValue(a: CellValue, b: CellValue): boolean {
  return isEmpty(a) ? isEmpty(b) : a === b;
}

function sheetNotFound(name: string): WorkbookError {
  return new WorkbookError('not-found', `找不到工作表“${name}”，它可能已被重命名或删除。请重新校验。`);
}

function cancelled(): WorkbookError {
  return new WorkbookError('cancelled', '已取消读取工作簿。');
}

/** Excel's limits: 1,048,576 rows × 16,384 columns, 32,767 characters in a cell. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const MAX_CELL_TEXT = 32_767;

/** Why Excel would refuse this write, in Chinese; null if it would not. */
function invalidWrite(w: CellWrite): string | null {
  const { sheet, cell, row, col } = w.location;
  const address = `${sheet}!${cell}`;
  if (!Number.isInteger(row) || !Number.isInteger(col) || row < 0 || col < 0 || row >= MAX_ROWS || col >= MAX_COLUMNS || toA1(row, col) !== cell) {
    return `“${address}”不是有效的单元格位置。`;
  }
  if (typeof w.value === 'string' && w.value.length > MAX_CELL_TEXT) {
    return `${address} 的新内容有 ${w.value.length} 个字符，超过了 Excel 单元格的上限 32,767 个字符，请缩短后重试。`;
  }
  if (typeof w.value === 'number' && !Number.isFinite(w.value)) return `${address} 的新值不是有效的数字。`;
  return null;
}

export function createMemoryWorkbook(initial: WorkbookGrid, options: MemoryWorkbookOptions = {}): MemoryWorkbook {
  const capabilities: HostCapabilities = { ...DEFAULT_CAPABILITIES, ...options.capabilities };
  const sheets = new Map<string, SheetCells>();
  // Merged areas per sheet: a merged area's value sits in its top-left cell, as in Excel.
  const merges = new Map<string, CellRange[]>();
  // Formulas per sheet by position; a cell's value is then the formula's result as last read or written.
  const formulas = new Map<string, Map<string, string>>();
  for (const sheet of initial.sheets) {
    sheets.set(sheet.name, cellsOf(sheet));
    merges.set(sheet.name, [...(sheet.merges ?? [])]);
    formulas.set(sheet.name, formulasOf(sheet));
  }
  let markMap = new Map<string, Severity>();
  let selection: CellLocation | null = null;
  // Kept as text, as in the Office workbook's settings, so it is read back the same way.
  let ignoredSetting: string | undefined = options.ignoredSetting;
  let undoCount = 0;
  const applied: BlockRewrite[] = [];
  let failure: { error: WorkbookError; method: PortMethod | undefined } | null = null;
  const selectionHandlers = new Set<(cell: SelectedCell | null) => void>();
  const changeHandlers = new Set<(sheet: string, address: string) => void>();

  function cellsOf(sheet: SheetGrid): SheetCells {
    const cells: SheetCells = new Map();
    sheet.values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (!isEmpty(value)) cells.set(positionKey(sheet.originRow + r, sheet.originCol + c), value);
      }),
    );
    return cells;
  }

  function formulasOf(sheet: SheetGrid): Map<string, string> {
    const byPosition = new Map<string, string>();
    for (const [address, formula] of sheet.formulas ?? []) {
      const at = parseA1(address);
      if (at) byPosition.set(positionKey(at.row, at.col), formula);
    }
    return byPosition;
  }

  function formulasByAddress(name: string): { formulas?: ReadonlyMap<string, string> } {
    const byPosition = formulas.get(name);
    if (!byPosition || byPosition.size === 0) return {};
    const byAddress = new Map<string, string>();
    for (const [key, formula] of byPosition) {
      const [row, col] = key.split(':').map(Number) as [number, number];
      byAddress.set(toA1(row, col), formula);
    }
    return { formulas: byAddress };
  }

  function sheetGrid(name: string, cells: SheetCells): SheetGrid {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const key of cells.keys()) {
      const [row, col] = key.split(':').map(Number) as [number, number];
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row);
      right = Math.max(right, col);
    }
    const sheetMerges = merges.get(name) ?? [];
    const withMerges = { ...(sheetMerges.length > 0 ? { merges: [...sheetMerges] } : {}), ...formulasByAddress(name) };
    if (bottom < 0) return { name, originRow: 0, originCol: 0, values: [], ...withMerges };
    const values: CellValue[][] = [];
    for (let row = top; row <= bottom; row++) {
      const line: CellValue[] = [];
      for (let col = left; col <= right; col++) line.push(cells.get(positionKey(row, col)) ?? null);
      values.push(line);
    }
    return { name, originRow: top, originCol: left, values, ...withMerges };
  }

  function cellsOfSheet(name: string): SheetCells {
    const cells = sheets.get(name);
    if (!cells) throw sheetNotFound(name);
    return cells;
  }

  function resolve(ref: CellRef): CellLocation {
    const position = parseA1(ref.cell);
    if (!position) throw new WorkbookError('not-found', `“${ref.cell}”不是有效的单元格地址。`);
    return locate(ref.sheet, position.row, position.col);
  }

  function valueAt(location: CellLocation): CellValue {
    return cellsOfSheet(location.sheet).get(positionKey(location.row, location.col)) ?? null;
  }

  function formulaAt(location: CellLocation): string | null {
    return formulas.get(location.sheet)?.get(positionKey(location.row, location.col)) ?? null;
  }

  /** Sets the cell's value (a constant, or the result of `formula`), as typing or writing does. */
  function put(location: CellLocation, value: CellValue, formula?: string): void {
    const cells = cellsOfSheet(location.sheet);
    let sheetFormulas = formulas.get(location.sheet);
    if (!sheetFormulas) formulas.set(location.sheet, (sheetFormulas = new Map()));
    if (formula === undefined) sheetFormulas.delete(positionKey(location.row, location.col));
    else sheetFormulas.set(positionKey(location.row, location.col), formula);
    if (isEmpty(value)) cells.delete(positionKey(location.row, location.col));
    else cells.set(positionKey(location.row, location.col), value);
  }

  /** Every port call starts here: a failure set up by `failNext` wins. */
  function takeFailure(method: PortMethod): void {
    if (failure && (failure.method === undefined || failure.method === method)) {
      const { error } = failure;
      failure = null;
      throw error;
    }
  }

  function throwIfAborted(options: ReadOptions | undefined): void {
    if (options?.signal?.aborted) throw cancelled();
  }

  function write(writes: readonly CellWrite[]): WriteResult {
    // All or nothing: every write is checked before the first one is applied.
    for (const w of writes) {
      cellsOfSheet(w.location.sheet);
      const problem = invalidWrite(w);
      if (problem) throw new WorkbookError('unknown', `没有写入任何单元格：${problem}`);
    }
    const written: CellLocation[] = [];
    const conflicts: WriteConflict[] = [];
    const restores: CellWrite[] = [];
    for (const w of writes) {
      const actual = valueAt(w.location);
      const formula = formulaAt(w.location);
      // A formula is replaced only when the user saw it and agreed (replacesFormula names it), as in Excel.
      if (!sameValue(actual, w.expected) || (formula !== null && w.replacesFormula !== formula)) {
        conflicts.push({ location: w.location, expected: w.expected, actual, ...(formula !== null ? { formula } : {}) });
        continue;
      }
      put(w.location, w.value, w.formula);
      written.push(w.location);
      restores.push({ location: w.location, expected: w.value, value: actual, ...(formula !== null ? { formula } : {}) });
    }
    const undo: UndoRecord | null = restores.length > 0 ? { id: `undo-${++undoCount}`, restores } : null;
    return { written, conflicts, undo };
  }

  /** Formulas move with their rows as the rewrite's rows go in or out (their text is kept); rewritten cells lose theirs. */
  function moveFormulas(rewrite: BlockRewrite, written: readonly CellLocation[]): void {
    const sheetFormulas = formulas.get(rewrite.sheet);
    if (!sheetFormulas || sheetFormulas.size === 0) return;
    const { at, delta } = rewritePoint(rewrite);
    const moved = new Map<string, string>();
    for (const [key, formula] of sheetFormulas) {
      const [row, col] = key.split(':').map(Number) as [number, number];
      if (row < at) moved.set(key, formula);
      else if (delta > 0 || row >= at - delta) moved.set(positionKey(row + delta, col), formula);
    }
    for (const location of written) moved.delete(positionKey(location.row, location.col));
    formulas.set(rewrite.sheet, moved);
  }

  /** A block rewrite, all or nothing: any conflict leaves the sheet as it was. */
  function rewriteSheetBlock(rewrite: Parameters<WorkbookPort['rewriteBlock']>[0]): WriteResult {
    const store = { cells: cellsOfSheet(rewrite.sheet), merges: merges.get(rewrite.sheet) ?? [] };
    const conflicts = rewriteConflicts(store, rewrite);
    if (conflicts.length > 0) return { written: [], conflicts, undo: null };
    const written = applyRewrite(store, rewrite);
    merges.set(rewrite.sheet, store.merges);
    moveFormulas(rewrite, written);
    applied.push(rewrite);
    return { written, conflicts: [], undo: { id: `undo-${++undoCount}`, restores: [], blocks: [inverseRewrite(rewrite)] } };
  }

  function selectedCell(): SelectedCell | null {
    if (!selection || !sheets.has(selection.sheet)) return null;
    return { location: selection, value: valueAt(selection) };
  }

  function notifySelection(): void {
    if (!capabilities.selectionEvents) return;
    const cell = selectedCell();
    for (const handler of [...selectionHandlers]) handler(cell);
  }

  return {
    capabilities,

    async readWorkbook(options) {
      takeFailure('readWorkbook');
      throwIfAborted(options);
      const names = [...sheets.keys()];
      options?.onProgress?.({ stage: 'sheets', done: 0, total: names.length });
      const result: SheetGrid[] = [];
      for (const name of names) {
        throwIfAborted(options);
        result.push(sheetGrid(name, cellsOfSheet(name)));
        options?.onProgress?.({ stage: 'values', done: result.length, total: names.length });
      }
      return { sheets: result };
    },

    async readSheet(name, options) {
      takeFailure('readSheet');
      throwIfAborted(options);
      const grid = sheetGrid(name, cellsOfSheet(name));
      options?.onProgress?.({ stage: 'values', done: 1, total: 1 });
      return grid;
    },

    async markFindings(findings: readonly Finding[]) {
      takeFailure('markFindings');
      markMap = marksOf(findings);
    },

    async clearMarks() {
      takeFailure('clearMarks');
      markMap.clear();
    },

    async selectCell(location) {
      takeFailure('selectCell');
      cellsOfSheet(location.sheet);
      selection = resolve(location);
      // Excel raises SelectionChanged for the add-in's own selections too.
      notifySelection();
    },

    async getSelectedCell() {
      takeFailure('getSelectedCell');
      return selectedCell();
    },

    async writeCells(writes) {
      takeFailure('writeCells');
      return write(writes);
    },

    async rewriteBlock(rewrite) {
      takeFailure('rewriteBlock');
      return rewriteSheetBlock(rewrite);
    },

    async undo(record) {
      takeFailure('undo');
      // Blocks first, last one first: they may move the rows that the cell restores name.
      const blocks = [...(record.blocks ?? [])].reverse().map(rewriteSheetBlock);
      const cells = write(record.restores);
      const conflicts = [...blocks.flatMap((b) => b.conflicts), ...cells.conflicts];
      const written = [...blocks.flatMap((b) => b.written), ...cells.written];
      const restores = [...(cells.undo?.restores ?? [])];
      const undoBlocks = blocks.flatMap((b) => b.undo?.blocks ?? []);
      return { written, conflicts, undo: written.length > 0 ? { id: `undo-${++undoCount}`, restores, ...(undoBlocks.length > 0 ? { blocks: undoBlocks } : {}) } : null };
    },

    async addSheet(sheet) {
      takeFailure('addSheet');
      const name = uniqueSheetName(sheet.name, new Set(sheets.keys()));
      sheets.set(name, cellsOf(sheet));
      merges.set(name, [...(sheet.merges ?? [])]);
      formulas.set(name, formulasOf(sheet));
      return name;
    },

    async writeReport(rows: readonly ReportRow[]) {
      takeFailure('writeReport');
      const labels = CATALOGS['zh-CN'].severity;
      const values: CellValue[][] = [
        [...REPORT_HEADER],
        ...rows.map((r) => [labels[r.severity], r.sheet, r.cell, r.project, r.rule, r.message, r.fix]),
      ];
      // An existing report sheet keeps its place; a new one goes last, as Excel adds it.
      sheets.set(REPORT_SHEET_NAME, cellsOf({ name: REPORT_SHEET_NAME, originRow: 0, originCol: 0, values }));
    },

    ignoredSetting: () => ignoredSetting,

    async loadIgnored() {
      takeFailure('loadIgnored');
      return parseIgnoredSetting(ignoredSetting);
    },

    async saveIgnored(list) {
      takeFailure('saveIgnored');
      ignoredSetting = serializeIgnored(list);
    },

    onSelectionChanged(handler) {
      selectionHandlers.add(handler);
      return () => selectionHandlers.delete(handler);
    },

    onCellsChanged(handler): Unsubscribe {
      changeHandlers.add(handler);
      return () => changeHandlers.delete(handler);
    },

    setCell(ref, value) {
      const location = resolve(ref);
      put(location, value);
      if (!capabilities.changeEvents) return;
      for (const handler of [...changeHandlers]) handler(location.sheet, location.cell);
    },

    select(ref) {
      cellsOfSheet(ref.sheet);
      selection = resolve(ref);
      notifySelection();
    },

    marks: () => new Map(markMap),

    grid: () => ({ sheets: [...sheets].map(([name, cells]) => sheetGrid(name, cells)) }),

    rewrites: () => [...applied],

    failNext(error, method) {
      failure = { error, method };
    },
  };
}
