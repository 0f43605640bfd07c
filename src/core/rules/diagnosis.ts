import { absAmount, ZERO, type Decimal } from '../amounts';
import { MAX_EXCEL_COLUMNS } from '../grid';
import { amountIn, type AmountCell, type PerformanceTable, type TableRow } from '../table-model';
import type { TotalsScope } from './rule-ids';
import { valueOf } from '../table-model';
import type { TotalFormula } from './formula-totals';

/** One sum the table claims: `total` = Σ `parts`; residual = total − Σ parts. */
interface SumEquation {
  /** The comparison compareTotals makes of this sum (its key is built only for the failing ones). */
  readonly scope: TotalsScope;
  readonly total: AmountCell;
  readonly parts: readonly AmountCell[];
  readonly residual: Decimal;
  readonly failing: boolean;
}

/** A cell and the value that makes its sums hold. */
export interface CellCorrection {
  readonly cell: AmountCell;
  readonly value: Decimal;
  /** The cell's formula misses cells of its sum: the correction is this formula (diagnoseFormulas). */
  readonly formula?: TotalFormula;
}

/** A smallest set of corrections (one cell, or two) after which every sum of the table holds. */
export type TotalsExplanation = readonly CellCorrection[];

export interface TotalsDiagnosis {
  /** One explanation, or two equally small ones (both offered); empty when none or more than two were found. */
  readonly explanations: readonly TotalsExplanation[];
  /** Keys (comparisonKey) of every failing sum, all explained by the explanations. */
  readonly explained: ReadonlySet<string>;
  /** Sum cells ("row,col") whose own fix would break a sum that holds: reported without a fix. */
  readonly unsafeFixes: ReadonlySet<string>;
}

export const NO_DIAGNOSIS: TotalsDiagnosis = { explanations: [], explained: new Set(), unsafeFixes: new Set() };

/** Cells of the smallest failing sums tried as the second cell of a pair: bounds the work on huge unit rows. */
const PAIR_BUDGET = 20_000;

export const cellKeyOf = (cell: { readonly location: { readonly row: number; readonly col: number } }) => `${cell.location.row},${cell.location.col}`;
export const comparisonKey = (scope: TotalsScope, cell: { readonly location: { readonly row: number; readonly col: number } }) =>
  `${scope}@${cellKeyOf(cell)}`;
/** A cell's position as one number: the index below holds every amount cell, and string keys cost their allocation. */
const cellNumber = (cell: AmountCell) => cell.location.row * MAX_EXCEL_COLUMNS + cell.location.col;

function equation(scope: TotalsScope, total: AmountCell, parts: readonly (AmountCell | null)[], tolerance: Decimal): SumEquation | null {
  const actual = valueOf(total);
  // A value the host could not recalculate may be out of date: compareTotals leaves such sums out too.
  if (actual === null || total.stale || parts.some((p) => p?.stale)) return null;
  let sum = ZERO;
  let allBlank = total.parsed.kind === 'empty';
  for (const part of parts) {
    const v = valueOf(part);
    if (v === null) return null;
    sum += v;
    if (part !== null) allBlank &&= part.parsed.kind === 'empty';
  }
  if (allBlank) return null;
  const residual = actual - sum;
  // Most sums have every part: they keep the array they were given (no one changes it) instead of a copy.
  const cells = hasEveryCell(parts) ? parts : parts.filter((part): part is AmountCell => part !== null);
  return { scope, total, parts: cells, residual, failing: absAmount(residual) > tolerance };
}

const hasEveryCell = (parts: readonly (AmountCell | null)[]): parts is readonly AmountCell[] => !parts.includes(null);

/** Every sum of the table, holding or not, as compareTotals reads them. */
function sumEquations(table: PerformanceTable, tolerance: Decimal): SumEquation[] {
  const out: SumEquation[] = [];
  const push = (eq: SumEquation | null) => eq && out.push(eq);
  const rowSums = table.amountColumns.includes('total') && table.amountColumns.length > 1;
  for (const row of table.rows) {
    const total = amountIn(row, 'total');
    if (rowSums && total !== null) push(equation('row', total, row.amounts.filter((c) => c !== total), tolerance));
    if (row.children.length === 0) continue;
    const children = row.children.map((i) => table.rows[i]).filter((r): r is TableRow => r !== undefined);
    const scope = row.kind === 'grand-total' ? 'grand' : 'unit';
    for (const cell of row.amounts) push(equation(scope, cell, children.map((child) => amountIn(child, cell.column)), tolerance));
  }
  for (const sum of table.sums) if (sum.parts.length > 0) push(equation(sum.scope, sum.total, sum.parts, tolerance));
  return out;
}

/**
 * The sums each cell is in, with its coefficient (+1 as the total, −1 as a part), in the order of the equations.
 * Every amount cell of the table is in it, so it is kept in flat typed arrays (a list per sheet row) rather than
 * a map of small objects: only the few cells the diagnosis asks about get entry objects.
 */
