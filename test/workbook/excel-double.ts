// An in-memory stand-in for the part of the Excel JavaScript API that office-workbook.ts uses.
// Like Office.js: calls only queue work; nothing happens until context.sync(); reading a property
// before load() + sync() throws; each sync is counted and its request/response sizes recorded.
import { parseA1, toA1 } from '../../src/core';

export type HostValue = string | number | boolean;

export interface CellFormat {
  readonly fill: string | null;
  readonly fontColor: string | null;
  readonly bold: boolean;
  readonly border: string | null;
  readonly numberFormat: string;
}

export interface CellState {
  value: HostValue;
  formula: string | null;
  format: CellFormat;
}

export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

export interface ConditionalFormatState {
  /** Like sheet ids, new after a reopen. */
  id: string;
  readonly type: string;
  /** Moves and grows with inserted or deleted rows, as Excel's "applies to" range does. */
  rect: Rect;
  formula: string | null;
  fill: string | null;
  fontColor: string | null;
}

export interface SheetState {
  /** Worksheet.id is stable only while the workbook stays open: reopen() gives new ones. */
  id: string;
  name: string;
  readonly cells: Map<string, CellState>;
  conditionalFormats: ConditionalFormatState[];
  /** Merged areas: the value sits in the top-left cell, the other cells read "" and ignore writes. */
  merges: Rect[];
  protected: boolean;
  frozenRows: number;
  readonly columnWidths: Map<number, number>;
}

export interface SyncRecord {
  readonly requestBytes: number;
  readonly responseBytes: number;
  /** Property paths loaded in this sync, e.g. "range.values". */
  readonly loads: readonly string[];
  readonly failure: string | null;
}

export interface ExcelDoubleOptions {
  /** Highest ExcelApi version the host supports, e.g. "1.1" or "1.20". */
  readonly apiVersion?: string;
  readonly platform?: string;
  readonly maxRequestBytes?: number;
  readonly maxResponseBytes?: number;
}

/** What OfficeExtension.Error looks like to callers: a `code` and a message. */
export class OfficeErrorDouble extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export const DEFAULT_FORMAT: CellFormat = { fill: null, fontColor: null, bold: false, border: null, numberFormat: 'General' };

const FIVE_MB = 5 * 1024 * 1024;
const encoder = new TextEncoder();
const byteSize = (value: unknown) => encoder.encode(JSON.stringify(value)).length;
/**
 * Office.js sends every proxy object as an entry of ObjectPaths plus an action that instantiates it, and every
 * call or property set as an action; the double's compact ops are topped up by these, calibrated against
 * excel-web-16.00.js's own request builder (test/workbook/office-request-sizes.test.ts: within 10% for marks
 * and value writes).
 */
const OBJECT_PATH_BYTES = 113;
const ACTION_BYTES = 100;

/** "worksheets(\"a.b\").range(A1).conditionalFormats" → its object paths, one per top-level dot. */
function objectPaths(path: string): string[] {
  const prefixes: string[] = [];
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < path.length; i++) {
    const ch = path[i];
    if (ch === '"' && path[i - 1] !== '\\') quoted = !quoted;
    else if (!quoted && (ch === '(' || ch === '[')) depth++;
    else if (!quoted && (ch === ')' || ch === ']')) depth--;
    else if (!quoted && depth === 0 && ch === '.') prefixes.push(path.slice(0, i));
  }
  return [...prefixes, path];
}

/** The request's size as the real builder makes it (see OBJECT_PATH_BYTES). */
function requestSize(ops: readonly Op[]): number {
  // Each object path is sent once, naming only its own step ("range(A1)"), not the whole chain.
  const paths = new Map<string, number>();
  const actions = ops.map((op) => {
    const { p, ...rest } = op.json as { p?: unknown };
    const prefixes = typeof p === 'string' ? objectPaths(p) : [];
    prefixes.forEach((prefix, i) => paths.set(prefix, byteSize(prefix.slice((prefixes[i - 1]?.length ?? -1) + 1))));
    return rest;
  });
  let pathBytes = 0;
  for (const bytes of paths.values()) pathBytes += bytes + OBJECT_PATH_BYTES;
  return byteSize(actions) + pathBytes + ops.length * ACTION_BYTES;
}
const cellKey = (row: number, col: number) => `${row},${col}`;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
/** Excel will not read values or formulas of more cells than this from one range. */
const MAX_RANGE_CELLS = 5_000_000;
/** Excel will not hand over more merged areas than this from one getMergedAreas call. */
const MAX_MERGED_AREAS = 512;

function minorOf(version: string | number): number {
  const match = /^1\.(\d+)$/.exec(String(version));
  if (!match) throw new Error(`ExcelDouble: unknown version ${version}`);
  return Number(match[1]);
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && parseA1(name) === null ? name : `'${name.replace(/'/g, "''")}'`;
}

function rectAddress(rect: Rect): string {
  const first = toA1(rect.row, rect.col);
  if (rect.rowCount === 1 && rect.columnCount === 1) return first;
  return `${first}:${toA1(rect.row + rect.rowCount - 1, rect.col + rect.columnCount - 1)}`;
}

function parseRect(address: string): Rect {
  // Whole rows, as in getRange("5:7").
  const rows = /^\$?([1-9]\d*):\$?([1-9]\d*)$/.exec(address);
  if (rows) {
    const first = Number(rows[1]) - 1;
    const last = Number(rows[2]) - 1;
    if (last < first || last >= MAX_ROWS) throw new OfficeErrorDouble('InvalidArgument', `ExcelDouble: unsupported address "${address}"`);
    return { row: first, col: 0, rowCount: last - first + 1, columnCount: MAX_COLUMNS };
  }
  const [a, b = a] = address.split(':');
  const start = parseA1(a ?? '');
  const end = parseA1(b ?? '');
  if (!start || !end) throw new OfficeErrorDouble('InvalidArgument', `ExcelDouble: unsupported address "${address}"`);
  return { row: start.row, col: start.col, rowCount: end.row - start.row + 1, columnCount: end.col - start.col + 1 };
}

function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.col < b.col + b.columnCount && b.col < a.col + a.columnCount;
}

function contains(outer: Rect, row: number, col: number): boolean {
  return row >= outer.row && row < outer.row + outer.rowCount && col >= outer.col && col < outer.col + outer.columnCount;
}

/** A merged area's cell other than its top-left one: it reads "" and keeps no value. */
function isCovered(sheet: SheetState, row: number, col: number): boolean {
  return sheet.merges.some((m) => contains(m, row, col) && (m.row !== row || m.col !== col));
}

/**
 * A range after `delta` whole rows are inserted (delta > 0) or deleted (delta < 0) at row `at`, as Excel moves
 * merged areas and conditional formats: below moves, inserted strictly inside grows, deleted rows shrink it.
 * Null when none of its rows is left.
 */
function shiftedRect(rect: Rect, at: number, delta: number): Rect | null {
  const last = rect.row + rect.rowCount - 1;
  if (delta > 0) {
    if (rect.row >= at) return { ...rect, row: rect.row + delta };
    return last >= at ? { ...rect, rowCount: rect.rowCount + delta } : rect;
  }
  const gone = -delta;
  if (rect.row >= at + gone) return { ...rect, row: rect.row - gone };
  if (last < at) return rect;
  const rowCount = Math.max(0, at - rect.row) + Math.max(0, last - (at + gone - 1));
  return rowCount > 0 ? { ...rect, row: Math.min(rect.row, at), rowCount } : null;
}

