import fc from 'fast-check';
import type { CellValue, SheetGrid } from '../../src/core/grid';
import { readSheetTables, readTables } from '../../src/core/table-reader';
import type { PerformanceTable, TableRow } from '../../src/core/table-model';
import { SEED_ROWS, SEED_SHEET } from '../fixtures/seed-grid';
import { amountOf } from './table-helpers';

type Row = readonly CellValue[];

const HEADER: Row = ['项目名称（资金使用单位）', '总计', '财政拨款', '财政专户拨款', '其他资金', '绩效目标', '绩效指标'];

function grid(values: readonly Row[], name = 'Sheet1', originRow = 0, originCol = 0): SheetGrid {
  return { name, originRow, originCol, values };
}

function project(name: string, amount: number): Row {
  return [name, amount, amount, null, null, `${name.trim()}的目标`, `1、1-产出指标；11-数量指标；${name.trim()}`];
}

function unit(name: string, amount: number): Row {
  return [name, amount, amount, null, null, null, null];
}

function onlyTable(values: readonly Row[]): PerformanceTable {
  const tables = readSheetTables(grid(values), 0);
  expect(tables).toHaveLength(1);
  return tables[0] as PerformanceTable;
}

function shape(table: PerformanceTable): string[] {
  return table.rows.map((row) => `${row.kind}:${row.name}<${row.parent === null ? '-' : table.rows[row.parent]?.name}`);
}

function rowNamed(table: PerformanceTable, name: string): TableRow {
  const row = table.rows.find((r) => r.name === name);
  if (!row) throw new Error(`no row ${name}`);
  return row;
}

function childNames(table: PerformanceTable, name: string): string[] {
  return rowNamed(table, name).children.map((i) => table.rows[i]?.name ?? '?');
}

describe('readTables on the seed table', () => {
  const result = readTables({ sheets: [SEED_SHEET] });
  const table = result.tables[0] as PerformanceTable;

  it('finds one table with its metadata', () => {
    expect(result.tables).toHaveLength(1);
    expect(result.sheetsWithoutTable).toEqual([]);
    expect(table.index).toBe(0);
    expect(table.sheet).toBe('项目支出绩效目标表');
    expect(table.title).toBe('项目支出绩效目标表（含转移支付项目）');
    expect(table.department).toBe('广州市信访局');
    expect(table.unit).toBe('万元');
    expect(table.unitLocation.cell).toBe('G2');
  });

  it('maps columns A..G and the header position', () => {
    expect(table.columns).toEqual({
      name: 0, total: 1, fiscal: 2, specialAccount: 3, other: 4, goal: 5, indicators: 6,
    });
    expect(table.layout).toBe('one-cell');
    expect(table.amountColumns).toEqual(['total', 'fiscal', 'specialAccount', 'other']);
    expect(table.headerRow).toBe(2);
    expect(table.headerRowCount).toBe(1);
    expect(table.firstDataRow).toBe(3);
    expect(table.lastRow).toBe(SEED_ROWS.length - 1);
    expect(table.missingColumns).toEqual([]);
  });

  it('builds the hierarchy 合计 → 广州市信访局 → 9 projects', () => {
    expect(table.rows).toHaveLength(11);
    expect(table.grandTotal).toBe(0);
    const total = table.rows[0] as TableRow;
    expect(total.kind).toBe('grand-total');
    expect(total.children).toEqual([1]);
    const bureau = table.rows[1] as TableRow;
    expect(bureau).toMatchObject({ kind: 'unit', name: '广州市信访局', indent: 0, parent: 0 });
    expect(bureau.children).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const projects = table.rows.filter((r) => r.kind === 'project');
    expect(projects).toHaveLength(9);
    for (const p of projects) {
      expect(p.parent).toBe(1);
      expect(p.indent).toBe(4);
      expect(p.children).toEqual([]);
    }
    expect(projects[0]?.name).toBe('物业管理费');
    expect(projects[0]?.nameLocation.cell).toBe('A6');
  });

  it('reads amounts, goal and indicators of a project', () => {
    const p = rowNamed(table, '信访工作专项经费');
    expect(amountOf(p, 'total')?.parsed).toEqual({ kind: 'number', value: 111_320_000n, storedAsText: false, excessPrecision: false });
    expect(amountOf(p, 'total')?.location.cell).toBe('B11');
    expect(amountOf(p, 'specialAccount')?.parsed).toEqual({ kind: 'empty' });
    expect(p.goal?.text.startsWith('深入推进《信访工作条例》')).toBe(true);
    expect(p.goal?.location.cell).toBe('F11');
    expect(p.indicators?.text.startsWith('1、1-产出指标')).toBe(true);
    expect(p.indicators?.raw).toBe(SEED_ROWS[10]?.[6]);
  });
});

