import { columnLetters } from '../../core/grid';
import { unsupported } from './unsupported';

// ExcelJS 4.4's lib/utils/shared-formula.js, which xlsx-grid.ts gets a shared formula's text from: ported as it is,
// quirks included (it also moves a name that looks like a cell, such as LOG10), so both readers agree.
const REPLACEMENT_CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL_REFERENCE = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

export interface CellPosition {
  /** 1-based, as ExcelJS counts. */
  readonly row: number;
  readonly col: number;
}

/** The master's formula (without "=") as ExcelJS translates it from the master's cell to another one. */
export function slideFormula(formula: string, from: CellPosition, to: CellPosition): string {
  return formula.replace(REPLACEMENT_CANDIDATE, (refMatch: string, sheet: string | undefined, _sheetName: string | undefined, addrPart: string, trailingParen: string | undefined) => {
    if (trailingParen) return refMatch;
    const match = CELL_REFERENCE.exec(addrPart);
    if (!match) return refMatch;
    const colDollar = match[1];
    const colStr = (match[2] as string).toUpperCase();
    const rowDollar = match[3];
    if (colStr.length > 3 || (colStr.length === 3 && colStr > 'XFD')) return refMatch;
    let col = lettersToNumber(colStr);
    let row = parseInt(match[4] as string, 10);
    if (!colDollar) col += to.col - from.col;
    if (!rowDollar) row += to.row - from.row;
    return (sheet || '') + (colDollar || '') + numberToLetters(col) + (rowDollar || '') + row;
  });
}

/** Upper-case column letters → 1-based column number (A → 1), as ExcelJS's colCache.l2n; unchecked. */
export function lettersToNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n;
}

/** ExcelJS's colCache.n2l, which throws outside A…XFD (and so fails the whole load). */
function numberToLetters(col: number): string {
  if (col < 1 || col > 16_384) unsupported('shared formula slides out of the sheet');
  return columnLetters(col - 1);
}
