import { cellAt, locate, type SheetGrid } from '../grid';
import type { ExtraField, IndicatorColumn, IndicatorRecord, PerformanceTable, TableColumns, TemplateRow, TextCell } from '../table-model';
import type { Taxonomy } from '../taxonomy';
import { classifyHeaderCell, isHeaderKind, isIndicatorKind } from './headers';
import { IndicatorRowReader, type ReadBlock } from './indicator-rows';
import { formUnit, fundingPairs, fundingSums, goalCells, isFormLabel, labelOf, lastColumnOf, subtotalSums, valueRightOf, type FundingPair } from './labels';
import { isBlank, isNoteText } from './sheet-text';

/**
 * One form per project (项目支出绩效目标申报表 / 审批表 / 批复表): 项目名称 and its value, the funding block,
 * the goals, then the indicator block under its own header row (一级指标 | 二级指标 | 三级指标 | 指标值 …).
 * Several forms may stand one below the other on a sheet.
 */

const NAME_LABELS = new Set(['项目名称']);
const DEPARTMENT_LABELS = new Set(['主管部门', '项目主管部门', '主管预算部门', '主管部门及编码']);
const OWNER_LABELS = new Set(['实施单位', '项目执行单位', '项目单位', '项目实施单位']);
const TITLE_WORD = /表/;
// A form's other fields: no rule reads them, conversions carry them along.
const EXTRA_LABELS = new Set(['项目负责人', '项目负责人及电话', '联系电话', '项目属性', '项目起止时间', '项目实施期', '项目期限', '项目类型', '项目类别', '填报单位', '填报日期']);
// How far below 项目名称 a form's indicator header may stand.
const FORM_REACH = 40;
const HALF_MARK = /\((长期|中期|实施期|年度|全年)\)$/;

type Half = 'period' | 'annual';
type BlockColumns = { -readonly [C in IndicatorColumn]?: number };

export interface BlockHeader {
  readonly row: number;
  readonly firstCol: number;
  readonly halves: { readonly [H in Half]?: BlockColumns };
}

/** The indicator header on `row`, or null: 一级指标 with a name or value column beside it. */
export function blockHeaderAt(sheet: SheetGrid, row: number): BlockHeader | null {
  const values = sheet.values[row - sheet.originRow] ?? [];
  const shared: BlockColumns = {};
  const halves: { [H in Half]?: BlockColumns } = {};
  let firstCol = Number.POSITIVE_INFINITY;
  values.forEach((value, i) => {
    if (typeof value !== 'string') return;
    const col = sheet.originCol + i;
    const compact = value.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
    const half = HALF_MARK.exec(compact);
    const { kind } = classifyHeaderCell(half ? compact.slice(0, half.index) : compact);
    if (!isHeaderKind(kind) || !isIndicatorKind(kind)) return;
    firstCol = Math.min(firstCol, col);
    if (!half) {
      if (shared[kind] === undefined) shared[kind] = col;
      return;
    }
    const which: Half = half[1] === '年度' || half[1] === '全年' ? 'annual' : 'period';
    const target = (halves[which] ??= {});
    const key: IndicatorColumn = which === 'period' && kind === 'value' ? 'periodValue' : kind;
    if (target[key] === undefined) target[key] = col;
  });
  if (shared.level1 === undefined && shared.level2 === undefined && halves.annual?.level2 === undefined) return null;
  const named = (c: BlockColumns) => c.level3 !== undefined || c.value !== undefined || c.periodValue !== undefined;
  if (!halves.annual && !halves.period) return named(shared) ? { row, firstCol, halves: { annual: shared } } : null;
  const withShared = (c: BlockColumns | undefined): BlockColumns | undefined => (c ? { ...shared, ...c } : undefined);
  const result: { [H in Half]?: BlockColumns } = {};
  const annual = withShared(halves.annual);
  const period = withShared(halves.period);
  if (annual && named(annual)) result.annual = annual;
  if (period && named(period)) result.period = period;
  return result.annual || result.period ? { row, firstCol, halves: result } : null;
}

