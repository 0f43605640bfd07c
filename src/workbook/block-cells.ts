import { locate, rewritePoint, sameRange, type BlockRewrite, type CellLocation, type CellRange, type CellValue } from '../core';
import type { WriteConflict } from './port';

/**
 * A BlockRewrite applied to a sheet held as a map of cells (the in-memory workbook, the page's download):
 * the same steps Excel takes through the Office.js adapter, in the same order.
 */

export type CellKey = string;
export const cellKey = (row: number, col: number): CellKey => `${row}:${col}`;

export interface SheetStore {
  readonly cells: Map<CellKey, CellValue>;
  merges: CellRange[];
}

const isEmpty = (value: CellValue | undefined) => value === null || value === undefined || value === '';
const same = (a: CellValue | undefined, b: CellValue | undefined) => (isEmpty(a) ? isEmpty(b) : a === b);

/**
 * What stops the rewrite: a rewritten cell changed since it was read, a merged area that is not as it was,
 * or a row to delete that holds something outside the rewritten columns. Empty when it can go ahead.
 */
export function rewriteConflicts(store: SheetStore, rewrite: BlockRewrite): WriteConflict[] {
  const conflicts: WriteConflict[] = [];
  const at = (row: number, col: number): CellLocation => locate(rewrite.sheet, row, col);
  rewrite.expected.forEach((values, r) =>
    rewrite.columns.forEach((col, c) => {
      const row = rewrite.firstRow + r;
      const actual = store.cells.get(cellKey(row, col)) ?? null;
      const expected = values[c] ?? null;
      if (!same(actual, expected)) conflicts.push({ location: at(row, col), expected, actual });
    }),
  );
  for (const merge of rewrite.mergesBefore) {
    if (!store.merges.some((m) => sameRange(m, merge))) conflicts.push({ location: at(merge.row, merge.col), expected: null, actual: null });
  }
  const { at: point, delta } = rewritePoint(rewrite);
  for (let row = point; row < point - delta; row++) {
    for (const [key, value] of store.cells) {
      const [r, c] = key.split(':').map(Number) as [number, number];
      if (r === row && !rewrite.columns.includes(c) && !isEmpty(value)) conflicts.push({ location: at(r, c), expected: null, actual: value });
    }
  }
  return conflicts;
}

/** Applies a rewrite that has no conflicts: rows in or out at the block's end, the columns written, the merges set. */
export function applyRewrite(store: SheetStore, rewrite: BlockRewrite): CellLocation[] {
  const { at, delta } = rewritePoint(rewrite);
  if (delta !== 0) {
    const moved = new Map<CellKey, CellValue>();
    for (const [key, value] of store.cells) {
      const [row, col] = key.split(':').map(Number) as [number, number];
      if (row < at) moved.set(key, value);
      else if (delta > 0) moved.set(cellKey(row + delta, col), value);
      else if (row >= at - delta) moved.set(cellKey(row + delta, col), value);
    }
    store.cells.clear();
    for (const [key, value] of moved) store.cells.set(key, value);
  }
  const written: CellLocation[] = [];
  rewrite.values.forEach((values, r) =>
    rewrite.columns.forEach((col, c) => {
      const row = rewrite.firstRow + r;
      const value = values[c] ?? null;
      if (isEmpty(value)) store.cells.delete(cellKey(row, col));
      else store.cells.set(cellKey(row, col), value);
      written.push(locate(rewrite.sheet, row, col));
    }),
  );
  store.merges = [...store.merges.filter((m) => !rewrite.mergesBefore.some((b) => sameRange(b, m))), ...rewrite.mergesAfter];
  return written;
}
