import { ZERO } from '../amounts';
import { formulaRanges, formulaText, inRange, parseSimpleFormula, type FormulaTerm, type SimpleFormula } from '../formula';
import { rangeAddress, type CellRange } from '../grid';
import { valueOf, type AmountCell } from '../table-model';

/**
 * What a failing sum's formula says about it: it adds the right kind of cells but `missing` ones (the fix corrects
 * the formula), or it cannot be read as such a sum (the user checks it; nothing is overwritten by default).
 */
export type TotalFormula =
  | { readonly kind: 'misses'; readonly formula: string; readonly corrected: string; readonly missing: readonly string[] }
  | { readonly kind: 'unclear'; readonly formula: string };

/** Reads the formula of a sum's cell against the cells that belong to the sum. */
export function readTotalFormula(total: AmountCell, formula: string, parts: readonly AmountCell[]): TotalFormula {
  const unclear: TotalFormula = { kind: 'unclear', formula };
  const parsed = parseSimpleFormula(formula);
  if (!parsed || !parsed.terms.every(isPlainAddition)) return unclear;
  const ranges = formulaRanges(parsed);
  const { row, col } = total.location;
  if (ranges.some((r) => inRange(r, row, col))) return unclear;
  const covered = (p: AmountCell) => ranges.some((r) => inRange(r, p.location.row, p.location.col));
  const missing = parts.filter((p) => !covered(p) && valueOf(p) !== ZERO);
  let coveredSum = ZERO;
  for (const p of parts) if (covered(p)) coveredSum += valueOf(p) ?? ZERO;
  // The formula's result must be its covered cells' sum (else it reads other cells, or its value is stale).
  if (missing.length === 0 || coveredSum !== valueOf(total)) return unclear;
  return { kind: 'misses', formula, corrected: corrected(parsed, missing, parts), missing: missing.map((p) => p.location.cell) };
}

function isPlainAddition(term: FormulaTerm): boolean {
  if (term.sign < 0) return false;
  if (term.operand.kind === 'number') return false;
  return term.operand.kind === 'cell' || term.operand.args.every((a) => a.kind === 'range');
}

/** =SUM(B6:B7) missing B8 → =SUM(B6:B8) when the range can grow over parts only; else the cells are added to it. */
function corrected(parsed: SimpleFormula, missing: readonly AmountCell[], parts: readonly AmountCell[]): string {
  const [only] = parsed.terms;
  const single = parsed.terms.length === 1 && only?.operand.kind === 'sum' ? only.operand : null;
  if (single) {
    const [arg] = single.args;
    if (single.args.length === 1 && arg?.kind === 'range') {
      const grown = grownRange(arg.range, missing, parts);
      if (grown) return `=SUM(${rangeAddress(grown)})`;
    }
    const args = [...single.args, ...missing.map((p) => ({ kind: 'range' as const, range: cellRange(p) }))];
    return formulaText({ terms: [{ sign: 1, operand: { kind: 'sum', args } }] });
  }
  return formulaText({ terms: [...parsed.terms, ...missing.map((p) => ({ sign: 1 as const, operand: { kind: 'cell' as const, range: cellRange(p) } }))] });
}

const cellRange = (p: AmountCell): CellRange => ({ row: p.location.row, col: p.location.col, rowCount: 1, colCount: 1 });

/** The one-column range stretched over the missing cells, when every row it gains holds a part of the sum. */
function grownRange(range: CellRange, missing: readonly AmountCell[], parts: readonly AmountCell[]): CellRange | null {
  if (range.colCount !== 1 || missing.some((p) => p.location.col !== range.col)) return null;
  const rows = missing.map((p) => p.location.row);
  const first = Math.min(range.row, ...rows);
  const last = Math.max(range.row + range.rowCount - 1, ...rows);
  const partRows = new Set(parts.filter((p) => p.location.col === range.col).map((p) => p.location.row));
  for (let row = first; row <= last; row++) {
    if (row >= range.row && row < range.row + range.rowCount) continue;
    if (!partRows.has(row)) return null;
  }
  return { row: first, col: range.col, rowCount: last - first + 1, colCount: 1 };
}
