import { createChecker, formatFinding, type WorkbookGrid } from '../../src/core';
import { SEED_SHEET } from '../fixtures/seed-grid';

// An indicator without a third-level name: its findings name it “unnamed” in the language they are read in,
// not in Chinese inside an English message (the rules used to put “（未命名）” into the finding itself).
describe('an indicator without a name', () => {
  const values = SEED_SHEET.values.map((row) => [...row]);
  const at = values.findIndex((row) => typeof row[6] === 'string' && row[6].startsWith('1、1-产出指标；12-质量指标；投诉次数；'));
  const row = values[at] as (string | number | null)[];
  row[6] = (row[6] as string).replace('；投诉次数；', '；；');
  const workbook: WorkbookGrid = { sheets: [{ ...SEED_SHEET, values }] };
  const findings = createChecker().checkWorkbook(workbook).findings.filter((f) => f.location.row === at + (SEED_SHEET.originRow ?? 0) && 'name' in f.params && f.params.name === '');

  it('is reported with an empty name in the finding, and named in each language by its message', () => {
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(formatFinding(finding, 'zh-CN')).toContain('第 1 项指标“（未命名）”');
      expect(formatFinding(finding, 'en-US')).toContain('Indicator 1 (unnamed)');
      expect(formatFinding(finding, 'en-US')).not.toMatch(/[未命名]/);
    }
  });
});