class SumIndex {
  private readonly firstRow: number;
  /** Per sheet row from firstRow: its first and last entry, −1 for none. */
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  /** Per entry: the next entry of the same row, the cell's column, its equation and coefficient. */
  private readonly next: Int32Array;
  private readonly col: Int32Array;
  private readonly equationOf: Int32Array;
  private readonly isTotal: Uint8Array;
  private entries = 0;

  constructor(readonly equations: readonly SumEquation[]) {
    let firstRow = Number.POSITIVE_INFINITY;
    let lastRow = -1;
    let count = 0;
    for (const eq of equations) {
      firstRow = Math.min(firstRow, eq.total.location.row);
      lastRow = Math.max(lastRow, eq.total.location.row);
      for (const part of eq.parts) {
        firstRow = Math.min(firstRow, part.location.row);
        lastRow = Math.max(lastRow, part.location.row);
      }
      count += 1 + eq.parts.length;
    }
    this.firstRow = count === 0 ? 0 : firstRow;
    const rows = count === 0 ? 0 : lastRow - firstRow + 1;
    this.head = new Int32Array(rows).fill(-1);
    this.tail = new Int32Array(rows).fill(-1);
    this.next = new Int32Array(count).fill(-1);
    this.col = new Int32Array(count);
    this.equationOf = new Int32Array(count);
    this.isTotal = new Uint8Array(count);
    equations.forEach((eq, i) => {
      this.add(eq.total, i, true);
      for (const part of eq.parts) this.add(part, i, false);
    });
  }

  private add(cell: AmountCell, equation: number, isTotal: boolean): void {
    const entry = this.entries++;
    const slot = cell.location.row - this.firstRow;
    this.col[entry] = cell.location.col;
    this.equationOf[entry] = equation;
    this.isTotal[entry] = isTotal ? 1 : 0;
    const last = this.tail[slot] as number;
    if (last === -1) this.head[slot] = entry;
    else this.next[last] = entry;
    this.tail[slot] = entry;
  }

  sumsOf(cell: AmountCell): readonly { eq: SumEquation; coef: 1n | -1n }[] {
    const out: { eq: SumEquation; coef: 1n | -1n }[] = [];
    const slot = cell.location.row - this.firstRow;
    if (slot < 0 || slot >= this.head.length) return out;
    for (let entry = this.head[slot] as number; entry !== -1; entry = this.next[entry] as number) {
      if (this.col[entry] !== cell.location.col) continue;
      out.push({ eq: this.equations[this.equationOf[entry] as number] as SumEquation, coef: this.isTotal[entry] === 1 ? 1n : -1n });
    }
    return out;
  }
}

const cellsOf = (eq: SumEquation) => [eq.total, ...eq.parts];
const smallest = (eqs: readonly SumEquation[]) => eqs.reduce<SumEquation | undefined>((min, eq) => (min === undefined || eq.parts.length < min.parts.length ? eq : min), undefined);

/**
 * The corrections of `cells` (one or two) after which every sum holds: each failing sum exactly, each holding sum unchanged.
 * Null when there is none, when a cell would not change, or when a value would turn negative.
 */
function solve(index: SumIndex, cells: readonly AmountCell[], failingCount: number): TotalsExplanation | null {
  const touched = new Map<SumEquation, Decimal[]>();
  cells.forEach((cell, i) => {
    for (const { eq, coef } of index.sumsOf(cell)) {
      const coefs = touched.get(eq) ?? cells.map(() => ZERO);
      coefs[i] = coef;
      touched.set(eq, coefs);
    }
  });
  let failingTouched = 0;
  for (const eq of touched.keys()) if (eq.failing) failingTouched++;
  if (failingTouched !== failingCount) return null;
  // Each delta from a sum only that cell is in (a cell in no sum of its own cannot be told apart from its partner).
  const deltas: (Decimal | null)[] = cells.map(() => null);
  for (const [eq, coefs] of touched) {
    const alone = coefs.filter((c) => c !== ZERO);
    if (alone.length !== 1) continue;
    const i = coefs.findIndex((c) => c !== ZERO);
    const needed = eq.failing ? -eq.residual * (coefs[i] ?? ZERO) : ZERO;
    if (deltas[i] !== null && deltas[i] !== needed) return null;
    deltas[i] = needed;
  }
  if (deltas.some((d) => d === null || d === ZERO)) return null;
  for (const [eq, coefs] of touched) {
    let change = ZERO;
    coefs.forEach((c, i) => (change += c * (deltas[i] ?? ZERO)));
    if (eq.failing ? eq.residual + change !== ZERO : change !== ZERO) return null;
  }
  const out: CellCorrection[] = [];
  for (const [i, cell] of cells.entries()) {
    const value = (valueOf(cell) ?? ZERO) + (deltas[i] ?? ZERO);
    if (value < ZERO) return null;
    out.push({ cell, value });
  }
  return out;
}