describe('column mapping', () => {
  it('maps an extra 序号 column and reordered columns by header text', () => {
    const table = onlyTable([
      ['序号', '绩效指标', '项目名称', '其他资金', '财政拨款', '合计', '绩效目标'],
      ['合计', null, null, null, 10, 10, null],
      [1, '指标甲', '项目甲', null, 10, 10, '目标甲'],
    ]);
    expect(table.columns).toEqual({
      seq: 0, name: 2, total: 5, fiscal: 4, other: 3, goal: 6, indicators: 1,
    });
    expect(table.missingColumns).toEqual([]);
    expect(shape(table)).toEqual(['grand-total:合计<-', 'project:项目甲<合计']);
    // 合计 written in the 序号 column (merged A:C) is found there.
    expect(table.rows[0]?.nameLocation.cell).toBe('A2');
    expect(table.rows[1]?.goal?.text).toBe('目标甲');
    expect(amountOf(table.rows[1], 'other')?.parsed.kind).toBe('empty');
  });

  it('normalises whitespace, newlines, parentheses and unit suffixes in headers', () => {
    const table = onlyTable([
      ['项目(单位)名称', '资金总额\n(万元)', '一般公共预算 拨款', '财政专户\u3000管理资金', '其他', '年度\n绩效目标', '年度绩效指标'],
      project('项目甲', 5),
    ]);
    expect(table.columns).toMatchObject({ name: 0, total: 1, fiscal: 2, specialAccount: 3, other: 4, goal: 5, indicators: 6 });
    // With no 单位 line, the unit comes from the header suffix.
    expect(table.unit).toBe('万元');
    expect(table.unitLocation.cell).toBe('B1');
  });

  it('reports missing columns and still reads the table', () => {
    const table = onlyTable([
      ['项目名称', '总计', '绩效目标'],
      ['项目甲', 3, '目标'],
    ]);
    // The funding split differs by province: only a name, an amount, a goal and indicators are asked for.
    expect(table.missingColumns).toEqual(['indicators']);
    expect(table.columns.indicators).toBeUndefined();
    expect(table.rows[0]).toMatchObject({ kind: 'project', name: '项目甲', indicators: null });
    expect(amountOf(table.rows[0], 'fiscal')).toBeNull();
    expect(table.unit).toBeNull();
    expect(table.unitLocation.cell).toBe('A1');
  });

  it('asks for an amount, not for 总计 in particular: a table of 财政拨款 alone lacks only its goal', () => {
    const table = onlyTable([
      ['项目名称', '财政拨款', '绩效指标'],
      ['项目甲', 3, '指标'],
    ]);
    expect(table.missingColumns).toEqual(['goal']);
    expect(table.amountColumns).toEqual(['fiscal']);
  });
});

