import {
  CATALOGS,
  inverseRewrite,
  locate,
  MAX_EXCEL_COLUMNS,
  MAX_EXCEL_ROWS,
  movedRange,
  parseA1,
  parseRange,
  rangeAddress as areaAddress,
  rewritePoint,
  sameRange,
  SEVERITIES,
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
import { excelInput } from './excel-text';
import { parseIgnoredSetting, serializeIgnored } from './ignored-list';
import { recreateSheet } from './office-helpers';
import { uniqueSheetName } from './sheet-names';
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
  type UndoRecord,
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
/** Excel refuses to read more cells than this from one range (RangeExceedsLimit): each chunk stays under it. */
export const MAX_CELLS = 5_000_000;
/** Our marks' rule: always true, and recognisable among the user's own conditional formats. */
export const MARK_FORMULA = '=N("jixiao")=0';
export const IGNORED_SETTING = 'jixiao.ignored';
/**
 * Request bytes one mark costs (add + rule + two colours: eight object paths and eleven actions), measured
 * with Office.js's own request builder at ~1,560 for a short address, plus headroom for long addresses and
 * sheet names (test/workbook/office-request-sizes.test.ts).
 */
export const BYTES_PER_MARK = 2_000;
/** Rows per getMergedAreas call when a whole sheet holds more merged areas than Excel hands over at once (512). */
const MERGE_BAND_ROWS = 128;
/** Rows per getMergedAreas call when a rewrite checks the merged areas it moves. */
const GUARD_BAND_ROWS = 64;
/** Calls per request when reading merged areas band by band; above it the areas stay unknown. */
const MAX_MERGE_BANDS = 4_000;
/** Runs the pane starts on its own (event handlers): Excel holds them until the user leaves cell-edit mode, where the host can. */
const BACKGROUND_RUN: Excel.RunOptions = { delayForCellEdit: true };
const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded']);
/** "The cell count in the range has exceeded the maximum supported number" (Excel JavaScript API error codes). */
const RANGE_LIMIT_CODE = 'RangeExceedsLimit';
const BUSY_CODES = new Set(['GeneralException', 'ActivityLimitReached', 'Busy', 'ServiceNotAvailable', 'Timeout']);
const UNSUPPORTED_CODES = new Set(['ApiNotFound', 'NotImplemented', 'UnsupportedOperation', 'UnsupportedFeature']);

const MESSAGES: { readonly [C in WorkbookErrorCode]: string } = {
  'cell-edit-mode': '请先按 Enter 或 Esc 结束单元格编辑，再重试。',
  protected: '工作表受保护：请先撤销工作表保护（审阅 → 撤销工作表保护），再重试。',
  'payload-too-large': '要传输的数据超过 Excel 的单次上限：请删除多余的空行空列，或把表格拆到几个工作表后重试。',
  'too-many-cells': '要读取或写入的区域超过了 Excel 单次可处理的单元格数（5,000,000 个）：请删除表格右侧和下方多余的空行空列（或把表格拆到几个工作表），然后重试。',
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
          : code === RANGE_LIMIT_CODE
            ? 'too-many-cells'
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
/** A read refused for its size (bytes or cells), which smaller chunks can get through. */
const isTooBigToRead = (error: unknown) => isPayloadError(error) || errorCode(error) === RANGE_LIMIT_CODE;

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

/**
 * The formula a cell holds, from its `formulas` and `values`: `formulas` repeats a constant, and reads a text typed
 * with a quote prefix ('=abc) without the apostrophe (office-js #6687), so a "formula" equal to the value is text.
 */
function formulaOf(formula: unknown, value: CellValue): string | null {
  return typeof formula === 'string' && formula.startsWith('=') && formula !== value ? formula : null;
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

/** "5:7": whole sheet rows, 0-based `row`. */
function rowsAddress(row: number, count: number): string {
  return `${row + 1}:${row + count}`;
}

/**
 * A RangeAreas address as a list of ranges: "'表 1'!A5:A12,'表 1'!B5:B12" or "表1!A5:A12, B5:B12" (a sheet name
 * may hold commas inside its quotes). Parts that are not A1 ranges are dropped.
 */
export function parseAreasAddress(address: string): CellRange[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    if (address[i] === "'") quoted = !quoted;
    else if (address[i] === ',' && !quoted) {
      parts.push(address.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(address.slice(start));
  return parts.flatMap((part) => {
    const range = parseRange(part.slice(part.lastIndexOf('!') + 1).trim());
    return range ? [range] : [];
  });
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

/** Ours, whoever wrote it: the pane, the page or the CLI (whose xlsx rule has no leading "="). */
function isMark(cf: Excel.ConditionalFormat): boolean {
  if (cf.type !== 'Custom') return false;
  const formula = cf.customOrNullObject.rule.formula;
  return (formula.startsWith('=') ? formula : `=${formula}`) === MARK_FORMULA;
}

/** A sheet's conditional formats as scanned for marks; `marks` are the ids of ours. */
interface SheetMarks {
  readonly name: string;
  readonly worksheet: Excel.Worksheet;
  readonly formats: Excel.ConditionalFormatCollection;
  readonly marks: readonly string[];
}

type MarkChange = { readonly remove: string; readonly sheet: SheetMarks } | { readonly add: MarkRun; readonly sheet: SheetMarks };

/** What replacing a sheet's marks by `runs` takes: deletes (by loaded id) first, then adds. */
function markChanges(sheets: readonly SheetMarks[], runs: readonly MarkRun[]): MarkChange[] {
  const removes = sheets.flatMap((sheet) => sheet.marks.map((id) => ({ remove: id, sheet })));
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const adds = runs.flatMap((run) => {
    const sheet = byName.get(run.sheet);
    return sheet ? [{ add: run, sheet }] : [];
  });
  return [...removes, ...adds];
}

function queueMarkChange(change: MarkChange): void {
  if ('remove' in change) {
    // By id: index-addressed deletes shift within a batch, and fail where two rules share a cell (office-js #5222).
    change.sheet.formats.getItem(change.remove).delete();
    return;
  }
  const cf = change.sheet.worksheet.getRange(change.add.address).conditionalFormats.add('Custom');
  cf.custom.rule.formula = MARK_FORMULA;
  cf.custom.format.fill.color = MARK_COLOURS[change.add.severity].fill;
  cf.custom.format.font.color = MARK_COLOURS[change.add.severity].font;
}

interface SheetExtent {
  readonly name: string;
  readonly worksheet: Excel.Worksheet;
  readonly originRow: number;
  readonly originCol: number;
  readonly rowCount: number;
  readonly columnCount: number;
  /** Absent when the host cannot tell (before ExcelApi 1.13). */
  readonly merges?: readonly CellRange[];
}

interface UsedRange {
  readonly range: Excel.Range;
  /** getUsedRangeOrNullObject: an empty sheet gives a null object. */
  readonly nullable: boolean;
}

const MERGES_UNSUPPORTED = '当前 Excel 版本无法读取合并单元格，不能把项目的合并单元格扩展到新的指标行：请更新 Office 后重试，或改用独立校验页面。';
/** Excel's limit of characters in a cell. */
const MAX_CELL_TEXT = 32_767;

/** Excel reads an empty cell as "", a rewrite names it null: both mean empty. */
const emptyAsNull = (value: CellValue | undefined): CellValue => (value === '' || value === undefined ? null : value);

/** The block's rows (`rows` of them from its first) over its columns' bounding range, e.g. "E5:H9". */
function blockAddress(rewrite: BlockRewrite, rows: number): string {
  const first = rewrite.columns[0] ?? 0;
  const last = rewrite.columns[rewrite.columns.length - 1] ?? first;
  return rangeAddress(rewrite.firstRow, first, rows, last - first + 1);
}

/** Why this rewrite cannot be applied as given, in Chinese; null when it can. */
function invalidRewrite(r: BlockRewrite): string | null {
  const where = `“${r.sheet}”第 ${r.firstRow + 1} 行起的指标行`;
  const counts = [r.firstRow, r.rowCount, r.newRowCount];
  if (!counts.every((n) => Number.isInteger(n) && n >= 0) || r.firstRow + Math.max(r.rowCount, r.newRowCount) > MAX_EXCEL_ROWS) return `${where}超出了工作表的范围。`;
  const badColumn = (col: number, i: number) => !Number.isInteger(col) || col < 0 || col >= MAX_EXCEL_COLUMNS || (i > 0 && col <= (r.columns[i - 1] ?? -1));
  if (r.columns.length === 0 || r.columns.some(badColumn)) return `${where}的列无效。`;
  if (r.expected.length !== r.rowCount || r.values.length !== r.newRowCount || [...r.expected, ...r.values].some((row) => row.length !== r.columns.length)) {
    return `${where}的行数或列数与内容不符。`;
  }
  const values = r.values.flat();
  if (values.some((v) => typeof v === 'string' && v.length > MAX_CELL_TEXT)) return `${where}的新内容超过了 Excel 单元格的上限 32,767 个字符，请缩短后重试。`;
  if (values.some((v) => typeof v === 'number' && !Number.isFinite(v))) return `${where}的新值不是有效的数字。`;
  return null;
}

/** Contiguous runs of the rewritten columns: one `values` assignment each. */
function columnRuns(columns: readonly number[]): { index: number; col: number; count: number }[] {
  const runs: { index: number; col: number; count: number }[] = [];
  columns.forEach((col, index) => {
    const last = runs[runs.length - 1];
    if (last && last.col + last.count === col) last.count++;
    else runs.push({ index, col, count: 1 });
  });
  return runs;
}

/** Where Excel itself moves a merged area when whole rows are inserted (it grows only if they go strictly inside). */
function shiftedByExcel(range: CellRange, at: number, delta: number): CellRange | null {
  if (delta < 0) return movedRange(range, at, delta);
  if (delta === 0) return range;
  if (range.row >= at) return { ...range, row: range.row + delta };
  return range.row + range.rowCount - 1 >= at ? { ...range, rowCount: range.rowCount + delta } : range;
}

/** Whether `area` covers a cell the rewrite writes: its rows from the first (`rows` of them) in its columns. */
function writesInto(r: BlockRewrite, area: CellRange, rows: number): boolean {
  return area.row < r.firstRow + rows && area.row + area.rowCount > r.firstRow && r.columns.some((c) => c >= area.col && c < area.col + area.colCount);
}

const overlaps = (a: CellRange, b: CellRange) => a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.col < b.col + b.colCount && b.col < a.col + a.colCount;
const listed = (list: readonly CellRange[], area: CellRange) => list.some((m) => sameRange(m, area));

/**
 * The rows whose merged areas the rewrite must know: the block's, and those of every area either list names
 * (the areas below the block, which move with it).
 */
function mergeRegion(r: BlockRewrite): { readonly row: number; readonly rowCount: number } {
  const areas = [...r.mergesBefore, ...r.mergesAfter];
  const first = Math.min(r.firstRow, ...areas.map((m) => m.row));
  const last = Math.max(r.firstRow + Math.max(r.rowCount, r.newRowCount, 1) - 1, ...areas.map((m) => m.row + m.rowCount - 1));
  return { row: first, rowCount: last - first + 1 };
}

/**
 * The merged areas to unmerge before the rows move, and to merge once the values are written, so that the sheet
 * ends with what the in-memory workbook keeps: the areas it has (`sheetAreas`, read in the merge region) but
 * `mergesBefore`, at their places, and `mergesAfter`. An area that the rewrite does not write into and that
 * Excel's own row shift puts where it should end (the next projects' areas below) is left alone, so that its
 * formatting is not touched.
 */
export function mergePlan(r: BlockRewrite, sheetAreas: readonly CellRange[]): { readonly unmerge: CellRange[]; readonly merge: CellRange[] } {
  const { at, delta } = rewritePoint(r);
  const final = finalAreas(r, sheetAreas);
  const left: CellRange[] = [];
  const unmerge = sheetAreas.filter((m) => {
    const shifted = shiftedByExcel(m, at, delta);
    const stays = shifted !== null && !writesInto(r, m, r.rowCount) && !writesInto(r, shifted, r.newRowCount) && listed(final, shifted);
    if (shifted && stays) left.push(shifted);
    return !stays;
  });
  return { unmerge, merge: final.filter((m) => !listed(left, m)) };
}

/** The areas the sheet ends with: those it has but `mergesBefore`, where they are, and `mergesAfter`. */
function finalAreas(r: BlockRewrite, sheetAreas: readonly CellRange[]): CellRange[] {
  return [...sheetAreas.filter((m) => !listed(r.mergesBefore, m)), ...r.mergesAfter];
}

/**
 * An area on the sheet that the rewrite does not name and cannot keep where it is: the rows move it and the
 * rewrite says nothing of that (it was merged after the read), or it would overlap an area to merge, or bury a
 * written value under its top-left cell. A caller leaves out of both lists an area that is there before and
 * after: one that stays, or one whose place another area of the lists moves into.
 */
function unkeptArea(r: BlockRewrite, area: CellRange, final: readonly CellRange[]): boolean {
  const { at, delta } = rewritePoint(r);
  const shifted = shiftedByExcel(area, at, delta);
  const moves = shifted === null || !sameRange(shifted, area);
  const replaced = r.mergesBefore.some((b) => {
    const moved = movedRange(b, at, delta);
    return moved !== null && sameRange(moved, area);
  });
  if (moves && !(shifted && listed(final, shifted)) && !replaced) return true;
  const covered = (row: number, col: number) => overlaps(area, { row, col, rowCount: 1, colCount: 1 }) && (row !== area.row || col !== area.col);
  const buries = r.values.some((line, i) => line.some((value, c) => emptyAsNull(value) !== null && covered(r.firstRow + i, r.columns[c] ?? -1)));
  return buries || r.mergesAfter.some((a) => overlaps(a, area));
}

/** What the guarding sync of a rewrite loads. */
interface RewriteGuard {
  /** The block's bounding range (values), null for a block of no rows. */
  readonly block: Excel.Range | null;
  /** The used part of the rows to delete, by formulas so that a formula showing "" counts too. */
  readonly doomed: { readonly range: Excel.Range; readonly nullable: boolean } | null;
  /** The merged areas of the merge region, band by band (ExcelApi 1.13); null when the host cannot tell. */
  readonly bands: readonly Excel.RangeAreas[] | null;
}

function mergedAreasIn(range: Excel.Range): Excel.RangeAreas {
  // `areas`, not `address`: some hosts give only each area's top-left cell in the RangeAreas address.
  return range.getMergedAreasOrNullObject().load('areas/items/address');
}

function areasOf(areas: Excel.RangeAreas): CellRange[] {
  return areas.isNullObject ? [] : areas.areas.items.flatMap((area) => parseAreasAddress(area.address));
}

function queueGuard(worksheet: Excel.Worksheet, r: BlockRewrite, minor: number): RewriteGuard {
  const { at, delta } = rewritePoint(r);
  let doomed: RewriteGuard['doomed'] = null;
  if (delta < 0) {
    const rows = worksheet.getRange(rowsAddress(at, -delta));
    // Before ExcelApi 1.4 a range has no used part: read the whole rows (a few rows of a block).
    doomed = minor >= 4 ? { range: rows.getUsedRangeOrNullObject(true).load('address,formulas'), nullable: true } : { range: rows.load('address,formulas'), nullable: false };
  }
  let bands: Excel.RangeAreas[] | null = null;
  if (minor >= 13) {
    // Excel hands over the areas whose top-left cell lies in the range, at most 512 of them: bands stay well under.
    const region = mergeRegion(r);
    bands = [];
    for (let row = region.row; row < region.row + region.rowCount; row += GUARD_BAND_ROWS) {
      bands.push(mergedAreasIn(worksheet.getRange(rowsAddress(row, Math.min(GUARD_BAND_ROWS, region.row + region.rowCount - row)))));
    }
  }
  return { block: r.rowCount > 0 ? worksheet.getRange(blockAddress(r, r.rowCount)).load('values') : null, doomed, bands };
}

/** The sheet's merged areas in the merge region, as the guard read them; empty when the host cannot tell. */
function sheetAreasOf(guard: RewriteGuard): CellRange[] {
  return guard.bands ? guard.bands.flatMap(areasOf) : [];
}

/** The cells that stop the rewrite: changed since read, a merged area not as it was, content in a row to delete. */
function guardConflicts(guard: RewriteGuard, r: BlockRewrite): WriteConflict[] {
  const at = (row: number, col: number) => locate(r.sheet, row, col);
  const first = r.columns[0] ?? 0;
  const conflicts: WriteConflict[] = [];
  const values = guard.block?.values ?? [];
  r.expected.forEach((row, i) =>
    r.columns.forEach((col, c) => {
      const actual = toCellValue(values[i]?.[col - first]);
      const expected = row[c] ?? null;
      if (actual !== emptyAsNull(expected)) conflicts.push({ location: at(r.firstRow + i, col), expected, actual });
    }),
  );
  const sheetAreas = sheetAreasOf(guard);
  const missing = guard.bands ? r.mergesBefore.filter((m) => !listed(sheetAreas, m)) : [];
  const final = finalAreas(r, sheetAreas);
  const unkept = sheetAreas.filter((m) => !listed(r.mergesBefore, m) && unkeptArea(r, m, final) && !missing.some((b) => b.row === m.row && b.col === m.col));
  for (const m of [...missing, ...unkept]) conflicts.push({ location: at(m.row, m.col), expected: null, actual: null });
  const doomed = guard.doomed;
  if (doomed && !(doomed.nullable && doomed.range.isNullObject)) {
    const origin = splitAddress(doomed.range.address);
    doomed.range.formulas.forEach((row, i) =>
      row.forEach((formula, c) => {
        const col = (origin?.col ?? 0) + c;
        const actual = toCellValue(formula);
        if (actual !== null && !r.columns.includes(col)) conflicts.push({ location: at((origin?.row ?? 0) + i, col), expected: null, actual });
      }),
    );
  }
  return conflicts;
}

/** Queues the rewrite in Excel's order: unmerge, rows in or out, values by column run, merge; then reads the block back. */
function queueRewrite(worksheet: Excel.Worksheet, r: BlockRewrite, sheetAreas: readonly CellRange[]): Excel.Range | null {
  const { at, delta } = rewritePoint(r);
  const plan = mergePlan(r, sheetAreas);
  for (const m of plan.unmerge) worksheet.getRange(areaAddress(m)).unmerge();
  if (delta > 0) worksheet.getRange(rowsAddress(at, delta)).insert('Down');
  else if (delta < 0) worksheet.getRange(rowsAddress(at, -delta)).delete('Up');
  if (r.newRowCount === 0) return null;
  for (const run of columnRuns(r.columns)) {
    // null in Office.js means "leave as is"; an empty string empties the cell.
    worksheet.getRange(rangeAddress(r.firstRow, run.col, r.newRowCount, run.count)).values = r.values.map((row) => row.slice(run.index, run.index + run.count).map((v) => v ?? ''));
  }
  for (const m of plan.merge) worksheet.getRange(areaAddress(m)).merge(false);
  return worksheet.getRange(blockAddress(r, r.newRowCount)).load('values');
}

/** The rewrite's write batch failed: Excel does not roll back the commands before the failure. */
function failedRewrite(error: unknown, r: BlockRewrite): WorkbookError {
  const cause = toWorkbookError(error);
  // Refused before any command ran: the whole batch, or its first command on the protected sheet.
  const untouched = cause.code === 'cell-edit-mode' || cause.code === 'protected' || cause.code === 'payload-too-large';
  const last = r.firstRow + Math.max(r.rowCount, r.newRowCount);
  const rows = last > r.firstRow + 1 ? `第 ${r.firstRow + 1}–${last} 行` : `第 ${r.firstRow + 1} 行`;
  const outcome = untouched ? '没有改动任何单元格。' : `工作表“${r.sheet}”${rows}可能只改了一部分，请检查这些行后重新校验。`;
  return new WorkbookError(cause.code, `${outcome}${cause.message}`, cause.detail);
}

/** One undo record for an undo made of block rewrites and cell writes, as the in-memory workbook makes it. */
function combinedUndo(id: () => string, blocks: readonly WriteResult[], cells: WriteResult): WriteResult {
  const written = [...blocks.flatMap((b) => b.written), ...cells.written];
  const conflicts = [...blocks.flatMap((b) => b.conflicts), ...cells.conflicts];
  const undoBlocks = blocks.flatMap((b) => b.undo?.blocks ?? []);
  const undo: UndoRecord | null = written.length > 0 ? { id: id(), restores: [...(cells.undo?.restores ?? [])], ...(undoBlocks.length > 0 ? { blocks: undoBlocks } : {}) } : null;
  return { written, conflicts, undo };
}

export function createOfficeWorkbook(deps: OfficeWorkbookDeps = {}): WorkbookPort {
  const office = deps.office ?? Office;
  const excelRun = deps.excelRun ?? Excel.run;
  const reportError = deps.reportError ?? ((error: WorkbookError) => console.error(error.message, error.detail));
  const capabilities = detectCapabilities(office);
  const minor = Number(capabilities.apiVersion?.split('.')[1] ?? 0);
  /** Sheet names as last seen: their marks are scanned in the first sync, any other sheet's in one more. */
  let knownSheetNames: readonly string[] = [];
  let undoCount = 0;
  /** Sheet id → name for change events; cleared by every read of the sheet list (a sheet may have been renamed). */
  const sheetNames = new Map<string, string>();
  const nextUndoId = () => `undo-${Date.now().toString(36)}-${++undoCount}`;

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

  /** Values of every extent in row chunks that keep each response under MAX_PAYLOAD_BYTES and each range under MAX_CELLS. */
  async function readValues(context: Excel.RequestContext, extents: readonly SheetExtent[], options: ReadOptions): Promise<SheetGrid[]> {
    const rows = extents.map((e) => new Array<CellValue[]>(e.rowCount));
    // The cell limit is Excel's per range read, not per workbook: a sheet above it is read in more chunks.
    const chunkRows = extents.map((e) => Math.max(1, Math.floor(Math.min(MAX_PAYLOAD_BYTES / ESTIMATED_BYTES_PER_CELL, MAX_CELLS) / Math.max(1, e.columnCount))));
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
        if (!isTooBigToRead(error)) throw error;
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
    return extents.map((e, i) => ({ name: e.name, originRow: e.originRow, originCol: e.originCol, values: rows[i] as CellValue[][], ...(e.merges ? { merges: e.merges } : {}) }));
  }

  /**
   * The used range of each sheet and, with ExcelApi 1.13, its merged areas, in one sync. Excel refuses a range
   * holding more than 512 merged areas; then the areas are read again band by band.
   */
  async function readExtents(context: Excel.RequestContext, sheets: readonly { name: string; worksheet: Excel.Worksheet }[]): Promise<SheetExtent[]> {
    const used = sheets.map((s) => usedRangeOf(s.worksheet));
    // The full used range (formats too) holds every merged area's top-left cell, which is all Excel looks at.
    const merged = minor >= 13 ? sheets.map((s) => mergedAreasIn(s.worksheet.getUsedRange())) : null;
    try {
      await context.sync();
    } catch (error) {
      const kind = toWorkbookError(error).code;
      if (!merged || (kind !== 'busy' && kind !== 'unknown')) throw error;
      const again = sheets.map((s) => usedRangeOf(s.worksheet));
      const whole = sheets.map((s) => s.worksheet.getUsedRange().load('address,rowCount,columnCount'));
      await context.sync();
      const merges: (CellRange[] | undefined)[] = [];
      for (const [i, s] of sheets.entries()) merges.push(await mergesInBands(context, s.worksheet, whole[i] as Excel.Range));
      return sheets.map((s, i) => withMerges(extentOf(s.name, s.worksheet, again[i] as UsedRange), merges[i]));
    }
    return sheets.map((s, i) => withMerges(extentOf(s.name, s.worksheet, used[i] as UsedRange), merged ? areasOf(merged[i] as Excel.RangeAreas) : undefined));
  }

  function withMerges(extent: SheetExtent, merges: readonly CellRange[] | undefined): SheetExtent {
    return merges ? { ...extent, merges } : extent;
  }

  /** A sheet's merged areas read in bands of rows, halved while a band still holds too many; undefined if none works. */
  async function mergesInBands(context: Excel.RequestContext, worksheet: Excel.Worksheet, whole: Excel.Range): Promise<CellRange[] | undefined> {
    const origin = splitAddress(whole.address);
    if (!origin) return undefined;
    for (let band = MERGE_BAND_ROWS; band >= 1 && whole.rowCount / band <= MAX_MERGE_BANDS; band = Math.floor(band / 2)) {
      const bands: Excel.RangeAreas[] = [];
      for (let start = 0; start < whole.rowCount; start += band) {
        bands.push(mergedAreasIn(worksheet.getRange(rangeAddress(origin.row + start, origin.col, Math.min(band, whole.rowCount - start), whole.columnCount))));
      }
      try {
        await context.sync();
        return bands.flatMap(areasOf);
      } catch {
        // Still too many in some band (or the host refuses for another reason): try smaller bands.
      }
    }
    return undefined;
  }

  function scanSheet(worksheet: Excel.Worksheet): Excel.ConditionalFormatCollection {
    return worksheet.getRange().conditionalFormats.load('items/id,items/type,items/customOrNullObject/rule/formula');
  }

  /**
   * Every sheet's marks, found by their formula (sheet ids change when the workbook is reopened, and copies the
   * CLI or the page marked carry no list). One sync when the sheets are those last seen, one more otherwise.
   */
  async function findMarks(context: Excel.RequestContext): Promise<SheetMarks[]> {
    const worksheets = context.workbook.worksheets.load('items/name');
    const guessed = knownSheetNames.map((name) => {
      // Office.js answers isNullObject only for an object that was loaded (the double is laxer).
      const worksheet = context.workbook.worksheets.getItemOrNullObject(name).load('name');
      return { name, worksheet, formats: scanSheet(worksheet) };
    });
    await context.sync();
    // A renamed or deleted sheet's null object leaves its formats' items undefined: rescan by the real name.
    const found = guessed.filter((g) => !g.worksheet.isNullObject);
    const missed = worksheets.items.filter((s) => !found.some((g) => g.name === s.name)).map((worksheet) => ({ name: worksheet.name, worksheet, formats: scanSheet(worksheet) }));
    if (missed.length > 0) await context.sync();
    knownSheetNames = worksheets.items.map((s) => s.name);
    return [...found, ...missed].map((s) => ({ ...s, marks: s.formats.items.filter(isMark).map((cf) => cf.id) }));
  }

  /**
   * Replaces the marks of `sheets` by `runs`, all in as few syncs as the payload allows; when that fails, sheet
   * by sheet (rescanned, since part of the failed batch may have run), so one protected sheet does not stop the rest.
   */
  async function replaceMarks(context: Excel.RequestContext, sheets: readonly SheetMarks[], runs: readonly MarkRun[]): Promise<void> {
    const changes = markChanges(sheets, runs);
    if (changes.length === 0) return;
    try {
      await syncInBatches(context, changes, () => BYTES_PER_MARK, (batch) => batch.forEach(queueMarkChange), () => undefined);
      return;
    } catch (error) {
      if (sheets.length <= 1) throw error;
    }
    const failed: { name: string; error: WorkbookError }[] = [];
    for (const sheet of sheets) {
      try {
        const formats = scanSheet(sheet.worksheet);
        await context.sync();
        const rescanned = { ...sheet, formats, marks: formats.items.filter(isMark).map((cf) => cf.id) };
        await syncInBatches(context, markChanges([rescanned], runs), () => BYTES_PER_MARK, (batch) => batch.forEach(queueMarkChange), () => undefined);
      } catch (error) {
        failed.push({ name: sheet.name, error: toWorkbookError(error) });
      }
    }
    const first = failed[0];
    if (!first) return;
    const names = failed.map((f) => `“${f.name}”`).join('、');
    throw new WorkbookError(first.error.code, `工作表 ${names} 的标记未能更新，其余工作表已更新。${first.error.message}`, failed.map((f) => `${f.name}: ${f.error.detail ?? f.error.message}`).join('; '));
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
        const before = writes.map((w) => rangeOf(w.location).load('values,formulas'));
        await context.sync();
        const conflicts: WriteConflict[] = [];
        const unchanged: { write: CellWrite; previous: CellValue; formula: string | null }[] = [];
        writes.forEach((write, i) => {
          const range = before[i] as Excel.Range;
          const actual = toCellValue(range.values[0]?.[0]);
          const formula = formulaOf(range.formulas[0]?.[0], actual);
          if (actual !== write.expected) conflicts.push({ location: write.location, expected: write.expected, actual, ...(formula ? { formula } : {}) });
          // A formula is replaced only when the user saw it and agreed (replacesFormula names it).
          else if (formula !== null && write.replacesFormula !== formula) conflicts.push({ location: write.location, expected: write.expected, actual, formula });
          else unchanged.push({ write, previous: actual, formula });
        });
        if (unchanged.length === 0) return { written: [], conflicts, undo: null };
        const after = unchanged.map(({ write }) => {
          const range = rangeOf(write.location);
          if (write.formula !== undefined) range.formulas = [[write.formula]];
          else range.values = [[excelInput(write.value)]];
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
            id: nextUndoId(),
            // The guard for undoing is what Excel made of the value ("12" may read back as 12); a formula is put back as one.
            restores: unchanged.map(({ write, previous, formula }, i) => ({
              location: write.location,
              expected: toCellValue((after[i] as Excel.Range).values[0]?.[0]),
              value: previous,
              ...(formula !== null ? { formula } : {}),
            })),
          },
        };
      },
      capabilities.undoGroups ? { mergeUndoGroup: true } : undefined,
    );
  }

  /** A block rewrite: one sync reads and guards, one writes; any conflict leaves the sheet as it was. */
  async function rewriteGuarded(rewrite: BlockRewrite): Promise<WriteResult> {
    const problem = invalidRewrite(rewrite);
    if (problem) throw new WorkbookError('unknown', `没有改动任何单元格：${problem}`);
    // Merged areas can be checked only with ExcelApi 1.13, and merged at all only with 1.2.
    if (rewrite.mergesBefore.length > 0 ? minor < 13 : rewrite.mergesAfter.length > 0 && minor < 2) throw new WorkbookError('unsupported', MERGES_UNSUPPORTED);
    return run(
      async (context) => {
        const worksheet = context.workbook.worksheets.getItem(rewrite.sheet);
        const guard = queueGuard(worksheet, rewrite, minor);
        await context.sync();
        const conflicts = guardConflicts(guard, rewrite);
        if (conflicts.length > 0) return { written: [], conflicts, undo: null };
        const after = queueRewrite(worksheet, rewrite, sheetAreasOf(guard));
        try {
          await context.sync();
        } catch (error) {
          throw failedRewrite(error, rewrite);
        }
        const first = rewrite.columns[0] ?? 0;
        // The guard for undoing is what Excel made of the values ("12" may read back as 12).
        const landed = rewrite.values.map((_, i) => rewrite.columns.map((col) => toCellValue(after?.values[i]?.[col - first])));
        const written = rewrite.values.flatMap((_, i) => rewrite.columns.map((col) => locate(rewrite.sheet, rewrite.firstRow + i, col)));
        return { written, conflicts: [], undo: { id: nextUndoId(), restores: [], blocks: [{ ...inverseRewrite(rewrite), expected: landed }] } };
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
        await context.sync();
        knownSheetNames = worksheets.items.map((s) => s.name);
        sheetNames.clear();
        const sheets = worksheets.items.filter((s) => s.name !== REPORT_SHEET_NAME);
        throwIfCancelled(options.signal);
        const extents = await readExtents(context, sheets.map((worksheet) => ({ name: worksheet.name, worksheet })));
        options.onProgress?.({ stage: 'sheets', done: sheets.length, total: sheets.length });
        const grid: WorkbookGrid = { sheets: await readValues(context, extents, options) };
        return grid;
      });
    },

    readSheet(name, options = {}) {
      return run(async (context) => {
        throwIfCancelled(options.signal);
        const worksheet = context.workbook.worksheets.getItem(name);
        const extents = await readExtents(context, [{ name, worksheet }]);
        options.onProgress?.({ stage: 'sheets', done: 1, total: 1 });
        const [grid] = await readValues(context, extents, options);
        return grid as SheetGrid;
      });
    },

    async markFindings(findings) {
      if (!capabilities.conditionalFormatMarks) return;
      const runs = markRuns(findings);
      await run(async (context) => {
        const sheets = await findMarks(context);
        const missing = runs.find((r) => !sheets.some((s) => s.name === r.sheet));
        if (missing) throw new WorkbookError('not-found', MESSAGES['not-found'], `no sheet ${missing.sheet}`);
        await replaceMarks(context, sheets, runs);
      });
    },

    async clearMarks() {
      if (!capabilities.conditionalFormatMarks) return;
      await run(async (context) => replaceMarks(context, await findMarks(context), []));
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

    rewriteBlock: rewriteGuarded,

    async undo(record) {
      if (!record.blocks || record.blocks.length === 0) return writeGuarded(record.restores);
      const blocks: WriteResult[] = [];
      // Blocks first, the last one first: they may move the rows that the cell restores name.
      for (const block of [...record.blocks].reverse()) blocks.push(await rewriteGuarded(block));
      return combinedUndo(nextUndoId, blocks, await writeGuarded(record.restores));
    },

    addSheet(grid) {
      return run(async (context) => {
        const names = context.workbook.worksheets.load('items/name');
        await context.sync();
        const name = uniqueSheetName(grid.name, new Set(names.items.map((w) => w.name)));
        const sheet = context.workbook.worksheets.add(name);
        const width = Math.max(0, ...grid.values.map((row) => row.length));
        const rows = grid.values.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
        // Text format first, so that a text such as "=…" or "1-2" stays text (no formula, no date).
        await syncInBatches(
          context,
          rows,
          (row) => utf8Length(JSON.stringify(row)) + 40,
          (batch, offset) => {
            if (batch.length === 0 || width === 0) return;
            const range = sheet.getRange(rangeAddress(grid.originRow + offset, grid.originCol, batch.length, width));
            range.numberFormat = batch.map((row) => row.map((v) => (typeof v === 'string' ? '@' : 'General')));
            range.values = batch;
            if (offset + batch.length < rows.length) return;
            for (const m of grid.merges ?? []) sheet.getRange(rangeAddress(m.row, m.col, m.rowCount, m.colCount)).merge(false);
          },
          () => undefined,
        );
        return name;
      });
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
        async () => handler(await run(readSelection, BACKGROUND_RUN)),
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
          // Excel reports the add-in's own writes too (ExcelApi 1.14 names them ThisLocalAddin): not a user's edit.
          if (args.triggerSource === 'ThisLocalAddin') return;
          // The event names the sheet by id; the name is looked up once per id and again after a miss.
          let name = sheetNames.get(args.worksheetId);
          if (name === undefined) {
            name = await run(async (context) => {
              const sheet = context.workbook.worksheets.getItem(args.worksheetId).load('name');
              await context.sync();
              return sheet.name;
            }, BACKGROUND_RUN);
            sheetNames.set(args.worksheetId, name);
          }
          handler(name, args.address ?? '');
        },
      );
    },
  };
  return port;
}
