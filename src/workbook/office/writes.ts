import { type BlockRewrite, type CellLocation, type CellValue, inverseRewrite, locate } from '../../core';
import { excelInput } from '../excel-text';
import { type CellWrite, type UndoRecord, WorkbookError, workbookError, type WorkbookPort, type WriteConflict, type WriteResult } from '../port';
import { uniqueSheetName } from '../sheet-names';
import { formulaOf, rangeAddress, toCellValue, utf8Length } from './cells';
import { expectOwnChange, nextUndoId, type OfficeContext, run, syncInBatches } from './context';
import { toWorkbookError } from './errors';
import { failedRewrite, guardConflicts, invalidRewrite, queueGuard, queueRewrite, rewriteChanges, sheetAreasOf } from './rewrite-plan';

/** The cells for a message, as 表!A1. */
function cellList(items: readonly { write: CellWrite }[]): string[] {
  return items.map(({ write }) => `${write.location.sheet}!${write.location.cell}`);
}

/** One undo record for an undo made of block rewrites and cell writes, as the in-memory workbook makes it. */
function combinedUndo(id: () => string, blocks: readonly WriteResult[], cells: WriteResult): WriteResult {
  const written = [...blocks.flatMap((b) => b.written), ...cells.written];
  const conflicts = [...blocks.flatMap((b) => b.conflicts), ...cells.conflicts];
  const undoBlocks = blocks.flatMap((b) => b.undo?.blocks ?? []);
  const undo: UndoRecord | null = written.length > 0 ? { id: id(), restores: [...(cells.undo?.restores ?? [])], ...(undoBlocks.length > 0 ? { blocks: undoBlocks } : {}) } : null;
  return { written, conflicts, undo };
}

async function writeGuarded(ctx: OfficeContext, writes: readonly CellWrite[]): Promise<WriteResult> {
  if (writes.length === 0) return { written: [], conflicts: [], undo: null };
  return run(
    ctx,
    async (context) => {
      const worksheets = new Map<string, Excel.Worksheet>();
      const rangeOf = (location: CellLocation) => {
        let worksheet = worksheets.get(location.sheet);
        if (!worksheet) worksheets.set(location.sheet, (worksheet = context.workbook.worksheets.getItem(location.sheet)));
        return worksheet.getRange(location.cell);
      };
      const before = writes.map((w) => rangeOf(w.location).load('values,formulas'));
      // Ids name the sheets of the change events these writes raise (before ExcelApi 1.14 they are matched by place).
      if (ctx.minor < 14) for (const worksheet of worksheets.values()) worksheet.load('id');
      await context.sync();
      if (ctx.minor < 14) for (const [name, worksheet] of worksheets) ctx.state.sheetNames.set(worksheet.id, name);
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
        expectOwnChange(ctx, write.location.sheet, write.location.cell);
        const range = rangeOf(write.location);
        if (write.formula !== undefined) range.formulas = [[write.formula]];
        else range.values = [[excelInput(write.value)]];
        return range.load('values');
      });
      try {
        await context.sync();
      } catch (error) {
        throw await failedWrite(ctx, error, unchanged);
      }
      return {
        written: unchanged.map(({ write }) => write.location),
        conflicts,
        undo: {
          id: nextUndoId(ctx),
          // The guard for undoing is what Excel made of the value ("12" may read back as 12); a formula is put back as one.
          restores: unchanged.map(({ write, previous, formula }, i) => ({
            location: write.location,
            expected: toCellValue((after[i] as Excel.Range).values[0]?.[0]),
            value: previous,
            ...(formula !== null ? { formula } : {}),
            // Undoing a written formula replaces it: the restore names it.
            ...(write.formula !== undefined ? { replacesFormula: write.formula } : {}),
          })),
        },
      };
    },
    ctx.capabilities.undoGroups ? { mergeUndoGroup: true } : undefined,
  );
}

/** A block rewrite: one sync reads and guards, one writes; any conflict leaves the sheet as it was. */
async function rewriteGuarded(ctx: OfficeContext, rewrite: BlockRewrite): Promise<WriteResult> {
  const problem = invalidRewrite(rewrite);
  if (problem) throw workbookError('unknown', { key: 'rewrite-refused', sheet: rewrite.sheet, row: rewrite.firstRow + 1, problem });
  // Merged areas can be checked only with ExcelApi 1.13, and merged at all only with 1.2.
  if (rewrite.mergesBefore.length > 0 ? ctx.minor < 13 : rewrite.mergesAfter.length > 0 && ctx.minor < 2) throw workbookError('unsupported', { key: 'merges-unsupported' });
  return run(
    ctx,
    async (context) => {
      const worksheet = context.workbook.worksheets.getItem(rewrite.sheet);
      const guard = queueGuard(worksheet, rewrite, ctx.minor);
      if (ctx.minor < 14) worksheet.load('id');
      await context.sync();
      const conflicts = guardConflicts(guard, rewrite);
      if (conflicts.length > 0) return { written: [], conflicts, undo: null };
      if (ctx.minor < 14) {
        ctx.state.sheetNames.set(worksheet.id, rewrite.sheet);
        for (const address of rewriteChanges(rewrite)) expectOwnChange(ctx, rewrite.sheet, address);
      }
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
      return { written, conflicts: [], undo: { id: nextUndoId(ctx), restores: [], blocks: [{ ...inverseRewrite(rewrite), expected: landed }] } };
    },
    ctx.capabilities.undoGroups ? { mergeUndoGroup: true } : undefined,
  );
}

/**
 * A write batch failed. Excel runs a batch's commands in order and does not roll back the ones
 * before a failure, so read the cells again and say exactly which of them were written.
 */
async function failedWrite(ctx: OfficeContext, error: unknown, attempted: readonly { write: CellWrite; previous: CellValue }[]): Promise<WorkbookError> {
  const cause = toWorkbookError(error);
  const reason = cause.text ?? cause.message;
  try {
    const now = await ctx.excelRun(async (context) => {
      const ranges = attempted.map(({ write }) => context.workbook.worksheets.getItem(write.location.sheet).getRange(write.location.cell).load('values'));
      await context.sync();
      return ranges.map((range) => toCellValue(range.values[0]?.[0]));
    });
    const landed = attempted.filter(({ previous }, i) => now[i] !== previous);
    const left = attempted.filter(({ previous }, i) => now[i] === previous);
    return workbookError(cause.code, { key: 'write-partial', landed: cellList(landed), left: cellList(left), cause: reason }, cause.detail);
  } catch {
    return workbookError(cause.code, { key: 'write-unconfirmed', cells: cellList(attempted), cause: reason }, cause.detail);
  }
}

export function writesRoom(ctx: OfficeContext): Pick<WorkbookPort, 'writeCells' | 'rewriteBlock' | 'undo' | 'addSheet'> {
  return {
    writeCells: (writes) => writeGuarded(ctx, writes),

    rewriteBlock: (rewrite) => rewriteGuarded(ctx, rewrite),

    async undo(record) {
      if (!record.blocks || record.blocks.length === 0) return writeGuarded(ctx, record.restores);
      const blocks: WriteResult[] = [];
      // Blocks first, the last one first: they may move the rows that the cell restores name.
      for (const block of [...record.blocks].reverse()) blocks.push(await rewriteGuarded(ctx, block));
      return combinedUndo(() => nextUndoId(ctx), blocks, await writeGuarded(ctx, record.restores));
    },

    addSheet(grid) {
      return run(ctx, async (context) => {
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

  };
}
