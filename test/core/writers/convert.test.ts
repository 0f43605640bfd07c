import { checkWorkbook, readTables, type PerformanceTable, type WorkbookGrid } from '../../../src/core';
import { modelOf } from './table-model-of';
import { convertTable, type TargetLayout } from '../../../src/core/writers/convert';
import { SEED_SHEET } from '../../fixtures/seed-grid';
import { REAL_FIXTURES, realGrid } from '../../fixtures/real/load';

/**
 * Converting a table to the other layout loses nothing: read back, it is the same model (projects, their
 * amounts, goals, other fields, indicators with their levels, values and details, template rows); converted
 * back, the same again. Checked on the seed and on every real table of projects.
 */

function convert(grid: WorkbookGrid, to: TargetLayout): { grid: WorkbookGrid; table: PerformanceTable } {
  const [table] = readTables(grid).tables;
  if (!table) throw new Error('no table');
  const converted = convertTable(table, to, `${table.sheet}-转换`);
  if (!converted.ok) throw new Error(JSON.stringify(converted.problems));
  const back = { sheets: [converted.sheet] };
  const [again] = readTables(back).tables;
  if (!again) throw new Error('the converted table is not read back');
  return { grid: back, table: again };
}

const projectTables = REAL_FIXTURES.filter((f) => f.layout !== 4 && f.id !== 'l3-hubei-qingshan-jcss-2020');

describe.each([['seed', { sheets: [SEED_SHEET] } as WorkbookGrid], ...projectTables.map((f) => [f.id, realGrid(f)] as [string, WorkbookGrid])])('%s', (_id, grid) => {
  const [original] = readTables(grid).tables;
  if (!original) throw new Error('no table');

  test.each<TargetLayout>(['one-cell', 'row-per-indicator'])('to %s and back: the same model, and the same findings by rule — or refused, naming the cells', (to) => {
    const attempt = convertTable(original, to, 'x');
    if (!attempt.ok) {
      // Only the one cell cannot hold a text with ；。 (its separators): every refusal names such a cell.
      expect(to).toBe('one-cell');
      for (const problem of attempt.problems) expect(problem.kind).toBe('separator');
      return;
    }
    const there = convert(grid, to);
    expect(there.table.layout).toBe(to);
    expect(modelOf(there.table)).toEqual(modelOf(original));
    // Back to the source's own layout (a form to a table of rows, and back to rows).
    const back = convert(there.grid, original.layout === 'one-cell' ? 'one-cell' : 'row-per-indicator');
    expect(modelOf(back.table)).toEqual(modelOf(original));
    // Cells move, rules do not: every table checks the same (the one-cell format's own conventions aside).
    const rulesOf = (g: WorkbookGrid) => checkWorkbook(g).findings.map((f) => f.rule).filter((r) => r !== 'indicators.format').sort();
    expect(rulesOf(there.grid)).toEqual(rulesOf(back.grid));
  });

  test('converts to at least one other layout', () => {
    expect(['one-cell', 'row-per-indicator'].some((to) => to !== original.layout && convertTable(original, to as TargetLayout, 'x').ok)).toBe(true);
  });
});

test('what cannot go without loss is refused, naming the cells: the department table, a form of two halves, a text with ；', () => {
  const department = readTables(realGrid(REAL_FIXTURES.find((f) => f.id === 'l4-fujian-ningde-dangshi-2019') ?? REAL_FIXTURES[0]!)).tables[0]!;
  expect(convertTable(department, 'one-cell', 'x')).toMatchObject({ ok: false, problems: [{ kind: 'department' }] });
  const halves = readTables(realGrid(REAL_FIXTURES.find((f) => f.id === 'l3-hubei-qingshan-jcss-2020')!)).tables[0]!;
  const refused = convertTable(halves, 'row-per-indicator', 'x');
  expect(refused.ok).toBe(false);
  const semicolon = readTables(realGrid(REAL_FIXTURES.find((f) => f.id === 'l2-sichuan-jianyan-mata-2023')!, (_s, rows) => {
    const row = rows[4];
    if (row) row[6] = '维持时效；全年';
  })).tables[0]!;
  expect(convertTable(semicolon, 'one-cell', 'x')).toEqual({ ok: false, problems: [{ kind: 'separator', location: expect.objectContaining({ cell: 'G5' }) }] });
  expect(convertTable(semicolon, 'row-per-indicator', 'x').ok).toBe(true);
});

describe('a 绩效指标 cell with text no indicator holds is refused, naming the cell, never converted without it', () => {
  const indicatorCell = (text: (cell: string) => string) => {
    const [seed] = readTables({ sheets: [SEED_SHEET] }).tables;
    const project = seed?.rows.find((r) => r.kind === 'project' && r.indicators?.text.startsWith('1、'));
    if (!seed || !project?.indicators) throw new Error('the seed has a project with indicators');
    const { row, col, cell } = project.indicators.location;
    const values = SEED_SHEET.values.map((r, i) => (i === row - SEED_SHEET.originRow ? r.map((v, c) => (c === col - SEED_SHEET.originCol ? text(project.indicators?.text ?? '') : v)) : r));
    return { table: readTables({ sheets: [{ ...SEED_SHEET, values }] }).tables[0]!, cell };
  };

  test.each([
    ['text before the first item', (t: string) => `详见附件。${t}`],
    ['a field the grammar cannot place', (t: string) => t.replace('；实施周期指标值', '；另见说明；实施周期指标值')],
    ['a "." that may be a decimal point or a terminator', (t: string) => t.replace(/。(?=2、)/, '.').replace(/年度指标值:([^；。]*?)(\.)(?=2、)/, '年度指标值:9$2')],
  ])('%s', (_, change) => {
    const { table, cell } = indicatorCell(change);
    for (const to of ['row-per-indicator', 'one-cell'] as const) {
      const converted = convertTable(table, to, 'x');
      expect(converted).toMatchObject({ ok: false });
      if (!converted.ok) expect(converted.problems).toContainEqual({ kind: 'unplaced-text', location: expect.objectContaining({ cell }) });
    }
  });
});
