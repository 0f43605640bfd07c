import { readFileSync } from 'fs';
import path from 'path';
import { cellAt, checkWorkbook, type CheckReport, type Finding, type WorkbookGrid } from '../../src/core';
import { readSpreadsheet, type SpreadsheetProblem } from '../../src/workbook/open-spreadsheet';
import { manyIndicatorsWorkbook } from '../core/fuzz/slow-inputs';
import { messageOf, paramOf } from '../core/finding-helpers';
import { amountOf } from '../core/table-helpers';

// The corpus is described file by file in test/fixtures/bad-input/README.md (node scripts/make-bad-input.js).
const dir = path.join(__dirname, '..', 'fixtures', 'bad-input');
const SHEET = '绩效目标表';

async function open(name: string): Promise<Awaited<ReturnType<typeof readSpreadsheet>>> {
  return readSpreadsheet(readFileSync(path.join(dir, name)), name);
}

async function workbookOf(name: string): Promise<WorkbookGrid> {
  const read = await open(name);
  if (!read.ok) throw new Error(`${name} could not be read: ${read.problem}`);
  return read.workbook;
}

async function reportOf(name: string): Promise<CheckReport> {
  return checkWorkbook(await workbookOf(name));
}

/** [rule, cell, severity] in report order: the precise result, compact enough to read. */
const summary = (findings: readonly Finding[]) => findings.map((f) => [f.rule, f.location.cell, f.severity]);
const at = (report: CheckReport, rule: string, cell: string): Finding | undefined =>
  report.findings.find((f) => f.rule === rule && f.location.cell === cell);

describe('files that cannot be read give a reason, never an exception', () => {
  it.each<[string, SpreadsheetProblem]>([
    ['empty.xlsx', 'empty'],
    ['empty.csv', 'empty'],
    ['bom-only.csv', 'empty'],
    ['truncated.xlsx', 'corrupt'],
    ['password.xlsx', 'password'],
    ['legacy.xls', 'legacy-xls'],
    ['text-renamed.xlsx', 'not-spreadsheet'],
    ['zip-not-workbook.xlsx', 'not-spreadsheet'],
  ])('%s → %s', async (name, problem) => {
    expect(await open(name)).toEqual({ ok: false, problem });
  });
});

describe('CSV encodings', () => {
  it('reads GBK, UTF-16 LE and UTF-16 BE (with BOM) to the same clean table', async () => {
    const gbk = await workbookOf('gbk.csv');
    const values = gbk.sheets[0]?.values;
    expect(values?.[0]?.[0]).toBe('2025年项目支出绩效目标表');
    expect(values?.[5]).toEqual(['    办公设备维修', 100, 100, null, null, '做好办公设备维修保障，确保设备正常运转。', expect.stringMatching(/^1、1-产出指标；11-数量指标；维修设备数量；/)]);
    for (const name of ['utf16le.csv', 'utf16be.csv']) expect((await workbookOf(name)).sheets[0]?.values).toEqual(values);
    for (const name of ['gbk.csv', 'utf16le.csv', 'utf16be.csv']) {
      const report = await reportOf(name);
      expect([report.summary.tables, report.summary.projects, report.findings]).toEqual([1, 2, []]);
    }
  });
});

describe('workbooks without a usable table', () => {
  it('empty workbook: the empty sheet is named, and no table is found', async () => {
    const report = await reportOf('empty-workbook.xlsx');
    expect(report.sheetsWithoutTable).toEqual([{ sheet: 'Sheet1', reason: 'empty' }]);
    expect(summary(report.findings)).toEqual([['table.not-found', 'A1', 'error']]);
    expect(messageOf(report.findings[0])).toContain('在工作表 “Sheet1” 中没有找到绩效目标表');
  });

  it('a sheet of notes without a header', async () => {
    const report = await reportOf('no-table.xlsx');
    expect(report.sheetsWithoutTable).toEqual([{ sheet: '说明', reason: 'no-header' }]);
    expect(summary(report.findings)).toEqual([['table.not-found', 'A1', 'error']]);
    expect(messageOf(report.findings[0])).toContain('已按四种格式查找：每个项目一行、绩效指标写在一个单元格（表头含“项目名称”“总计”“绩效目标”“绩效指标”）；每个指标一行');
  });

  it('header only: the table is found and has no projects', async () => {
    const report = await reportOf('header-only.xlsx');
    expect(report.tables[0]).toMatchObject({ title: '2025年项目支出绩效目标表', unit: '万元', headerRow: 2, rows: [] });
    expect(summary(report.findings)).toEqual([['table.no-projects', 'G2', 'warning']]);
    expect(messageOf(report.findings[0])).toBe('表中没有项目行：请在单位行下方逐行填列项目。');
  });
});

