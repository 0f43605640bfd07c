import {
  CATALOGS,
  locate,
  parseA1,
  SEVERITIES,
  toA1,
  type CellLocation,
  type CellValue,
  type Finding,
  type Severity,
  type SheetGrid,
  type WorkbookGrid,
} from '../core';
import { parseIgnoredSetting, serializeIgnored } from './ignored-list';
import { recreateSheet } from './office-helpers';
import {
  MARK_COLOURS,
  REPORT_HEADER,
  REPORT_SHEET_NAME,
  WorkbookError,
  type CellWrite,
  type HostCapabilities,
  type ReadOptions,
  type SelectedCell,
  type Unsubscribe,
  type WorkbookErrorCode,
  type WorkbookPort,
  type WriteConflict,
  type WriteResult,
} from './port';

export interface OfficeWorkbookDeps {
  readonly excelRun?: typeof Excel.run;
  readonly office?: typeof Office;
  /** Errors with no caller to reject (event registration, event handlers). Default: console.error. */
  readonly reportError?: (error: WorkbookError) => void;
}

/** Excel on the web rejects requests and responses over 5 MB; stay well under. */
export const MAX_PAYLOAD_BYTES = 4_000_000;
/** First guess of a cell's share of a response; long indicator texts can exceed it, then chunks halve. */
export const ESTIMATED_BYTES_PER_CELL = 200;
/** Excel refuses to hand over more cells than this in one go; above it the workbook is not a 绩效目标表. */
export const MAX_CELLS = 5_000_000;
/** Our marks' rule: always true, and recognisable among the user's own conditional formats. */
export const MARK_FORMULA = '=N("jixiao")=0';
export const MARKS_SETTING = 'jixiao.marks';
export const IGNORED_SETTING = 'jixiao.ignored';
/** Generous guess at the request bytes one conditional format costs (add + rule + two colours). */
const BYTES_PER_MARK = 600;
const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);
const BUSY_CODES = new Set(['GeneralException', 'ActivityLimitReached', 'Busy', 'ServiceNotAvailable', 'Timeout']);
const UNSUPPORTED_CODES = new Set(['ApiNotFound', 'NotImplemented', 'UnsupportedOperation', 'UnsupportedFeature']);

const MESSAGES: { readonly [C in WorkbookErrorCode]: string } = {
  'cell-edit-mode': '请先按 Enter 或 Esc 结束单元格编辑，再重试。',
  protected: '工作表受保护：请先撤销工作表保护（审阅 → 撤销工作表保护），再重试。',
  'payload-too-large': '要传输的数据超过 Excel 的单次上限：请删除多余的空行空列，或把表格拆到几个工作表后重试。',
  'too-many-cells': '工作簿的单元格超过 5,000,000 个，无法读取：请删除多余的空行空列，或把表格拆到较小的工作簿后再校验。',
  busy: 'Excel 正忙，请稍后重试。',
  cancelled: '已取消。',
  'not-found': '找不到要操作的工作表或单元格，它可能已被重命名或删除：请重新校验后再试。',
  unsupported: '当前 Excel 版本不支持此操作：请更新 Office 后重试。',
  'corrupt-data': '工作簿中保存的加载项数据无法读取。',
  unknown: 'Excel 操作失败，请重试；如仍失败，请保存并重新打开工作簿后再试。',
};

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, innerError } = error as { code?: unknown; innerError?: unknown };
  // office-js-helpers wraps the Office error in `innerError`.
  return typeof code === 'string' ? code : errorCode(innerError);
}

function errorText(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const { message, innerError } = error as { message?: unknown; innerError?: unknown };
  const inner = typeof innerError === 'object' && innerError !== null ? ` (${errorText(innerError)})` : '';
  return `${typeof message === 'string' ? message : String(error)}${inner}`;
}

