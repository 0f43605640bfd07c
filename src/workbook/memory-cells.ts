import { locate, parseA1, parseRange, toA1, rewritePoint, type BlockRewrite, type CellLocation, type CellRange, type CellValue, type SheetGrid, type WorkbookGrid } from '../core';
import { workbookError, type WorkbookError } from './port';
import { recalculateSheet } from './memory-recalc';

/** A cell by sheet and A1 address; a full CellLocation fits too. */
export interface CellRef {
  readonly sheet: string;
  readonly cell: string;
}

/** Cells of one sheet by absolute position; empty cells are absent. */
export type SheetCells = Map<string, CellValue>;

export const positionKey = (row: number, col: number) => `${row}:${col}`;

export function isEmpty(value: CellValue | undefined): boolean {
  return value === null || value === undefined || value === '';
}

function sheetNotFound(name: string): WorkbookError {
  return workbookError('not-found', { key: 'sheet-missing', sheet: name });
}

export function cellsOf(sheet: SheetGrid): SheetCells {
  const cells: SheetCells = new Map();
  sheet.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (!isEmpty(value)) cells.set(positionKey(sheet.originRow + r, sheet.originCol + c), value);
    }),
  );
  return cells;
}

function formulasOf(sheet: SheetGrid): Map<string, string> {
  const byPosition = new Map<string, string>();
  for (const [address, formula] of sheet.formulas ?? []) {
    const at = parseA1(address);
    if (at) byPosition.set(positionKey(at.row, at.col), formula);
  }
  return byPosition;
}

/** The cells trimmed to their used range, as rows from its top-left cell; null when there are none. */
function layOut(cells: SheetCells): { originRow: number; originCol: number; values: CellValue[][] } | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const key of cells.keys()) {
    const [row, col] = key.split(':').map(Number) as [number, number];
    top = Math.min(top, row);
    left = Math.min(left, col);
    bottom = Math.max(bottom, row);
    right = Math.max(right, col);
  }
  if (bottom < 0) return null;
  const values: CellValue[][] = [];
  for (let row = top; row <= bottom; row++) {
    const line: CellValue[] = [];
    for (let col = left; col <= right; col++) line.push(cells.get(positionKey(row, col)) ?? null);
    values.push(line);
  }
  return { originRow: top, originCol: left, values };
}

interface Layout {
  readonly cells: SheetCells;
  readonly originRow: number;
  readonly originCol: number;
  values: CellValue[][];
  /** The cells put since, row → col → value, still to patch in. */
  patches: Map<number, Map<number, CellValue>>;
}

/**
 * Each sheet's values as last laid out, for the cells Map they were laid out from, with the cells put since
 * still to patch in: a page of 20,000 projects lays its sheet out again after each fix (the grid it shows, the
 * saved copy) by copying the changed rows only. Callers never mutate a grid.
 */
function createLayouts() {
  const laidOut = new Map<string, Layout>();

  /** A put of this cell can be patched into the laid-out values (it neither grows nor may shrink the used range). */
  function patch(location: CellLocation, value: CellValue): void {
    const entry = laidOut.get(location.sheet);
    if (!entry) return;
    const r = location.row - entry.originRow;
    const c = location.col - entry.originCol;
    const height = entry.values.length;
    const width = entry.values[0]?.length ?? 0;
    const inside = r >= 0 && c >= 0 && r < height && c < width;
    const onEdge = r === 0 || c === 0 || r === height - 1 || c === width - 1;
    if (!inside || (isEmpty(value) && onEdge)) return void laidOut.delete(location.sheet);
    const row = entry.patches.get(r) ?? new Map<number, CellValue>();
    row.set(c, isEmpty(value) ? null : value);
    entry.patches.set(r, row);
  }

  /** The laid-out values of the sheet, patched, or null when they must be laid out again. */
  function patchedValues(name: string, cells: SheetCells): { originRow: number; originCol: number; values: CellValue[][] } | null {
    const entry = laidOut.get(name);
    if (!entry || entry.cells !== cells) return null;
    if (entry.patches.size > 0) {
      const values = entry.values.slice();
      for (const [r, row] of entry.patches) {
        const line = (values[r] as CellValue[]).slice();
        for (const [c, value] of row) line[c] = value;
        values[r] = line;
      }
      entry.values = values;
      entry.patches = new Map();
    }
    return entry;
  }

  return {
    patch,
    values: patchedValues,
    keep: (name: string, layout: Omit<Layout, 'patches'>) => void laidOut.set(name, { ...layout, patches: new Map() }),
    forget: (name: string) => void laidOut.delete(name),
  };
}

