import { amountToNumber, checkWorkbook, readTables, toA1, type CellValue } from '../../src/core';
import { REAL_FIXTURES, realGrid, setCell } from '../fixtures/real/load';

/**
 * One wrong amount planted in each published table (test/fixtures/real). Their sums rarely tell the cell: the
 * row-per-indicator tables have one project per unit (unit = project), the forms one 总额 = Σ sources. So: where the
 * sums name the typed cell, it is the error with the value it had (and at most one equally likely other cell);
 * where they cannot, the one failing sum is the one error. The Guangzhou seed, where every project cell is told
 * apart, is in totals-diagnosis.test.ts (exactly one error, on the cell).
 */
const totalsErrors = (id: string, at?: string, value?: CellValue) => {
  const fixture = REAL_FIXTURES.find((f) => f.id === id);
  if (!fixture) throw new Error(id);
  return checkWorkbook(realGrid(fixture, (_s, rows) => at && setCell(rows, at, value ?? null))).findings.filter((f) => f.severity === 'error' && f.rule.startsWith('totals.'));
};

const planted = REAL_FIXTURES.flatMap((fixture) => {
  if (totalsErrors(fixture.id).length > 0) return [];
  const table = readTables(realGrid(fixture)).tables[0];
  const cells = table?.rows.flatMap((r) => r.amounts) ?? [];
  return cells.flatMap((c) => (c.parsed.kind === 'number' ? [[fixture.id, toA1(c.location.row, c.location.col), amountToNumber(c.parsed.value)] as const] : []));
});

test('the real tables give cells to plant into', () => expect(planted.length).toBeGreaterThan(10));

test.each(planted)('%s: %s mistyped', (id, at, right) => {
  const errors = totalsErrors(id, at, right + 1);
  const causes = errors.filter((e) => e.rule === 'totals.cause');
  // A cell in no sum (a form's lone 总额) cannot be checked: no error.
  if (causes.length === 0) expect(errors.length).toBeLessThanOrEqual(1);
  else {
    expect(errors).toEqual(causes);
    expect(causes.length).toBeLessThanOrEqual(2);
    expect(causes.map((e) => [e.location.cell, e.fix?.value])).toContainEqual([at, right]);
  }
});