describe('two-row headers', () => {
  it('reads 资金来源 over 总计/财政拨款/…', () => {
    const table = onlyTable([
      ['项目支出绩效目标表'],
      ['项目名称', '资金来源', null, null, null, '绩效目标', '绩效指标'],
      [null, '总计', '财政拨款', '财政专户拨款', '其他资金'],
      ['合计', 10, 10, null, null],
      unit('甲单位', 10),
      project('  项目甲', 10),
    ]);
    expect(table.headerRow).toBe(1);
    expect(table.headerRowCount).toBe(2);
    expect(table.firstDataRow).toBe(3);
    expect(table.columns).toMatchObject({ name: 0, total: 1, fiscal: 2, specialAccount: 3, other: 4, goal: 5, indicators: 6 });
    expect(table.title).toBe('项目支出绩效目标表');
    expect(shape(table)).toEqual(['grand-total:合计<-', 'unit:甲单位<合计', 'project:项目甲<甲单位']);
  });

  it('reads 总计 | 其中 over 财政拨款/…', () => {
    const table = onlyTable([
      ['项目名称', '总计', '其中', null, null, '绩效目标', '绩效指标'],
      [null, null, '财政拨款', '财政专户拨款', '其他资金'],
      ['合计', 10, 10, null, null],
      project('项目甲', 10),
    ]);
    expect(table.headerRowCount).toBe(2);
    expect(table.firstDataRow).toBe(2);
    expect(table.columns).toMatchObject({ total: 1, fiscal: 2, specialAccount: 3, other: 4 });
    expect(shape(table)).toEqual(['grand-total:合计<-', 'project:项目甲<合计']);
  });

  it('does not take the 合计 data row for a header row', () => {
    const table = onlyTable([
      ['项目名称', null, '总计', '财政拨款', '绩效目标', '绩效指标'],
      [null, '合计', null, null, null, null],
      project('项目甲', 1),
    ]);
    // Row 2 holds only 合计 in a column without header: still data, since 总计 is already mapped.
    expect(table.headerRowCount).toBe(1);
    expect(table.firstDataRow).toBe(1);
  });
});

