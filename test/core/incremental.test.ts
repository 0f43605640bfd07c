import fc from 'fast-check';
import { createChecker, readTables, type CellValue, type Finding, type SheetGrid } from '../../src/core';
import { SEED_SHEET } from '../fixtures/seed-grid';
import { formatFinding } from '../../src/core';

const checker = createChecker();
const comparable = (findings: readonly Finding[]) => findings.map((f) => `${f.key} ${f.severity} ${formatFinding(f)} ${f.project ?? ''}`);

function withCell(sheet: SheetGrid, row: number, col: number, value: CellValue): SheetGrid {
  const values = sheet.values.map((r) => [...r]);
  const target = values[row - sheet.originRow];
  if (target) target[col - sheet.originCol] = value;
  return { ...sheet, values };
}

const VALUES: CellValue[] = [
  null, '', 0, 1, 99, 98.5, '99.00', '-', '十万', -3,
  '做好物业管理服务工作。', '完成××项工作',
  '1、1-产出指标；12-质量指标；投诉次数；实施周期指标值:≤5次；年度指标值:≤5次。2、2-效益指标；22-社会效益；按时完成率；实施周期指标值:95%；年度指标值:95%。',
  '1、1-产出指标;12-质量指标;投诉次数;实施周期指标值：≤5;年度指标值：≤5',
  '详见附件', '    新的项目名称', '    广州市信访局2024-2026年运维', '合计', '广州市信访局',
];

describe('re-checking one edit', () => {
  const [table] = readTables({ sheets: [SEED_SHEET] }).tables;
  const before = checker.checkTable(table!);

  test('gives exactly the findings of a full check of the edited sheet, whenever it answers', () => {
    let answered = 0;
    fc.assert(fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 0, max: 7 }), fc.constantFrom(...VALUES), (row, col, value) => {
      const incremental = checker.recheckEdit(table!, before, { row, col, value });
      if (incremental === null) return;
      answered++;
      const full = readTables({ sheets: [withCell(SEED_SHEET, row, col, value)] }).tables[0];
      expect(full).toBeDefined();
      expect(comparable(incremental.findings)).toEqual(comparable(checker.checkTable(full!)));
    }), { numRuns: 600 });
    expect(answered).toBeGreaterThan(200);
  });

  test('an amount edit updates the totals findings', () => {
    const result = checker.recheckEdit(table!, before, { row: 5, col: 1, value: 100 });
    // 总计 99 → 100 breaks its row and its unit: B6 is the cause (back to 99), the unit's B5 its consequence.
    expect(result?.findings.filter((f) => f.rule === 'totals.cause').map((f) => [f.location.cell, f.fix?.value])).toEqual([['B6', 99]]);
    expect(result?.findings.filter((f) => f.rule === 'totals.consequence').map((f) => f.location.cell)).toEqual(['B5']);
  });

  test('edits that may change the structure ask for a full check', () => {
    expect(checker.recheckEdit(table!, before, { row: 2, col: 1, value: '金额' })).toBeNull();
    expect(checker.recheckEdit(table!, before, { row: 5, col: 0, value: '物业管理费' })).toBeNull();
    expect(checker.recheckEdit(table!, before, { row: 20, col: 0, value: '    新项目' })).toBeNull();
  });

  test('a cell outside the table columns changes nothing', () => {
    expect(checker.recheckEdit(table!, before, { row: 6, col: 9, value: 'note' })?.findings).toEqual(before);
  });
});
