import type { CellValue, SheetGrid } from '../core/grid';

// A stray value far away (XFD1048576) must not make a grid of billions of cells: past this many
// cells rows are only as long as their last value, and blank rows share one empty row.
const MAX_DENSE_CELLS = 4_000_000;
const EMPTY_ROW: readonly CellValue[] = Object.freeze([]);

export interface PlacedValue {
  readonly row: number;
  readonly col: number;
  readonly value: Exclude<CellValue, null>;
}

/**
 * A sheet's non-empty values (0-based positions, row by row and left to right) as a grid from their top-left:
 * shared by the ExcelJS reader (xlsx-grid.ts) and the fast reader (xlsx-fast/), so both build it alike.
 */
export function gridOfPlaced(name: string, placed: readonly PlacedValue[]): SheetGrid {
  if (placed.length === 0) return { name, originRow: 0, originCol: 0, values: [] };

  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const p of placed) {
    top = Math.min(top, p.row);
    left = Math.min(left, p.col);
    bottom = Math.max(bottom, p.row);
    right = Math.max(right, p.col);
  }
  const height = bottom - top + 1;
  const width = right - left + 1;
  if (height * width <= MAX_DENSE_CELLS) {
    const values = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
    for (const p of placed) {
      const rowValues = values[p.row - top];
      if (rowValues) rowValues[p.col - left] = p.value;
    }
    return { name, originRow: top, originCol: left, values };
  }
  const rows = new Map<number, CellValue[]>();
  for (const p of placed) {
    let rowValues = rows.get(p.row - top);
    if (!rowValues) rows.set(p.row - top, (rowValues = []));
    while (rowValues.length < p.col - left) rowValues.push(null);
    rowValues[p.col - left] = p.value;
  }
  const values = Array.from({ length: height }, (_, r) => rows.get(r) ?? EMPTY_ROW);
  return { name, originRow: top, originCol: left, values };
}

/** ExcelJS builds dates in UTC from the serial number; Excel dates have no time zone. */
export function isoDateText(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}