/** The last row of the indicator block under `header`: before a note, a label left of the block, or a blank row. */
export function blockEnd(sheet: SheetGrid, header: BlockHeader, limit: number): number {
  const columns = [...new Set(Object.values(header.halves).flatMap((c) => Object.values(c ?? {}) as number[]))];
  let last = header.row;
  for (let r = header.row + 1; r <= limit; r++) {
    const row = sheet.values[r - sheet.originRow] ?? [];
    const first = row.find((v) => !isBlank(v));
    if (typeof first === 'string' && isNoteText(first)) break;
    let labelLeft = false;
    for (let c = sheet.originCol; c < header.firstCol; c++) if (!isBlank(cellAt(sheet, r, c))) labelLeft = true;
    if (labelLeft || NAME_LABELS.has(labelOf(row.find((v) => !isBlank(v))))) break;
    if (columns.every((c) => isBlank(cellAt(sheet, r, c)))) break;
    last = r;
  }
  return last;
}

/** The rows (relative) where a 项目名称 label with a value stands. */
function nameRows(sheet: SheetGrid, taken: (row: number) => boolean): number[] {
  const rows: number[] = [];
  const lastCol = lastColumnOf(sheet);
  sheet.values.forEach((values, i) => {
    const row = sheet.originRow + i;
    if (!values || taken(row)) return;
    const at = values.findIndex((v) => NAME_LABELS.has(labelOf(v)));
    if (at >= 0 && valueRightOf(sheet, row, sheet.originCol + at, lastCol)) rows.push(row);
  });
  return rows;
}

export function labelledValue(sheet: SheetGrid, from: number, to: number, labels: ReadonlySet<string>): TextCell | null {
  const lastCol = lastColumnOf(sheet);
  for (let r = from; r <= to; r++) {
    for (let c = sheet.originCol; c <= lastCol; c++) {
      if (!labels.has(labelOf(cellAt(sheet, r, c)))) continue;
      const right = valueRightOf(sheet, r, c, lastCol);
      return right ? { text: right.text, location: locate(sheet.name, r, right.col) } : null;
    }
  }
  return null;
}

function titleAbove(sheet: SheetGrid, nameRow: number, floor: number): string | null {
  for (let r = nameRow - 1; r >= Math.max(floor, nameRow - 3); r--) {
    const text = (sheet.values[r - sheet.originRow] ?? []).find((v): v is string => typeof v === 'string' && v.trim() !== '');
    if (text && TITLE_WORD.test(text) && !isFormLabel(text)) return text.trim();
  }
  return null;
}

/** The form's other fields (项目负责人, 项目属性 …) with their values, and funding blocks after the first. */
function formExtras(sheet: SheetGrid, from: number, to: number, laterFunding: readonly FundingPair[]): ExtraField[] {
  const extras: ExtraField[] = [];
  const lastCol = lastColumnOf(sheet);
  for (let r = from; r <= to; r++) {
    for (let c = sheet.originCol; c <= lastCol; c++) {
      const value = cellAt(sheet, r, c);
      const label = labelOf(value);
      if (!EXTRA_LABELS.has(label)) continue;
      const right = valueRightOf(sheet, r, c, lastCol);
      if (right) extras.push({ label, raw: cellAt(sheet, r, right.col), location: locate(sheet.name, r, right.col) });
    }
  }
  for (const pair of laterFunding) extras.push({ label: labelOf(pair.label), raw: pair.cell.raw, location: pair.cell.location });
  return extras;
}

/** The indicators of both halves (长期 | 年度 side by side), in row order. */
export function readBlock(sheet: SheetGrid, header: BlockHeader, end: number, taxonomy: Taxonomy): { records: IndicatorRecord[]; templateRows: TemplateRow[]; columns: BlockColumns } {
  const both = header.halves.annual && header.halves.period;
  const reads: ReadBlock[] = [];
  for (const half of ['period', 'annual'] as const) {
    const columns = header.halves[half];
    if (!columns) continue;
    const reader = new IndicatorRowReader(sheet, columns as TableColumns, taxonomy, both ? half : undefined);
    reader.start(0, header.row + 1);
    for (let r = header.row + 1; r <= end; r++) if (reader.hasIndicatorCells(r)) reader.add(r);
    reads.push(...reader.finish());
  }
  const records = reads.flatMap((b) => b.records).sort((a, b) => (a.row ?? 0) - (b.row ?? 0)).map((r, i) => ({ ...r, seq: i + 1 }));
  const templateRows = reads.flatMap((b) => b.templateRows).sort((a, b) => a.row - b.row);
  return { records, templateRows, columns: header.halves.annual ?? header.halves.period ?? {} };
}

