import { formatAmount, parseAmount, ZERO, type Decimal } from './amounts';
import { parseRange, rangeAddress, type CellRange, type CellValue } from './grid';

/**
 * The simple formulas the core understands, as totals are written: `=SUM(B6:B8)`, `=SUM(B6:B8,B10)`,
 * `=B6+B7-B8`, `=C5+D5+E5`, numbers. Anything else (other functions, other sheets, brackets, * and /) is not understood.
 */
export interface SimpleFormula {
  readonly terms: readonly FormulaTerm[];
}

/** One signed term: a number, a cell, or a SUM of ranges, cells and numbers. */
export interface FormulaTerm {
  readonly sign: 1 | -1;
  readonly operand: FormulaOperand;
}

export type FormulaOperand =
  | { readonly kind: 'number'; readonly value: Decimal }
  | { readonly kind: 'cell'; readonly range: CellRange }
  | { readonly kind: 'sum'; readonly args: readonly ({ readonly kind: 'number'; readonly value: Decimal } | { readonly kind: 'range'; readonly range: CellRange })[] };

const TOKEN = /\s*(?:(SUM)\s*\(|(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)|(\d+(?:\.\d*)?|\.\d+)|([+\-,)]))/iy;

type Token = { kind: 'sum' } | { kind: 'ref'; text: string } | { kind: 'number'; value: Decimal } | { kind: 'punct'; text: string };

function tokenize(body: string): Token[] | null {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < body.length) {
    if (body.slice(TOKEN.lastIndex).trim() === '') break;
    const m = TOKEN.exec(body);
    if (!m) return null;
    if (m[1]) tokens.push({ kind: 'sum' });
    else if (m[2]) tokens.push({ kind: 'ref', text: m[2] });
    else if (m[3]) {
      const parsed = parseAmount(m[3]);
      if (parsed.kind !== 'number') return null;
      tokens.push({ kind: 'number', value: parsed.value });
    } else tokens.push({ kind: 'punct', text: m[4] as string });
  }
  return tokens;
}

/** Reads a formula ("=SUM(B6:B7)") in the simple grammar; null when it is anything else. */
export function parseSimpleFormula(formula: string): SimpleFormula | null {
  const text = formula.trim();
  if (!text.startsWith('=')) return null;
  const tokens = tokenize(text.slice(1));
  if (!tokens || tokens.length === 0) return null;
  let i = 0;
  const terms: FormulaTerm[] = [];
  const punct = (t: Token | undefined, p: string) => t?.kind === 'punct' && t.text === p;
  while (i < tokens.length) {
    let sign: 1 | -1 = 1;
    if (terms.length > 0) {
      if (punct(tokens[i], '-')) sign = -1;
      else if (!punct(tokens[i], '+')) return null;
      i++;
    } else if (punct(tokens[i], '-') || punct(tokens[i], '+')) sign = punct(tokens[i++], '-') ? -1 : 1;
    const token = tokens[i++];
    if (token?.kind === 'number') terms.push({ sign, operand: token });
    else if (token?.kind === 'ref') {
      const range = parseRange(token.text);
      // A bare range (=B6:B8) is not a number.
      if (!range || range.rowCount * range.colCount !== 1) return null;
      terms.push({ sign, operand: { kind: 'cell', range } });
    } else if (token?.kind === 'sum') {
      const args: Extract<FormulaOperand, { kind: 'sum' }>['args'][number][] = [];
      for (;;) {
        const arg = tokens[i++];
        if (arg?.kind === 'number') args.push(arg);
        else if (arg?.kind === 'ref') {
          const range = parseRange(arg.text);
          if (!range) return null;
          args.push({ kind: 'range', range });
        } else return null;
        const next = tokens[i++];
        if (punct(next, ')')) break;
        if (!punct(next, ',')) return null;
      }
      terms.push({ sign, operand: { kind: 'sum', args } });
    } else return null;
  }
  return { terms };
}

/** The formula as Excel writes it: "=SUM(B6:B8)+B10". */
export function formulaText(formula: SimpleFormula): string {
  const parts = formula.terms.map(({ sign, operand }, i) => {
    const op = sign < 0 ? '-' : i === 0 ? '' : '+';
    return `${op}${operandText(operand)}`;
  });
  return `=${parts.join('')}`;
}

function operandText(operand: FormulaOperand): string {
  if (operand.kind === 'number') return formatAmount(operand.value, 0);
  if (operand.kind === 'cell') return rangeAddress(operand.range);
  return `SUM(${operand.args.map((a) => (a.kind === 'number' ? formatAmount(a.value, 0) : rangeAddress(a.range))).join(',')})`;
}

/** Every range the formula reads (a cell as a 1×1 range). */
export function formulaRanges(formula: SimpleFormula): CellRange[] {
  return formula.terms.flatMap(({ operand }) => {
    if (operand.kind === 'cell') return [operand.range];
    if (operand.kind === 'sum') return operand.args.flatMap((a) => (a.kind === 'range' ? [a.range] : []));
    return [];
  });
}

export const inRange = (range: CellRange, row: number, col: number) =>
  row >= range.row && row < range.row + range.rowCount && col >= range.col && col < range.col + range.colCount;

/**
 * The formula's result as Excel computes it, over `valueAt` (0-based row, col): SUM skips text and TRUE/FALSE in
 * its ranges, a cell read by + must be empty or a number. Null when Excel would give an error (or the value is unsure).
 */
export function evaluateSimpleFormula(formula: SimpleFormula, valueAt: (row: number, col: number) => CellValue): Decimal | null {
  return evaluateOver(formula, (row, col, inSum) => numberIn(valueAt(row, col), inSum));
}

/** The formula's result over `numberAt`: each cell's number (`inSum`: read by SUM), null when it has none. */
export function evaluateOver(formula: SimpleFormula, numberAt: (row: number, col: number, inSum: boolean) => Decimal | null): Decimal | null {
  let total = ZERO;
  for (const { sign, operand } of formula.terms) {
    let value: Decimal | null;
    if (operand.kind === 'number') value = operand.value;
    else if (operand.kind === 'cell') value = numberAt(operand.range.row, operand.range.col, false);
    else value = sumOf(operand.args, numberAt);
    if (value === null) return null;
    total += sign < 0 ? -value : value;
  }
  return total;
}

function sumOf(args: Extract<FormulaOperand, { kind: 'sum' }>['args'], numberAt: (row: number, col: number, inSum: boolean) => Decimal | null): Decimal | null {
  let total = ZERO;
  for (const arg of args) {
    if (arg.kind === 'number') {
      total += arg.value;
      continue;
    }
    const { range } = arg;
    for (let row = range.row; row < range.row + range.rowCount; row++) {
      for (let col = range.col; col < range.col + range.colCount; col++) {
        const v = numberAt(row, col, true);
        if (v === null) return null;
        total += v;
      }
    }
  }
  return total;
}

/** A cell's number for a formula; text in a SUM range counts 0 (Excel skips it), an error value fails the formula. */
function numberIn(value: CellValue, inSum: boolean): Decimal | null {
  if (value === null || value === '') return ZERO;
  if (typeof value === 'number') {
    const parsed = parseAmount(value);
    return parsed.kind === 'number' ? parsed.value : null;
  }
  if (typeof value === 'string' && value.startsWith('#')) return null;
  return inSum ? ZERO : null;
}
