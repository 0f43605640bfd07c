import { builderRowsFromRecords, type BuilderRow } from '../../src/core/builder';
import { checkWorkbook, createTaxonomy, rangeAddress, readTables, type PerformanceTable, type TableRow, type WorkbookGrid } from '../../src/core';
import { planIndicatorBlock } from '../../src/core/writers/indicator-block';
import { createMemoryWorkbook } from '../../src/workbook/memory-workbook';
import { realFixture, realGrid, type RealFixture } from '../fixtures/real/load';

// The builder's rows written into a real table with a row per indicator (and a real form), through the
// in-memory port: rows inserted under the project, merged cells grown, levels kept together, undo exact.

const taxonomy = createTaxonomy();
const quantity = (comparator: '≥' | '≤' | null, number: string, unit: string) => ({ kind: 'quantity' as const, comparator, number, unit });

function withMerges(fixture: RealFixture): WorkbookGrid {
  const grid = realGrid(fixture);
  return { sheets: grid.sheets.map((s, i) => ({ ...s, merges: (fixture.sheets[i]?.merges ?? []).map((a) => parseMerge(a)) })) };
}

function parseMerge(address: string) {
  const [from, to] = address.split(':') as [string, string];
  const pos = (ref: string) => ({ col: ref.charCodeAt(0) - 65, row: Number(ref.slice(1)) - 1 });
  const a = pos(from);
  const b = pos(to);
  return { row: a.row, col: a.col, rowCount: b.row - a.row + 1, colCount: b.col - a.col + 1 };
}

function projectOf(grid: WorkbookGrid, name: string): { table: PerformanceTable; row: TableRow } {
  for (const table of readTables(grid).tables) {
    const row = table.rows.find((r) => r.kind === 'project' && r.name === name);
    if (row) return { table, row };
  }
  throw new Error(`no project ${name}`);
}

async function write(id: string, project: string, change: (rows: BuilderRow[]) => BuilderRow[]) {
  const fixture = realFixture(id);
  const port = createMemoryWorkbook(withMerges(fixture));
  const sheet = await port.readSheet(fixture.sheets[0]?.name ?? '');
  const { table, row } = projectOf({ sheets: [sheet] }, project);
  const existing = builderRowsFromRecords(row.records ?? [], taxonomy);
  expect(existing.problems).toEqual([]);
  const plan = planIndicatorBlock(sheet, table, row, change([...existing.rows]), taxonomy);
  if (!plan.ok) throw new Error(plan.reason);
  const result = await port.rewriteBlock(plan.rewrite);
  return { port, fixture, result, before: sheet };
}

