import { parseAmount, type AmountParse, type MoneyUnit } from '../amounts';
import { cellAt, cellText, locate, type SheetGrid } from '../grid';
import type { AmountCell, AmountColumn, AmountSum, TextCell } from '../table-model';
import { isBlank, isSumLabel, labelKey, unitInLabel } from './sheet-text';

/**
 * Label and value cells, the way forms (申报表 / 审批表 / 批复表) and the department-wide table lay
 * them out: a label, its value to the right (or below a label that heads a column), funding blocks
 * of a total and its sources, goals, and blocks closed by a 合计 row.
 */

const LEADING_MARKS = /^(?:其中|含)[:：]?/;
const TRAILING_COLON = /:$/;
const BRACKETED_UNIT = /\((?:单位:)?(?:万元|元)\)$/;

/** A label as matched against the dictionaries below: no spaces, no 其中:, no trailing colon or (万元). */
export function labelOf(value: unknown): string {
  if (typeof value !== 'string') return '';
  return labelKey(value).replace(BRACKETED_UNIT, '').replace(LEADING_MARKS, '').replace(TRAILING_COLON, '');
}

const FUNDING_LABELS: ReadonlyMap<string, AmountColumn> = new Map<string, AmountColumn>([
  ...['年度资金总额', '资金总额', '当年资金总额', '预算总额', '项目总预算', '项目预算金额', '年度预算金额', '项目资金总额', '年度预算数', '预算金额', '金额合计'].map((l) => [l, 'total'] as const),
  ...['财政拨款', '当年财政拨款', '财政资金', '财政拨款资金', '本级财政资金', '市财政资金', '区财政资金', '县财政资金', '市级财政拨款', '一般公共预算拨款'].map((l) => [l, 'fiscal'] as const),
  ...['财政专户拨款', '财政专户资金'].map((l) => [l, 'specialAccount'] as const),
  ...['其他资金', '当年其他资金', '其它资金'].map((l) => [l, 'other'] as const),
  ...['中央补助', '中央资金', '中央补助资金', '中央财政资金'].map((l) => [l, 'central'] as const),
  ...['省级资金', '省级财政资金', '省级补助', '省财政资金'].map((l) => [l, 'provincial'] as const),
  ...['市级资金', '市级财政资金'].map((l) => [l, 'municipal'] as const),
  ...['县级资金', '区级资金', '县级财政资金'].map((l) => [l, 'county'] as const),
  ...['上级资金', '上级补助', '上级补助资金', '当年上级资金'].map((l) => [l, 'higher'] as const),
  ...['自有资金', '单位自有资金', '自筹资金', '单位自筹'].map((l) => [l, 'own'] as const),
  ...['项目支出'].map((l) => [l, 'projectSpending'] as const),
  ...['基本支出'].map((l) => [l, 'basicSpending'] as const),
]);

/** The amount a funding label names, or null. */
export function fundingColumn(label: string): AmountColumn | null {
  return FUNDING_LABELS.get(label) ?? null;
}

const GOAL_LABELS = new Set(['年度目标', '绩效目标', '年度绩效目标', '项目年度目标', '年度总体目标']);
const PERIOD_GOAL_LABELS = new Set(['中期目标', '长期目标', '实施期目标', '实施期绩效目标', '总体目标', '项目总体目标', '实施期总体目标']);

export type GoalKind = 'goal' | 'periodGoal';

export function goalKind(label: string): GoalKind | null {
  if (GOAL_LABELS.has(label)) return 'goal';
  if (PERIOD_GOAL_LABELS.has(label)) return 'periodGoal';
  return null;
}

// Labels that are not values: a value cell that reads as one of these is the next label, not a value.
const OTHER_LABELS = new Set([
  '项目名称', '主管部门', '项目主管部门', '主管预算部门', '主管部门及编码', '实施单位', '项目执行单位', '项目单位', '项目负责人', '项目负责人及电话',
  '联系电话', '项目属性', '项目起止时间', '项目资金', '资金情况', '项目预算', '绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '指标内容',
  '年度总体目标完成情况', '部门(单位)名称', '部门名称', '部门预算编码', '填报人', '年度预算安排', '年度履职目标', '总体资金情况', '部门总体资金情况',
]);

/** Whether a cell's text is a label of a form (so it cannot be the value of the label before it). */
export function isFormLabel(value: unknown): boolean {
  const label = labelOf(value);
  return label !== '' && (OTHER_LABELS.has(label) || FUNDING_LABELS.has(label) || goalKind(label) !== null || label.endsWith('意见'));
}

