import { locate, type CellLocation, type CellRange, type CellValue, type SheetGrid } from '../grid';
import { DETAIL_LABELS, parseIndicators, readsAsValueLabel, type IndicatorParse } from '../indicators/grammar';
import type { LevelRef } from '../indicators/grammar';
import { CATALOGS } from '../messages';
import {
  amountIn,
  type AmountColumn,
  type IndicatorDetail,
  type IndicatorRecord,
  type PerformanceTable,
  type TableRow,
  type ValueSlots,
} from '../table-model';

/**
 * A table written in another layout, losing nothing: one cell per project (the Guangzhou string) or a row
 * per indicator (the 一体化 export). Forms convert into either (a form's other fields become columns).
 * What a target layout cannot hold is not dropped silently: the conversion is refused, naming the cells.
 */

export type TargetLayout = 'one-cell' | 'row-per-indicator';

export type ConversionProblem =
  /** A text holds ；。 or a line break, which the one-cell string uses to separate its parts. */
  | { readonly kind: 'separator'; readonly location: CellLocation }
  /** 长期 and 年度 halves with indicators of their own cannot be put in one list. */
  | { readonly kind: 'two-halves'; readonly location: CellLocation }
  /** The department table is not a table of projects. */
  | { readonly kind: 'department'; readonly location: CellLocation }
  /** A 绩效指标 cell holds text that is no indicator's field (outside the items, a field the grammar cannot place, an ambiguous "."). */
  | { readonly kind: 'unplaced-text'; readonly location: CellLocation };

export type Conversion = { readonly ok: true; readonly sheet: SheetGrid } | { readonly ok: false; readonly problems: readonly ConversionProblem[] };

const INDENT = '    ';

/** The header texts the converted table is written with: Chinese, as the tables are, and read back by this reader. */
interface HeaderLabels {
  readonly column: (typeof CATALOGS)['zh-CN']['column'];
  readonly nameHeader: string;
  readonly department: string;
  readonly unit: string;
}
const HEADERS: HeaderLabels = { column: CATALOGS['zh-CN'].column, nameHeader: '项目名称', department: '部门名称：', unit: '单位：' };
const SEPARATORS = /[；;。\r\n]/;
const DETAIL_ORDER: readonly IndicatorDetail[] = ['weight', 'direction', 'nature', 'measureUnit', 'valueType', 'explanation', 'standard', 'note'];

/** A level as the table wrote it: "1-产出指标" with its code, or the name alone. */
function written(ref: LevelRef<unknown> | null): string {
  if (ref === null) return '';
  return ref.code === null ? ref.name : `${ref.code}-${ref.name}`;
}

// A conversion asks each 绩效指标 cell for its indicators, its slots and what it holds beside them: parsed once.
const PARSED_CELLS = new WeakMap<NonNullable<TableRow['indicators']>, IndicatorParse>();

function parsedCell(cell: NonNullable<TableRow['indicators']>): IndicatorParse {
  let parsed = PARSED_CELLS.get(cell);
  if (!parsed) PARSED_CELLS.set(cell, (parsed = parseIndicators(cell.text)));
  return parsed;
}

/** The indicators of a project, whatever its layout. */
function indicatorsOf(table: PerformanceTable, row: TableRow): readonly IndicatorRecord[] {
  if (row.records) return row.records;
  return row.indicators ? parsedCell(row.indicators).indicators : [];
}

function slotsOf(table: PerformanceTable, row: TableRow): ValueSlots {
  if (table.layout === 'one-cell') return row.indicators ? parsedCell(row.indicators).slots : 'both';
  return table.valueSlots;
}

/** How deep a row sits under units (the 合计 row and the top units at 0): written as indentation. */
function depthOf(table: PerformanceTable, index: number): number {
  let depth = 0;
  for (let parent = table.rows[index]?.parent ?? null; parent !== null; parent = table.rows[parent]?.parent ?? null) {
    if (table.rows[parent]?.kind !== 'grand-total') depth++;
  }
  return depth;
}

/**
 * The one-cell string of a project's indicators: the levels as written, the values, the detail fields; a
 * template row (levels, no indicator) as an item of its levels alone, in its place.
 */
function oneCellText(records: readonly IndicatorRecord[], templates: TableRow['templateRows'], slots: ValueSlots): string {
  const items: { readonly at: number; readonly text: (seq: number) => string }[] = [];
  for (const t of templates ?? []) items.push({ at: t.row, text: (seq) => `${seq}、${[t.level1, t.level2].filter((f) => f !== '').join('；')}。` });
  records.forEach((ind, i) => items.push({ at: ind.row ?? i, text: (seq) => itemText(ind, seq, slots) }));
  return items.sort((a, b) => a.at - b.at).map((item, i) => item.text(i + 1)).join('');
}

