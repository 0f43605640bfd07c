import type { CellValue, SheetGrid } from '../core/grid';

// A stray value far away (XFD1048576) must not make a grid of billions of cells: past this many
// cells rows are only as long as their last value, and blank rows share one empty row.
const MAX_DENSE_CELLS = 4_000_000;
const EMPTY_ROW: readonly CellValue[] = Object.freeze([]);

/** A sheet's non-empty values with their 0-based positions, in three parallel lists (no object per value). */
export interface PlacedValues {
  readonly rows: number[];
  readonly cols: number[];
  readonly values: Exclude<CellValue, null>[];
  add(row: number, col: number, value: Exclude<CellValue, null>): void;
}

export function placedValues(): PlacedValues {
  const placed: PlacedValues = {
    rows: [],
    cols: [],
    values: [],
    add(row, col, value) {
      placed.rows.push(row);
      placed.cols.push(col);
      placed.values.push(value);
    },
  };
  return placed;
}

/**
 * A sheet's non-empty values (0-based positions, row by row and left to right) as a grid from their top-left:
 * shared by the ExcelJS reader (xlsx-grid.ts) and the fast reader (xlsx-fast/), so both build it alike.
 */
export function gridOfPlaced(name: string, placed: PlacedValues): SheetGrid {
  const count = placed.values.length;
  if (count === 0) return { name, originRow: 0, originCol: 0, values: [] };

  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (let i = 0; i < count; i++) {
    const row = placed.rows[i] as number;
    const col = placed.cols[i] as number;
    top = Math.min(top, row);
    left = Math.min(left, col);
    bottom = Math.max(bottom, row);
    right = Math.max(right, col);
  }
  const height = bottom - top + 1;
  const width = right - left + 1;
  if (height * width <= MAX_DENSE_CELLS) {
    const values = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
    for (let i = 0; i < count; i++) {
      const rowValues = values[(placed.rows[i] as number) - top];
      if (rowValues) rowValues[(placed.cols[i] as number) - left] = placed.values[i] as Exclude<CellValue, null>;
    }
    return { name, originRow: top, originCol: left, values };
  }
  const rows = new Map<number, CellValue[]>();
  for (let i = 0; i < count; i++) {
    const row = (placed.rows[i] as number) - top;
    const col = (placed.cols[i] as number) - left;
    let rowValues = rows.get(row);
    if (!rowValues) rows.set(row, (rowValues = []));
    while (rowValues.length < col) rowValues.push(null);
    rowValues[col] = placed.values[i] as Exclude<CellValue, null>;
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
