import { amountIn, type AmountCell, type AmountColumn, type TableRow } from '../../src/core/table-model';

/** A row's amount in `column` (null when the table has no such column, undefined when there is no row). */
export function amountOf(row: TableRow | undefined, column: AmountColumn): AmountCell | null | undefined {
  return row && amountIn(row, column);
}