/** Any Office error as a WorkbookError whose message tells the user what to do. */
export function toWorkbookError(error: unknown): WorkbookError {
  if (error instanceof WorkbookError) return error;
  const code = errorCode(error) ?? '';
  const kind: WorkbookErrorCode =
    code === 'InvalidOperationInCellEditMode'
      ? 'cell-edit-mode'
      : code === 'AccessDenied'
        ? 'protected'
        : PAYLOAD_CODES.has(code)
          ? 'payload-too-large'
          : BUSY_CODES.has(code)
            ? 'busy'
            : code === 'ItemNotFound'
              ? 'not-found'
              : UNSUPPORTED_CODES.has(code)
                ? 'unsupported'
                : 'unknown';
  return new WorkbookError(kind, MESSAGES[kind], code ? `${code}: ${errorText(error)}` : errorText(error));
}

const isPayloadError = (error: unknown) => PAYLOAD_CODES.has(errorCode(error) ?? '');

export function detectCapabilities(office: typeof Office): HostCapabilities {
  let minor = 0;
  // Requirement sets are cumulative: the highest supported one says it all.
  while (minor < 99 && office.context.requirements.isSetSupported('ExcelApi', `1.${minor + 1}`)) minor++;
  const diagnostics = office.context.diagnostics as Office.ContextInformation | undefined;
  return {
    host: String(diagnostics?.host ?? 'Excel'),
    platform: String(diagnostics?.platform ?? 'unknown'),
    apiVersion: minor > 0 ? `1.${minor}` : null,
    conditionalFormatMarks: minor >= 6,
    changeEvents: minor >= 7,
    selectionEvents: minor >= 2,
    persistentSettings: minor >= 4,
    undoGroups: minor >= 20,
  };
}

function toCellValue(value: unknown): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/** "表!A1、表!B2 …" for a message: the first 20 cells, then how many in all. */
function cellList(items: readonly { write: CellWrite }[]): string {
  const names = items.slice(0, 20).map(({ write }) => `${write.location.sheet}!${write.location.cell}`);
  return items.length > names.length ? `${names.join('、')} 等共 ${items.length} 个` : names.join('、');
}

/** "'My Sheet'!B7:C9" → sheet "My Sheet", top-left row/col. */
function splitAddress(address: string): { sheet: string; row: number; col: number } | null {
  const bang = address.lastIndexOf('!');
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const topLeft = parseA1(address.slice(bang + 1).split(':')[0] ?? '');
  return bang < 0 || !topLeft ? null : { sheet, ...topLeft };
}

function rangeAddress(row: number, col: number, rowCount: number, columnCount: number): string {
  return `${toA1(row, col)}:${toA1(row + rowCount - 1, col + columnCount - 1)}`;
}

function linkFormula(sheet: string, cell: string): string {
  const target = `#'${sheet.replace(/'/g, "''")}'!${cell}`;
  return `=HYPERLINK("${target.replace(/"/g, '""')}","${cell}")`;
}

interface MarkRun {
  readonly sheet: string;
  readonly address: string;
  readonly severity: Severity;
}

/** One mark per cell, coloured by its worst severity; vertical runs of equal severity share one. */
function markRuns(findings: readonly Finding[]): MarkRun[] {
  const worst = new Map<string, { location: CellLocation; severity: Severity }>();
  for (const f of findings) {
    const key = `${f.location.sheet}\u0000${f.location.col}\u0000${f.location.row}`;
    const current = worst.get(key);
    if (!current || SEVERITIES.indexOf(f.severity) < SEVERITIES.indexOf(current.severity)) worst.set(key, { location: f.location, severity: f.severity });
  }
  const cells = [...worst.values()].sort(
    (a, b) => a.location.sheet.localeCompare(b.location.sheet) || a.location.col - b.location.col || a.location.row - b.location.row,
  );
  const runs: MarkRun[] = [];
  let start = 0;
  for (let i = 1; i <= cells.length; i++) {
    const first = cells[start];
    const previous = cells[i - 1];
    const next = cells[i];
    const continues =
      next && first && previous && next.location.sheet === first.location.sheet && next.location.col === first.location.col && next.location.row === previous.location.row + 1 && next.severity === first.severity;
    if (continues || !first || !previous) continue;
    const rows = previous.location.row - first.location.row + 1;
    runs.push({ sheet: first.location.sheet, address: rangeAddress(first.location.row, first.location.col, rows, 1), severity: first.severity });
    start = i;
  }
  return runs;
}

function parseStringList(raw: unknown): string[] {
  if (typeof raw !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    // A registry we cannot read lists no sheets; the marks' formula still identifies them.
    return [];
  }
}

