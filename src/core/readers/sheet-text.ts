import type { MoneyUnit } from '../amounts';
import { cellAt, type CellValue, type SheetGrid } from '../grid';

/** What every layout reader asks of a sheet's cells: blanks, notes, 合计, units. */

const ALL_WHITESPACE = /\s+/g;
const NOTE_START = /^(?:注|说明|备注)[:：]/;
const NOTE_FIRST_CHAR = /^\s*[注说备]/;
/** 注：/ 说明：/ 备注：with any spacing: a row that starts with one ends the table. */
export function isNoteText(text: string): boolean {
  return NOTE_FIRST_CHAR.test(text) && NOTE_START.test(text.replace(ALL_WHITESPACE, ''));
}

const GRAND_TOTAL = /^(?:合计|总计)[:：]?$/;
/** 合计 / 总计 with any spacing; every row's name is asked, so most names are rejected without a copy. */
export function isGrandTotalName(text: string): boolean {
  return text.includes('计') && GRAND_TOTAL.test(text.replace(ALL_WHITESPACE, ''));
}

const SUBTOTAL = /^(?:金额)?(?:合计|小计|总计)[:：]?$/;
/** 合计 / 小计 / 金额合计: the label of a row that sums the rows above it in a block. */
export function isSumLabel(text: string): boolean {
  return text.includes('计') && SUBTOTAL.test(text.replace(ALL_WHITESPACE, ''));
}

// No two \s* side by side: on a long run of spaces they backtrack quadratically (cubically in UNIT_TAIL).
export const UNIT_MARK = /(?:金额)?单位\s*[:：]\s*(?:人民币\s*)?(万元|元)/;
const LABEL_UNIT = /[(（]\s*(万元|元)\s*[)）]|单位\s*[:：]\s*(万元|元)/;

/** The money unit a label or title names: “项目资金（万元）”, “单位：元”; null when it names none. */
export function unitInLabel(text: string): MoneyUnit | null {
  const m = LABEL_UNIT.exec(text);
  return m ? ((m[1] ?? m[2]) as MoneyUnit) : null;
}

export function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

export function sheetIsEmpty(sheet: SheetGrid): boolean {
  for (const row of sheet.values) {
    if (!row) continue;
    for (const value of row) if (!isBlank(value)) return false;
  }
  return true;
}

/** A cell's text with spaces and line breaks removed and full-width brackets and colons made half-width: for matching labels. */
export function labelKey(value: CellValue | undefined): string {
  if (typeof value !== 'string') return '';
  return value.replace(ALL_WHITESPACE, '').replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':');
}

/** The cell at an absolute position, undefined-safe. */
export function valueAt(sheet: SheetGrid, row: number, col: number): CellValue {
  return cellAt(sheet, row, col);
}

export function leadingIndent(text: string): number {
  let indent = 0;
  for (const ch of text) {
    if (ch === ' ' || ch === '\u00a0') indent += 1;
    else if (ch === '\u3000') indent += 2;
    else if (ch === '\t') indent += 4;
    else break;
  }
  return indent;
}