/** Single cells that explain every failing sum: each must be in all of them, so only the smallest one's cells are tried. */
function singleExplanations(index: SumIndex, failing: readonly SumEquation[]): TotalsExplanation[] {
  const first = smallest(failing);
  if (first === undefined) return [];
  const out: TotalsExplanation[] = [];
  for (const cell of cellsOf(first)) {
    const found = solve(index, [cell], failing.length);
    if (found) out.push(found);
  }
  return out;
}

/**
 * Pairs of cells that explain every failing sum. One of the pair is in the smallest failing sum; the other is in every
 * holding sum the first is in (to leave it holding), else in a failing sum the first is not in, else in the first's own sums.
 */
function pairExplanations(index: SumIndex, failing: readonly SumEquation[]): TotalsExplanation[] | null {
  const first = smallest(failing);
  if (first === undefined) return [];
  const found = new Map<string, TotalsExplanation>();
  let work = 0;
  for (const a of cellsOf(first)) {
    const sums = index.sumsOf(a);
    const holding = smallest(sums.filter((s) => !s.eq.failing).map((s) => s.eq));
    const elsewhere = smallest(failing.filter((eq) => !sums.some((s) => s.eq === eq)));
    const partners = holding ? cellsOf(holding) : elsewhere ? cellsOf(elsewhere) : sums.flatMap((s) => cellsOf(s.eq));
    work += partners.length;
    if (work > PAIR_BUDGET) return null;
    for (const b of partners) {
      const key = [cellKeyOf(a), cellKeyOf(b)].sort().join('|');
      if (b === a || found.has(key)) continue;
      const pair = solve(index, [a, b], failing.length);
      if (pair) found.set(key, pair);
    }
  }
  return [...found.values()];
}

/**
 * The smallest explanation of the failing sums: one cell, or else two, whose corrections make every row, unit, 合计 and
 * stated sum hold without touching one that holds. Up to two equally small explanations are reported (both offered);
 * with none or more, the failing sums stay separate findings and only the fixes that break no holding sum are offered.
 */
export function diagnoseTotals(table: PerformanceTable, tolerance: Decimal, explain = true): TotalsDiagnosis {
  const equations = sumEquations(table, tolerance);
  const failing = equations.filter((eq) => eq.failing);
  if (failing.length === 0) return NO_DIAGNOSIS;
  const index = new SumIndex(equations);
  const singles = explain ? singleExplanations(index, failing) : [];
  const explanations = !explain ? [] : singles.length > 0 ? singles : pairExplanations(index, failing);
  if (explanations !== null && explanations.length > 0 && explanations.length <= 2) {
    return { explanations, explained: new Set(failing.map((eq) => comparisonKey(eq.scope, eq.total))), unsafeFixes: new Set() };
  }
  return { explanations: [], explained: new Set(), unsafeFixes: unsafeFixes(index, failing, tolerance) };
}

/** Today's per-sum fixes (total := Σ parts), kept only while, applied alone and all together, they fail no more sums than now. */
function unsafeFixes(index: SumIndex, failing: readonly SumEquation[], tolerance: Decimal): Set<string> {
  type Changes = ReadonlyMap<number, { readonly cell: AmountCell; readonly delta: Decimal }>;
  const failingAfter = (changes: Changes) => {
    let count = failing.length;
    const seen = new Set<SumEquation>();
    for (const { cell } of changes.values()) {
      for (const { eq } of index.sumsOf(cell)) {
        if (seen.has(eq)) continue;
        seen.add(eq);
        let residual = eq.residual;
        // Only the changed cells move the residual: no BigInt product, nor a copy of the cells, per unchanged part.
        residual += changes.get(cellNumber(eq.total))?.delta ?? ZERO;
        for (const part of eq.parts) {
          const change = changes.get(cellNumber(part));
          if (change !== undefined) residual += part === eq.total ? change.delta : -change.delta;
        }
        count += Number(absAmount(residual) > tolerance) - Number(eq.failing);
      }
    }
    return count;
  };
  const unsafe = new Set<string>();
  const all = new Map<number, { cell: AmountCell; delta: Decimal }>();
  for (const eq of failing) {
    const key = cellNumber(eq.total);
    const change = { cell: eq.total, delta: -eq.residual };
    if (failingAfter(new Map([[key, change]])) > failing.length) unsafe.add(cellKeyOf(eq.total));
    // A cell that totals two sums gets the first one's fix, as the pane keeps the first fix per cell.
    else if (!all.has(key)) all.set(key, change);
  }
  if (failingAfter(all) > failing.length) for (const { cell } of all.values()) unsafe.add(cellKeyOf(cell));
  return unsafe;
}