describe('row kinds and hierarchy', () => {
  it('without indentation, projects belong to the unit before them', () => {
    const table = onlyTable([
      HEADER,
      unit('合 计', 30),
      unit('甲单位', 10),
      project('项目一', 10),
      unit('乙单位', 20),
      project('项目二', 5),
      project('项目三', 15),
    ]);
    expect(shape(table)).toEqual([
      'grand-total:合 计<-',
      'unit:甲单位<合 计',
      'project:项目一<甲单位',
      'unit:乙单位<合 计',
      'project:项目二<乙单位',
      'project:项目三<乙单位',
    ]);
    expect(childNames(table, '合 计')).toEqual(['甲单位', '乙单位']);
  });

  it('uses full-width-space indentation', () => {
    const table = onlyTable([
      HEADER,
      unit('总计', 30),
      unit('市教育局', 30),
      unit('\u3000市教育局本级', 10),
      project('\u3000\u3000项目一', 10),
      unit('\u3000市第一中学', 20),
      project('\u3000\u3000项目二', 20),
    ]);
    expect(table.rows.map((r) => r.indent)).toEqual([0, 0, 2, 4, 2, 4]);
    expect(shape(table)).toEqual([
      'grand-total:总计<-',
      'unit:市教育局<总计',
      'unit:市教育局本级<市教育局',
      'project:项目一<市教育局本级',
      'unit:市第一中学<市教育局',
      'project:项目二<市第一中学',
    ]);
  });

  it('counts spaces, NBSP and tabs as indentation', () => {
    const table = onlyTable([HEADER, unit('甲', 1), project(' \u00a0\t项目', 1)]);
    expect(table.rows[1]?.indent).toBe(6);
  });

  it('makes a unit followed by same-indent units the department over them', () => {
    const table = onlyTable([
      HEADER,
      unit('合计', 30),
      unit('广州市教育局', 30),
      unit('广州市教育局本级', 10),
      project('    项目一', 10),
      unit('广州市第一中学', 20),
      project('    项目二', 12),
      project('    项目三', 8),
    ]);
    expect(shape(table)).toEqual([
      'grand-total:合计<-',
      'unit:广州市教育局<合计',
      'unit:广州市教育局本级<广州市教育局',
      'project:项目一<广州市教育局本级',
      'unit:广州市第一中学<广州市教育局',
      'project:项目二<广州市第一中学',
      'project:项目三<广州市第一中学',
    ]);
    expect(childNames(table, '合计')).toEqual(['广州市教育局']);
    expect(childNames(table, '广州市教育局')).toEqual(['广州市教育局本级', '广州市第一中学']);
  });

  it('does the same without any indentation', () => {
    const table = onlyTable([
      HEADER,
      unit('合计', 30),
      unit('广州市教育局', 30),
      unit('广州市教育局本级', 10),
      project('项目一', 10),
      unit('广州市第一中学', 20),
      project('项目二', 20),
    ]);
    expect(childNames(table, '广州市教育局')).toEqual(['广州市教育局本级', '广州市第一中学']);
    expect(childNames(table, '广州市第一中学')).toEqual(['项目二']);
  });

  it('keeps a project missing its texts a project, and a unit with no projects childless', () => {
    const table = onlyTable([
      HEADER,
      unit('合计', 30),
      unit('部门', 30),
      unit('空单位', 0),
      unit('甲单位', 30),
      project('    项目一', 10),
      unit('    缺文本项目', 20),
    ]);
    expect(shape(table)).toEqual([
      'grand-total:合计<-',
      'unit:部门<合计',
      'unit:空单位<部门',
      'unit:甲单位<部门',
      'project:项目一<甲单位',
      'project:缺文本项目<甲单位',
    ]);
    expect(rowNamed(table, '空单位').children).toEqual([]);
  });

  it('without units, the grand total adds up the projects; a 合计 row at the bottom works too', () => {
    const table = onlyTable([HEADER, project('项目一', 1), project('项目二', 2), unit('合计', 3)]);
    expect(table.grandTotal).toBe(2);
    expect(childNames(table, '合计')).toEqual(['项目一', '项目二']);
  });

  it('has no grand total when there is no 合计 row', () => {
    const table = onlyTable([HEADER, unit('甲单位', 1), project('  项目一', 1)]);
    expect(table.grandTotal).toBeNull();
    expect(shape(table)).toEqual(['unit:甲单位<-', 'project:项目一<甲单位']);
  });
});

describe('amount cells', () => {
  it('parses numbers, text numbers and dashes', () => {
    const table = onlyTable([
      HEADER,
      ['项目一', '1,200.50', 1200.5, '-', '', '目标', '指标'],
      ['项目二', '１２', 'abc', null, '—', '目标', '指标'],
    ]);
    const [first, second] = table.rows;
    expect(amountOf(first, 'total')?.parsed).toEqual({ kind: 'number', value: 1_200_500_000n, storedAsText: true, excessPrecision: false });
    expect(amountOf(first, 'fiscal')?.parsed).toMatchObject({ kind: 'number', value: 1_200_500_000n, storedAsText: false });
    expect(amountOf(first, 'specialAccount')).toMatchObject({ column: 'specialAccount', raw: '-', parsed: { kind: 'empty' } });
    expect(amountOf(first, 'other')?.parsed).toEqual({ kind: 'empty' });
    expect(amountOf(second, 'total')?.parsed).toMatchObject({ kind: 'number', value: 12_000_000n });
    expect(amountOf(second, 'fiscal')?.parsed).toEqual({ kind: 'invalid', text: 'abc' });
    expect(amountOf(second, 'fiscal')?.location.cell).toBe('C3');
  });
});