/** Inserts (delta > 0) or deletes (delta < 0) whole rows at `at`: cells, merged areas and conditional formats move. */
function shiftRows(sheet: SheetState, at: number, delta: number): void {
  const moved = new Map<string, CellState>();
  for (const [key, cell] of sheet.cells) {
    const [row, col] = key.split(',').map(Number) as [number, number];
    if (row < at) moved.set(key, cell);
    else if (delta > 0) {
      if (row + delta >= MAX_ROWS && (cell.value !== '' || cell.formula !== null)) {
        throw new OfficeErrorDouble('InvalidOperation', 'To prevent possible loss of data, Excel cannot shift nonblank cells off of the worksheet.');
      }
      if (row + delta < MAX_ROWS) moved.set(cellKey(row + delta, col), cell);
    } else if (row >= at - delta) moved.set(cellKey(row + delta, col), cell);
  }
  // New rows take the format of the row above, as Excel's insert does by default.
  for (const [key, cell] of delta > 0 && at > 0 ? sheet.cells : []) {
    const [row, col] = key.split(',').map(Number) as [number, number];
    if (row !== at - 1 || JSON.stringify(cell.format) === JSON.stringify(DEFAULT_FORMAT)) continue;
    for (let r = at; r < at + delta; r++) moved.set(cellKey(r, col), { value: '', formula: null, format: cell.format });
  }
  sheet.cells.clear();
  for (const [key, cell] of moved) sheet.cells.set(key, cell);
  sheet.merges = sheet.merges.flatMap((m) => {
    const next = shiftedRect(m, at, delta);
    return next && next.rowCount * next.columnCount > 1 ? [next] : [];
  });
  sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => {
    const next = shiftedRect(cf.rect, at, delta);
    if (next) cf.rect = next;
    return next !== null;
  });
}

/** Merges `rect` (or each of its rows, `across`): only the top-left value of each area is kept. */
function mergeRect(sheet: SheetState, rect: Rect, across: boolean): void {
  const areas = across ? Array.from({ length: rect.rowCount }, (_, r) => ({ ...rect, row: rect.row + r, rowCount: 1 })) : [rect];
  for (const area of areas) {
    if (area.rowCount * area.columnCount < 2) continue;
    const overlapping = sheet.merges.filter((m) => intersects(m, area));
    if (overlapping.some((m) => !(contains(area, m.row, m.col) && contains(area, m.row + m.rowCount - 1, m.col + m.columnCount - 1)))) {
      throw new OfficeErrorDouble('InvalidOperation', `ExcelDouble: ${rectAddress(area)} overlaps part of a merged area.`);
    }
    forEachCell(area, (row, col) => {
      const cell = sheet.cells.get(cellKey(row, col));
      if (cell && (row !== area.row || col !== area.col)) sheet.cells.set(cellKey(row, col), { ...cell, value: '', formula: null });
    });
    sheet.merges = [...sheet.merges.filter((m) => !overlapping.includes(m)), area];
  }
}

/** Error values: Office.js hands them over as their text (Range.values: "Cells that contain an error will return the error string"). */
const ERROR_TEXTS = new Set(['#N/A', '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!']);
/** "1,000", "-12.5", "+3", "5%": what Excel takes for a number when it is typed (or written through `values`). */
const NUMBER_TEXT = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?%?$/;
/** "1-2" (2 January of this year), "2026-1-2" or "2026/1/2": Excel stores a date serial. */
const DATE_TEXT = /^(?:(\d{4})[-/])?(\d{1,2})[-/](\d{1,2})$/;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function dateSerial(text: string): number | null {
  const match = DATE_TEXT.exec(text);
  if (!match) return null;
  const [, year, month, day] = match;
  const serial = (Date.UTC(Number(year ?? new Date().getFullYear()), Number(month) - 1, Number(day)) - EXCEL_EPOCH) / 86_400_000;
  return Number(month) >= 1 && Number(month) <= 12 && Number(day) >= 1 && Number(day) <= 31 ? serial : null;
}

/**
 * Excel's own reading of a written string, as if typed. Range.values (office-js typings, ExcelApi 1.1): "If the
 * returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a
 * formula"; numbers, percentages, dates and TRUE/FALSE are parsed as the UI does. A Text (@) cell keeps the
 * string, and a leading apostrophe (Excel's quote prefix) keeps the rest as text and is not part of the value.
 */
function coerce(cell: CellState, input: HostValue): void {
  cell.formula = null;
  cell.value = input;
  if (typeof input !== 'string' || input === '') return;
  if (input.startsWith("'")) {
    cell.value = input.slice(1);
    return;
  }
  if (cell.format.numberFormat === '@') return;
  const text = input.trim();
  if (NUMBER_TEXT.test(text) && /\d/.test(text)) {
    const number = Number(text.replace(/[,%]/g, ''));
    cell.value = text.endsWith('%') ? number / 100 : number;
  } else if (/^[=+\-@]/.test(text)) {
    // Excel puts "=" before a "+", "-" or "@" start; the result is shown until the next read evaluates it.
    cell.formula = text.startsWith('=') ? text : `=${text}`;
    cell.value = '#NAME?';
  } else if (dateSerial(text) !== null) {
    cell.value = dateSerial(text) ?? input;
  } else if (/^(true|false)$/i.test(text)) {
    cell.value = text.toLowerCase() === 'true';
  } else if (ERROR_TEXTS.has(text.toUpperCase())) {
    cell.value = text.toUpperCase();
  }
}

/** The numbers a SUM argument or a +/- operand stands for: a constant, a cell or a range; text counts as nothing. */
function operandValues(sheet: SheetState, operand: string): number[] | null {
  const text = operand.trim().replace(/\$/g, '');
  if (/^\d+(\.\d+)?$/.test(text)) return [Number(text)];
  if (!/^[A-Z]+\d+(:[A-Z]+\d+)?$/i.test(text)) return null;
  const numbers: number[] = [];
  forEachCell(parseRect(text.toUpperCase()), (row, col) => {
    const cell = sheet.cells.get(cellKey(row, col));
    const value = cell ? resultOf(sheet, cell) : '';
    if (typeof value === 'number') numbers.push(value);
  });
  return numbers;
}

/** The result of the formulas the tests use (=SUM(…), =A1+B2-3); null for any other formula. */
function evaluateFormula(sheet: SheetState, formula: string): number | null {
  const sum = /^=SUM\((.*)\)$/i.exec(formula.trim());
  const operands = sum ? (sum[1] ?? '').split(',').map((a) => ({ sign: 1, text: a })) : formula.slice(1).split(/(?=[+-])/).map((t) => ({ sign: t.startsWith('-') ? -1 : 1, text: t.replace(/^[+-]/, '') }));
  let total = 0;
  for (const { sign, text } of operands) {
    const numbers = operandValues(sheet, text);
    if (!numbers) return null;
    total += sign * numbers.reduce((a, b) => a + b, 0);
  }
  return total;
}

/** What `values` reads: a formula's result (recalculated, as Excel's automatic calculation does), else the constant. */
function resultOf(sheet: SheetState, cell: CellState): HostValue {
  return cell.formula === null ? cell.value : (evaluateFormula(sheet, cell.formula) ?? cell.value);
}

interface Op {
  readonly json: unknown;
  readonly api: string;
  /** Returns what a load sends back, or nothing. */
  readonly run: () => { data: unknown; deliver: () => void } | void;
}

type SheetRef = () => SheetState | null;
type RangeTarget = { sheet: SheetState; rect: Rect } | null;
type RangeRef = () => RangeTarget;

