import { type BlockRewrite, type CellRange, type CellValue, locate, MAX_EXCEL_COLUMNS, MAX_EXCEL_ROWS, movedRange, rangeAddress as areaAddress, rewritePoint, sameRange } from '../../core';
import type { RewriteProblem } from '../../core/locales/error-strings';
import { WorkbookError, workbookError, type WriteConflict } from '../port';
import { GUARD_BAND_ROWS, parseAreasAddress, rangeAddress, rowsAddress, splitAddress, toCellValue } from './cells';
import { toWorkbookError } from './errors';

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

/** Why this rewrite cannot be applied as given; null when it can. */
export function invalidRewrite(r: BlockRewrite): RewriteProblem | null {
  const counts = [r.firstRow, r.rowCount, r.newRowCount];
  if (!counts.every((n) => Number.isInteger(n) && n >= 0) || r.firstRow + Math.max(r.rowCount, r.newRowCount) > MAX_EXCEL_ROWS) return 'out-of-sheet';
  const badColumn = (col: number, i: number) => !Number.isInteger(col) || col < 0 || col >= MAX_EXCEL_COLUMNS || (i > 0 && col <= (r.columns[i - 1] ?? -1));
  if (r.columns.length === 0 || r.columns.some(badColumn)) return 'bad-columns';
  if (r.expected.length !== r.rowCount || r.values.length !== r.newRowCount || [...r.expected, ...r.values].some((row) => row.length !== r.columns.length)) {
    return 'shape';
  }
  const values = r.values.flat();
  if (values.some((v) => typeof v === 'string' && v.length > MAX_CELL_TEXT)) return 'too-long';
  if (values.some((v) => typeof v === 'number' && !Number.isFinite(v))) return 'not-number';
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

export function mergedAreasIn(range: Excel.Range): Excel.RangeAreas {
  // `areas`, not `address`: some hosts give only each area's top-left cell in the RangeAreas address.
  return range.getMergedAreasOrNullObject().load('areas/items/address');
}

export function areasOf(areas: Excel.RangeAreas): CellRange[] {
  return areas.isNullObject ? [] : areas.areas.items.flatMap((area) => parseAreasAddress(area.address));
}

export function queueGuard(worksheet: Excel.Worksheet, r: BlockRewrite, minor: number): RewriteGuard {
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
export function sheetAreasOf(guard: RewriteGuard): CellRange[] {
  return guard.bands ? guard.bands.flatMap(areasOf) : [];
}

/** The cells that stop the rewrite: changed since read, a merged area not as it was, content in a row to delete. */
export function guardConflicts(guard: RewriteGuard, r: BlockRewrite): WriteConflict[] {
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
export function queueRewrite(worksheet: Excel.Worksheet, r: BlockRewrite, sheetAreas: readonly CellRange[]): Excel.Range | null {
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

/** The areas whose change events queueRewrite's commands raise: the rows inserted or deleted, then each run of values. */
export function rewriteChanges(r: BlockRewrite): string[] {
  const { at, delta } = rewritePoint(r);
  const rows = delta === 0 ? [] : [rowsAddress(at, Math.abs(delta))];
  if (r.newRowCount === 0) return rows;
  return [...rows, ...columnRuns(r.columns).map((run) => rangeAddress(r.firstRow, run.col, r.newRowCount, run.count))];
}

/** The rewrite's write batch failed: Excel does not roll back the commands before the failure. */
export function failedRewrite(error: unknown, r: BlockRewrite): WorkbookError {
  const cause = toWorkbookError(error);
  // Refused before any command ran: the whole batch, or its first command on the protected sheet.
  const untouched = cause.code === 'cell-edit-mode' || cause.code === 'protected' || cause.code === 'payload-too-large';
  const last = r.firstRow + Math.max(r.rowCount, r.newRowCount);
  return workbookError(cause.code, { key: 'rewrite-partial', sheet: r.sheet, first: r.firstRow + 1, last, untouched, cause: cause.text ?? cause.message }, cause.detail);
}