/** The forms of one sheet (rows `taken` by other tables left alone), numbered from `firstIndex`. */
export function readForms(sheet: SheetGrid, firstIndex: number, taxonomy: Taxonomy, taken: (row: number) => boolean): PerformanceTable[] {
  const forms: PerformanceTable[] = [];
  const starts = nameRows(sheet, taken);
  const sheetEnd = sheet.originRow + sheet.values.length - 1;
  let floor = sheet.originRow;
  starts.forEach((nameRow, k) => {
    const next = starts[k + 1] ?? sheetEnd + 1;
    let header: BlockHeader | null = null;
    for (let r = nameRow + 1; r < Math.min(next, nameRow + FORM_REACH) && !header; r++) header = blockHeaderAt(sheet, r);
    if (!header) return;
    const end = blockEnd(sheet, header, next - 1);
    const form = readForm(sheet, { nameRow, header, end, floor, index: firstIndex + forms.length }, taxonomy);
    forms.push(form);
    floor = end + 1;
  });
  return forms;
}

interface FormPlace {
  readonly nameRow: number;
  readonly header: BlockHeader;
  readonly end: number;
  readonly floor: number;
  readonly index: number;
}

function readForm(sheet: SheetGrid, place: FormPlace, taxonomy: Taxonomy): PerformanceTable {
  const { nameRow, header, end } = place;
  const lastCol = lastColumnOf(sheet);
  const nameAt = (sheet.values[nameRow - sheet.originRow] ?? []).findIndex((v) => NAME_LABELS.has(labelOf(v))) + sheet.originCol;
  const nameValue = valueRightOf(sheet, nameRow, nameAt, lastCol);
  const nameLocation = locate(sheet.name, nameRow, nameValue?.col ?? nameAt + 1);
  const unit = formUnit(sheet, nameRow, header.row - 1);
  const pairs = fundingPairs(sheet, nameRow, header.row - 1, unit?.unit ?? null);
  const { goal, periodGoal } = goalCells(sheet, nameRow, header.row - 1);
  const block = readBlock(sheet, header, end, taxonomy);
  const department = labelledValue(sheet, nameRow, header.row - 1, DEPARTMENT_LABELS);
  const owner = labelledValue(sheet, nameRow, header.row - 1, OWNER_LABELS);
  // The first funding block is the project's amounts; the others (当年资金总额 …) are kept as extras.
  const firstBlock = pairs.length > 0 ? pairs.filter((p) => p.labelCol === pairs[0]?.labelCol) : [];
  const extras = formExtras(sheet, nameRow, header.row - 1, pairs.filter((p) => !firstBlock.includes(p)));
  const slots = header.halves.annual && header.halves.period ? 'both' : header.halves.annual?.periodValue !== undefined && header.halves.annual.value !== undefined ? 'both' : header.halves.annual ? 'annual' : 'period';
  const columns: TableColumns = { name: nameLocation.col, ...block.columns };
  return {
    sheet: sheet.name,
    index: place.index,
    layout: 'form',
    title: titleAbove(sheet, nameRow, place.floor),
    department: department?.text ?? null,
    unit: unit?.unit ?? null,
    unitLocation: unit ? locate(sheet.name, unit.at.row, unit.at.col) : locate(sheet.name, nameRow, nameAt),
    headerRow: nameRow,
    firstCol: Math.min(nameAt, header.firstCol),
    headerRowCount: header.row - nameRow + 1,
    firstDataRow: header.row + 1,
    lastRow: end,
    columns,
    amountColumns: [],
    missingColumns: [],
    valueSlots: slots,
    rows: [
      {
        kind: 'project',
        row: nameRow,
        name: nameValue?.text ?? '',
        indent: 0,
        nameLocation,
        amounts: pairs.map((p) => p.cell),
        goal,
        periodGoal,
        indicators: null,
        records: block.records,
        templateRows: block.templateRows,
        block: { firstRow: header.row + 1, lastRow: Math.max(header.row + 1, end), columns: block.columns },
        owner,
        ...(extras.length > 0 ? { extras } : {}),
        parent: null,
        children: [],
      },
    ],
    grandTotal: null,
    sums: [...fundingSums(pairs), ...subtotalSums(sheet, nameRow, end, unit?.unit ?? null)],
  };
}