export class ExcelDouble {
  readonly sheets: SheetState[] = [];
  readonly settings = new Map<string, unknown>();
  /** Office.context.document.settings as saved with saveAsync. */
  readonly savedDocumentSettings = new Map<string, unknown>();
  readonly syncs: SyncRecord[] = [];
  /** Options objects passed to Excel.run (mergeUndoGroup …). */
  readonly runOptions: unknown[] = [];
  /** Excel.run calls made (each a round of requests the pane waits for). */
  runCount = 0;
  cellEditMode = false;
  activeSheetId: string | null = null;
  selection: { sheetId: string; rect: Rect } | null = null;
  readonly apiMinor: number;
  readonly office: OfficeDouble;
  readonly run: (first: unknown, second?: unknown) => Promise<unknown>;
  readonly selectionHandlers = new Set<(args: unknown) => Promise<unknown>>();
  readonly changeHandlers = new Set<{ sheetId: string | null; handler: (args: unknown) => Promise<unknown> }>();
  private readonly failures: OfficeErrorDouble[] = [];
  private readonly hooks: ((syncIndex: number) => void)[] = [];
  private nextId = 1;

  constructor(readonly options: ExcelDoubleOptions = {}) {
    this.apiMinor = minorOf(options.apiVersion ?? '1.20');
    this.office = new OfficeDouble(this, options.platform ?? 'OfficeOnline');
    this.run = async (first: unknown, second?: unknown) => {
      const batch = (typeof first === 'function' ? first : second) as (context: RequestContextDouble) => Promise<unknown>;
      this.runCount++;
      if (first instanceof RequestContextDouble) return batch(first);
      if (typeof first !== 'function') this.runOptions.push(first);
      return batch(new RequestContextDouble(this));
    };
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  newId(prefix: string): string {
    return `${prefix}${this.nextId++}`;
  }

  /** Adds a sheet whose values start at `origin`; null leaves a cell empty. */
  addSheet(name: string, rows: readonly (readonly (HostValue | null)[])[] = [], origin = 'A1'): SheetState {
    const sheet: SheetState = { id: `{${this.newId('sheet-')}}`, name, cells: new Map(), conditionalFormats: [], merges: [], protected: false, frozenRows: 0, columnWidths: new Map() };
    const start = parseA1(origin);
    if (!start) throw new Error(`ExcelDouble: bad origin ${origin}`);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) sheet.cells.set(cellKey(start.row + r, start.col + c), { value, formula: null, format: DEFAULT_FORMAT });
      }),
    );
    this.sheets.push(sheet);
    this.activeSheetId ??= sheet.id;
    return sheet;
  }

  sheet(name: string): SheetState {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`ExcelDouble: no sheet ${name}`);
    return sheet;
  }

  cell(sheet: string, address: string): CellState | undefined {
    const at = parseA1(address);
    return at ? this.sheet(sheet).cells.get(cellKey(at.row, at.col)) : undefined;
  }

  /** Changes a cell behind the add-in's back (no events). */
  setCell(sheet: string, address: string, value: HostValue): void {
    const at = parseRect(address);
    const cells = this.sheet(sheet).cells;
    const key = cellKey(at.row, at.col);
    cells.set(key, { value, formula: null, format: cells.get(key)?.format ?? DEFAULT_FORMAT });
  }

  /** As if the user typed a formula into the cell (no events); `values` read its result. */
  setFormula(sheet: string, address: string, formula: string): void {
    const at = parseRect(address);
    const cells = this.sheet(sheet).cells;
    const key = cellKey(at.row, at.col);
    cells.set(key, { value: '', formula, format: cells.get(key)?.format ?? DEFAULT_FORMAT });
  }

  /** The user's own formatting on every cell of `address`. */
  formatCells(sheet: string, address: string, format: Partial<CellFormat>): void {
    const state = this.sheet(sheet);
    forEachCell(parseRect(address), (row, col) => {
      const existing = state.cells.get(cellKey(row, col)) ?? { value: '', formula: null, format: DEFAULT_FORMAT };
      state.cells.set(cellKey(row, col), { ...existing, format: { ...existing.format, ...format } });
    });
  }

  /** As if the user merged `address` (and confirmed that only the top-left value stays). */
  mergeCells(sheet: string, address: string): void {
    mergeRect(this.sheet(sheet), parseRect(address), false);
  }

  /** As if the user unmerged every merged area touching `address`. */
  unmergeCells(sheet: string, address: string): void {
    const state = this.sheet(sheet);
    const rect = parseRect(address);
    state.merges = state.merges.filter((m) => !intersects(m, rect));
  }

  /** The merged areas of a sheet as "A5:A7" addresses, top to bottom, left to right. */
  mergedAreas(sheet: string): string[] {
    return [...this.sheet(sheet).merges].sort((a, b) => a.row - b.row || a.col - b.col).map(rectAddress);
  }

  addUserConditionalFormat(sheet: string, address: string, rule: { type: string; formula: string | null; fill: string | null; fontColor: string | null }): void {
    this.sheet(sheet).conditionalFormats.push({ id: this.newId('cf-'), rect: parseRect(address), ...rule });
  }

  /**
   * As if the workbook were saved, closed and opened again: "the worksheet ID is only stable while the workbook
   * is open" (Worksheet.id reference), so sheets (and conditional formats) get new ids; the workbook's settings
   * were saved with it and stay; the old session's event handlers are gone.
   */
  reopen(): void {
    for (const sheet of this.sheets) {
      const id = `{${this.newId('sheet-')}}`;
      if (this.activeSheetId === sheet.id) this.activeSheetId = id;
      if (this.selection?.sheetId === sheet.id) this.selection = { ...this.selection, sheetId: id };
      sheet.id = id;
      for (const cf of sheet.conditionalFormats) cf.id = this.newId('cf-');
    }
    this.selectionHandlers.clear();
    this.changeHandlers.clear();
  }

  /** The next sync rejects with this Office error. */
  failNextSync(code: string, message = code): void {
    this.failures.push(new OfficeErrorDouble(code, message));
  }

  /** Runs before each sync is processed: the place to change cells "between syncs". */
  beforeSync(hook: (syncIndex: number) => void): void {
    this.hooks.push(hook);
  }

  /** As if the user selected `address`: fires the selection handlers and waits for them. */
  async selectByUser(sheet: string, address: string): Promise<void> {
    const state = this.sheet(sheet);
    this.activeSheetId = state.id;
    this.selection = { sheetId: state.id, rect: parseRect(address) };
    await Promise.all([...this.selectionHandlers].map((handler) => handler({ type: 'SelectionChanged' })));
  }

  /** As if the user typed a value: changes the cell and fires the change handlers. */
  async editByUser(sheet: string, address: string, value: HostValue): Promise<void> {
    this.setCell(sheet, address, value);
    const state = this.sheet(sheet);
    const args = { type: 'WorksheetChanged', worksheetId: state.id, address, changeType: 'RangeEdited', source: 'Local' };
    await Promise.all([...this.changeHandlers].filter((h) => h.sheetId === null || h.sheetId === state.id).map((h) => h.handler(args)));
  }

  /** Everything a user could see in the grid, canonical so two snapshots compare with toEqual. */
  snapshot(): unknown {
    return this.sheets.map((s) => ({
      name: s.name,
      cells: [...s.cells.entries()]
        .filter(([, c]) => c.value !== '' || c.formula !== null || JSON.stringify(c.format) !== JSON.stringify(DEFAULT_FORMAT))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, c]) => ({ key, ...c })),
      conditionalFormats: s.conditionalFormats.map((cf) => ({ ...cf, rect: { ...cf.rect } })),
      merges: this.mergedAreas(s.name),
    }));
  }

  /** Installs Office, Excel and OfficeExtension globals for code that reads them (office-js-helpers); returns the undo. */
  installGlobals(): () => void {
    const globals = globalThis as Record<string, unknown>;
    const saved = { Office: globals.Office, Excel: globals.Excel, OfficeExtension: globals.OfficeExtension };
    globals.Office = this.office;
    globals.Excel = {
      run: this.run,
      ErrorCodes: { itemNotFound: 'ItemNotFound' },
      InsertShiftDirection: { down: 'Down', right: 'Right' },
      DeleteShiftDirection: { up: 'Up', left: 'Left' },
    };
    globals.OfficeExtension = { Error: OfficeErrorDouble };
    return () => Object.assign(globals, saved);
  }

  /** Processes one batch, as the host would. */
  async process(ops: readonly Op[]): Promise<void> {
    const index = this.syncs.length;
    for (const hook of this.hooks) hook(index);
    await Promise.resolve();
    const loads = ops.flatMap((op) => {
      const json = op.json as { o: string; a?: unknown };
      return json.o === 'load' ? [String(json.a)] : [];
    });
    const requestBytes = requestSize(ops);
    const fail = (error: OfficeErrorDouble, responseBytes = 0): never => {
      this.syncs.push({ requestBytes, responseBytes, loads, failure: error.code });
      throw error;
    };
    const injected = this.failures.shift();
    if (injected) fail(injected);
    if (this.cellEditMode) fail(new OfficeErrorDouble('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.'));
    if (requestBytes > (this.options.maxRequestBytes ?? FIVE_MB)) fail(new OfficeErrorDouble('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.'));
    const missing = ops.find((op) => minorOf(op.api) > this.apiMinor);
    if (missing) fail(new OfficeErrorDouble('ApiNotFound', `ExcelApi ${missing.api} is not supported: ${JSON.stringify(missing.json)}`));
    const results: { data: unknown; deliver: () => void }[] = [];
    for (const op of ops) {
      try {
        const result = op.run();
        if (result) results.push(result);
      } catch (error) {
        fail(error instanceof OfficeErrorDouble ? error : new OfficeErrorDouble('GeneralException', String(error)));
      }
    }
    const responseBytes = byteSize(results.map((r) => r.data));
    if (responseBytes > (this.options.maxResponseBytes ?? FIVE_MB)) {
      fail(new OfficeErrorDouble('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.'), responseBytes);
    }
    this.syncs.push({ requestBytes, responseBytes, loads, failure: null });
    for (const result of results) result.deliver();
  }

  findSheet(nameOrId: string): SheetState | null {
    return this.sheets.find((s) => s.name === nameOrId || s.id === nameOrId) ?? null;
  }
}