interface SheetExtent {
  readonly name: string;
  readonly worksheet: Excel.Worksheet;
  readonly originRow: number;
  readonly originCol: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

interface UsedRange {
  readonly range: Excel.Range;
  /** getUsedRangeOrNullObject: an empty sheet gives a null object. */
  readonly nullable: boolean;
}

export function createOfficeWorkbook(deps: OfficeWorkbookDeps = {}): WorkbookPort {
  const office = deps.office ?? Office;
  const excelRun = deps.excelRun ?? Excel.run;
  const reportError = deps.reportError ?? ((error: WorkbookError) => console.error(error.message, error.detail));
  const capabilities = detectCapabilities(office);
  const minor = Number(capabilities.apiVersion?.split('.')[1] ?? 0);
  /** Ids of sheets holding our marks, as last read from or written to MARKS_SETTING; null until known. */
  let markedSheetIds: string[] | null = null;
  let undoCount = 0;

  async function run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: Excel.RunOptions): Promise<T> {
    try {
      return options ? await excelRun(options, batch) : await excelRun(batch);
    } catch (error) {
      throw toWorkbookError(error);
    }
  }

  function throwIfCancelled(signal: AbortSignal | undefined): void {
    if (signal?.aborted) throw new WorkbookError('cancelled', '已取消读取工作簿。');
  }

  function usedRangeOf(worksheet: Excel.Worksheet): UsedRange {
    if (minor >= 4) return { range: worksheet.getUsedRangeOrNullObject(true).load('address,rowCount,columnCount'), nullable: true };
    const range = minor >= 2 ? worksheet.getUsedRange(true) : worksheet.getUsedRange();
    return { range: range.load('address,rowCount,columnCount'), nullable: false };
  }

  function extentOf(name: string, worksheet: Excel.Worksheet, used: UsedRange): SheetExtent {
    if (used.nullable && used.range.isNullObject) return { name, worksheet, originRow: 0, originCol: 0, rowCount: 0, columnCount: 0 };
    const origin = splitAddress(used.range.address);
    if (!origin) throw new WorkbookError('unknown', MESSAGES.unknown, `unexpected address ${used.range.address}`);
    return { name, worksheet, originRow: origin.row, originCol: origin.col, rowCount: used.range.rowCount, columnCount: used.range.columnCount };
  }

  /** Values of every extent in row chunks that keep each response under MAX_PAYLOAD_BYTES. */
  async function readValues(context: Excel.RequestContext, extents: readonly SheetExtent[], options: ReadOptions): Promise<SheetGrid[]> {
    const cells = extents.reduce((sum, e) => sum + e.rowCount * e.columnCount, 0);
    if (cells > MAX_CELLS) throw new WorkbookError('too-many-cells', MESSAGES['too-many-cells'], `${cells} cells`);
    const rows = extents.map((e) => new Array<CellValue[]>(e.rowCount));
    const chunkRows = extents.map((e) => Math.max(1, Math.floor(MAX_PAYLOAD_BYTES / (Math.max(1, e.columnCount) * ESTIMATED_BYTES_PER_CELL))));
    const pending = extents.flatMap((e, extent) => (e.rowCount > 0 ? [{ extent, start: 0, end: e.rowCount }] : []));
    const total = extents.reduce((sum, e) => sum + e.rowCount, 0);
    let done = 0;
    while (pending.length > 0) {
      throwIfCancelled(options.signal);
      // Pack pieces into one request while the estimate allows: small sheets share a sync.
      const batch: { extent: number; start: number; count: number }[] = [];
      let budget = MAX_PAYLOAD_BYTES;
      for (let next = pending[0]; next; next = pending[0]) {
        const count = Math.min(chunkRows[next.extent] ?? 1, next.end - next.start);
        const cost = (count * MAX_PAYLOAD_BYTES) / (chunkRows[next.extent] ?? 1);
        if (batch.length > 0 && cost > budget) break;
        batch.push({ extent: next.extent, start: next.start, count });
        budget -= cost;
        next.start += count;
        if (next.start >= next.end) pending.shift();
      }
      const ranges = batch.map((piece) => {
        const e = extents[piece.extent] as SheetExtent;
        return e.worksheet.getRange(rangeAddress(e.originRow + piece.start, e.originCol, piece.count, e.columnCount)).load('values');
      });
      try {
        await context.sync();
      } catch (error) {
        if (!isPayloadError(error)) throw error;
        const only = batch[0];
        if (batch.length === 1 && only && only.count === 1) throw toWorkbookError(error);
        for (const piece of batch) chunkRows[piece.extent] = Math.max(1, Math.floor(piece.count / 2));
        pending.unshift(...batch.map((p) => ({ extent: p.extent, start: p.start, end: p.start + p.count })));
        continue;
      }
      batch.forEach((piece, i) => {
        const values = (ranges[i] as Excel.Range).values;
        const target = rows[piece.extent] as CellValue[][];
        values.forEach((row, r) => (target[piece.start + r] = row.map(toCellValue)));
        // Shrink the chunk when the text is longer than guessed, before the host has to refuse it.
        const perRow = utf8Length(JSON.stringify(values)) / piece.count;
        const fits = Math.max(1, Math.floor(MAX_PAYLOAD_BYTES / (perRow * 1.25)));
        chunkRows[piece.extent] = Math.min(chunkRows[piece.extent] ?? fits, fits);
        done += piece.count;
      });
      options.onProgress?.({ stage: 'values', done, total });
    }
    return extents.map((e, i) => ({ name: e.name, originRow: e.originRow, originCol: e.originCol, values: rows[i] as CellValue[][] }));
  }

