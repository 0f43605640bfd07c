import { absAmount, ZERO, type Decimal } from '../amounts';
import { amountIn, type AmountCell, type PerformanceTable, type TableRow } from '../table-model';
import type { TotalsScope } from './rule-ids';
import { valueOf } from './totals';
import type { TotalFormula } from './formula-totals';

/** One sum the table claims: `total` = Σ `parts`; residual = total − Σ parts. */
interface SumEquation {
  /** "scope@row,col": the comparison compareTotals makes of this sum. */
  readonly key: string;
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

function equation(key: string, total: AmountCell, parts: readonly (AmountCell | null)[], tolerance: Decimal): SumEquation | null {
  const actual = valueOf(total);
  // A value the host could not recalculate may be out of date: compareTotals leaves such sums out too.
  if (actual === null || total.stale || parts.some((p) => p?.stale)) return null;
  let sum = ZERO;
  let allBlank = total.parsed.kind === 'empty';
  const cells: AmountCell[] = [];
  for (const part of parts) {
    const v = valueOf(part);
    if (v === null) return null;
    sum += v;
    if (part !== null) {
      cells.push(part);
      allBlank &&= part.parsed.kind === 'empty';
    }
  }
  if (allBlank) return null;
  const residual = actual - sum;
  return { key, total, parts: cells, residual, failing: absAmount(residual) > tolerance };
}

/** Every sum of the table, holding or not, as compareTotals reads them. */
function sumEquations(table: PerformanceTable, tolerance: Decimal): SumEquation[] {
  const out: SumEquation[] = [];
  const push = (eq: SumEquation | null) => eq && out.push(eq);
  const rowSums = table.amountColumns.includes('total') && table.amountColumns.length > 1;
  for (const row of table.rows) {
    const total = amountIn(row, 'total');
    if (rowSums && total !== null) push(equation(comparisonKey('row', total), total, row.amounts.filter((c) => c !== total), tolerance));
    if (row.children.length === 0) continue;
    const children = row.children.map((i) => table.rows[i]).filter((r): r is TableRow => r !== undefined);
    const scope = row.kind === 'grand-total' ? 'grand' : 'unit';
    for (const cell of row.amounts) push(equation(comparisonKey(scope, cell), cell, children.map((child) => amountIn(child, cell.column)), tolerance));
  }
  for (const sum of table.sums) if (sum.parts.length > 0) push(equation(comparisonKey(sum.scope, sum.total), sum.total, sum.parts, tolerance));
  return out;
}

/** The sums each cell is in, with its coefficient (+1 as the total, −1 as a part). */
class SumIndex {
  private readonly byCell = new Map<string, { eq: SumEquation; coef: 1n | -1n }[]>();
  readonly cells = new Map<string, AmountCell>();

  constructor(readonly equations: readonly SumEquation[]) {
    for (const eq of equations) {
      this.add(eq.total, eq, 1n);
      for (const part of eq.parts) this.add(part, eq, -1n);
    }
  }

  private add(cell: AmountCell, eq: SumEquation, coef: 1n | -1n): void {
    const key = cellKeyOf(cell);
    this.cells.set(key, cell);
    const list = this.byCell.get(key);
    if (list) list.push({ eq, coef });
    else this.byCell.set(key, [{ eq, coef }]);
  }

  sumsOf(cell: AmountCell): readonly { eq: SumEquation; coef: 1n | -1n }[] {
    return this.byCell.get(cellKeyOf(cell)) ?? [];
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
    return { explanations, explained: new Set(failing.map((eq) => eq.key)), unsafeFixes: new Set() };
  }
  return { explanations: [], explained: new Set(), unsafeFixes: unsafeFixes(index, failing, tolerance) };
}

/** Today's per-sum fixes (total := Σ parts), kept only while, applied alone and all together, they fail no more sums than now. */
function unsafeFixes(index: SumIndex, failing: readonly SumEquation[], tolerance: Decimal): Set<string> {
  const failingAfter = (changes: ReadonlyMap<string, Decimal>) => {
    let count = failing.length;
    const seen = new Set<SumEquation>();
    for (const key of changes.keys()) {
      const cell = index.cells.get(key);
      if (!cell) continue;
      for (const { eq } of index.sumsOf(cell)) {
        if (seen.has(eq)) continue;
        seen.add(eq);
        let residual = eq.residual;
        for (const part of cellsOf(eq)) residual += (part === eq.total ? 1n : -1n) * (changes.get(cellKeyOf(part)) ?? ZERO);
        count += Number(absAmount(residual) > tolerance) - Number(eq.failing);
      }
    }
    return count;
  };
  const unsafe = new Set<string>();
  const all = new Map<string, Decimal>();
  for (const eq of failing) {
    const key = cellKeyOf(eq.total);
    if (failingAfter(new Map([[key, -eq.residual]])) > failing.length) unsafe.add(key);
    // A cell that totals two sums gets the first one's fix, as the pane keeps the first fix per cell.
    else if (!all.has(key)) all.set(key, -eq.residual);
  }
  if (failingAfter(all) > failing.length) for (const key of all.keys()) unsafe.add(key);
  return unsafe;
}
