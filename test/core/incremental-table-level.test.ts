import fc from 'fast-check';
import { createChecker, formatFinding, readTables, type CellValue, type Finding, type SheetGrid } from '../../src/core';
import { generateTable } from '../../bench/generate';

// A table whose sums fail (units, 合计, rows) so that the totals diagnosis runs: a re-check that keeps the
// table-level findings of a text edit must still give what a full check of the edited sheet gives.
const checker = createChecker();
const comparable = (findings: readonly Finding[]) => findings.map((f) => `${f.key} ${f.severity} ${formatFinding(f)} ${f.project ?? ''} ${JSON.stringify(f.fix ?? null)}`);
// Two mistyped totals (a project's 总计, a unit's 财政拨款) on top of what the generator breaks.
function withCell(sheet: SheetGrid, row: number, col: number, value: CellValue): SheetGrid {
  const values = sheet.values.map((r) => [...r]);
  const target = values[row - sheet.originRow];
  if (target) target[col - sheet.originCol] = value;
  return { ...sheet, values };
}

const SHEET = withCell(withCell(generateTable(150, 7), 10, 1, 1234.5), 4, 2, 99);


const VALUES: CellValue[] = [
  '做好物业管理服务工作。', '完成××项工作', 12.5, 0, '99.00', '十万', '    新的项目名称',
  '1、1-产出指标；12-质量指标；投诉次数；实施周期指标值:≤5次；年度指标值:≤5次。2、2-效益指标；22-社会效益；按时完成率；实施周期指标值:95%；年度指标值:95%。',
  '1、1-产出指标;12-质量指标;投诉次数;实施周期指标值：≤5;年度指标值：≤5',
];

describe('re-checking edits of a table whose sums fail', () => {
  const [table] = readTables({ sheets: [SHEET] }).tables;
  const before = checker.checkTable(table!);

  test('the table has failing sums and their diagnosis to keep', () => {
    expect(before.filter((f) => f.rule === 'totals.cause' || f.rule === 'totals.row').length).toBeGreaterThan(1);
  });

  test('two edits in a row give the findings of a full check of the twice edited sheet', () => {
    const rows = SHEET.values.length;
    const edit = fc.record({ row: fc.integer({ min: 0, max: rows - 1 }), col: fc.integer({ min: 0, max: 7 }), value: fc.constantFrom(...VALUES) });
    let answered = 0;
    fc.assert(
      fc.property(edit, edit, (first, second) => {
        const once = checker.recheckEdit(table!, before, first);
        if (once === null) return;
        const twice = checker.recheckEdit(once.table, once.findings, second);
        if (twice === null) return;
        answered++;
        const full = readTables({ sheets: [withCell(withCell(SHEET, first.row, first.col, first.value), second.row, second.col, second.value)] }).tables[0];
        expect(comparable(twice.findings)).toEqual(comparable(checker.checkTable(full!)));
      }),
      { numRuns: 300 },
    );
    expect(answered).toBeGreaterThan(100);
  });
});