/** The first non-blank cell right of `col` on `row`, up to `lastCol`; null when there is none. */
export function valueRightOf(sheet: SheetGrid, row: number, col: number, lastCol: number): { readonly col: number; readonly text: string } | null {
  for (let c = col + 1; c <= lastCol; c++) {
    const value = cellAt(sheet, row, c);
    if (isBlank(value)) continue;
    return isFormLabel(value) ? null : { col: c, text: cellText(value).trim() };
  }
  return null;
}

export function lastColumnOf(sheet: SheetGrid): number {
  let width = 0;
  for (const row of sheet.values) if (row && row.length > width) width = row.length;
  return sheet.originCol + width - 1;
}

const AMOUNT_WITH_NOTE = /^\s*([+-]?[\d,，.]+)\s*(万元|万|元)\s*[（(].*$/s;

/**
 * A form's amount: a number, or a number with the form's own unit written after it (“10000万元”,
 * “854万（…）”), which a form may hold (SUM does not run over it). Another unit is left for
 * amount.unit to convert; anything else for amount.invalid.
 */
export function formAmount(sheet: SheetGrid, row: number, col: number, column: AmountColumn, unit: MoneyUnit | null): AmountCell {
  const raw = cellAt(sheet, row, col);
  let parsed: AmountParse = parseAmount(raw);
  if (parsed.kind === 'invalid' && parsed.withUnit === undefined && typeof raw === 'string') {
    const noted = AMOUNT_WITH_NOTE.exec(raw);
    if (noted) {
      const again = parseAmount(`${noted[1] ?? ''}${noted[2] ?? ''}`);
      if (again.kind === 'invalid' && again.withUnit) parsed = { ...again, text: parsed.text };
    }
  }
  if (parsed.kind === 'invalid' && parsed.withUnit && parsed.withUnit.unit === (unit ?? parsed.withUnit.unit)) {
    parsed = { kind: 'number', value: parsed.withUnit.value, storedAsText: true, excessPrecision: false };
  }
  return { column, location: locate(sheet.name, row, col), raw, parsed };
}

/** The unit a form states: in a label such as 项目资金（万元）, else in an amount written with its unit. */
export function formUnit(sheet: SheetGrid, fromRow: number, toRow: number): { unit: MoneyUnit; at: { row: number; col: number } } | null {
  let fromValue: { unit: MoneyUnit; at: { row: number; col: number } } | null = null;
  for (let r = fromRow; r <= toRow; r++) {
    const values = sheet.values[r - sheet.originRow] ?? [];
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (typeof value !== 'string') continue;
      const at = { row: r, col: sheet.originCol + i };
      const labelled = unitInLabel(value);
      if (labelled) return { unit: labelled, at };
      if (fromValue === null) {
        const parsed = parseAmount(value);
        if (parsed.kind === 'invalid' && parsed.withUnit) fromValue = { unit: parsed.withUnit.unit, at };
      }
    }
  }
  return fromValue;
}

export interface FundingPair {
  readonly labelCol: number;
  readonly row: number;
  readonly label: string;
  readonly cell: AmountCell;
}

/** Funding label/value pairs on rows [fromRow, toRow]: several per row when blocks stand side by side. */
export function fundingPairs(sheet: SheetGrid, fromRow: number, toRow: number, unit: MoneyUnit | null): FundingPair[] {
  const pairs: FundingPair[] = [];
  const lastCol = lastColumnOf(sheet);
  for (let r = fromRow; r <= toRow; r++) {
    for (let c = sheet.originCol; c <= lastCol; c++) {
      const label = labelOf(cellAt(sheet, r, c));
      const column = fundingColumn(label);
      if (column === null) continue;
      // The value is the next cell that is not another label (an empty 其他资金 is an empty value).
      let valueCol = c + 1;
      while (valueCol <= lastCol && isBlank(cellAt(sheet, r, valueCol)) && valueCol < c + 3) valueCol++;
      if (valueCol > lastCol || isBlank(cellAt(sheet, r, valueCol)) || isFormLabel(cellAt(sheet, r, valueCol))) valueCol = c + 1;
      pairs.push({ labelCol: c, row: r, label: cellText(cellAt(sheet, r, c)).trim(), cell: formAmount(sheet, r, valueCol, column, unit) });
      c = valueCol;
    }
  }
  return pairs;
}