export type CellStore = ReturnType<typeof createCellStore>;

function addressOf(key: string): string {
  const [row, col] = key.split(':').map(Number) as [number, number];
  return toA1(row, col);
}

function positionOf(address: string): string[] {
  const at = parseA1(address);
  return at ? [positionKey(at.row, at.col)] : [];
}

/** A sheet's formulas (and the stale ones among them) by A1 address, for its grid. */
function sheetFormulasByAddress(byPosition: ReadonlyMap<string, string> | undefined, staleSet: ReadonlySet<string> | undefined) {
  if (!byPosition || byPosition.size === 0) return {};
  const byAddress = new Map<string, string>();
  for (const [key, formula] of byPosition) byAddress.set(addressOf(key), formula);
  const staleCells = [...(staleSet ?? [])].filter((key) => byPosition.has(key)).map(addressOf);
  return { formulas: byAddress, ...(staleCells.length > 0 ? { staleFormulas: new Set(staleCells) } : {}) };
}

/** recalculateSheet on each sheet written to (see memory-recalc.ts). */
function recalculateWritten(
  written: readonly CellLocation[],
  store: { formulas: Map<string, Map<string, string>>; stale: Map<string, Set<string>>; cellsOfSheet(name: string): SheetCells },
): CellLocation[] {
  const out: CellLocation[] = [];
  for (const name of new Set(written.map((l) => l.sheet))) {
    const sheetFormulas = store.formulas.get(name);
    if (!sheetFormulas || sheetFormulas.size === 0) continue;
    let sheetStale = store.stale.get(name);
    if (!sheetStale) store.stale.set(name, (sheetStale = new Set()));
    const changed = written.filter((l) => l.sheet === name).map((l) => positionKey(l.row, l.col));
    for (const key of recalculateSheet({ cells: store.cellsOfSheet(name), formulas: sheetFormulas, stale: sheetStale }, changed)) {
      const [row, col] = key.split(':').map(Number) as [number, number];
      out.push(locate(name, row, col));
    }
  }
  return out;
}