describe('end of table and several tables', () => {
  it('ends at notes and skips blank rows inside the table', () => {
    const table = onlyTable([
      HEADER,
      unit('合计', 3),
      [],
      project('项目一', 1),
      [null, '  ', null],
      project('项目二', 2),
      [],
      ['注：本表金额单位为万元。'],
      ['项目三', 9, 9, null, null, '目标', '指标'],
    ]);
    expect(table.rows.map((r) => r.name)).toEqual(['合计', '项目一', '项目二']);
    expect(table.lastRow).toBe(5);
  });

  it.each(['注:', '说明：', '备注：', ' 注 ：'])('recognises the note mark %s', (mark) => {
    const table = onlyTable([HEADER, project('项目一', 1), [null, `${mark}说明文字`], project('项目二', 2)]);
    expect(table.rows).toHaveLength(1);
  });

  it('reads two tables in one sheet, with their own metadata, numbered across the workbook', () => {
    const sheet = grid(
      [
        ['项目支出绩效目标表'],
        ['部门名称：甲局', null, null, null, null, null, '单位：万元'],
        HEADER,
        unit('合计', 1),
        unit('甲局', 1),
        project('    项目一', 1),
        [],
        ['二、项目支出绩效目标表（乙局）'],
        ['部门名称：乙局', null, null, null, null, null, '单位：元'],
        HEADER,
        unit('合计', 2),
        project('项目二', 2),
      ],
      '表',
    );
    const result = readTables({ sheets: [grid([['说明']], '封面'), sheet] });
    expect(result.sheetsWithoutTable).toEqual([{ sheet: '封面', reason: 'no-header' }]);
    expect(result.tables).toHaveLength(2);
    const [first, second] = result.tables as [PerformanceTable, PerformanceTable];
    expect(first).toMatchObject({ index: 0, title: '项目支出绩效目标表', department: '甲局', unit: '万元', headerRow: 2, lastRow: 5 });
    expect(first.rows.map((r) => r.name)).toEqual(['合计', '甲局', '项目一']);
    expect(second).toMatchObject({ index: 1, title: '二、项目支出绩效目标表（乙局）', department: '乙局', unit: '元', headerRow: 9, lastRow: 11 });
    expect(second.unitLocation.cell).toBe('G9');
    expect(shape(second)).toEqual(['grand-total:合计<-', 'project:项目二<合计']);
    // Incremental re-check of one sheet keeps the numbering it is given.
    expect(readSheetTables(sheet, 5).map((t) => t.index)).toEqual([5, 6]);
  });

  it('gives a 部门名称 line whose 单位 sits in the indicators column to the next table', () => {
    const tables = readSheetTables(
      grid([
        HEADER,
        project('项目一', 1),
        ['项目二', null, null, null, null, '目标', '指标'],
        ['部门名称：乙局', null, null, null, null, null, '单位：元'],
        HEADER,
        project('项目三', 3),
      ]),
      0,
    );
    expect(tables).toHaveLength(2);
    // 项目二 has no amount but is no metadata line: it stays a project of the first table.
    expect(tables[0]?.rows.map((r) => r.name)).toEqual(['项目一', '项目二']);
    expect(tables[0]?.lastRow).toBe(2);
    expect(tables[1]).toMatchObject({ department: '乙局', unit: '元', headerRow: 4 });
  });

  it('ends a table right before the next header even without metadata or blank rows', () => {
    const tables = readSheetTables(grid([HEADER, project('项目一', 1), HEADER, project('项目二', 2)]), 0);
    expect(tables.map((t) => [t.headerRow, t.lastRow, t.rows.length])).toEqual([[0, 1, 1], [2, 3, 1]]);
  });
});

