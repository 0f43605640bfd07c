import { type CellRange, type CellValue, locate, parseRange, type SheetGrid, toA1, type WorkbookGrid } from '../../core';
import { IGNORED_SHEET_NAME } from '../ignored-sheet';
import { isReportGrid, type ReadOptions, REPORT_PROPERTY, type SelectedCell, workbookError, type WorkbookPort } from '../port';
import { ESTIMATED_BYTES_PER_CELL, formulaOf, MAX_CELLS, MAX_MERGE_BANDS, MAX_PAYLOAD_BYTES, MERGE_BAND_ROWS, rangeAddress, splitAddress, toCellValue, utf8Length } from './cells';
import { type OfficeContext, run, runOptionsFor, throwIfCancelled } from './context';
import { errorCode, isTooBigToRead, toWorkbookError } from './errors';
import { areasOf, mergedAreasIn } from './rewrite-plan';

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


function usedRangeOf(ctx: OfficeContext, worksheet: Excel.Worksheet): UsedRange {
  if (ctx.minor >= 4) return { range: worksheet.getUsedRangeOrNullObject(true).load('address,rowCount,columnCount'), nullable: true };
  const range = ctx.minor >= 2 ? worksheet.getUsedRange(true) : worksheet.getUsedRange();
  return { range: range.load('address,rowCount,columnCount'), nullable: false };
}

function extentOf(name: string, worksheet: Excel.Worksheet, used: UsedRange): SheetExtent {
  if (used.nullable && used.range.isNullObject) return { name, worksheet, originRow: 0, originCol: 0, rowCount: 0, columnCount: 0 };
  const origin = splitAddress(used.range.address);
  if (!origin) throw workbookError('unknown', { key: 'unknown' }, `unexpected address ${used.range.address}`);
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
async function readExtents(ctx: OfficeContext, context: Excel.RequestContext, sheets: readonly { name: string; worksheet: Excel.Worksheet }[]): Promise<SheetExtent[]> {
  const used = sheets.map((s) => usedRangeOf(ctx, s.worksheet));
  // The full used range (formats too) holds every merged area's top-left cell, which is all Excel looks at.
  const merged = ctx.minor >= 13 ? sheets.map((s) => mergedAreasIn(s.worksheet.getUsedRange())) : null;
  try {
    await context.sync();
  } catch (error) {
    const kind = toWorkbookError(error).code;
    if (!merged || (kind !== 'busy' && kind !== 'unknown')) throw error;
    const again = sheets.map((s) => usedRangeOf(ctx, s.worksheet));
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



export async function readSelection(context: Excel.RequestContext): Promise<SelectedCell | null> {
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


/** Queues the probe for our report tag (ExcelApi 1.12+); null on older hosts. Loaded: Office.js answers isNullObject only then. */
export function reportTagOf(ctx: OfficeContext, worksheet: Excel.Worksheet): Excel.WorksheetCustomProperty | null {
  return ctx.minor >= 12 ? worksheet.customProperties.getItemOrNullObject(REPORT_PROPERTY).load('value') : null;
}

/** A probe lost with a failed sync (readExtents retries) counts as untagged: the header still tells our report. */
export function isTagged(tag: Excel.WorksheetCustomProperty | null | undefined): boolean {
  try {
    return tag ? !tag.isNullObject : false;
  } catch {
    return false;
  }
}


function areaGrid(name: string, area: CellRange, range: Excel.Range): SheetGrid {
  const values = range.values.map((row) => row.map(toCellValue));
  const formulas = new Map<string, string>();
  values.forEach((row, r) =>
    row.forEach((value, c) => {
      const formula = formulaOf(range.formulas[r]?.[c], value);
      if (formula !== null) formulas.set(toA1(area.row + r, area.col + c), formula);
    }),
  );
  return { name, originRow: area.row, originCol: area.col, values, ...(formulas.size > 0 ? { formulas } : {}) };
}

export function readRoom(ctx: OfficeContext): Pick<WorkbookPort, 'readWorkbook' | 'readSheet' | 'readAreas' | 'selectCell' | 'getSelectedCell'> {
  return {
    readWorkbook(options = {}) {
      return run(ctx, async (context) => {
        throwIfCancelled(options.signal);
        const worksheets = context.workbook.worksheets.load('items/name');
        await context.sync();
        ctx.state.knownSheetNames = worksheets.items.map((s) => s.name);
        ctx.state.sheetNames.clear();
        throwIfCancelled(options.signal);
        // Our report sheet is skipped (tagged, or by its header once read); a user's sheet named 校验结果 is read.
        const sheets = worksheets.items.filter((s) => s.name !== IGNORED_SHEET_NAME);
        const tags = sheets.map((worksheet) => reportTagOf(ctx, worksheet));
        const all = await readExtents(ctx, context, sheets.map((worksheet) => ({ name: worksheet.name, worksheet })));
        const extents = all.filter((_, i) => !isTagged(tags[i]));
        options.onProgress?.({ stage: 'sheets', done: extents.length, total: extents.length });
        const grid: WorkbookGrid = { sheets: (await readValues(context, extents, options)).filter((sheet) => !isReportGrid(sheet)) };
        return grid;
      });
    },

    readSheet(name, options = {}) {
      return run(ctx, async (context) => {
        throwIfCancelled(options.signal);
        const worksheet = context.workbook.worksheets.getItem(name);
        const extents = await readExtents(ctx, context, [{ name, worksheet }]);
        options.onProgress?.({ stage: 'sheets', done: 1, total: 1 });
        const [grid] = await readValues(context, extents, options);
        return grid as SheetGrid;
      }, runOptionsFor(ctx, options));
    },

    readAreas(name, addresses, options) {
      const areas = addresses.map(parseRange);
      const bad = addresses.find((_, i) => areas[i] === null);
      if (bad !== undefined) return Promise.reject(workbookError('not-found', { key: 'not-found' }, `no cell ${bad}`));
      // The pane asks for the few cells an edit changed (at most INCREMENTAL_CELL_LIMIT): every range, values and
      // formulas, in one sync, far under the payload limit, rather than a sync per range.
      return run(ctx, async (context) => {
        const worksheet = context.workbook.worksheets.getItem(name);
        const ranges = addresses.map((address) => worksheet.getRange(address).load('values,formulas'));
        await context.sync();
        return ranges.map((range, i) => areaGrid(name, areas[i] as CellRange, range));
      }, runOptionsFor(ctx, options));
    },

    selectCell(location) {
      return run(ctx, async (context) => {
        const worksheet = context.workbook.worksheets.getItem(location.sheet);
        // Selecting on an inactive sheet is unreliable: activate it in its own request first.
        worksheet.activate();
        await context.sync();
        worksheet.getRange(location.cell).select();
        await context.sync();
      });
    },

    getSelectedCell() {
      return run(ctx, readSelection);
    },
  };
}
