import { absAmount, ZERO, type Decimal } from '../amounts';
import { MAX_EXCEL_COLUMNS } from '../grid';
import { amountIn, type AmountCell, type AmountSum, type PerformanceTable, type TableRow } from '../table-model';
import type { TotalsComparison } from './rule';
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

interface SumEntry {
  readonly id: number;
  /** The cell's place in the sum: 0 as its total, 1 + n as its nth part. */
  readonly position: number;
  readonly coef: 1n | -1n;
  /** How a change of the cell moves the residual: the coefficient, except for a stated sum that lists its total as a part. */
  readonly shift: 1 | -1;
}

/** Tables up to this many rows are scanned whole for a cell's rows. */
const SCANNED_ROWS = 64;

const byEquationOrder = (a: SumEntry, b: SumEntry) => a.id - b.id || a.position - b.position;
const at = (cell: AmountCell, row: number, col: number) => cell.location.row === row && cell.location.col === col;

/**
 * The sums of the table, found from its structure when the diagnosis asks for a cell's: its row's total, its unit's and
 * 合计's column sums, its own column sums, the stated sums. Sums are built only when asked for (the failing ones, and
 * those sharing a cell with the cells tried), so the work follows the failing sums rather than the table's size.
 * An equation's id orders them as the list of every sum would: by row (its row sum, then its column sums), then stated sums.
 */
class TableSums {
  readonly failing: readonly SumEquation[];
  private readonly rows: readonly TableRow[];
  private readonly width: number;
  private readonly rowSums: boolean;
  private readonly built = new Map<number, SumEquation | null>();
  /**
   * Whether a row's cells are found by its sheet row (`row.row`, rows in order): a header table reads each row's amounts
   * on its own sheet row, and touching every cell only to index it costs more than the rest of the diagnosis.
   * Other tables (a form's one row, amounts anywhere on the form) are few rows: every row is looked at.
   */
  private readonly byRow: boolean;
  /** The cells of stated sums (a form's few): by cell number. */
  private readonly stated = new Map<number, SumEntry[]>();

  constructor(
    private readonly table: PerformanceTable,
    private readonly tolerance: Decimal,
    comparisons: readonly TotalsComparison[],
  ) {
    this.rows = table.rows;
    this.width = table.amountColumns.length + 1;
    this.rowSums = table.amountColumns.includes('total') && table.amountColumns.length > 1;
    let sorted = true;
    for (let i = 1; i < this.rows.length && sorted; i++) sorted = (this.rows[i - 1] as TableRow).row < (this.rows[i] as TableRow).row;
    this.byRow = sorted && this.rows.length > SCANNED_ROWS && table.sums.length === 0;
    const statedBase = this.rows.length * this.width;
    table.sums.forEach((sum, j) => {
      if (sum.parts.length === 0) return;
      [sum.total, ...sum.parts].forEach((cell, position) => {
        const list = this.stated.get(cellNumber(cell)) ?? [];
        const shift = position === 0 || cell === sum.total ? 1 : -1;
        list.push({ id: statedBase + j, position, coef: position === 0 ? 1n : -1n, shift });
        this.stated.set(cellNumber(cell), list);
      });
    });
    this.failing = this.failingSums(comparisons);
  }

  /** The failing sums, from compareTotals' comparisons: only those are added up again here. */
  private failingSums(comparisons: readonly TotalsComparison[]): SumEquation[] {
    const ids: number[] = [];
    let stated = 0;
    for (const c of comparisons) {
      if (absAmount(c.actual - c.expected) <= this.tolerance) continue;
      const id = c.scope === 'row' || c.scope === 'unit' || c.scope === 'grand' ? this.rowSumId(c) : this.statedSumId(c, stated);
      if (id === null) continue;
      ids.push(id);
      if (id >= this.rows.length * this.width) stated = id - this.rows.length * this.width + 1;
    }
    ids.sort((a, b) => a - b);
    const out: SumEquation[] = [];
    for (const id of ids) {
      const eq = this.equationAt(id);
      if (eq?.failing === true) out.push(eq);
    }
    return out;
  }

  private rowSumId(c: TotalsComparison): number | null {
    for (const i of this.rowsAt(c.total.location.row)) {
      const row = this.rows[i] as TableRow;
      if (c.scope === 'row') {
        if (this.rowSums && amountIn(row, 'total') === c.total) return i * this.width;
      } else if (row.children.length > 0) {
        const k = row.amounts.indexOf(c.total);
        if (k !== -1) return i * this.width + 1 + k;
      }
    }
    return null;
  }

  /** Stated sums are compared in order: the first from `from` on with this total and these parts. */
  private statedSumId(c: TotalsComparison, from: number): number | null {
    const sums = this.table.sums;
    for (let j = from; j < sums.length; j++) {
      const sum = sums[j] as AmountSum;
      if (sum.total === c.total && sum.parts.length === c.partCells.length && sum.parts.every((p, n) => p === c.partCells[n])) {
        return this.rows.length * this.width + j;
      }
    }
    return null;
  }