  /** Our conditional formats on the given sheets (by id); missing sheets give none. */
  function scanMarks(context: Excel.RequestContext, sheetIds: readonly string[]): Excel.ConditionalFormatCollection[] {
    return sheetIds.map((id) =>
      context.workbook.worksheets.getItemOrNullObject(id).getRange().conditionalFormats.load('items/type,items/customOrNullObject/rule/formula'),
    );
  }

  function deleteMarks(scans: readonly Excel.ConditionalFormatCollection[]): void {
    for (const scan of scans) {
      for (const cf of scan.items) if (cf.type === 'Custom' && cf.customOrNullObject.rule.formula === MARK_FORMULA) cf.delete();
    }
  }

  /**
   * Loads the mark registry and scans the sheets it names (one sync when `markedSheetIds` is
   * current, as after readWorkbook or a previous mark; one more when it was not).
   */
  async function findMarks(context: Excel.RequestContext, alsoLoad: () => void): Promise<Excel.ConditionalFormatCollection[]> {
    const known = markedSheetIds ?? [];
    const registry = context.workbook.settings.getItemOrNullObject(MARKS_SETTING).load('value');
    const scans = scanMarks(context, known);
    alsoLoad();
    await context.sync();
    const missed = (registry.isNullObject ? [] : parseStringList(registry.value)).filter((id) => !known.includes(id));
    if (missed.length === 0) return scans;
    const more = scanMarks(context, missed);
    await context.sync();
    return [...scans, ...more];
  }

  /** Queues `items` in as few syncs as the payload limit allows; `first` goes into the first one. */
  async function syncInBatches<T>(context: Excel.RequestContext, items: readonly T[], bytesPerItem: (item: T) => number, queue: (batch: T[], offset: number) => void, first: () => void): Promise<void> {
    let offset = 0;
    let isFirst = true;
    let limit = MAX_PAYLOAD_BYTES;
    while (isFirst || offset < items.length) {
      let end = offset;
      for (let bytes = 0; end < items.length && (end === offset || bytes + bytesPerItem(items[end] as T) <= limit); end++) bytes += bytesPerItem(items[end] as T);
      if (isFirst) first();
      queue(items.slice(offset, end), offset);
      try {
        await context.sync();
      } catch (error) {
        // A request over the limit is refused whole, so it can be sent again in halves.
        if (!isPayloadError(error) || end - offset <= 1) throw error;
        limit = Math.max(1, Math.floor(limit / 2));
        continue;
      }
      isFirst = false;
      offset = end;
    }
  }