function forEachCell(rect: Rect, visit: (row: number, col: number) => void): void {
  for (let r = 0; r < rect.rowCount; r++) for (let c = 0; c < rect.columnCount; c++) visit(rect.row + r, rect.col + c);
}

export class RequestContextDouble {
  private queue: Op[] = [];
  readonly workbook: WorkbookDouble;

  constructor(readonly host: ExcelDouble) {
    this.workbook = new WorkbookDouble(this);
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    await this.host.process(ops);
  }
}

function parseLoad(names: unknown): string[] {
  if (typeof names === 'string') return names.split(',').map((n) => n.trim()).filter((n) => n !== '');
  if (Array.isArray(names)) return names.map(String);
  // Loading everything is what the adapter must never do.
  throw new Error('ExcelDouble: load() needs explicit property names');
}

/** The proxy behaviour every object shares: loaded values, read guard, queued work. */
class ClientObjectDouble {
  private readonly loaded = new Map<string, unknown>();

  constructor(
    readonly context: RequestContextDouble,
    protected readonly path: string,
  ) {}

  protected read<T>(property: string): T {
    if (!this.loaded.has(property)) {
      throw new OfficeErrorDouble('PropertyNotLoaded', `The property '${property}' of ${this.path} is not available. Load it and call context.sync() first.`);
    }
    return this.loaded.get(property) as T;
  }

  protected deliver(values: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(values)) this.loaded.set(key, value);
  }

  protected queue(o: string, api: string, run: () => void, a?: unknown): void {
    this.context.enqueue({ json: { o, p: this.path, a }, api, run });
  }

  protected queueLoad(names: readonly string[], api: string, fetch: () => Record<string, unknown>, deliver?: (data: Record<string, unknown>) => void): void {
    this.context.enqueue({
      json: { o: 'load', p: this.path, a: names.join(',') },
      api,
      run: () => {
        const data = fetch();
        return { data, deliver: () => (deliver ?? ((d) => this.deliver(d)))(data) };
      },
    });
  }

  /** For *OrNullObject: whether the object exists is known after the next sync. */
  protected probe(exists: () => boolean, api: string): void {
    this.context.enqueue({ json: { o: 'probe', p: this.path }, api, run: () => ({ data: null, deliver: () => this.deliver({ isNullObject: !exists() }) }) });
  }

  get isNullObject(): boolean {
    return this.read<boolean>('isNullObject');
  }
}

function onlyKnown(names: readonly string[], known: readonly string[], path: string): void {
  for (const name of names) if (!known.includes(name)) throw new Error(`ExcelDouble: ${path} cannot load "${name}"`);
}

class EventHandlersDouble {
  constructor(
    private readonly context: RequestContextDouble,
    private readonly api: string,
    private readonly register: (handler: (args: unknown) => Promise<unknown>) => () => void,
  ) {}

  add(handler: (args: unknown) => Promise<unknown>): { context: RequestContextDouble; remove(): void } {
    let unregister: (() => void) | null = null;
    this.context.enqueue({ json: { o: 'addHandler' }, api: this.api, run: () => void (unregister = this.register(handler)) });
    const context = this.context;
    return {
      context,
      remove: () => context.enqueue({ json: { o: 'removeHandler' }, api: this.api, run: () => void unregister?.() }),
    };
  }
}

class WorkbookDouble {
  readonly worksheets: WorksheetCollectionDouble;

  constructor(readonly context: RequestContextDouble) {
    this.worksheets = new WorksheetCollectionDouble(context);
  }

  get settings(): SettingCollectionDouble {
    return new SettingCollectionDouble(this.context);
  }

  getSelectedRange(): RangeDouble {
    const host = this.context.host;
    return new RangeDouble(this.context, 'selection', '1.1', () => {
      const selection = host.selection;
      const sheet = selection ? host.findSheet(selection.sheetId) : null;
      if (!selection || !sheet) throw new OfficeErrorDouble('InvalidSelection', 'Nothing is selected.');
      return { sheet, rect: selection.rect };
    });
  }

  get onSelectionChanged(): EventHandlersDouble {
    const host = this.context.host;
    return new EventHandlersDouble(this.context, '1.2', (handler) => {
      host.selectionHandlers.add(handler);
      return () => host.selectionHandlers.delete(handler);
    });
  }
}

class WorksheetCollectionDouble extends ClientObjectDouble {
  constructor(context: RequestContextDouble) {
    super(context, 'worksheets');
  }

  get items(): WorksheetDouble[] {
    return this.read<WorksheetDouble[]>('items');
  }

