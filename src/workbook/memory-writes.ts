import { inverseRewrite, toA1, type BlockRewrite, type CellLocation, type CellValue } from '../core';
import { workbookError, type CellWrite, type UndoRecord, type WorkbookPort, type WriteConflict, type WriteResult } from './port';
import type { CellWriteProblem } from '../core/locales/error-strings';
import { applyRewrite, rewriteConflicts } from './block-cells';
import { isEmpty, type CellStore } from './memory-cells';

// Excel reads an empty cell as "", the adapters hand it over as null: both mean empty.
function sameValue(a: CellValue, b: CellValue): boolean {
  return isEmpty(a) ? isEmpty(b) : a === b;
}

/** Excel's limits: 1,048,576 rows × 16,384 columns, 32,767 characters in a cell. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const MAX_CELL_TEXT = 32_767;

/** Why Excel would refuse this write; null if it would not. */
function invalidWrite(w: CellWrite): CellWriteProblem | null {
  const { sheet, cell, row, col } = w.location;
  const address = `${sheet}!${cell}`;
  if (!Number.isInteger(row) || !Number.isInteger(col) || row < 0 || col < 0 || row >= MAX_ROWS || col >= MAX_COLUMNS || toA1(row, col) !== cell) {
    return { kind: 'bad-cell', address };
  }
  if (typeof w.value === 'string' && w.value.length > MAX_CELL_TEXT) {
    return { kind: 'too-long', address, chars: w.value.length };
  }
  if (typeof w.value === 'number' && !Number.isFinite(w.value)) return { kind: 'not-number', address };
  return null;
}

/** Cell writes, block rewrites and their undo on the memory workbook's store; `applied` lists every rewrite in order. */
export function createMemoryWrites(store: CellStore) {
  let undoCount = 0;
  const applied: BlockRewrite[] = [];

  function write(writes: readonly CellWrite[]): WriteResult {
    // All or nothing: every write is checked before the first one is applied.
    for (const w of writes) {
      store.cellsOfSheet(w.location.sheet);
      const problem = invalidWrite(w);
      if (problem) throw workbookError('unknown', { key: 'write-refused', problem });
    }
    const written: CellLocation[] = [];
    const conflicts: WriteConflict[] = [];
    const restores: CellWrite[] = [];
    for (const w of writes) {
      const actual = store.valueAt(w.location);
      const formula = store.formulaAt(w.location);
      // A formula is replaced only when the user saw it and agreed (replacesFormula names it), as in Excel.
      if (!sameValue(actual, w.expected) || (formula !== null && w.replacesFormula !== formula)) {
        conflicts.push({ location: w.location, expected: w.expected, actual, ...(formula !== null ? { formula } : {}) });
        continue;
      }
      store.put(w.location, w.value, w.formula);
      written.push(w.location);
      // Undoing a written formula replaces it: the restore names it.
      restores.push({ location: w.location, expected: w.value, value: actual, ...(formula !== null ? { formula } : {}), ...(w.formula !== undefined ? { replacesFormula: w.formula } : {}) });
    }
    // As Excel's automatic calculation: the formulas reading the written cells follow (not part of `written`).
    store.recalculate(written);
    // The guard for undoing is what the cell holds now (a written formula's recalculated result).
    const guarded = restores.map((r) => (store.formulaAt(r.location) !== null ? { ...r, expected: store.valueAt(r.location) } : r));
    const undo: UndoRecord | null = guarded.length > 0 ? { id: `undo-${++undoCount}`, restores: guarded } : null;
    return { written, conflicts, undo };
  }

  /** A block rewrite, all or nothing: any conflict leaves the sheet as it was. */
  function rewriteSheetBlock(rewrite: Parameters<WorkbookPort['rewriteBlock']>[0]): WriteResult {
    const sheetStore = { cells: store.cellsOfSheet(rewrite.sheet), merges: store.merges.get(rewrite.sheet) ?? [] };
    const conflicts = rewriteConflicts(sheetStore, rewrite);
    if (conflicts.length > 0) return { written: [], conflicts, undo: null };
    const written = applyRewrite(sheetStore, rewrite);
    store.forgetLayout(rewrite.sheet);
    store.merges.set(rewrite.sheet, sheetStore.merges);
    store.moveFormulas(rewrite, written);
    applied.push(rewrite);
    return { written, conflicts: [], undo: { id: `undo-${++undoCount}`, restores: [], blocks: [inverseRewrite(rewrite)] } };
  }

  function undo(record: UndoRecord): WriteResult {
    // Blocks first, last one first: they may move the rows that the cell restores name.
    const blocks = [...(record.blocks ?? [])].reverse().map(rewriteSheetBlock);
    const cells = write(record.restores);
    const conflicts = [...blocks.flatMap((b) => b.conflicts), ...cells.conflicts];
    const written = [...blocks.flatMap((b) => b.written), ...cells.written];
    const restores = [...(cells.undo?.restores ?? [])];
    const undoBlocks = blocks.flatMap((b) => b.undo?.blocks ?? []);
    return { written, conflicts, undo: written.length > 0 ? { id: `undo-${++undoCount}`, restores, ...(undoBlocks.length > 0 ? { blocks: undoBlocks } : {}) } : null };
  }

  return { write, rewriteSheetBlock, undo, applied };
}