/** The memory workbook's sheets: values, merged areas and formulas by position, and how they are read and set. */
export function createCellStore(initial: WorkbookGrid) {
  const sheets = new Map<string, SheetCells>();
  // Merged areas per sheet: a merged area's value sits in its top-left cell, as in Excel.
  const merges = new Map<string, CellRange[]>();
  // Formulas per sheet by position; a cell's value is then the formula's result as last read or written.
  const formulas = new Map<string, Map<string, string>>();
  // Formula cells per sheet whose value may be out of date: a cell they read changed and recalculate could not evaluate them.
  const stale = new Map<string, Set<string>>();
  const laidOut = createLayouts();

  /** Puts a whole sheet in (or replaces it): its values, merges and formulas. */
  function setSheet(name: string, sheet: SheetGrid): void {
    laidOut.forget(name);
    sheets.set(name, cellsOf(sheet));
    merges.set(name, [...(sheet.merges ?? [])]);
    formulas.set(name, formulasOf(sheet));
    stale.set(name, new Set([...(sheet.staleFormulas ?? [])].flatMap(positionOf)));
  }
  for (const sheet of initial.sheets) setSheet(sheet.name, sheet);

  function formulasByAddress(name: string): { formulas?: ReadonlyMap<string, string>; staleFormulas?: ReadonlySet<string> } {
    return sheetFormulasByAddress(formulas.get(name), stale.get(name));
  }

  /** Recalculates the formulas that read the written cells, as Excel does after a change; returns the cells that changed. */
  function recalculate(written: readonly CellLocation[]): CellLocation[] {
    const changed = recalculateWritten(written, { formulas, stale, cellsOfSheet });
    // Recalculation sets the cells' values directly: the laid-out sheet takes them in as puts.
    for (const location of changed) laidOut.patch(location, sheets.get(location.sheet)?.get(positionKey(location.row, location.col)) ?? null);
    return changed;
  }

  function sheetGrid(name: string, cells: SheetCells): SheetGrid {
    const sheetMerges = merges.get(name) ?? [];
    const withMerges = { ...(sheetMerges.length > 0 ? { merges: [...sheetMerges] } : {}), ...formulasByAddress(name) };
    const known = laidOut.values(name, cells);
    if (known) return { name, originRow: known.originRow, originCol: known.originCol, values: known.values, ...withMerges };
    const laid = layOut(cells);
    if (!laid) return { name, originRow: 0, originCol: 0, values: [], ...withMerges };
    laidOut.keep(name, { cells, ...laid });
    return { name, ...laid, ...withMerges };
  }

  function cellsOfSheet(name: string): SheetCells {
    const cells = sheets.get(name);
    if (!cells) throw sheetNotFound(name);
    return cells;
  }

  function resolve(ref: CellRef): CellLocation {
    const position = parseA1(ref.cell);
    if (!position) throw workbookError('not-found', { key: 'bad-address', address: ref.cell });
    return locate(ref.sheet, position.row, position.col);
  }

  function valueAt(location: CellLocation): CellValue {
    return cellsOfSheet(location.sheet).get(positionKey(location.row, location.col)) ?? null;
  }

  function formulaAt(location: CellLocation): string | null {
    return formulas.get(location.sheet)?.get(positionKey(location.row, location.col)) ?? null;
  }

  /** Sets the cell's value (a constant, or the result of `formula`), as typing or writing does. */
  function put(location: CellLocation, value: CellValue, formula?: string): void {
    const cells = cellsOfSheet(location.sheet);
    let sheetFormulas = formulas.get(location.sheet);
    if (!sheetFormulas) formulas.set(location.sheet, (sheetFormulas = new Map()));
    // A written cell holds what was written; recalculate decides afresh whether a formula in it is up to date.
    stale.get(location.sheet)?.delete(positionKey(location.row, location.col));
    if (formula === undefined) sheetFormulas.delete(positionKey(location.row, location.col));
    else sheetFormulas.set(positionKey(location.row, location.col), formula);
    if (isEmpty(value)) cells.delete(positionKey(location.row, location.col));
    else cells.set(positionKey(location.row, location.col), value);
    laidOut.patch(location, value);
  }

  function readArea(name: string, address: string): SheetGrid {
    const area = parseRange(address);
    if (!area) throw workbookError('not-found', { key: 'bad-address', address });
    const cells = cellsOfSheet(name);
    const sheetFormulas = formulas.get(name);
    const values: CellValue[][] = [];
    const areaFormulas = new Map<string, string>();
    const areaStale = new Set<string>();
    for (let row = area.row; row < area.row + area.rowCount; row++) {
      const line: CellValue[] = [];
      for (let col = area.col; col < area.col + area.colCount; col++) {
        line.push(cells.get(positionKey(row, col)) ?? null);
        const formula = sheetFormulas?.get(positionKey(row, col));
        if (formula !== undefined) areaFormulas.set(toA1(row, col), formula);
        if (formula !== undefined && stale.get(name)?.has(positionKey(row, col))) areaStale.add(toA1(row, col));
      }
      values.push(line);
    }
    return { name, originRow: area.row, originCol: area.col, values, ...(areaFormulas.size > 0 ? { formulas: areaFormulas } : {}), ...(areaStale.size > 0 ? { staleFormulas: areaStale } : {}) };
  }

  /** Formulas move with their rows as the rewrite's rows go in or out (their text is kept); rewritten cells lose theirs. */
  function moveFormulas(rewrite: BlockRewrite, written: readonly CellLocation[]): void {
    const sheetFormulas = formulas.get(rewrite.sheet);
    if (!sheetFormulas || sheetFormulas.size === 0) return;
    const { at, delta } = rewritePoint(rewrite);
    const moved = new Map<string, string>();
    for (const [key, formula] of sheetFormulas) {
      const [row, col] = key.split(':').map(Number) as [number, number];
      if (row < at) moved.set(key, formula);
      else if (delta > 0 || row >= at - delta) moved.set(positionKey(row + delta, col), formula);
    }
    for (const location of written) moved.delete(positionKey(location.row, location.col));
    formulas.set(rewrite.sheet, moved);
  }

  // Cells changed other than by `put` (a block rewrite moves rows): the sheet is laid out again when next read.
  const forgetLayout = laidOut.forget;
  return { sheets, merges, formulas, stale, setSheet, sheetGrid, forgetLayout, cellsOfSheet, resolve, valueAt, formulaAt, put, readArea, moveFormulas, recalculate };
}