function itemText(ind: IndicatorRecord, seq: number, slots: ValueSlots): string {
  const fields = [written(ind.level1), written(ind.level2), ind.name].filter((f) => f !== '');
  if (slots !== 'annual') fields.push(`实施周期指标值:${ind.period?.text ?? ''}`);
  if (slots !== 'period') fields.push(`年度指标值:${ind.annual?.text ?? ''}`);
  for (const detail of DETAIL_ORDER) {
    const text = ind.details?.[detail];
    if (text !== undefined) fields.push(`${DETAIL_LABELS[detail][0]}:${text}`);
  }
  return `${seq}、${fields.join('；')}。`;
}

/** Whether a 绩效指标 cell holds text the converted table would have no place for (the items keep only their fields). */
function hasUnplacedText(cell: NonNullable<TableRow['indicators']>): boolean {
  const parsed = parsedCell(cell);
  return parsed.strayText !== '' || parsed.ambiguousTerminator || parsed.indicators.some((ind) => ind.extraFields.length > 0);
}

/** Why the table cannot be written in `to` without losing anything; empty when it can. */
function problemsOf(table: PerformanceTable, to: TargetLayout): ConversionProblem[] {
  const problems: ConversionProblem[] = [];
  if (table.layout === 'department') return [{ kind: 'department', location: locate(table.sheet, table.headerRow, table.firstCol) }];
  for (const row of table.rows) {
    if ((row.records ?? []).some((r) => r.slots !== undefined)) problems.push({ kind: 'two-halves', location: row.nameLocation });
    if (row.indicators && hasUnplacedText(row.indicators)) problems.push({ kind: 'unplaced-text', location: row.indicators.location });
    if (to !== 'one-cell') continue;
    for (const ind of row.records ?? []) {
      const texts = [written(ind.level1), written(ind.level2), ind.name, ind.period?.text ?? '', ind.annual?.text ?? '', ...Object.values(ind.details ?? {})];
      if (texts.some((t) => SEPARATORS.test(t)) || readsAsValueLabel(ind.name)) problems.push({ kind: 'separator', location: ind.cells?.name ?? row.nameLocation });
    }
  }
  return problems;
}

/** Columns of the converted table, left to right: what every project (or row) fills. */
interface Layout {
  readonly owner: boolean;
  readonly amounts: readonly AmountColumn[];
  readonly periodGoal: boolean;
  readonly extras: readonly string[];
  readonly details: readonly IndicatorDetail[];
  readonly slots: ValueSlots;
}

function layoutOf(table: PerformanceTable): Layout {
  const amounts = new Set<AmountColumn>(table.amountColumns);
  const extras = new Set<string>();
  const details = new Set<IndicatorDetail>();
  let slots: ValueSlots | null = null;
  for (const row of table.rows) {
    // A form's amounts: the columns of its first funding block (the rest travel as extras).
    if (table.layout === 'form') for (const cell of row.amounts) if (!(row.extras ?? []).some((e) => e.location === cell.location)) amounts.add(cell.column);
    for (const e of row.extras ?? []) extras.add(e.label);
    for (const ind of indicatorsOf(table, row)) for (const d of Object.keys(ind.details ?? {})) details.add(d as IndicatorDetail);
    if (row.kind === 'project') slots = slots === null || slots === slotsOf(table, row) ? slotsOf(table, row) : 'both';
  }
  return {
    owner: table.rows.some((r) => r.owner && r.owner.text !== ''),
    amounts: [...amounts],
    periodGoal: table.rows.some((r) => r.periodGoal && r.periodGoal.text !== ''),
    extras: [...extras],
    details: DETAIL_ORDER.filter((d) => details.has(d)),
    slots: slots ?? 'both',
  };
}

function amountValue(row: TableRow, column: AmountColumn): CellValue {
  const cell = amountIn(row, column);
  return cell ? cell.raw : null;
}

function extraValue(row: TableRow, label: string): CellValue {
  return row.extras?.find((e) => e.label === label)?.raw ?? null;
}

function metadataRows(table: PerformanceTable, labels: HeaderLabels): CellValue[][] {
  return [[table.title], [`${labels.department}${table.department ?? ''}`, null, table.unit === null ? null : `${labels.unit}${table.unit}`]];
}

