import { createChecker, type CheckProgress, type CheckReport, type WorkbookGrid } from '../../src/core';
import { SEED_SHEET } from '../fixtures/seed-grid';

// Two tables on two sheets (the second with a totals error) and a sheet without a table.
function workbook(): WorkbookGrid {
  const broken = SEED_SHEET.values.map((row) => [...row]);
  const projectRow = broken.findIndex((row) => typeof row[1] === 'number' && typeof row[6] === 'string' && row[6] !== '');
  const totalCell = broken[projectRow]?.[1];
  if (typeof totalCell === 'number') (broken[projectRow] as (typeof broken)[number])[1] = totalCell + 1;
  return { sheets: [SEED_SHEET, { ...SEED_SHEET, name: '第二张', values: broken }, { name: '空白', originRow: 0, originCol: 0, values: [] }] };
}

function drain(steps: Generator<CheckProgress, CheckReport, void>): { progress: CheckProgress[]; report: CheckReport } {
  const progress: CheckProgress[] = [];
  for (;;) {
    const step = steps.next();
    if (step.done) return { progress, report: step.value };
    progress.push(step.value);
  }
}

describe('checkWorkbookInSteps', () => {
  const checker = createChecker();
  const whole = checker.checkWorkbook(workbook());

  it.each([1, 2, 7, 1000])('gives the same report as checkWorkbook in steps of %i rows', (rowsPerStep) => {
    const { report } = drain(checker.checkWorkbookInSteps(workbook(), rowsPerStep));
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.some((f) => f.location.sheet === '第二张' && f.rule.startsWith('totals.'))).toBe(true);
    expect(report).toEqual(whole);
  });

  it.each([0, -5, 0.5, Number.NaN])('reads a step size of %p as one row', (rowsPerStep) => {
    expect(drain(checker.checkWorkbookInSteps(workbook(), rowsPerStep))).toEqual(drain(checker.checkWorkbookInSteps(workbook(), 1)));
  });

  it('reports progress in rows, from 0 after reading to just before the end', () => {
    const rowsPerStep = 3;
    const { progress, report } = drain(checker.checkWorkbookInSteps(workbook(), rowsPerStep));
    const rows = report.tables.map((t) => t.rows.length);
    const total = rows.reduce((a, b) => a + b, 0);
    expect(progress[0]).toEqual({ done: 0, total });
    const slices = rows.reduce((n, r) => n + Math.ceil(r / rowsPerStep), 0);
    // One step after reading, one per slice but the last: the report itself says the end.
    expect(progress).toHaveLength(1 + slices - 1);
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]?.total).toBe(total);
      expect(progress[i]?.done).toBeGreaterThan(progress[i - 1]?.done ?? 0);
      expect(progress[i]?.done).toBeLessThan(total);
    }
  });

});
