import { amountToNumber, evaluateSimpleFormula, formulaRanges, inRange, parseRange, parseSimpleFormula, type CellRange, type CellValue } from '../core';

/** "row:col" of a cell, as the memory store keys it. */
type PositionKey = string;

/** An A1 reference or range in any formula ("B6", "$B$6:B8"), not one on another sheet. */
const REFERENCE = /(?<![A-Za-z0-9_!.'"$])\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?(?![A-Za-z0-9_(!])/g;

/** The ranges a formula reads, as far as its text shows them; null when it may read more (other sheets, names). */
function rangesRead(formula: string): readonly CellRange[] {
  const parsed = parseSimpleFormula(formula);
  if (parsed) return formulaRanges(parsed);
  // Text in quotes names nothing.
  const bare = formula.replace(/"[^"]*"/g, '');
  return [...bare.matchAll(REFERENCE)].flatMap((m) => {
    const range = parseRange(m[0]);
    return range ? [range] : [];
  });
}

export interface SheetRecalc {
  /** The cells' values, by position; a recalculated formula's value is set here. */
  readonly cells: Map<PositionKey, CellValue>;
  readonly formulas: ReadonlyMap<PositionKey, string>;
  /** Formula cells whose value may be out of date; updated here. */
  readonly stale: Set<PositionKey>;
}

/**
 * After `changed` cells of a sheet were written, recalculates every formula that reads them, directly or through
 * other formulas, in dependency order, as Excel's automatic calculation would. A formula outside the simple grammar
 * (parseSimpleFormula), in a cycle, or reading a stale cell cannot be recalculated here: it is marked stale instead.
 * Returns the cells whose value changed.
 */
export function recalculateSheet(sheet: SheetRecalc, changed: readonly PositionKey[]): PositionKey[] {
  const reads = new Map<PositionKey, readonly CellRange[]>();
  for (const [key, formula] of sheet.formulas) reads.set(key, rangesRead(formula));
  const dependents = dependentsOf(reads, changed);
  // A written formula is evaluated too (its written value was the writer's guess).
  for (const key of changed) if (sheet.formulas.has(key)) dependents.add(key);
  const done = new Set<PositionKey>();
  const visiting = new Set<PositionKey>();
  const updated: PositionKey[] = [];

  function evaluate(key: PositionKey): void {
    if (done.has(key)) return;
    if (visiting.has(key)) {
      sheet.stale.add(key);
      return;
    }
    visiting.add(key);
    const ranges = reads.get(key) ?? [];
    let readsStale = false;
    for (const other of dependents) {
      if (other === key || !ranges.some((r) => inRange(r, ...position(other)))) continue;
      evaluate(other);
      readsStale ||= sheet.stale.has(other);
    }
    // A stale cell outside the dependents (marked by an earlier write) makes this one stale too.
    for (const other of sheet.stale) if (ranges.some((r) => inRange(r, ...position(other)))) readsStale = true;
    visiting.delete(key);
    done.add(key);
    const parsed = parseSimpleFormula(sheet.formulas.get(key) ?? '');
    const value = parsed && !readsStale ? evaluateSimpleFormula(parsed, (row, col) => sheet.cells.get(`${row}:${col}`) ?? null) : null;
    if (value === null) {
      sheet.stale.add(key);
      return;
    }
    sheet.stale.delete(key);
    const number = amountToNumber(value);
    if (sheet.cells.get(key) !== number) updated.push(key);
    sheet.cells.set(key, number);
  }

  for (const key of dependents) evaluate(key);
  return updated;
}

const position = (key: PositionKey) => key.split(':').map(Number) as [number, number];

/** Formula cells that read a changed cell, or a formula cell that does, transitively. */
function dependentsOf(reads: ReadonlyMap<PositionKey, readonly CellRange[]>, changed: readonly PositionKey[]): Set<PositionKey> {
  const found = new Set<PositionKey>();
  let frontier = changed.map(position);
  while (frontier.length > 0) {
    const next: [number, number][] = [];
    for (const [key, ranges] of reads) {
      if (found.has(key) || !frontier.some(([row, col]) => ranges.some((r) => inRange(r, row, col)))) continue;
      found.add(key);
      next.push(position(key));
    }
    frontier = next;
  }
  return found;
}