describe('writing indicator rows into a table with a row per indicator', () => {
  test('Hunan: a new 效益 indicator joins the 效益 group; the project and level merges grow over the new row', async () => {
    const added: BuilderRow = { id: 'n', level1: '2', level2: '22', name: '残疾学生营养改善率', period: quantity('≥', '90', '%'), annual: quantity('≥', '90', '%') };
    const { port, result } = await write('l2-hunan-xiangxi-tejiao-2023', '学生伙食费', (rows) => [...rows, added]);
    expect(result.conflicts).toEqual([]);
    const after = port.grid();
    const sheet = after.sheets[0];
    const { row } = projectOf(after, '学生伙食费');
    expect(row.records?.map((r) => r.name)).toEqual([
      '学生补助标准', '学生对学校伙食得满意度', '补助学生数量', '伙食补助发放率', '伙食补助资金到位率', '伙食补助覆盖率', '任务完成时间',
      '残疾学生入学率', '残疾学生家庭负担率', '残疾学生生活质量', '残疾学生营养改善率',
    ]);
    // Hunan writes 社会效益指标 (the suffix), and its unit column when it has one.
    const newRecord = row.records?.[10];
    expect([newRecord?.level1?.name, newRecord?.level2?.name, newRecord?.annual?.text]).toEqual(['效益指标', '社会效益指标', '≥90%']);
    expect(newRecord?.row).toBe(18);
    // Project cells A6:A20 → A6:A21; 效益 E15:E20 → E15:E21; 社会效益 F16:F18 → F16:F19; the template rows kept.
    const merges = (sheet?.merges ?? []).map(rangeAddress).sort();
    for (const m of ['A6:A21', 'B6:B21', 'C6:C21', 'D6:D21', 'E15:E21', 'F16:F19']) expect(merges).toContain(m);
    // The template rows stay where they were, below the new row.
    expect(row.templateRows?.map((t) => t.location.cell)).toEqual(['F7', 'F8', 'F15', 'F20', 'F21']);
    expect(checkWorkbook(after).findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['goal.missing']);

    const undone = await port.undo(result.undo ?? { id: 'x', restores: [] });
    expect(undone.conflicts).toEqual([]);
    const original = createMemoryWorkbook(withMerges(realFixture('l2-hunan-xiangxi-tejiao-2023'))).grid().sheets[0];
    const restored = port.grid().sheets[0];
    expect(restored?.values).toEqual(original?.values);
    expect((restored?.merges ?? []).map(rangeAddress).sort()).toEqual((original?.merges ?? []).map(rangeAddress).sort());
  });

  test('Sichuan: levels on every row, the comparator, number and unit in their own columns, details kept', async () => {
    const added: BuilderRow = { id: 'n', level1: '1', level2: '11', name: '发放人数', period: quantity('≥', '230', '人'), annual: quantity('≥', '230', '人') };
    const { port, result } = await write('l2-sichuan-jianyan-mata-2023', '村组干部报酬', (rows) => [...rows.filter((r) => r.name !== '村组干部230人'), added]);
    expect(result.conflicts).toEqual([]);
    const sheet = port.grid().sheets[0];
    // The row that was removed is reused: same number of rows, nothing inserted.
    const values = sheet?.values ?? [];
    expect(values.length).toBe(11);
    expect(values[10]?.slice(4)).toEqual(['产出指标', '数量指标', '发放人数', '≥', '230', '人', null, '正向指标']);
    // The rows not edited are written back exactly as they were read ("95" stays text, 10 a number).
    expect(values[3]?.slice(4)).toEqual(['效益指标', '社会效益指标', '维护社会稳定', '≥', '95', '%', 10, '正向指标']);
    expect(checkWorkbook(port.grid()).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a changed cell stops the rewrite: nothing written, the cell named', async () => {
    const fixture = realFixture('l2-sichuan-jianyan-mata-2023');
    const port = createMemoryWorkbook(withMerges(fixture));
    const sheet = await port.readSheet(fixture.sheets[0]?.name ?? '');
    const { table, row } = projectOf({ sheets: [sheet] }, '村组干部报酬');
    const plan = planIndicatorBlock(sheet, table, row, builderRowsFromRecords(row.records ?? [], taxonomy).rows.slice(0, 3), taxonomy);
    if (!plan.ok) throw new Error(plan.reason);
    port.setCell({ sheet: sheet.name, cell: 'G6' }, '别人刚改的');
    const result = await port.rewriteBlock(plan.rewrite);
    expect(result.written).toEqual([]);
    expect(result.conflicts.map((c) => c.location.cell)).toEqual(['G6']);
    expect(port.grid().sheets[0]?.values.length).toBe(11);
  });
});

describe('writing indicator rows into a form', () => {
  test('Anhui: a satisfaction indicator added after the last one, the 绩效指标 label merge grown over it', async () => {
    const added: BuilderRow = { id: 'n', level1: '3', level2: '31', name: '开发区企业满意度', period: quantity('≥', '90', '%'), annual: quantity('≥', '90', '%') };
    const { port, result } = await write('l3-anhui-jinzhai-kfq-2021', '物业管理', (rows) => [...rows, added]);
    expect(result.conflicts).toEqual([]);
    const sheet = port.grid().sheets[0];
    // 满意度指标 now heads a run of two rows: merged over both; the second level is written on every row, as in this form.
    expect(sheet?.values[18]?.slice(0, 5)).toEqual([null, null, '服务对象满意度指标', '开发区企业满意度', '≥90%']);
    expect((sheet?.merges ?? []).map(rangeAddress)).toContain('B18:B19');
    expect((sheet?.merges ?? []).map(rangeAddress)).toContain('A9:A19');
    expect(sheet?.values[19]?.[0]).toMatch(/^注:/);
  });
});

describe('the page\'s download after rows were written', () => {
  test('the user\'s own file gets the same rows and merges as the workbook (rewrites replayed on it, undo included)', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { readXlsxGrid } = await import('../../src/workbook/xlsx-grid');
    const { writeXlsxGrid } = await import('../../src/workbook/xlsx-writer');
    const { REAL_FIXTURE_DIR } = await import('../fixtures/real/load');
    const base = readFileSync(join(REAL_FIXTURE_DIR, 'l2-hunan-xiangxi-tejiao-2023.xlsx'));
    const port = createMemoryWorkbook(await readXlsxGrid(base));
    const sheet = await port.readSheet('2023年项目支出绩效目标表');
    const { table, row } = projectOf({ sheets: [sheet] }, '学生伙食费');
    const rows = builderRowsFromRecords(row.records ?? [], taxonomy).rows;
    const added: BuilderRow = { id: 'n', level1: '1', level2: '11', name: '就餐天数', period: quantity('≥', '180', '天'), annual: quantity('≥', '180', '天') };
    const plan = planIndicatorBlock(sheet, table, row, [...rows, added], taxonomy);
    if (!plan.ok) throw new Error(plan.reason);
    const written = await port.rewriteBlock(plan.rewrite);
    const downloaded = await readXlsxGrid(await writeXlsxGrid(port.grid(), { base, rewrites: port.rewrites() }));
    const expected = port.grid().sheets[0];
    expect(downloaded.sheets[0]?.values).toEqual(expected?.values);
    expect((downloaded.sheets[0]?.merges ?? []).map(rangeAddress).sort()).toEqual((expected?.merges ?? []).map(rangeAddress).sort());

    await port.undo(written.undo ?? { id: 'x', restores: [] });
    const afterUndo = await readXlsxGrid(await writeXlsxGrid(port.grid(), { base, rewrites: port.rewrites() }));
    expect(afterUndo.sheets[0]?.values).toEqual((await readXlsxGrid(base)).sheets[0]?.values);
  });
});
