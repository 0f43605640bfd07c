import type { CellRange, CellValue } from '../grid';

/**
 * A project's indicator rows rewritten in place (a row per indicator, a form's indicator block): the rows
 * grow or shrink at the block's end (whole sheet rows inserted or deleted there), the indicator columns are
 * written, and the merged areas are set so that the project's own cells (name, amounts, goal) and the
 * level cells cover the new rows. Adapters apply it only if every rewritten cell still holds `expected`
 * and the merged areas are still `mergesBefore`.
 */
export interface BlockRewrite {
  readonly sheet: string;
  /** Absolute 0-based row of the block's first row. */
  readonly firstRow: number;
  /** The block's rows now, and after the rewrite. */
  readonly rowCount: number;
  readonly newRowCount: number;
  /** The rewritten columns (absolute, ascending): the block's indicator columns. */
  readonly columns: readonly number[];
  /** rowCount × columns: what the block holds now, the guard. */
  readonly expected: readonly (readonly CellValue[])[];
  /** newRowCount × columns: what it will hold. */
  readonly values: readonly (readonly CellValue[])[];
  /** The merged areas that touch the block's rows or lie below them, now and after. */
  readonly mergesBefore: readonly CellRange[];
  readonly mergesAfter: readonly CellRange[];
}

/** The rewrite that undoes `rewrite` once it has been applied. */
export function inverseRewrite(rewrite: BlockRewrite): BlockRewrite {
  return {
    sheet: rewrite.sheet,
    firstRow: rewrite.firstRow,
    rowCount: rewrite.newRowCount,
    newRowCount: rewrite.rowCount,
    columns: rewrite.columns,
    expected: rewrite.values,
    values: rewrite.expected,
    mergesBefore: rewrite.mergesAfter,
    mergesAfter: rewrite.mergesBefore,
  };
}

/** Where rows are inserted or deleted: right after the rows both versions of the block share. */
export function rewritePoint(rewrite: BlockRewrite): { readonly at: number; readonly delta: number } {
  return { at: rewrite.firstRow + Math.min(rewrite.rowCount, rewrite.newRowCount), delta: rewrite.newRowCount - rewrite.rowCount };
}

const lastRowOf = (range: CellRange) => range.row + range.rowCount - 1;

/**
 * A merged area after `delta` rows are inserted (delta > 0) or deleted (delta < 0) at row `at`: an area that
 * reaches the row above `at` grows or shrinks with the block, an area below moves. Null when nothing of it is left
 * but one cell (a merge of one cell is no merge).
 */
export function movedRange(range: CellRange, at: number, delta: number): CellRange | null {
  const last = lastRowOf(range);
  let moved: CellRange = range;
  if (delta > 0) {
    if (range.row >= at) moved = { ...range, row: range.row + delta };
    else if (last >= at - 1) moved = { ...range, rowCount: range.rowCount + delta };
  } else if (delta < 0) {
    const gone = -delta;
    if (range.row >= at + gone) moved = { ...range, row: range.row - gone };
    else if (last >= at) {
      const keptAbove = Math.max(0, at - range.row);
      const keptBelow = Math.max(0, last - (at + gone - 1));
      moved = { ...range, row: Math.min(range.row, at), rowCount: keptAbove + keptBelow };
    }
  }
  return moved.rowCount * moved.colCount > 1 && moved.rowCount > 0 ? moved : null;
}

export function sameRange(a: CellRange, b: CellRange): boolean {
  return a.row === b.row && a.col === b.col && a.rowCount === b.rowCount && a.colCount === b.colCount;
}