  /** The table rows with an amount cell on this sheet row. */
  private rowsAt(sheetRow: number): number[] {
    const out: number[] = [];
    if (!this.byRow) {
      this.rows.forEach((row, i) => row.amounts.some((cell) => cell.location.row === sheetRow) && out.push(i));
      return out;
    }
    let low = 0;
    let high = this.rows.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.rows[middle] as TableRow).row < sheetRow) low = middle + 1;
      else high = middle;
    }
    if ((this.rows[low] as TableRow | undefined)?.row === sheetRow) out.push(low);
    return out;
  }

  private equationAt(id: number): SumEquation | null {
    const known = this.built.get(id);
    if (known !== undefined) return known;
    const eq = this.build(id);
    this.built.set(id, eq);
    return eq;
  }

  private build(id: number): SumEquation | null {
    const statedBase = this.rows.length * this.width;
    if (id >= statedBase) {
      const sum = this.table.sums[id - statedBase] as AmountSum;
      return equation(sum.scope, sum.total, sum.parts, this.tolerance);
    }
    const row = this.rows[Math.floor(id / this.width)] as TableRow;
    const k = id % this.width;
    if (k === 0) {
      const total = amountIn(row, 'total') as AmountCell;
      return equation('row', total, row.amounts.filter((c) => c !== total), this.tolerance);
    }
    return this.columnSum(row, row.amounts[k - 1] as AmountCell);
  }

  /** A unit's or 合计's column sum, as `equation` reads it, in one pass over its children (a 合计 has 1,000s). */
  private columnSum(row: TableRow, cell: AmountCell): SumEquation | null {
    const actual = valueOf(cell);
    if (actual === null || cell.stale) return null;
    const parts: AmountCell[] = [];
    let sum = ZERO;
    let allBlank = cell.parsed.kind === 'empty';
    for (const i of row.children) {
      const child = this.rows[i];
      const part = child === undefined ? null : amountIn(child, cell.column);
      // A child without the column adds 0 and is no cell of the sum.
      if (part === null) continue;
      const v = valueOf(part);
      if (v === null || part.stale) return null;
      sum += v;
      allBlank &&= part.parsed.kind === 'empty';
      parts.push(part);
    }
    if (allBlank) return null;
    const residual = actual - sum;
    return { scope: row.kind === 'grand-total' ? 'grand' : 'unit', total: cell, parts, residual, failing: absAmount(residual) > this.tolerance };
  }

  /** The sums the cell (by position) is in, with its coefficient (+1 as the total, −1 as a part), in equation order. */
  sumsOf(cell: AmountCell): readonly { eq: SumEquation; coef: 1n | -1n; shift: 1 | -1 }[] {
    const { row: r, col: c } = cell.location;
    const entries: SumEntry[] = this.stated.size === 0 ? [] : [...(this.stated.get(cellNumber(cell)) ?? [])];
    for (const i of this.rowsAt(r)) {
      const row = this.rows[i] as TableRow;
      const total = this.rowSums ? amountIn(row, 'total') : null;
      if (total !== null) {
        let position = 1;
        if (at(total, r, c)) entries.push({ id: i * this.width, position: 0, coef: 1n, shift: 1 });
        for (const part of row.amounts) {
          if (part === total) continue;
          if (at(part, r, c)) entries.push({ id: i * this.width, position, coef: -1n, shift: -1 });
          position++;
        }
      }
      if (row.children.length > 0) {
        row.amounts.forEach((own, k) => at(own, r, c) && entries.push({ id: i * this.width + 1 + k, position: 0, coef: 1n, shift: 1 }));
      }
      const parentIndex = row.parent;
      const parent = parentIndex === null ? undefined : this.rows[parentIndex];
      if (parentIndex === null || parent === undefined) continue;
      const position = 1 + parent.children.indexOf(i);
      parent.amounts.forEach((sumCell, k) => {
        const part = amountIn(row, sumCell.column);
        if (part !== null && at(part, r, c)) entries.push({ id: parentIndex * this.width + 1 + k, position, coef: -1n, shift: -1 });
      });
    }
    entries.sort(byEquationOrder);
    const out: { eq: SumEquation; coef: 1n | -1n; shift: 1 | -1 }[] = [];
    for (const { id, coef, shift } of entries) {
      const eq = this.equationAt(id);
      if (eq !== null) out.push({ eq, coef, shift });
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
function solve(index: TableSums, cells: readonly AmountCell[], failingCount: number): TotalsExplanation | null {
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
function singleExplanations(index: TableSums, failing: readonly SumEquation[]): TotalsExplanation[] {
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
function pairExplanations(index: TableSums, failing: readonly SumEquation[]): TotalsExplanation[] | null {
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
export function diagnoseTotals(table: PerformanceTable, comparisons: readonly TotalsComparison[], tolerance: Decimal, explain = true): TotalsDiagnosis {
  const index = new TableSums(table, tolerance, comparisons);
  const failing = index.failing;
  if (failing.length === 0) return NO_DIAGNOSIS;
  const singles = explain ? singleExplanations(index, failing) : [];
  const explanations = !explain ? [] : singles.length > 0 ? singles : pairExplanations(index, failing);
  if (explanations !== null && explanations.length > 0 && explanations.length <= 2) {
    return { explanations, explained: new Set(failing.map((eq) => comparisonKey(eq.scope, eq.total))), unsafeFixes: new Set() };
  }
  return { explanations: [], explained: new Set(), unsafeFixes: unsafeFixes(index, failing, tolerance) };
}

/** Today's per-sum fixes (total := Σ parts), kept only while, applied alone and all together, they fail no more sums than now. */
function unsafeFixes(index: TableSums, failing: readonly SumEquation[], tolerance: Decimal): Set<string> {
  type Changes = ReadonlyMap<number, { readonly cell: AmountCell; readonly delta: Decimal }>;
  const failingAfter = (changes: Changes) => {
    // Only the changed cells move a residual, each through its own sums: no walk over a sum's other parts (a 合计 has 1,000s).
    const moved = new Map<SumEquation, Decimal>();
    for (const { cell, delta } of changes.values()) {
      for (const { eq, shift } of index.sumsOf(cell)) moved.set(eq, (moved.get(eq) ?? eq.residual) + (shift === 1 ? delta : -delta));
    }
    let count = failing.length;
    for (const [eq, residual] of moved) count += Number(absAmount(residual) > tolerance) - Number(eq.failing);
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