describe('layout', () => {
  it('merged cells: values sit on the master cell; a project merged over two rows is named as such and the sums still hold', async () => {
    const sheet = (await workbookOf('merged-cells.xlsx')).sheets[0]!;
    expect(cellAt(sheet, 0, 0)).toBe('2025年项目支出绩效目标表');
    expect(cellAt(sheet, 0, 1)).toBeNull();
    expect([cellAt(sheet, 5, 0), cellAt(sheet, 5, 1), cellAt(sheet, 6, 0), cellAt(sheet, 6, 1)]).toEqual(['    办公设备维修', 100, null, null]);
    const report = checkWorkbook({ sheets: [sheet] });
    expect(summary(report.findings)).toEqual([
      ['category.effect-missing', 'G6', 'error'],
      ['category.satisfaction-missing', 'G6', 'warning'],
      ['name.missing', 'A7', 'error'],
      ['goal.missing', 'F7', 'error'],
      ['indicators.format', 'G7', 'warning'],
      ['category.output-missing', 'G7', 'error'],
      ['category.cost-missing', 'G7', 'info'],
    ]);
    expect(messageOf(at(report, 'name.missing', 'A7'))).toContain('如果它是上一行项目的续行（跨行合并的单元格），请把内容并入项目所在行');
    // The nameless row stays under 测试局, so 合计 and 测试局 still add up (no totals.* finding).
    expect(report.tables[0]?.rows.map((r) => [r.kind, r.name, r.parent])).toEqual([
      ['grand-total', '合计', null],
      ['unit', '测试局', 0],
      ['project', '办公设备维修', 1],
      ['project', '', 1],
      ['project', '信息系统运维', 1],
    ]);
  });

  it('hidden rows and columns are read like any other: the hidden 财政专户拨款 adds up, the hidden project is checked', async () => {
    const report = await reportOf('hidden-rows-columns.xlsx');
    expect(report.tables[0]?.columns).toMatchObject({ total: 1, fiscal: 2, specialAccount: 3, other: 4, indicators: 6 });
    expect(summary(report.findings)).toEqual([['goal.missing', 'F7', 'error']]);
    expect(report.findings[0]?.project).toBe('隐藏的项目');
  });

  it('several tables on one sheet, each with its own unit', async () => {
    const report = await reportOf('several-tables.xlsx');
    expect(report.tables.map((t) => [t.title, t.department, t.unit, t.headerRow, t.lastRow])).toEqual([
      ['2025年项目支出绩效目标表', '第一局', '万元', 2, 4],
      ['2025年项目支出绩效目标表（二）', '第二局', '元', 8, 11],
    ]);
    // 项目乙's 财政拨款 9000 breaks its row and the 合计's 财政拨款: that one cell is the error, the two sums its consequences.
    expect(summary(report.findings).filter(([, , severity]) => severity === 'error')).toEqual([['totals.cause', 'C12', 'error']]);
    expect(summary(report.findings).filter(([rule]) => rule === 'totals.consequence').map(([, cell]) => cell).sort()).toEqual(['B12', 'C10']);
    expect(messageOf(at(report, 'totals.cause', 'C12'))).toBe('“财政拨款” 9000.00 应为 10000.00（相差 1000.00 元）：本表 2 处合计不符都由这一格造成，改为 10000.00 后全部相符。');
  });

  it('a stray value at XFD1048576 neither blows up the grid nor hides the table', async () => {
    const sheet = (await workbookOf('stray-far-cell.xlsx')).sheets[0]!;
    expect(sheet.values).toHaveLength(1_048_576);
    expect(cellAt(sheet, 1_048_575, 16_383)).toBe('误输入');
    const report = checkWorkbook({ sheets: [sheet] });
    expect([report.summary.projects, report.findings]).toEqual([2, []]);
  });
});