/** Funding sums: in each label column, a total and the sources listed under it. */
export function fundingSums(pairs: readonly FundingPair[]): AmountSum[] {
  const sums: AmountSum[] = [];
  const columns = [...new Set(pairs.map((p) => p.labelCol))];
  for (const col of columns) {
    let current: { label: string; total: AmountCell; parts: AmountCell[] } | null = null;
    for (const pair of pairs.filter((p) => p.labelCol === col)) {
      if (pair.cell.column === 'total') {
        if (current) sums.push({ scope: 'funding', ...current });
        current = { label: pair.label.replace(/[:：]\s*$/, ''), total: pair.cell, parts: [] };
      } else if (current) {
        current.parts.push(pair.cell);
      }
    }
    if (current) sums.push({ scope: 'funding', ...current });
  }
  return sums.filter((s) => s.parts.length > 0);
}

/** Goals: a goal label's value to its right, or below it when the label heads a column (总体目标 | 年度目标 over the texts). */
export function goalCells(sheet: SheetGrid, fromRow: number, toRow: number): { goal: TextCell | null; periodGoal: TextCell | null } {
  const found: { goal: TextCell | null; periodGoal: TextCell | null } = { goal: null, periodGoal: null };
  const lastCol = lastColumnOf(sheet);
  for (let r = fromRow; r <= toRow; r++) {
    for (let c = sheet.originCol; c <= lastCol; c++) {
      const kind = goalKind(labelOf(cellAt(sheet, r, c)));
      if (kind === null || found[kind] !== null) continue;
      const right = valueRightOf(sheet, r, c, lastCol);
      // A label with another goal label beside it only groups them (总体目标 over 中期目标 | 年度目标).
      if (right === null && [...Array(lastCol - c).keys()].some((k) => goalKind(labelOf(cellAt(sheet, r, c + k + 1))) !== null)) {
        const below = cellAt(sheet, r + 1, c);
        if (!isBlank(below) && !isFormLabel(below)) found[kind] = { text: cellText(below).trim(), location: locate(sheet.name, r + 1, c) };
        continue;
      }
      const below = cellAt(sheet, r + 1, c);
      if (!isBlank(below) && !isFormLabel(below) && r + 1 <= toRow) found[kind] = { text: cellText(below).trim(), location: locate(sheet.name, r + 1, c) };
      else if (right) found[kind] = { text: right.text, location: locate(sheet.name, r, right.col) };
      else found[kind] = { text: '', location: locate(sheet.name, r, Math.min(c + 1, lastCol)) };
    }
  }
  if (found.goal === null && found.periodGoal !== null) return { goal: found.periodGoal, periodGoal: null };
  return found;
}

/**
 * Blocks closed by a 合计 / 小计 row (成本构成, 收入构成 / 支出构成): each number of the 合计 row against
 * the rows above it whose label stands in the same column, up to the row that starts the group.
 */
export function subtotalSums(sheet: SheetGrid, fromRow: number, toRow: number, unit: MoneyUnit | null): AmountSum[] {
  const sums: AmountSum[] = [];
  const lastCol = lastColumnOf(sheet);
  for (let r = fromRow; r <= toRow; r++) {
    for (let c = sheet.originCol; c <= lastCol; c++) {
      const labelValue = cellAt(sheet, r, c);
      if (typeof labelValue !== 'string' || !isSumLabel(labelValue)) continue;
      const rows: number[] = [];
      for (let up = r - 1; up >= fromRow; up--) {
        if (isBlank(cellAt(sheet, up, c)) || isSumLabel(cellText(cellAt(sheet, up, c)))) break;
        rows.push(up);
        let startsGroup = false;
        for (let left = sheet.originCol; left < c; left++) if (!isBlank(cellAt(sheet, up, left))) startsGroup = true;
        if (startsGroup) break;
      }
      if (rows.length === 0) continue;
      for (let vc = c + 1; vc <= lastCol; vc++) {
        const total = formAmount(sheet, r, vc, 'total', unit);
        if (total.parsed.kind !== 'number') continue;
        const parts = [...rows].reverse().map((pr) => formAmount(sheet, pr, vc, 'other', unit));
        if (parts.every((p) => p.parsed.kind === 'empty')) continue;
        sums.push({ scope: 'block', label: cellText(labelValue).trim(), total, parts });
      }
    }
  }
  return sums;
}