/** The table with the whole indicator list of each project in one 绩效指标 cell. */
function toOneCell(table: PerformanceTable, name: string, labels: HeaderLabels): SheetGrid {
  const layout = layoutOf(table);
  const header: CellValue[] = [
    ...(layout.owner ? [labels.column.owner] : []),
    labels.nameHeader,
    ...layout.amounts.map((c) => labels.column[c]),
    labels.column.goal,
    ...(layout.periodGoal ? [labels.column.periodGoal] : []),
    labels.column.indicators,
    ...layout.extras,
  ];
  const rows: CellValue[][] = [...metadataRows(table, labels), header];
  table.rows.forEach((row, index) => {
    const project = row.kind === 'project';
    const nameText = row.kind === 'grand-total' ? row.name : `${INDENT.repeat(depthOf(table, index))}${row.name}`;
    rows.push([
      ...(layout.owner ? [row.owner?.text || null] : []),
      nameText,
      ...layout.amounts.map((c) => amountValue(row, c)),
      row.goal?.text || null,
      ...(layout.periodGoal ? [row.periodGoal?.text || null] : []),
      project ? oneCellText(indicatorsOf(table, row), row.templateRows, slotsOf(table, row)) || null : null,
      ...layout.extras.map((label) => extraValue(row, label)),
    ]);
  });
  return { name, originRow: 0, originCol: 0, values: rows };
}

/** The table with a row per indicator, each project's own cells merged down over its indicators. */
function toRowPerIndicator(table: PerformanceTable, name: string, labels: HeaderLabels): SheetGrid {
  const layout = layoutOf(table);
  const projectHeaders: CellValue[] = [
    ...(layout.owner ? [labels.column.owner] : []),
    labels.nameHeader,
    ...layout.amounts.map((c) => labels.column[c]),
    labels.column.goal,
    ...(layout.periodGoal ? [labels.column.periodGoal] : []),
    ...layout.extras,
  ];
  const indicatorHeaders: CellValue[] = [
    labels.column.level1,
    labels.column.level2,
    labels.column.level3,
    ...(layout.slots !== 'annual' ? [labels.column.periodValue] : []),
    ...(layout.slots !== 'period' ? [labels.column.value] : []),
    ...layout.details.map((d) => labels.column[d]),
  ];
  const values: CellValue[][] = [...metadataRows(table, labels), [...projectHeaders, ...indicatorHeaders]];
  const merges: CellRange[] = [];
  table.rows.forEach((row, index) => {
    const own: CellValue[] = [
      ...(layout.owner ? [row.owner?.text || null] : []),
      row.kind === 'grand-total' ? row.name : `${INDENT.repeat(depthOf(table, index))}${row.name}`,
      ...layout.amounts.map((c) => amountValue(row, c)),
      row.goal?.text || null,
      ...(layout.periodGoal ? [row.periodGoal?.text || null] : []),
      ...layout.extras.map((label) => extraValue(row, label)),
    ];
    const lines = indicatorLines(table, row, layout);
    const first = values.length;
    lines.forEach((line, i) => values.push([...(i === 0 ? own : own.map(() => null)), ...line]));
    if (lines.length > 1) own.forEach((_, col) => merges.push({ row: first, col, rowCount: lines.length, colCount: 1 }));
  });
  return { name, originRow: 0, originCol: 0, values, merges };
}

/** The indicator cells of a row's indicators (and template rows, in sheet order); one empty line when it has none. */
function indicatorLines(table: PerformanceTable, row: TableRow, layout: Layout): CellValue[][] {
  const lines: { readonly at: number; readonly cells: CellValue[] }[] = [];
  for (const ind of row.kind === 'project' ? indicatorsOf(table, row) : []) {
    lines.push({
      at: ind.row ?? lines.length,
      cells: [
        written(ind.level1) || null,
        written(ind.level2) || null,
        ind.name || null,
        ...(layout.slots !== 'annual' ? [ind.period?.text || null] : []),
        ...(layout.slots !== 'period' ? [ind.annual?.text || null] : []),
        ...layout.details.map((d) => ind.details?.[d] ?? null),
      ],
    });
  }
  for (const t of row.templateRows ?? []) {
    const blanks = (layout.slots === 'both' ? 2 : 1) + layout.details.length;
    lines.push({ at: t.row, cells: [t.level1 || null, t.level2 || null, null, ...Array.from({ length: blanks }, () => null)] });
  }
  const width = 3 + (layout.slots === 'both' ? 2 : 1) + layout.details.length;
  if (lines.length === 0) return [Array.from({ length: width }, () => null)];
  return lines.sort((a, b) => a.at - b.at).map((l) => l.cells);
}

/** The table written in `to`, on a sheet named `name`; refused, with the cells that stop it, when something would be lost. */
export function convertTable(table: PerformanceTable, to: TargetLayout, name: string): Conversion {
  const problems = problemsOf(table, to);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, sheet: to === 'one-cell' ? toOneCell(table, name, HEADERS) : toRowPerIndicator(table, name, HEADERS) };
}