describe('amount cells', () => {
  it('formula errors (#REF!, #VALUE!, #DIV/0!, #N/A) are named, with what to fix', async () => {
    const report = await reportOf('formula-errors.xlsx');
    expect(report.findings.map((f) => [f.rule, f.location.cell, paramOf(f, 'error')])).toEqual([
      ['amount.formula-error', 'B4', '#REF!'],
      ['amount.formula-error', 'C4', '#VALUE!'],
      ['amount.formula-error', 'E4', '#N/A'],
      ['amount.formula-error', 'B6', '#REF!'],
      ['amount.formula-error', 'C7', '#VALUE!'],
      ['amount.formula-error', 'B8', '#DIV/0!'],
      ['amount.formula-error', 'E9', '#N/A'],
    ]);
    expect(messageOf(at(report, 'amount.formula-error', 'B6'))).toBe(
      '“总计”是错误值 #REF!（公式引用的单元格已被删除或无效），无法读取金额。请修正该单元格的公式，或直接填写金额。',
    );
    expect(messageOf(at(report, 'amount.formula-error', 'B8'))).toContain('#DIV/0!（公式除以了零或空白单元格）');
    // A formula with a good cached result (=SUM(C5:E5) → 100) is just its number.
    expect(amountOf(report.tables[0]?.rows[1], 'total')?.parsed).toEqual({ kind: 'number', value: 100_000000n, storedAsText: false, excessPrecision: false });
  });

  it('text, full-width digits, units, negatives, too many decimals and words each get their finding', async () => {
    const report = await reportOf('amount-forms.xlsx');
    expect(report.findings.map((f) => [f.rule, f.location.cell, f.project, f.fix?.value])).toEqual([
      ['amount.text', 'B4', '文本数字', 100],
      ['amount.text', 'B5', '全角数字', 100],
      ['amount.text', 'C5', '全角数字', 100],
      ['amount.unit', 'B6', '带单位万元', 99],
      ['amount.unit', 'B7', '带单位元', 99],
      ['amount.negative', 'B8', '负数', undefined],
      ['amount.negative', 'C8', '负数', undefined],
      ['amount.text', 'B9', '小数位过多文本', 0.123457],
      ['amount.precision', 'B9', '小数位过多文本', undefined],
      ['amount.precision', 'B10', '小数位过多数值', undefined],
      ['amount.invalid', 'B11', '中文大写', undefined],
    ]);
    expect(messageOf(at(report, 'amount.unit', 'B6'))).toBe('“总计”填的是“99万元”，带了单位。金额单元格只能填数字，单位统一写在表头上方（单位：万元）。请改为 99。');
    expect(messageOf(at(report, 'amount.unit', 'B7'))).toBe('“总计”填的是“990000元”，单位与本表（单位：万元）不同，折合 99 万元。金额单元格只能填数字，请改为 99。');
    expect(messageOf(at(report, 'amount.negative', 'B8'))).toBe('“总计”为负数 -5.00 万元，金额不能为负。');
    expect(messageOf(at(report, 'amount.precision', 'B10'))).toBe('“总计”的 0.3333333333333333 超过 6 位小数，已按 0.333333 计算。请核对金额。');
    expect(messageOf(at(report, 'amount.invalid', 'B11'))).toBe('“总计”应为数字，现为“十万”。请只填写金额数字（不要带单位或文字）。');
  });
});

describe('very long cells', () => {
  // npm run fuzz holds these files and the 9,999-indicator cell to a time limit (test/core/fuzz/slow-inputs.ts).
  it('a 32,767-character goal and indicator cell and a cell of 3,003 indicators are read whole and checked', async () => {
    const report = await reportOf('long-cells.xlsx');
    const [long, many] = report.tables[0]?.rows ?? [];
    expect([long?.goal?.text.length, long?.indicators?.text.length]).toEqual([32_767, 32_767]);
    expect(many?.indicators?.text).toMatch(/3003、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。$/);
    // The only finding: the goal pasted into 总计, quoted in 40 characters, not 32,767.
    expect(summary(report.findings)).toEqual([['amount.invalid', 'B6', 'error']]);
    expect(messageOf(report.findings[0])).toBe(`“总计”应为数字，现为“${'目'.repeat(40)}…”。请只填写金额数字（不要带单位或文字）。`);
  });

  it('a cell of 9,999 indicators is checked', () => {
    const report = checkWorkbook(manyIndicatorsWorkbook(SHEET));
    expect(report.findings.map((f) => f.rule)).toEqual(['table.unit-missing', 'category.effect-missing', 'category.satisfaction-missing', 'category.cost-missing']);
  });
});

describe('unusual characters', () => {
  it.each(['unicode.xlsx', 'unicode.csv'])('%s: names keep their characters; invisible characters in amounts and indicators are named and dropped by the fix', async (name) => {
    const report = await reportOf(name);
    const indicators = '；实施周期指标值:≥12台；年度指标值:≥12台。2、1-产出指标；14-成本指标；单台维修成本；实施周期指标值:≤0.5万元；年度指标值:≤0.5万元。3、2-效益指标；22-社会效益；设备正常运转率；实施周期指标值:≥95%；年度指标值:≥95%。4、3-满意度指标；31-服务对象满意度；服务对象满意度；实施周期指标值:≥90%；年度指标值:≥90%。';
    expect(report.findings.map((f) => [f.rule, f.location.cell, f.project, f.fix?.value])).toEqual([
      ['amount.text', 'B5', '物业\u200b管理费', 100],
      ['amount.text', 'B6', '\u202e费理管业物', 100],
      ['amount.text', 'B7', '控制\u0000\u0001字符\u001b[2J\u001f项目', 100],
      ['indicators.format', 'G8', '指标含零宽字符', `1、1-产出指标；11-数量指标；维修设备数量${indicators}`],
      ['indicators.format', 'G9', '指标含控制字符', `1、1-产出指标；11-数量指标；维修设备数量${indicators}`],
      // The override only made reversed text look right: the fix shows what the cell really holds.
      ['indicators.format', 'G10', '指标含反向字符', `1、1-产出指标；11-数量指标；量数备设修维${indicators}`],
    ]);
    expect(report.tables[0]?.rows.map((r) => r.name)).toEqual([
      '𠮷野家食堂改造😀',
      '物业\u200b管理费',
      '\u202e费理管业物',
      '控制\u0000\u0001字符\u001b[2J\u001f项目',
      '指标含零宽字符',
      '指标含控制字符',
      '指标含反向字符',
    ]);
    expect(messageOf(at(report, 'indicators.format', 'G8'))).toBe('绩效指标格式不规范：含有看不见的字符（零宽空格、方向控制符或控制字符）。可一键改为规范格式。');
  });
});
