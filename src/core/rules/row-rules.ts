import { amountToNumber, formatAmount } from '../amounts';
import { AMOUNT_COLUMNS, type AmountCell } from '../table-model';
import { NO_HITS, type RowRule, type RuleHit } from './rule';
import type { RuleId } from './rule-ids';

function eachAmount<R extends RuleId>(
  cells: { readonly [K in (typeof AMOUNT_COLUMNS)[number]]: AmountCell | null },
  hit: (cell: AmountCell) => RuleHit<R> | null,
): readonly RuleHit<R>[] {
  let hits: RuleHit<R>[] | null = null;
  for (const column of AMOUNT_COLUMNS) {
    const cell = cells[column];
    if (cell === null) continue;
    const h = hit(cell);
    if (h) (hits ??= []).push(h);
  }
  return hits ?? NO_HITS;
}

export const amountInvalid: RowRule<'amount.invalid'> = {
  id: 'amount.invalid',
  defaultSeverity: 'error',
  scope: 'row',
  check: ({ row }) =>
    eachAmount(row.amounts, (cell) =>
      cell.parsed.kind === 'invalid'
        ? { rule: 'amount.invalid', params: { column: cell.column, text: cell.parsed.text }, location: cell.location }
        : null,
    ),
};

export const amountNegative: RowRule<'amount.negative'> = {
  id: 'amount.negative',
  defaultSeverity: 'error',
  scope: 'row',
  check: ({ row }, ctx) =>
    eachAmount(row.amounts, (cell) =>
      cell.parsed.kind === 'number' && cell.parsed.value < 0n
        ? { rule: 'amount.negative', params: { column: cell.column, value: formatAmount(cell.parsed.value), unit: ctx.unit }, location: cell.location }
        : null,
    ),
};

/** A number stored as text: SUM in Excel skips it, so the sheet's own totals would be wrong. */
export const amountAsText: RowRule<'amount.text'> = {
  id: 'amount.text',
  fixable: true,
  defaultSeverity: 'warning',
  scope: 'row',
  check: ({ row }) =>
    eachAmount(row.amounts, (cell) =>
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
  defaultSeverity: 'warning',
  scope: 'row',
  check: ({ row }) =>
    eachAmount(row.amounts, (cell) =>
      cell.parsed.kind === 'number' && cell.parsed.excessPrecision
        ? { rule: 'amount.precision', params: { column: cell.column, text: String(cell.raw).trim(), value: formatAmount(cell.parsed.value) }, location: cell.location }
        : null,
    ),
};