describe('metadata', () => {
  it('reads 部门名称 and 单位 sharing one cell, and 单位名称 with the value in the next cell', () => {
    const first = onlyTable([['部门名称:甲局   金额单位：元'], HEADER, project('项目一', 1)]);
    expect(first).toMatchObject({ department: '甲局', unit: '元', title: null });
    expect(first.unitLocation.cell).toBe('A1');
    const second = onlyTable([['某某表'], ['单位名称：', '乙局', null, '（单位：万元）'], HEADER, project('项目一', 1)]);
    expect(second).toMatchObject({ department: '乙局', unit: '万元', title: '某某表' });
    expect(second.unitLocation.cell).toBe('D2');
  });

  it('finds a table that starts away from A1', () => {
    const sheet = grid(
      [
        ['2025年项目支出绩效目标表'],
        ['部门名称：广州市信访局', null, null, null, null, null, '单位：万元'],
        HEADER,
        unit('合计', 1),
        unit('广州市信访局', 1),
        project('    项目一', 1),
      ],
      'S',
      4,
      2,
    );
    const [table] = readSheetTables(sheet, 0);
    expect(table).toMatchObject({ title: '2025年项目支出绩效目标表', department: '广州市信访局', headerRow: 6, firstDataRow: 7, lastRow: 9 });
    expect(table?.unitLocation.cell).toBe('I6');
    expect(table?.columns).toMatchObject({ name: 2, total: 3, indicators: 8 });
    expect(table?.rows[2]?.nameLocation).toEqual({ sheet: 'S', cell: 'C10', row: 9, col: 2 });
    expect(amountOf(table?.rows[2], 'total')?.location.cell).toBe('D10');
    expect(shape(table as PerformanceTable)).toEqual(['grand-total:合计<-', 'unit:广州市信访局<合计', 'project:项目一<广州市信访局']);
  });
});

describe('sheets without a table', () => {
  it('tells empty sheets from sheets without a header', () => {
    const result = readTables({
      sheets: [
        grid([], '空'),
        grid([[null, ' '], [], ['\u3000']], '空白'),
        grid([['项目名称', '总计'], ['项目一', 1]], '无表头'),
      ],
    });
    expect(result.tables).toEqual([]);
    expect(result.sheetsWithoutTable).toEqual([
      { sheet: '空', reason: 'empty' },
      { sheet: '空白', reason: 'empty' },
      { sheet: '无表头', reason: 'no-header' },
    ]);
  });
});

describe('robustness', () => {
  const headerish = fc.constantFrom<CellValue>(
    '项目名称', '总计', '合计', '财政拨款', '其他', '绩效目标', '绩效指标', '资金来源', '序号', '注：', '部门名称：甲',
    '单位：万元', '项目支出绩效目标表', '  项目', '\u3000单位', '-', '1.5',
  );
  const cell = fc.oneof(
    headerish,
    fc.string({ maxLength: 6 }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  );
  const sheets = fc.record({
    name: fc.string({ maxLength: 4 }),
    originRow: fc.nat(20),
    originCol: fc.nat(20),
    values: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }),
  });

  it('never throws and returns consistent tables on arbitrary small grids', () => {
    fc.assert(
      fc.property(fc.array(sheets, { maxLength: 3 }), (sheetList) => {
        const result = readTables({ sheets: sheetList });
        expect(result.tables.length + result.sheetsWithoutTable.length).toBeGreaterThanOrEqual(sheetList.length);
        result.tables.forEach((table, index) => {
          expect(table.index).toBe(index);
          expect(table.lastRow).toBeGreaterThanOrEqual(table.headerRow);
          table.rows.forEach((row, i) => {
            if (row.parent !== null) expect(table.rows[row.parent]?.children).toContain(i);
            for (const child of row.children) expect(table.rows[child]?.parent).toBe(i);
          });
        });
      }),
      { numRuns: 500 },
    );
  });

  it('reads a large sheet of units and projects', () => {
    const rows: Row[] = [HEADER, unit('合计', 0)];
    for (let u = 0; u < 50; u++) {
      rows.push(unit(`单位${u}`, 0));
      for (let p = 0; p < 100; p++) rows.push(project(`    项目${u}-${p}`, 1));
    }
    const table = onlyTable(rows);
    expect(table.rows).toHaveLength(1 + 50 * 101);
    expect(table.rows[0]?.children).toHaveLength(50);
  });
});