  load(names: unknown): this {
    const requested = parseLoad(names);
    const wanted = requested.map((n) => n.replace(/^items\//, ''));
    onlyKnown(wanted, ['name', 'id'], 'worksheet');
    const host = this.context.host;
    this.queueLoad(
      requested,
      '1.1',
      () => ({ items: host.sheets.map((s) => Object.fromEntries(wanted.map((w) => [w, w === 'name' ? s.name : s.id]))) }),
      () => {
        const items = host.sheets.map((s, i) => {
          const sheet = new WorksheetDouble(this.context, `worksheets[${i}]`, '1.1', () => s);
          sheet.receive(Object.fromEntries(wanted.map((w) => [w, w === 'name' ? s.name : s.id])));
          return sheet;
        });
        this.deliver({ items });
      },
    );
    return this;
  }

  getItem(nameOrId: string): WorksheetDouble {
    const host = this.context.host;
    return new WorksheetDouble(this.context, `worksheets(${JSON.stringify(nameOrId)})`, '1.1', () => {
      const sheet = host.findSheet(nameOrId);
      if (!sheet) throw new OfficeErrorDouble('ItemNotFound', `The requested resource doesn't exist: ${nameOrId}`);
      return sheet;
    });
  }

  getItemOrNullObject(nameOrId: string): WorksheetDouble {
    const host = this.context.host;
    const sheet = new WorksheetDouble(this.context, `worksheets(${JSON.stringify(nameOrId)})?`, '1.4', () => host.findSheet(nameOrId));
    sheet.probeExistence();
    return sheet;
  }

  add(name?: string): WorksheetDouble {
    const host = this.context.host;
    let created: SheetState | null = null;
    this.queue('addSheet', '1.1', () => {
      let sheetName = name ?? `Sheet${host.sheets.length + 1}`;
      if (name === undefined) for (let n = host.sheets.length + 1; host.findSheet(sheetName); n++) sheetName = `Sheet${n}`;
      if (host.findSheet(sheetName)) throw new OfficeErrorDouble('ItemAlreadyExists', `A sheet named ${sheetName} already exists.`);
      created = host.addSheet(sheetName);
    }, name);
    return new WorksheetDouble(this.context, 'worksheets.add()', '1.1', () => {
      if (!created) throw new Error('ExcelDouble: sheet used before its add() ran');
      return created;
    });
  }

  get onChanged(): EventHandlersDouble {
    const host = this.context.host;
    return new EventHandlersDouble(this.context, '1.9', (handler) => {
      const entry = { sheetId: null, handler };
      host.changeHandlers.add(entry);
      return () => host.changeHandlers.delete(entry);
    });
  }
}

class WorksheetDouble extends ClientObjectDouble {
  constructor(
    context: RequestContextDouble,
    path: string,
    private readonly api: string,
    readonly resolve: SheetRef,
  ) {
    super(context, path);
  }

  probeExistence(): void {
    this.probe(() => this.resolve() !== null, this.api);
  }

  receive(values: Record<string, unknown>): void {
    this.deliver(values);
  }

  get name(): string {
    return this.read<string>('name');
  }

  set name(value: string) {
    const host = this.context.host;
    this.queue('setName', '1.1', () => {
      const sheet = this.resolve();
      if (!sheet) return;
      if (host.findSheet(value)) throw new OfficeErrorDouble('ItemAlreadyExists', `A sheet named ${value} already exists.`);
      sheet.name = value;
    }, value);
  }

  get id(): string {
    return this.read<string>('id');
  }

  load(names: unknown): this {
    const wanted = parseLoad(names);
    onlyKnown(wanted, ['name', 'id'], 'worksheet');
    this.queueLoad(wanted, '1.1', () => {
      const sheet = this.resolve();
      return sheet ? Object.fromEntries(wanted.map((w) => [w, w === 'name' ? sheet.name : sheet.id])) : {};
    });
    return this;
  }

  getRange(address?: string): RangeDouble {
    return new RangeDouble(this.context, `${this.path}.range(${address ?? ''})`, '1.1', () => {
      const sheet = this.resolve();
      if (!sheet) return null;
      return { sheet, rect: address === undefined ? { row: 0, col: 0, rowCount: 1_048_576, columnCount: 16_384 } : parseRect(address) };
    });
  }

  getUsedRange(valuesOnly?: boolean): RangeDouble {
    return new RangeDouble(this.context, `${this.path}.usedRange`, valuesOnly === undefined ? '1.1' : '1.2', () => {
      const sheet = this.resolve();
      return sheet ? { sheet, rect: usedRect(sheet, valuesOnly === true) ?? { row: 0, col: 0, rowCount: 1, columnCount: 1 } } : null;
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeDouble {
    const range = new RangeDouble(this.context, `${this.path}.usedRange?`, '1.4', () => {
      const sheet = this.resolve();
      const rect = sheet ? usedRect(sheet, valuesOnly === true) : null;
      return sheet && rect ? { sheet, rect } : null;
    });
    range.probeExistence();
    return range;
  }

  activate(): void {
    const host = this.context.host;
    this.queue('activate', '1.1', () => {
      const sheet = this.resolve();
      if (sheet) host.activeSheetId = sheet.id;
    });
  }

  delete(): void {
    const host = this.context.host;
    this.queue('deleteSheet', '1.1', () => {
      const sheet = this.resolve();
      if (!sheet) return;
      host.sheets.splice(host.sheets.indexOf(sheet), 1);
      if (host.activeSheetId === sheet.id) host.activeSheetId = host.sheets[0]?.id ?? null;
      if (host.selection?.sheetId === sheet.id) host.selection = null;
    });
  }

  get freezePanes(): { freezeRows(count: number): void } {
    return {
      freezeRows: (count: number) =>
        this.queue('freezeRows', '1.7', () => {
          const sheet = this.resolve();
          if (sheet) sheet.frozenRows = count;
        }, count),
    };
  }

  get onChanged(): EventHandlersDouble {
    const host = this.context.host;
    return new EventHandlersDouble(this.context, '1.7', (handler) => {
      const sheet = this.resolve();
      const entry = { sheetId: sheet?.id ?? '', handler };
      host.changeHandlers.add(entry);
      return () => host.changeHandlers.delete(entry);
    });
  }
}

/** The used cells' bounding rectangle (within `inside`, if given); merged cells count unless `valuesOnly`. */
function usedRect(sheet: SheetState, valuesOnly: boolean, inside?: Rect): Rect | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const use = (row: number, col: number) => {
    if (inside && !contains(inside, row, col)) return;
    top = Math.min(top, row);
    left = Math.min(left, col);
    bottom = Math.max(bottom, row);
    right = Math.max(right, col);
  };
  for (const [key, cell] of sheet.cells) {
    const used = cell.value !== '' || cell.formula !== null || (!valuesOnly && JSON.stringify(cell.format) !== JSON.stringify(DEFAULT_FORMAT));
    if (!used) continue;
    const [row, col] = key.split(',').map(Number) as [number, number];
    use(row, col);
  }
  if (!valuesOnly) for (const m of sheet.merges) forEachCell(m, use);
  return bottom < 0 ? null : { row: top, col: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
}

function mutableSheet(target: RangeTarget): { sheet: SheetState; rect: Rect } | null {
  if (target?.sheet.protected) throw new OfficeErrorDouble('AccessDenied', 'The cell or chart you are trying to change is on a protected sheet.');
  return target;
}

function matrixOf(input: unknown, rect: Rect): unknown[][] {
  if (!Array.isArray(input)) return Array.from({ length: rect.rowCount }, () => Array.from({ length: rect.columnCount }, () => input));
  const rows = input as unknown[][];
  if (rows.length !== rect.rowCount || rows.some((r) => !Array.isArray(r) || r.length !== rect.columnCount)) {
    throw new OfficeErrorDouble('InvalidArgument', 'The number of rows or columns in the input array does not match the size or dimensions of the range.');
  }
  return rows;
}

class RangeDouble extends ClientObjectDouble {
  constructor(
    context: RequestContextDouble,
    path: string,
    private readonly api: string,
    private readonly resolve: RangeRef,
  ) {
    super(context, path);
  }

  probeExistence(): void {
    this.probe(() => this.resolve() !== null, this.api);
  }

  receive(values: Record<string, unknown>): void {
    this.deliver(values);
  }

  get values(): HostValue[][] {
    return this.read<HostValue[][]>('values');
  }

  set values(input: unknown) {
    this.queue('setValues', '1.1', () => this.write(input, (cell, value) => coerce(cell, value)), input);
  }

  /** Writing `values` over a formula replaces it, as typing does; `formulas` is read the same way as typed input. */
  set formulas(input: unknown) {
    this.queue('setFormulas', '1.1', () => this.write(input, (cell, value) => coerce(cell, value)), input);
  }

  set numberFormat(input: unknown) {
    this.queue('setNumberFormat', '1.1', () => this.write(input, (cell, value) => void (cell.format = { ...cell.format, numberFormat: String(value) })), input);
  }

  get formulas(): HostValue[][] {
    return this.read<HostValue[][]>('formulas');
  }

  get address(): string {
    return this.read<string>('address');
  }

  get rowCount(): number {
    return this.read<number>('rowCount');
  }

  get columnCount(): number {
    return this.read<number>('columnCount');
  }

  load(names: unknown): this {
    const wanted = parseLoad(names);
    onlyKnown(wanted, ['values', 'formulas', 'address', 'rowCount', 'columnCount'], 'range');
    this.queueLoad(wanted, this.api, () => {
      const target = this.resolve();
      if (!target) return {};
      const { sheet, rect } = target;
      const data: Record<string, unknown> = {};
      for (const name of wanted) {
        if (name === 'address') data.address = `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
        if (name === 'rowCount') data.rowCount = rect.rowCount;
        if (name === 'columnCount') data.columnCount = rect.columnCount;
        if (name === 'values' || name === 'formulas') {
          // Excel reads at most 5,000,000 cells from one range ("Resource limits … for Office Add-ins").
          if (rect.rowCount * rect.columnCount > MAX_RANGE_CELLS) throw new OfficeErrorDouble('RangeExceedsLimit', 'The cell count in the range has exceeded the maximum supported number.');
          data[name] = Array.from({ length: rect.rowCount }, (_, r) =>
            Array.from({ length: rect.columnCount }, (_, c) => {
              const row = rect.row + r;
              const col = rect.col + c;
              const cell = isCovered(sheet, row, col) ? undefined : sheet.cells.get(cellKey(row, col));
              if (!cell) return '';
              return name === 'formulas' ? (cell.formula ?? cell.value) : resultOf(sheet, cell);
            }),
          );
        }
      }
      return data;
    });
    return this;
  }

  getCell(row: number, column: number): RangeDouble {
    return new RangeDouble(this.context, `${this.path}.cell(${row},${column})`, '1.1', () => {
      const target = this.resolve();
      return target && { sheet: target.sheet, rect: { row: target.rect.row + row, col: target.rect.col + column, rowCount: 1, columnCount: 1 } };
    });
  }

  select(): void {
    const host = this.context.host;
    this.queue('select', '1.1', () => {
      const target = this.resolve();
      if (!target) return;
      if (host.activeSheetId !== target.sheet.id) throw new OfficeErrorDouble('InvalidSelection', 'Cannot select a range on a sheet that is not active.');
      host.selection = { sheetId: target.sheet.id, rect: target.rect };
    });
  }

  get format(): RangeFormatDouble {
    return new RangeFormatDouble((o, api, apply, a) => this.queue(o, api, () => {
      const target = mutableSheet(this.resolve());
      if (target) apply(target);
    }, a));
  }

  get conditionalFormats(): ConditionalFormatCollectionDouble {
    return new ConditionalFormatCollectionDouble(this.context, `${this.path}.conditionalFormats`, this.resolve);
  }

  /** The used part of this range (ExcelApi 1.4); a null object when none of it is used. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeDouble {
    const range = new RangeDouble(this.context, `${this.path}.usedRange?`, '1.4', () => {
      const target = this.resolve();
      const rect = target ? usedRect(target.sheet, valuesOnly === true, target.rect) : null;
      return target && rect ? { sheet: target.sheet, rect } : null;
    });
    range.probeExistence();
    return range;
  }

  /** The merged areas whose top-left cell lies in this range (ExcelApi 1.13), as Excel reports them. */
  getMergedAreasOrNullObject(): RangeAreasDouble {
    return new RangeAreasDouble(this.context, `${this.path}.mergedAreas?`, () => {
      const target = this.resolve();
      if (!target) return null;
      const areas = target.sheet.merges.filter((m) => contains(target.rect, m.row, m.col)).sort((a, b) => a.row - b.row || a.col - b.col);
      if (areas.length > MAX_MERGED_AREAS) throw new OfficeErrorDouble('GeneralException', `More than ${MAX_MERGED_AREAS} merged areas in the range.`);
      return { sheet: target.sheet, areas };
    });
  }

  merge(across?: boolean): void {
    this.queue('merge', '1.2', () => {
      const target = mutableSheet(this.resolve());
      if (target) mergeRect(target.sheet, target.rect, across === true);
    }, across);
  }

  /** Unmerges every merged area that touches the range; each keeps its value in its top-left cell. */
  unmerge(): void {
    this.queue('unmerge', '1.2', () => {
      const target = mutableSheet(this.resolve());
      if (target) target.sheet.merges = target.sheet.merges.filter((m) => !intersects(m, target.rect));
    });
  }

  /** Whole rows only ("5:7"), shifted down: what the adapter needs of Range.insert. */
  insert(shift: string): RangeDouble {
    this.queue('insert', '1.1', () => {
      const target = mutableSheet(wholeRows(this.resolve(), shift, 'Down'));
      if (target) shiftRows(target.sheet, target.rect.row, target.rect.rowCount);
    }, shift);
    return new RangeDouble(this.context, `${this.path}.inserted`, '1.1', this.resolve);
  }

  /** Whole rows only, shifted up. */
  delete(shift: string): void {
    this.queue('delete', '1.1', () => {
      const target = mutableSheet(wholeRows(this.resolve(), shift, 'Up'));
      if (target) shiftRows(target.sheet, target.rect.row, -target.rect.rowCount);
    }, shift);
  }

  private write(input: unknown, apply: (cell: CellState, value: HostValue) => void): void {
    const target = mutableSheet(this.resolve());
    if (!target) return;
    const matrix = matrixOf(input, target.rect);
    const { sheet, rect } = target;
    forEachCell(rect, (row, col) => {
      const value = matrix[row - rect.row]?.[col - rect.col];
      // Like Office.js: null leaves the cell as it is; Excel keeps a merged area's other cells empty.
      if (value === null || value === undefined || isCovered(sheet, row, col)) return;
      const key = cellKey(row, col);
      const cell = sheet.cells.get(key) ?? { value: '', formula: null, format: DEFAULT_FORMAT };
      apply(cell, value as HostValue);
      sheet.cells.set(key, cell);
    });
  }
}

function wholeRows(target: RangeTarget, shift: string, direction: 'Down' | 'Up'): RangeTarget {
  if (shift !== direction) throw new Error(`ExcelDouble: only whole rows shifted ${direction} are supported, not ${shift}`);
  if (target && (target.rect.col !== 0 || target.rect.columnCount !== MAX_COLUMNS)) throw new Error(`ExcelDouble: ${rectAddress(target.rect)} is not whole rows`);
  return target;
}

/** Excel.RangeAreas as getMergedAreasOrNullObject returns it: a null object when there is no area. */
class RangeAreasDouble extends ClientObjectDouble {
  constructor(
    context: RequestContextDouble,
    path: string,
    private readonly resolve: () => { sheet: SheetState; areas: Rect[] } | null,
  ) {
    super(context, path);
    this.probe(() => (this.resolve()?.areas.length ?? 0) > 0, '1.13');
  }

  get address(): string {
    return this.read<string>('address');
  }

  get areaCount(): number {
    return this.read<number>('areaCount');
  }

  get areas(): { items: RangeDouble[] } {
    return this.read<{ items: RangeDouble[] }>('areas');
  }

  /** Supports 'address', 'areaCount' and 'areas/items/address'. */
  load(names: unknown): this {
    const wanted = parseLoad(names);
    onlyKnown(wanted, ['address', 'areaCount', 'areas/items/address'], 'range areas');
    const addresses = (found: { sheet: SheetState; areas: Rect[] }) => found.areas.map((m) => `${quoteSheet(found.sheet.name)}!${rectAddress(m)}`);
    // The areas as they were when the load ran: later commands of the same batch may change them.
    let found: { sheet: SheetState; areas: Rect[] } | null = null;
    this.queueLoad(
      wanted,
      '1.13',
      () => {
        found = this.resolve();
        if (!found || found.areas.length === 0) return {};
        const data: Record<string, unknown> = {};
        if (wanted.includes('address')) data.address = addresses(found).join(',');
        if (wanted.includes('areaCount')) data.areaCount = found.areas.length;
        if (wanted.includes('areas/items/address')) data.areas = { items: addresses(found).map((address) => ({ address })) };
        return data;
      },
      (data) => {
        const loaded: { sheet: SheetState; areas: Rect[] } | null = found;
        const items = (data.areas as { items: { address: string }[] } | undefined)?.items.map((item, i) => {
          const area = loaded?.areas[i];
          const range = new RangeDouble(this.context, `${this.path}.areas[${i}]`, '1.13', () => (loaded && area ? { sheet: loaded.sheet, rect: area } : null));
          range.receive({ address: item.address });
          return range;
        });
        this.deliver({ ...data, ...(items ? { areas: { items } } : {}) });
      },
    );
    return this;
  }
}

type QueueOnRange = (o: string, api: string, apply: (target: { sheet: SheetState; rect: Rect }) => void, a?: unknown) => void;

function setFormat(target: { sheet: SheetState; rect: Rect }, change: Partial<CellFormat>): void {
  forEachCell(target.rect, (row, col) => {
    const key = cellKey(row, col);
    const cell = target.sheet.cells.get(key) ?? { value: '', formula: null, format: DEFAULT_FORMAT };
    target.sheet.cells.set(key, { ...cell, format: { ...cell.format, ...change } });
  });
}

class RangeFormatDouble {
  constructor(private readonly queue: QueueOnRange) {}

  get fill(): { color: string } {
    const queue = this.queue;
    return {
      set color(color: string) {
        queue('setFill', '1.1', (t) => setFormat(t, { fill: color }), color);
      },
      get color(): string {
        throw new OfficeErrorDouble('PropertyNotLoaded', 'format.fill.color is not loadable in the double');
      },
    };
  }

  get font(): { color: string; bold: boolean } {
    const queue = this.queue;
    const unreadable = () => {
      throw new OfficeErrorDouble('PropertyNotLoaded', 'format.font is not loadable in the double');
    };
    return {
      set color(color: string) {
        queue('setFontColor', '1.1', (t) => setFormat(t, { fontColor: color }), color);
      },
      get color(): string {
        return unreadable();
      },
      set bold(bold: boolean) {
        queue('setBold', '1.1', (t) => setFormat(t, { bold }), bold);
      },
      get bold(): boolean {
        return unreadable();
      },
    };
  }

  autofitColumns(): void {
    this.queue('autofitColumns', '1.2', ({ sheet, rect }) => {
      for (let col = rect.col; col < rect.col + rect.columnCount; col++) {
        let longest = 0;
        for (let row = rect.row; row < rect.row + rect.rowCount; row++) {
          const cell = sheet.cells.get(cellKey(row, col));
          longest = Math.max(longest, String(cell?.formula ?? cell?.value ?? '').length);
        }
        sheet.columnWidths.set(col, Math.min(255, longest + 2) * 7);
      }
    });
  }
}

type FormatRef = () => { sheet: SheetState; cf: ConditionalFormatState } | null;

class ConditionalFormatCollectionDouble extends ClientObjectDouble {
  constructor(
    context: RequestContextDouble,
    path: string,
    private readonly resolve: RangeRef,
  ) {
    super(context, path);
  }

  get items(): ConditionalFormatDouble[] {
    return this.read<ConditionalFormatDouble[]>('items');
  }

  /** The formats touching the range, in priority order, as the host sees them when the op runs. */
  private current(): { target: NonNullable<RangeTarget>; found: ConditionalFormatState[] } | null {
    const target = this.resolve();
    return target ? { target, found: target.sheet.conditionalFormats.filter((cf) => intersects(cf.rect, target.rect)) } : null;
  }

  /** ExcelApi 1.6: by id; ItemNotFound when it is gone. */
  getItem(id: string): ConditionalFormatDouble {
    return new ConditionalFormatDouble(this.context, `${this.path}(${JSON.stringify(id)})`, () => {
      const now = this.current();
      const cf = now?.found.find((f) => f.id === id);
      if (!now || !cf) throw new OfficeErrorDouble('ItemNotFound', `The requested resource doesn't exist: conditional format ${id}`);
      return { sheet: now.target.sheet, cf };
    });
  }

  /** ExcelApi 1.6: by position when the op runs, so earlier deletes in the batch shift it. */
  getItemAt(index: number): ConditionalFormatDouble {
    return new ConditionalFormatDouble(this.context, `${this.path}[${index}]`, () => this.atIndex(index));
  }

  /**
   * office-js #5222: `getRange().conditionalFormats.getItemAt(0).delete()` fails with "Item Not Found" when two
   * rules cover one cell (as our mark above a user's rule does); the double refuses any rule so addressed then.
   */
  private atIndex(index: number): { sheet: SheetState; cf: ConditionalFormatState } {
    const now = this.current();
    const cf = now?.found[index];
    if (!now || !cf) throw new OfficeErrorDouble('ItemNotFound', `The requested resource doesn't exist: conditional format [${index}]`);
    if (now.found.some((other) => other !== cf && intersects(other.rect, cf.rect))) throw new OfficeErrorDouble('ItemNotFound', 'Item Not Found.');
    return { sheet: now.target.sheet, cf };
  }

  add(type: string): ConditionalFormatDouble {
    let created: ConditionalFormatState | null = null;
    const host = this.context.host;
    this.queue('addConditionalFormat', '1.6', () => {
      const target = mutableSheet(this.resolve());
      if (!target) return;
      created = { id: host.newId('cf-'), type, rect: target.rect, formula: null, fill: null, fontColor: null };
      // New conditional formats go to the top priority.
      target.sheet.conditionalFormats.unshift(created);
    }, type);
    return new ConditionalFormatDouble(this.context, `${this.path}.add()`, () => {
      const target = this.resolve();
      if (!created || !target) throw new Error('ExcelDouble: conditional format used before its add() ran');
      return { sheet: target.sheet, cf: created };
    });
  }

  /**
   * Supports 'items/id', 'items/type' and 'items/customOrNullObject/rule/formula'. A loaded item is addressed by
   * its id only when the id was loaded, else by its index (which later deletes shift). On a null object's range
   * (a missing sheet's getItemOrNullObject) Office.js leaves `items` undefined.
   */
  load(names: unknown): this {
    const requested = parseLoad(names);
    const wanted = requested.map((n) => n.replace(/^items\//, ''));
    onlyKnown(wanted, ['id', 'type', 'customOrNullObject/rule/formula'], 'conditional format');
    this.queueLoad(
      requested,
      '1.6',
      () => ({ items: (this.current()?.found ?? []).map((cf) => ({ id: cf.id, type: cf.type, formula: cf.formula })) }),
      () => {
        const now = this.current();
        if (!now) {
          this.deliver({ items: undefined });
          return;
        }
        const items = now.found.map((cf, i) => {
          const ref: FormatRef = wanted.includes('id') ? () => ({ sheet: now.target.sheet, cf }) : () => this.atIndex(i);
          const item = new ConditionalFormatDouble(this.context, `${this.path}[${i}]`, ref);
          item.receive(wanted, cf);
          return item;
        });
        this.deliver({ items });
      },
    );
    return this;
  }
}

class ConditionalFormatDouble extends ClientObjectDouble {
  private custom_: CustomConditionalFormatDouble | null = null;

  constructor(
    context: RequestContextDouble,
    path: string,
    private readonly resolve: () => { sheet: SheetState; cf: ConditionalFormatState } | null,
  ) {
    super(context, path);
  }

  receive(wanted: readonly string[], cf: ConditionalFormatState): void {
    if (wanted.includes('id')) this.deliver({ id: cf.id });
    if (wanted.includes('type')) this.deliver({ type: cf.type });
    if (wanted.includes('customOrNullObject/rule/formula')) {
      this.custom_ = new CustomConditionalFormatDouble(this.context, this.path, this.resolve, cf.type === 'Custom' ? cf.formula : undefined);
    }
  }

  get type(): string {
    return this.read<string>('type');
  }

  get id(): string {
    return this.read<string>('id');
  }

  get custom(): CustomConditionalFormatDouble {
    return new CustomConditionalFormatDouble(this.context, this.path, this.resolve, undefined);
  }

  get customOrNullObject(): CustomConditionalFormatDouble {
    if (!this.custom_) throw new OfficeErrorDouble('PropertyNotLoaded', `${this.path}.customOrNullObject is not loaded`);
    return this.custom_;
  }

  delete(): void {
    this.queue('deleteConditionalFormat', '1.6', () => {
      const found = this.resolve();
      if (!found) return;
      mutableSheet({ sheet: found.sheet, rect: found.cf.rect });
      // The id may be gone by now (deleted earlier in the batch): Office.js fails the same way.
      if (!found.sheet.conditionalFormats.includes(found.cf)) throw new OfficeErrorDouble('ItemNotFound', 'Item Not Found.');
      found.sheet.conditionalFormats = found.sheet.conditionalFormats.filter((cf) => cf !== found.cf);
    });
  }
}

const CUSTOM_PARTS: { readonly [o: string]: string } = { setRuleFormula: 'rule', setConditionalFill: 'format.fill', setConditionalFontColor: 'format.font' };

class CustomConditionalFormatDouble {
  /** `loadedFormula`: undefined = not loaded; null = not a custom format. */
  constructor(
    private readonly context: RequestContextDouble,
    private readonly path: string,
    private readonly resolve: () => { sheet: SheetState; cf: ConditionalFormatState } | null,
    private readonly loadedFormula: string | null | undefined,
  ) {}

  get rule(): { formula: string } {
    const { loadedFormula, path } = this;
    const change = this.change.bind(this);
    return {
      get formula(): string {
        if (loadedFormula === undefined || loadedFormula === null) throw new OfficeErrorDouble('PropertyNotLoaded', `${path}.custom.rule.formula is not loaded`);
        return loadedFormula;
      },
      set formula(formula: string) {
        change('setRuleFormula', formula, (cf) => (cf.formula = formula));
      },
    };
  }

  get format(): { fill: { color: string }; font: { color: string } } {
    const change = this.change.bind(this);
    const unreadable = (): string => {
      throw new OfficeErrorDouble('PropertyNotLoaded', 'conditional format colours are not loadable in the double');
    };
    return {
      fill: {
        set color(color: string) {
          change('setConditionalFill', color, (cf) => (cf.fill = color));
        },
        get color() {
          return unreadable();
        },
      },
      font: {
        set color(color: string) {
          change('setConditionalFontColor', color, (cf) => (cf.fontColor = color));
        },
        get color() {
          return unreadable();
        },
      },
    };
  }

  private change(o: string, a: string, apply: (cf: ConditionalFormatState) => void): void {
    this.context.enqueue({
      // The rule and the colours sit on objects of their own (custom.rule, custom.format.fill …), as in Office.js.
      json: { o, p: `${this.path}.custom.${CUSTOM_PARTS[o] ?? ''}`, a },
      api: '1.6',
      run: () => {
        const found = this.resolve();
        if (!found) return;
        if (found.cf.type !== 'Custom') throw new OfficeErrorDouble('InvalidArgument', 'Not a custom conditional format.');
        apply(found.cf);
      },
    });
  }
}

class SettingCollectionDouble {
  constructor(private readonly context: RequestContextDouble) {}

  add(key: string, value: unknown): void {
    const host = this.context.host;
    this.context.enqueue({ json: { o: 'addSetting', p: 'settings', a: [key, value] }, api: '1.4', run: () => void host.settings.set(key, value) });
  }

  getItemOrNullObject(key: string): SettingDouble {
    return new SettingDouble(this.context, key);
  }
}

class SettingDouble extends ClientObjectDouble {
  constructor(
    context: RequestContextDouble,
    private readonly key: string,
  ) {
    super(context, `settings(${JSON.stringify(key)})`);
    this.probe(() => context.host.settings.has(key), '1.4');
  }

  get value(): unknown {
    return this.read<unknown>('value');
  }

  load(names: unknown): this {
    const wanted = parseLoad(names);
    onlyKnown(wanted, ['value'], 'setting');
    const host = this.context.host;
    this.queueLoad(wanted, '1.4', () => (host.settings.has(this.key) ? { value: host.settings.get(this.key) } : {}));
    return this;
  }
}

/** The slice of the Office global the adapter and office-js-helpers read. */
export class OfficeDouble {
  readonly AsyncResultStatus = { Succeeded: 'succeeded', Failed: 'failed' } as const;
  readonly context: {
    requirements: { isSetSupported(name: string, version?: string | number): boolean };
    diagnostics: { host: string; platform: string; version: string };
    document: { settings: DocumentSettingsDouble };
  };

  constructor(host: ExcelDouble, platform: string) {
    this.context = {
      requirements: { isSetSupported: (name, version = '1.1') => name === 'ExcelApi' && minorOf(version) <= host.apiMinor },
      diagnostics: { host: 'Excel', platform, version: '16.0.18000.0' },
      document: { settings: new DocumentSettingsDouble(host) },
    };
  }
}

class DocumentSettingsDouble {
  private readonly pending = new Map<string, unknown>();

  constructor(private readonly host: ExcelDouble) {
    for (const [key, value] of host.savedDocumentSettings) this.pending.set(key, value);
  }

  get(name: string): unknown {
    return this.pending.has(name) ? this.pending.get(name) : null;
  }

  set(name: string, value: unknown): void {
    this.pending.set(name, value);
  }

  saveAsync(callback?: (result: { status: string; error: { message: string } | null }) => void): void {
    for (const [key, value] of this.pending) this.host.savedDocumentSettings.set(key, value);
    queueMicrotask(() => callback?.({ status: 'succeeded', error: null }));
  }
}
