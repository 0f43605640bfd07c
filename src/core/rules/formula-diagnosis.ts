import { absAmount, ZERO, type Decimal } from '../amounts';
import { evaluateOver, parseSimpleFormula } from '../formula';
import type { AmountCell, PerformanceTable } from '../table-model';
import { cellKeyOf, comparisonKey, NO_DIAGNOSIS, type CellCorrection, type TotalsDiagnosis } from './diagnosis';
import type { TotalsComparison } from './rule';

/** Passes of recalculation over the table's formula cells: chains (unit → 合计 → …) are short. */
const MAX_PASSES = 8;

/**
 * The diagnosis of a table whose failing sums sit in formula cells: each formula that misses cells of its sum is a
 * cause, corrected to add them; the failing sums that hold once those formulas (and the simple formulas reading
 * them) are recalculated are its consequences. Sums that still fail are reported on their own.
 */
export function diagnoseFormulas(table: PerformanceTable, comparisons: readonly TotalsComparison[], tolerance: Decimal): TotalsDiagnosis {
  const failing = comparisons.filter((c) => absAmount(c.actual - c.expected) > tolerance);
  const corrections = new Map<string, CellCorrection>();
  for (const c of failing) {
    if (c.formula?.kind !== 'misses') continue;
    const key = cellKeyOf(c.total);
    const known = corrections.get(key);
    // One cell, two sums that want different values: no single correction.
    if (known && known.value !== c.expected) return NO_DIAGNOSIS;
    corrections.set(key, { cell: c.total, value: c.expected, formula: c.formula });
  }
  if (corrections.size === 0) return NO_DIAGNOSIS;
  const values = recalculated(table, corrections);
  const valueOf = (cell: AmountCell) => values.get(cellKeyOf(cell)) ?? null;
  const explained = new Set<string>();
  for (const c of failing) {
    const total = valueOf(c.total);
    let sum: Decimal | null = ZERO;
    for (const part of c.partCells) {
      const v = valueOf(part);
      sum = v === null || sum === null ? null : sum + v;
    }
    if (total !== null && sum !== null && absAmount(total - sum) <= tolerance) explained.add(comparisonKey(c.scope, c));
  }
  return { explanations: [[...corrections.values()]], explained, unsafeFixes: new Set() };
}

/** The table's amounts after the corrections, with every simple formula that reads them recalculated. */
function recalculated(table: PerformanceTable, corrections: ReadonlyMap<string, CellCorrection>): Map<string, Decimal> {
  const cells: AmountCell[] = [];
  for (const row of table.rows) cells.push(...row.amounts);
  for (const sum of table.sums) cells.push(sum.total, ...sum.parts);
  const values = new Map<string, Decimal>();
  for (const cell of cells) {
    if (cell.parsed.kind === 'number') values.set(cellKeyOf(cell), cell.parsed.value);
    else if (cell.parsed.kind === 'empty') values.set(cellKeyOf(cell), ZERO);
  }
  for (const [key, correction] of corrections) values.set(key, correction.value);
  const formulas = cells.flatMap((cell) => {
    if (cell.formula === undefined || corrections.has(cellKeyOf(cell))) return [];
    const parsed = parseSimpleFormula(cell.formula);
    return parsed ? [{ key: cellKeyOf(cell), parsed }] : [];
  });
  // A cell outside the table's amounts is unknown: a formula reading one keeps its value.
  const numberAt = (row: number, col: number) => values.get(`${row},${col}`) ?? null;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    for (const { key, parsed } of formulas) {
      const value = evaluateOver(parsed, numberAt);
      if (value === null || value === values.get(key)) continue;
      values.set(key, value);
      changed = true;
    }
    if (!changed) break;
  }
  return values;
}