  async function readSelection(context: Excel.RequestContext): Promise<SelectedCell | null> {
    const selected = context.workbook.getSelectedRange().load('rowCount,columnCount');
    const topLeft = selected.getCell(0, 0).load('address,values');
    try {
      await context.sync();
    } catch (error) {
      // A chart or shape is selected: no cell.
      if (errorCode(error) === 'InvalidSelection') return null;
      throw error;
    }
    if (selected.rowCount !== 1 || selected.columnCount !== 1) return null;
    const at = splitAddress(topLeft.address);
    return at ? { location: locate(at.sheet, at.row, at.col), value: toCellValue(topLeft.values[0]?.[0]) } : null;
  }

  async function writeGuarded(writes: readonly CellWrite[]): Promise<WriteResult> {
    if (writes.length === 0) return { written: [], conflicts: [], undo: null };
    return run(
      async (context) => {
        const worksheets = new Map<string, Excel.Worksheet>();
        const rangeOf = (location: CellLocation) => {
          let worksheet = worksheets.get(location.sheet);
          if (!worksheet) worksheets.set(location.sheet, (worksheet = context.workbook.worksheets.getItem(location.sheet)));
          return worksheet.getRange(location.cell);
        };
        const before = writes.map((w) => rangeOf(w.location).load('values'));
        await context.sync();
        const conflicts: WriteConflict[] = [];
        const unchanged: { write: CellWrite; previous: CellValue }[] = [];
        writes.forEach((write, i) => {
          const actual = toCellValue((before[i] as Excel.Range).values[0]?.[0]);
          if (actual === write.expected) unchanged.push({ write, previous: actual });
          else conflicts.push({ location: write.location, expected: write.expected, actual });
        });
        if (unchanged.length === 0) return { written: [], conflicts, undo: null };
        const after = unchanged.map(({ write }) => {
          const range = rangeOf(write.location);
          // null in Office.js means "leave as is"; an empty string empties the cell.
          range.values = [[write.value ?? '']];
          return range.load('values');
        });
        try {
          await context.sync();
        } catch (error) {
          throw await failedWrite(error, unchanged);
        }
        return {
          written: unchanged.map(({ write }) => write.location),
          conflicts,
          undo: {
            id: `undo-${Date.now().toString(36)}-${++undoCount}`,
            // The guard for undoing is what Excel made of the value ("12" may read back as 12).
            restores: unchanged.map(({ write, previous }, i) => ({ location: write.location, expected: toCellValue((after[i] as Excel.Range).values[0]?.[0]), value: previous })),
          },
        };
      },
      capabilities.undoGroups ? { mergeUndoGroup: true } : undefined,
    );
  }

  /**
   * A write batch failed. Excel runs a batch's commands in order and does not roll back the ones
   * before a failure, so read the cells again and say exactly which of them were written.
   */
  async function failedWrite(error: unknown, attempted: readonly { write: CellWrite; previous: CellValue }[]): Promise<WorkbookError> {
    const cause = toWorkbookError(error);
    let outcome: string;
    try {
      const now = await excelRun(async (context) => {
        const ranges = attempted.map(({ write }) => context.workbook.worksheets.getItem(write.location.sheet).getRange(write.location.cell).load('values'));
        await context.sync();
        return ranges.map((range) => toCellValue(range.values[0]?.[0]));
      });
      const landed = attempted.filter(({ previous }, i) => now[i] !== previous);
      const left = attempted.filter(({ previous }, i) => now[i] === previous);
      if (landed.length === 0) outcome = '没有写入任何单元格。';
      else if (left.length === 0) outcome = `已写入全部 ${landed.length} 个单元格：${cellList(landed)}。`;
      else outcome = `只写入了 ${landed.length} 个单元格：${cellList(landed)}；未写入 ${left.length} 个：${cellList(left)}。`;
    } catch {
      outcome = `无法确认哪些单元格已写入，请逐一检查：${cellList(attempted)}。`;
    }
    return new WorkbookError(cause.code, `${outcome}${cause.message}`, cause.detail);
  }

