import { amountToNumber, convertAmount, formatAmount } from '../amounts';
import type { AmountCell } from '../table-model';
import { NO_HITS, type RowRule, type RowSubject, type RuleHit } from './rule';
import type { RuleId } from './rule-ids';
import { SOURCES } from './sources';

/** Runs `hit` on each amount cell of a row whose amounts are not all clean. */
function eachAmount<R extends RuleId>(s: RowSubject, hit: (cell: AmountCell) => RuleHit<R> | null): readonly RuleHit<R>[] {
  if (s.amountsClean) return NO_HITS;
  let hits: RuleHit<R>[] | null = null;
  for (const cell of s.row.amounts) {
    const h = hit(cell);
    if (h) (hits ??= []).push(h);
  }
  return hits ?? NO_HITS;
}

/** Forms and the department table hold amounts as text with their unit (“10000万元”): SUM formulas do not run over them. */
const textAmountsAllowed = (s: RowSubject) => s.table.layout === 'form' || s.table.layout === 'department';

export const amountInvalid: RowRule<'amount.invalid'> = {
  id: 'amount.invalid',
  source: SOURCES.amounts,
  defaultSeverity: 'error',
  scope: 'row',
  check: (s) =>
    eachAmount(s, (cell) =>
      cell.parsed.kind === 'invalid' && cell.parsed.excelError === undefined && cell.parsed.withUnit === undefined
        ? { rule: 'amount.invalid', params: { column: cell.column, text: cell.parsed.text }, location: cell.location }
        : null,
    ),
};

/** A row with amounts or texts but no name: often the lower half of a project merged over two rows. */
export const nameMissing: RowRule<'name.missing'> = {
  id: 'name.missing',
  source: SOURCES.tableRequired,
  defaultSeverity: 'error',
  scope: 'row',
  check: ({ row }) => (row.kind !== 'grand-total' && row.name === '' ? [{ rule: 'name.missing', params: {}, location: row.nameLocation }] : NO_HITS),
};

/** #REF!, #DIV/0!…: the cached result of a failed formula. */
export const amountFormulaError: RowRule<'amount.formula-error'> = {
  id: 'amount.formula-error',
  source: SOURCES.amounts,
  defaultSeverity: 'error',
  scope: 'row',
  check: (s) =>
    eachAmount(s, (cell) =>
      cell.parsed.kind === 'invalid' && cell.parsed.excelError !== undefined
        ? { rule: 'amount.formula-error', params: { column: cell.column, error: cell.parsed.excelError }, location: cell.location }
        : null,
    ),
};

/**
 * "99万元": the number is clear, but a text cell is skipped by SUM and the unit belongs above the header.
 * In a form the unit may stand in the cell, as long as it is the form's own.
 */
export const amountWithUnit: RowRule<'amount.unit'> = {
  id: 'amount.unit',
  source: SOURCES.amounts,
  fixable: true,
  defaultSeverity: 'error',
  scope: 'row',
  check: (s, ctx) =>
    eachAmount(s, (cell) => {
      const parsed = cell.parsed;
      if (parsed.kind !== 'invalid' || parsed.withUnit === undefined) return null;
      const tableUnit = ctx.unit === '元' ? '元' : '万元';
      if (textAmountsAllowed(s) && parsed.withUnit.unit === tableUnit) return null;
      const value = convertAmount(parsed.withUnit.value, parsed.withUnit.unit, tableUnit);
      return {
        rule: 'amount.unit',
        params: { column: cell.column, text: parsed.text, unit: parsed.withUnit.unit, tableUnit, value: formatAmount(value, 0) },
        location: cell.location,
        fix: { location: cell.location, expected: cell.raw, value: amountToNumber(value) },
      };
    }),
};

export const amountNegative: RowRule<'amount.negative'> = {
  id: 'amount.negative',
  source: SOURCES.amounts,
  defaultSeverity: 'error',
  scope: 'row',
  check: (s, ctx) =>
    eachAmount(s, (cell) =>
      cell.parsed.kind === 'number' && cell.parsed.value < 0n
        ? { rule: 'amount.negative', params: { column: cell.column, value: formatAmount(cell.parsed.value), unit: ctx.unit }, location: cell.location }
        : null,
    ),
};

/** A number stored as text: SUM in Excel skips it, so the sheet's own totals would be wrong. */
export const amountAsText: RowRule<'amount.text'> = {
  id: 'amount.text',
  source: SOURCES.excel,
  fixable: true,
  defaultSeverity: 'warning',
  scope: 'row',
  check: (s) =>
    textAmountsAllowed(s)
      ? NO_HITS
      : eachAmount(s, (cell) =>
          cell.parsed.kind === 'number' && cell.parsed.storedAsText
            ? {
                rule: 'amount.text',
                params: { column: cell.column, value: String(cell.raw).trim() },
                location: cell.location,
                fix: { location: cell.location, expected: cell.raw, value: amountToNumber(cell.parsed.value) },
              }
            : null,
        ),
};

export const amountPrecision: RowRule<'amount.precision'> = {
  id: 'amount.precision',
  source: SOURCES.amounts,
  defaultSeverity: 'warning',
  scope: 'row',
  check: (s) =>
    eachAmount(s, (cell) =>
      cell.parsed.kind === 'number' && cell.parsed.excessPrecision
        ? { rule: 'amount.precision', params: { column: cell.column, text: String(cell.raw).trim(), value: formatAmount(cell.parsed.value) }, location: cell.location }
        : null,
    ),
};
