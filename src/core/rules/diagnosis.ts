import { absAmount, ZERO, type Decimal } from '../amounts';
import { amountIn, type AmountCell, type PerformanceTable, type TableRow } from '../table-model';

/** One sum the table claims: `total` = Σ `parts`; residual = total − Σ parts. */
interface SumEquation {
  readonly total: AmountCell;
  readonly parts: readonly AmountCell[];
  readonly residual: Decimal;
}

/** The one cell whose correction makes every failing sum hold (or one of two such cells). */
export interface TotalsCause {
  readonly cell: AmountCell;
  readonly value: Decimal;
  /** The other cell that explains the same sums equally well, when there is one (then no fix is offered). */
  readonly alternative: { readonly cell: AmountCell; readonly value: Decimal } | null;
}

export interface TotalsDiagnosis {
  readonly causes: readonly TotalsCause[];
  /** Locations ("row,col") of every failing sum's total, all explained by the causes (a cause may be one of them). */
  readonly explained: ReadonlySet<string>;
  /** Sum cells ("row,col") whose own fix would break a sum that holds: reported without a fix. */
  readonly unsafeFixes: ReadonlySet<string>;
}

export const NO_DIAGNOSIS: TotalsDiagnosis = { causes: [], explained: new Set(), unsafeFixes: new Set() };

const keyOf = (cell: AmountCell) => `${cell.location.row},${cell.location.col}`;

function valueOf(cell: AmountCell | null): Decimal | null {
  if (cell === null || cell.parsed.kind === 'empty') return ZERO;
  return cell.parsed.kind === 'number' ? cell.parsed.value : null;
}

function equation(total: AmountCell, parts: readonly (AmountCell | null)[]): SumEquation | null {
  const actual = valueOf(total);
  if (actual === null) return null;
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
  if (allBlank && total.parsed.kind === 'empty') return null;
  return { total, parts: cells, residual: actual - sum };
}

/** Every sum of the table, holding or not, as compareTotals reads them. */
function sumEquations(table: PerformanceTable): SumEquation[] {
  const out: SumEquation[] = [];
  const rowSums = table.amountColumns.includes('total') && table.amountColumns.length > 1;
  for (const row of table.rows) {
    const total = amountIn(row, 'total');
    if (rowSums && total !== null) {
      const eq = equation(total, row.amounts.filter((c) => c !== total));
      if (eq) out.push(eq);
    }
    if (row.children.length === 0) continue;
    const children = row.children.map((i) => table.rows[i]).filter((r): r is TableRow => r !== undefined);
    for (const cell of row.amounts) {
      const eq = equation(cell, children.map((child) => amountIn(child, cell.column)));
      if (eq) out.push(eq);
    }
  }
  for (const sum of table.sums) {
    const eq = equation(sum.total, sum.parts);
    if (eq) out.push(eq);
  }
  return out;
}

/** +1 when the cell is the equation's total, −1 when it is a part, 0 when absent. */
function coefficient(eq: SumEquation, key: string): -1n | 0n | 1n {
  if (keyOf(eq.total) === key) return 1n;
  return eq.parts.some((p) => keyOf(p) === key) ? -1n : 0n;
}

/**
 * The smallest explanation of the failing sums: a single cell c such that every failing sum contains c,
 * all imply the same corrected value for it, and no holding sum contains it. Without one (or with more than two),
 * the failing sums stay separate findings and only the fixes that break no holding sum are offered.
 */
export function diagnoseTotals(table: PerformanceTable, tolerance: Decimal): TotalsDiagnosis {
  const equations = sumEquations(table);
  const failing = equations.filter((eq) => absAmount(eq.residual) > tolerance);
  const first = failing[0];
  if (first === undefined) return NO_DIAGNOSIS;
  const found: { cell: AmountCell; value: Decimal }[] = [];
  for (const cell of [first.total, ...first.parts]) {
    const value = correctedValue(cell, equations, tolerance);
    if (value !== null) found.push({ cell, value });
  }
  if (found.length === 1 || found.length === 2) {
    const [a, b] = found as [{ cell: AmountCell; value: Decimal }, { cell: AmountCell; value: Decimal } | undefined];
    const causes: TotalsCause[] = [{ cell: a.cell, value: a.value, alternative: b ?? null }];
    if (b) causes.push({ cell: b.cell, value: b.value, alternative: a });
    const explained = new Set(failing.map((eq) => keyOf(eq.total)));
    return { causes, explained, unsafeFixes: new Set() };
  }
  return { causes: [], explained: new Set(), unsafeFixes: unsafeFixes(equations, failing, tolerance) };
}

function correctedValue(cell: AmountCell, equations: readonly SumEquation[], tolerance: Decimal): Decimal | null {
  const current = valueOf(cell);
  if (current === null) return null;
  const key = keyOf(cell);
  let delta: Decimal | null = null;
  for (const eq of equations) {
    const coef = coefficient(eq, key);
    const fails = absAmount(eq.residual) > tolerance;
    if (coef === 0n) {
      if (fails) return null;
      continue;
    }
    if (!fails) return null;
    const needed = -eq.residual * coef;
    if (delta !== null && delta !== needed) return null;
    delta = needed;
  }
  if (delta === null || current + delta < ZERO) return null;
  return current + delta;
}

/** Today's per-sum fixes (total := Σ parts), kept only while, applied alone and all together, they fail no more sums than now. */
function unsafeFixes(equations: readonly SumEquation[], failing: readonly SumEquation[], tolerance: Decimal): Set<string> {
  const unsafe = new Set<string>();
  const failingAfter = (changes: ReadonlyMap<string, Decimal>) => {
    let count = 0;
    for (const eq of equations) {
      let residual = eq.residual;
      for (const [key, delta] of changes) residual += coefficient(eq, key) * delta;
      if (absAmount(residual) > tolerance) count++;
    }
    return count;
  };
  const all = new Map<string, Decimal>();
  for (const eq of failing) {
    const change = new Map([[keyOf(eq.total), -eq.residual]]);
    if (failingAfter(change) > failing.length) unsafe.add(keyOf(eq.total));
    else all.set(keyOf(eq.total), -eq.residual);
  }
  if (failingAfter(all) > failing.length) for (const key of all.keys()) unsafe.add(key);
  return unsafe;
}