  function subscribe<A>(register: (context: Excel.RequestContext, handler: (args: A) => Promise<void>) => Promise<OfficeExtension.EventHandlerResult<A>[]>, onEvent: (args: A) => Promise<void>): Unsubscribe {
    let active = true;
    const handler = async (args: A) => {
      if (!active) return;
      try {
        await onEvent(args);
      } catch (error) {
        reportError(toWorkbookError(error));
      }
    };
    const registration = run((context) => register(context, handler)).catch((error: unknown) => {
      reportError(toWorkbookError(error));
      return [];
    });
    return () => {
      active = false;
      void registration
        .then(async (results) => {
          const first = results[0];
          if (!first) return;
          await excelRun(first.context, async (context) => {
            for (const result of results) result.remove();
            await context.sync();
          });
        })
        .catch((error: unknown) => reportError(toWorkbookError(error)));
    };
  }

  const port: WorkbookPort = {
    capabilities,

    readWorkbook(options = {}) {
      return run(async (context) => {
        throwIfCancelled(options.signal);
        const worksheets = context.workbook.worksheets.load('items/name');
        // The mark registry comes along for free, so that marking later needs no extra sync.
        const registry = capabilities.conditionalFormatMarks ? context.workbook.settings.getItemOrNullObject(MARKS_SETTING).load('value') : null;
        await context.sync();
        if (registry) markedSheetIds = registry.isNullObject ? [] : parseStringList(registry.value);
        const sheets = worksheets.items.filter((s) => s.name !== REPORT_SHEET_NAME);
        const used = sheets.map(usedRangeOf);
        throwIfCancelled(options.signal);
        await context.sync();
        options.onProgress?.({ stage: 'sheets', done: sheets.length, total: sheets.length });
        const extents = sheets.map((s, i) => extentOf(s.name, s, used[i] as UsedRange));
        const grid: WorkbookGrid = { sheets: await readValues(context, extents, options) };
        return grid;
      });
    },

    readSheet(name, options = {}) {
      return run(async (context) => {
        throwIfCancelled(options.signal);
        const worksheet = context.workbook.worksheets.getItem(name);
        const used = usedRangeOf(worksheet);
        await context.sync();
        options.onProgress?.({ stage: 'sheets', done: 1, total: 1 });
        const [grid] = await readValues(context, [extentOf(name, worksheet, used)], options);
        return grid as SheetGrid;
      });
    },

    async markFindings(findings) {
      if (!capabilities.conditionalFormatMarks) return;
      const runs = markRuns(findings);
      await run(async (context) => {
        const names = [...new Set(runs.map((r) => r.sheet))];
        const targets = new Map(names.map((name) => [name, context.workbook.worksheets.getItem(name)]));
        const scans = await findMarks(context, () => targets.forEach((sheet) => sheet.load('id')));
        const ids = [...targets.values()].map((sheet) => sheet.id);
        await syncInBatches(
          context,
          runs,
          () => BYTES_PER_MARK,
          (batch) => {
            for (const mark of batch) {
              const cf = (targets.get(mark.sheet) as Excel.Worksheet).getRange(mark.address).conditionalFormats.add('Custom');
              cf.custom.rule.formula = MARK_FORMULA;
              cf.custom.format.fill.color = MARK_COLOURS[mark.severity].fill;
              cf.custom.format.font.color = MARK_COLOURS[mark.severity].font;
            }
          },
          () => {
            deleteMarks(scans);
            context.workbook.settings.add(MARKS_SETTING, JSON.stringify(ids));
          },
        );
        markedSheetIds = ids;
      });
    },

    async clearMarks() {
      if (!capabilities.conditionalFormatMarks) return;
      await run(async (context) => {
        const scans = await findMarks(context, () => undefined);
        deleteMarks(scans);
        context.workbook.settings.add(MARKS_SETTING, '[]');
        await context.sync();
        markedSheetIds = [];
      });
    },

    selectCell(location) {
      return run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(location.sheet);
        // Selecting on an inactive sheet is unreliable: activate it in its own request first.
        worksheet.activate();
        await context.sync();
        worksheet.getRange(location.cell).select();
        await context.sync();
      });
    },

    getSelectedCell() {
      return run(readSelection);
    },

    writeCells: writeGuarded,

    undo(record) {
      return writeGuarded(record.restores);
    },

    writeReport(rows) {
      return run(async (context) => {
        const sheet = await recreateSheet(context.workbook, REPORT_SHEET_NAME);
        const labels = CATALOGS['zh-CN'].severity;
        // Column C holds a link formula; null leaves it for the formulas written below.
        const table: (string | null)[][] = [
          [...REPORT_HEADER],
          ...rows.map((r) => [labels[r.severity], r.sheet, null, r.project, r.rule, r.message, r.fix]),
        ];
        const links = [REPORT_HEADER[2] as string, ...rows.map((r) => linkFormula(r.sheet, r.cell))];
        // Text format keeps "=…", "-…" or numeric-looking text as typed; the link column stays General.
        const TEXT_FORMATS = ['@', '@', 'General', '@', '@', '@', '@'];
        await syncInBatches(
          context,
          table,
          (row) => utf8Length(JSON.stringify(row)) + 80,
          (batch, offset) => {
            if (batch.length === 0) return;
            const block = sheet.getRange(rangeAddress(offset, 0, batch.length, REPORT_HEADER.length));
            block.numberFormat = batch.map(() => TEXT_FORMATS);
            block.values = batch;
            sheet.getRange(rangeAddress(offset, 2, batch.length, 1)).formulas = links.slice(offset, offset + batch.length).map((l) => [l]);
            if (offset + batch.length < table.length) return;
            // Last batch: the header's look, frozen header row, fitted columns.
            const header = sheet.getRange(rangeAddress(0, 0, 1, REPORT_HEADER.length));
            header.format.font.bold = true;
            header.format.fill.color = '#D9E1F2';
            if (minor >= 7) sheet.freezePanes.freezeRows(1);
            if (minor >= 2) sheet.getRange(rangeAddress(0, 0, table.length, REPORT_HEADER.length)).format.autofitColumns();
          },
          () => undefined,
        );
      });
    },

    async loadIgnored() {
      if (!capabilities.persistentSettings) return parseIgnoredSetting(office.context.document.settings.get(IGNORED_SETTING));
      const raw = await run(async (context) => {
        const setting = context.workbook.settings.getItemOrNullObject(IGNORED_SETTING).load('value');
        await context.sync();
        return setting.isNullObject ? null : (setting.value as unknown);
      });
      return parseIgnoredSetting(raw);
    },

    async saveIgnored(ignored) {
      const json = serializeIgnored(ignored);
      if (capabilities.persistentSettings) {
        await run(async (context) => {
          context.workbook.settings.add(IGNORED_SETTING, json);
          await context.sync();
        });
        return;
      }
      const settings = office.context.document.settings;
      settings.set(IGNORED_SETTING, json);
      await new Promise<void>((resolve, reject) =>
        settings.saveAsync((result) =>
          result.status === office.AsyncResultStatus.Failed ? reject(new WorkbookError('unknown', '无法保存忽略列表：请保存工作簿后重试。', result.error?.message)) : resolve(),
        ),
      );
    },

    onSelectionChanged(handler) {
      if (!capabilities.selectionEvents) return () => undefined;
      return subscribe<Excel.SelectionChangedEventArgs>(
        async (context, onEvent) => {
          const result = context.workbook.onSelectionChanged.add(onEvent);
          await context.sync();
          return [result];
        },
        async () => handler(await run(readSelection)),
      );
    },

    onCellsChanged(handler) {
      if (!capabilities.changeEvents) return () => undefined;
      return subscribe<Excel.WorksheetChangedEventArgs>(
        async (context, onEvent) => {
          if (minor >= 9) {
            const result = context.workbook.worksheets.onChanged.add(onEvent);
            await context.sync();
            return [result];
          }
          // ExcelApi 1.7–1.8: one handler per sheet that exists now.
          const worksheets = context.workbook.worksheets.load('items/name');
          await context.sync();
          const results = worksheets.items.map((sheet) => sheet.onChanged.add(onEvent));
          await context.sync();
          return results;
        },
        async (args) => {
          // The event names the sheet by id; sheets can be renamed, so ask for the name now.
          const name = await run(async (context) => {
            const sheet = context.workbook.worksheets.getItem(args.worksheetId).load('name');
            await context.sync();
            return sheet.name;
          });
          handler(name);
        },
      );
    },
  };
  return port;
}
