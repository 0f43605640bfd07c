/** @jest-environment node */
import fc from 'fast-check';
import { toA1, type CellValue, type SheetGrid } from '../../src/core';
import { createMemoryWorkbook } from '../../src/workbook/memory-workbook';

// The memory workbook patches the cells put since its last read into the sheet as laid out then, rather than
// laying the whole sheet out again (the page reads its 20,000-project sheet after every fix): what it hands out
// must be what a fresh layout gives, and a grid handed out before must never change.

/** The sheet trimmed to its used range, laid out from scratch. */
function reference(name: string, cells: ReadonlyMap<string, CellValue>): Omit<SheetGrid, 'formulas' | 'merges'> {
  const at = [...cells.keys()].map((k) => k.split(':').map(Number) as [number, number]);
  if (at.length === 0) return { name, originRow: 0, originCol: 0, values: [] };
  const rows = at.map(([r]) => r);
  const cols = at.map(([, c]) => c);
  const [top, left, bottom, right] = [Math.min(...rows), Math.min(...cols), Math.max(...rows), Math.max(...cols)];
  const values = Array.from({ length: bottom - top + 1 }, (_, r) => Array.from({ length: right - left + 1 }, (_, c) => cells.get(`${top + r}:${left + c}`) ?? null));
  return { name, originRow: top, originCol: left, values };
}

const put = fc.record({ row: fc.nat(7), col: fc.nat(7), value: fc.oneof(fc.constant(null), fc.constant(''), fc.integer({ min: 1, max: 9 }), fc.constantFrom('甲', '乙')) });

describe('the memory workbook lays a sheet out again only where cells were put', () => {
  it('hands out what a fresh layout gives after any puts, and never changes a grid handed out before (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(put, { maxLength: 6 }), { minLength: 1, maxLength: 8 }), (rounds) => {
        const cells = new Map<string, CellValue>([['2:2', '起'], ['4:4', '止']]);
        const port = createMemoryWorkbook({ sheets: [{ name: '表', originRow: 2, originCol: 2, values: [['起', null, null], [null, null, null], [null, null, '止']] }] });
        const handedOut: [SheetGrid, string][] = [];
        for (const round of rounds) {
          for (const { row, col, value } of round) {
            port.setCell({ sheet: '表', cell: toA1(row, col) }, value);
            if (value === null || value === '') cells.delete(`${row}:${col}`);
            else cells.set(`${row}:${col}`, value);
          }
          const [sheet] = port.grid().sheets;
          if (!sheet) throw new Error('the sheet is there');
          expect({ name: sheet.name, originRow: sheet.originRow, originCol: sheet.originCol, values: sheet.values }).toEqual(reference('表', cells));
          handedOut.push([sheet, JSON.stringify(sheet.values)]);
        }
        for (const [sheet, then] of handedOut) expect(JSON.stringify(sheet.values)).toBe(then);
      }),
      { numRuns: 300, seed: 8 },
    );
  });

  it('after a put, hands out the rows it did not change as they were (no new layout of the sheet)', () => {
    const port = createMemoryWorkbook({ sheets: [{ name: '表', originRow: 0, originCol: 0, values: [['a', 'b'], ['c', 'd'], ['e', 'f']] }] });
    const before = port.grid().sheets[0]?.values ?? [];
    port.setCell({ sheet: '表', cell: 'B2' }, 'x');
    const after = port.grid().sheets[0]?.values ?? [];
    expect(after).toEqual([['a', 'b'], ['c', 'x'], ['e', 'f']]);
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(before[1]).toEqual(['c', 'd']);
  });

  it('lays the sheet out again after a block rewrite moves its rows', async () => {
    const port = createMemoryWorkbook({ sheets: [{ name: '表', originRow: 0, originCol: 0, values: [['a'], ['b'], ['c']] }] });
    expect(port.grid().sheets[0]?.values).toEqual([['a'], ['b'], ['c']]);
    const result = await port.rewriteBlock({ sheet: '表', firstRow: 1, rowCount: 1, newRowCount: 2, columns: [0], expected: [['b']], values: [['x'], ['y']], mergesBefore: [], mergesAfter: [] });
    expect(result.conflicts).toEqual([]);
    expect(port.grid().sheets[0]?.values).toEqual([['a'], ['x'], ['y'], ['c']]);
  });
});
