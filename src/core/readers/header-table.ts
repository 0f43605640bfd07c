import { parseAmount, type MoneyUnit } from '../amounts';
import { cellAt, cellText, locate } from '../grid';
import type { CellLocation, CellValue, SheetGrid } from '../grid';
import {
  AMOUNT_COLUMNS,
  type AmountCell,
  type AmountColumn,
  type ExtraField,
  type HeaderKind,
  type LayoutKind,
  type PerformanceTable,
  type RowKind,
  type TableColumns,
  type TableRow,
  type TextCell,
  type ValueSlots,
} from '../table-model';
import type { Taxonomy } from '../taxonomy';
import { classifyHeaderCell, hasIndicatorColumns, isHeaderKind, isIndicatorKind, isTableHeader, mayBeHeaderText, type HeaderCellKind } from './headers';
import { IndicatorRowReader } from './indicator-rows';
import { linkRows, NO_CHILDREN, type LinkableRow } from './row-links';
import { isBlank, isGrandTotalName, isNoteText, leadingIndent, UNIT_MARK } from './sheet-text';

/**
 * The header-based layouts: a header row (or two) names the columns, and each row below is a unit, a
 * project or the 合计 — with the whole indicator list in one cell (one-cell), or with the project's
 * indicators on rows of their own below it (row-per-indicator, the project's cells merged down).
 */

type MutableColumns = { -readonly [K in HeaderKind]?: number };

const ALL_WHITESPACE = /\s+/g;
const TITLE_MARK = '绩效目标表';
const DEPARTMENT_LABELLED = /(?:部门名称|单位名称|预算部门|主管部门|部门)\s*[:：]\s*(.*)$/s;
const DEPARTMENT_LABEL_ONLY = /^(?:部门名称|单位名称|预算部门|主管部门)[:：]?$/;
// Cuts "单位：万元" (and an opening bracket before it) off a department value sharing its cell.
const UNIT_TAIL = /(?<![\s（(])[\s（(]*(?:金额)?单位\s*[:：].*$/s;
// A metadata row of the next table sits at most this many rows above its header.
export const METADATA_REACH = 3;

const REQUIRED_KINDS: readonly HeaderKind[] = ['name', 'total', 'goal', 'indicators'];

interface HeaderRowCells {
  /** Per relative column. */
  readonly kinds: readonly HeaderCellKind[];
  readonly units: readonly (MoneyUnit | null)[];
  /** At least one cell is a known header. */
  readonly hasKnown: boolean;
  /** Every non-blank cell is a known header or a group label (so the row may be the lower half of a header). */
  readonly onlyHeaders: boolean;
}

export interface HeaderMatch {
  readonly rowCount: 1 | 2;
  readonly columns: TableColumns;
  /** Header cells the reader does not know (单位代码, 备注 of a one-cell table …): their values are kept as extras. */
  readonly extraColumns: readonly { readonly label: string; readonly col: number }[];
  readonly layout: LayoutKind;
  /** A unit given in a header such as 总计（万元）, with its relative position. */
  readonly unitHint: { readonly unit: MoneyUnit; readonly rowOffset: number; readonly col: number } | null;
}

interface RowDraft extends LinkableRow {
  kind: RowKind;
  readonly row: number;
  name: string;
  readonly indent: number;
  nameLocation: CellLocation;
  readonly amounts: readonly AmountCell[];
  readonly goal: TextCell | null;
  readonly periodGoal: TextCell | null;
  readonly indicators: TableRow['indicators'];
  readonly owner: TextCell | null;
  readonly extras?: readonly ExtraField[];
  parent: number | null;
  children: number[];
}

const NO_HEADER_CELLS: HeaderRowCells = { kinds: [], units: [], hasKnown: false, onlyHeaders: false };

/** The header-based tables of one sheet, numbered from `firstIndex`. */
export function readHeaderTables(sheet: SheetGrid, firstIndex: number, taxonomy: Taxonomy): PerformanceTable[] {
  const reader = new SheetReader(sheet, taxonomy);
  const tables: PerformanceTable[] = [];
  let previousLast = -1;
  let r = 0;
  while (r < reader.rowCount) {
    const header = reader.headerAt(r);
    if (header === null) {
      r++;
      continue;
    }
    const metadataFrom = tables.length === 0 ? 0 : Math.max(previousLast + 1, r - METADATA_REACH);
    const { table, stoppedAt } = reader.readTable(r, header, metadataFrom, firstIndex + tables.length);
    tables.push(table);
    previousLast = table.lastRow - sheet.originRow;
    r = Math.max(stoppedAt, r + 1);
  }
  return tables;
}

function withoutIndicatorFields(columns: MutableColumns): MutableColumns {
  const { level1, level2, level3, nature, value, periodValue, measureUnit, weight, direction, valueType, explanation, standard, note, ...rest } = columns;
  void [level1, level2, level3, nature, value, periodValue, measureUnit, weight, direction, valueType, explanation, standard, note];
  return rest;
}

/** Decides the layout from the columns and drops what the layout does not use. */
function settleColumns(columns: MutableColumns): { columns: TableColumns; layout: LayoutKind } {
  if (hasIndicatorColumns(columns)) {
    // Over a row per indicator, 绩效指标 only groups the indicator columns.
    const { indicators, ...rest } = columns;
    void indicators;
    // One goal column is the goal, whatever it is called (实施期绩效目标 in Hunan's export).
    if (rest.goal === undefined && rest.periodGoal !== undefined) {
      rest.goal = rest.periodGoal;
      delete rest.periodGoal;
    }
    return { columns: rest, layout: 'row-per-indicator' };
  }
  const oneCell = withoutIndicatorFields(columns);
  if (oneCell.goal === undefined && oneCell.periodGoal !== undefined) {
    oneCell.goal = oneCell.periodGoal;
    delete oneCell.periodGoal;
  }
  return { columns: oneCell, layout: 'one-cell' };
}

class SheetReader {
  readonly rowCount: number;
  private readonly headerCells: (HeaderRowCells | undefined)[] = [];
  private readonly headers: (HeaderMatch | null | undefined)[] = [];

  constructor(
    private readonly sheet: SheetGrid,
    private readonly taxonomy: Taxonomy,
  ) {
    this.rowCount = sheet.values.length;
  }

  private rowValues(r: number): readonly CellValue[] {
    return this.sheet.values[r] ?? [];
  }

  private cellsOf(r: number): HeaderRowCells {
    const cached = this.headerCells[r];
    if (cached) return cached;
    const values = this.rowValues(r);
    // Data rows are asked too (a new header ends the table): reject them without allocating.
    if (!values.some(mayBeHeaderText)) {
      this.headerCells[r] = NO_HEADER_CELLS;
      return NO_HEADER_CELLS;
    }
    const kinds: HeaderCellKind[] = [];
    const units: (MoneyUnit | null)[] = [];
    let hasKnown = false;
    let onlyHeaders = true;
    for (let c = 0; c < values.length; c++) {
      const value = values[c];
      const { kind, unit } = classifyHeaderCell(value);
      kinds.push(kind);
      units.push(unit);
      if (isHeaderKind(kind)) hasKnown = true;
      else if (kind === null && !isBlank(value)) onlyHeaders = false;
    }
    const cells = { kinds, units, hasKnown, onlyHeaders };
    this.headerCells[r] = cells;
    return cells;
  }

  /** Maps columns from `upper`, falling back to `lower` where `upper` has no known header. */
  private mapColumns(upper: HeaderRowCells, lower: HeaderRowCells | null): { columns: MutableColumns; lowerUsed: boolean } {
    const columns: MutableColumns = {};
    let lowerUsed = false;
    upper.kinds.forEach((kind, c) => {
      if (isHeaderKind(kind) && columns[kind] === undefined) columns[kind] = this.sheet.originCol + c;
    });
    // The upper row wins: a lower cell only names a column the upper row left unnamed, or one that
    // 绩效指标 only groups (a row per indicator: 一级指标, 二级指标 … under it).
    lower?.kinds.forEach((kind, c) => {
      if (!isHeaderKind(kind) || columns[kind] !== undefined) return;
      const over = upper.kinds[c];
      if (isHeaderKind(over) && !(over === 'indicators' && isIndicatorKind(kind))) return;
      columns[kind] = this.sheet.originCol + c;
      lowerUsed = true;
    });
    return { columns, lowerUsed };
  }

  /** The header starting at relative row `r`, or null; computed once per row. */
  headerAt(r: number): HeaderMatch | null {
    const cached = this.headers[r];
    if (cached !== undefined) return cached;
    const match = this.findHeader(r);
    this.headers[r] = match;
    return match;
  }

  private findHeader(r: number): HeaderMatch | null {
    if (r < 0 || r >= this.rowCount) return null;
    const upper = this.cellsOf(r);
    if (!upper.hasKnown) return null;
    const single = this.mapColumns(upper, null).columns;
    const singleIsHeader = isTableHeader(single);
    const lower = r + 1 < this.rowCount ? this.cellsOf(r + 1) : null;
    if (lower && lower.hasKnown && lower.onlyHeaders) {
      const merged = this.mapColumns(upper, lower);
      // A row above a complete header (title, 部门名称) must not borrow that header.
      const lowerStandsAlone = isTableHeader(this.mapColumns(lower, null).columns);
      if (merged.lowerUsed && isTableHeader(merged.columns) && (singleIsHeader || !lowerStandsAlone)) {
        const settled = settleColumns(merged.columns);
        return { rowCount: 2, ...settled, extraColumns: this.extraColumns([r, r + 1], settled.columns), unitHint: this.headerUnit([upper, lower]) };
      }
    }
    if (!singleIsHeader) return null;
    const settled = settleColumns(single);
    return { rowCount: 1, ...settled, extraColumns: this.extraColumns([r], settled.columns), unitHint: this.headerUnit([upper]) };
  }

  /** Header texts of the columns no known header names (the lower row's where both rows have one). */
  private extraColumns(rows: readonly number[], columns: TableColumns): HeaderMatch['extraColumns'] {
    const known = new Set(Object.values(columns));
    const found = new Map<number, string>();
    for (const r of rows) {
      this.rowValues(r).forEach((value, i) => {
        const col = this.sheet.originCol + i;
        // A known header the layout does not use (备注 over a one-cell table) is kept too; group labels are not columns.
        if (known.has(col) || typeof value !== 'string' || value.trim() === '' || classifyHeaderCell(value).kind === 'group') return;
        found.set(col, value.replace(ALL_WHITESPACE, ''));
      });
    }
    return [...found].map(([col, label]) => ({ label, col }));
  }

  private headerUnit(rows: readonly HeaderRowCells[]): HeaderMatch['unitHint'] {
    for (let offset = 0; offset < rows.length; offset++) {
      const units = rows[offset]?.units ?? [];
      for (let c = 0; c < units.length; c++) {
        const unit = units[c];
        if (unit) return { unit, rowOffset: offset, col: this.sheet.originCol + c };
      }
    }
    return null;
  }

  readTable(headerRow: number, header: HeaderMatch, metadataFrom: number, index: number): { table: PerformanceTable; stoppedAt: number } {
    const { sheet } = this;
    const { columns, layout } = header;
    const mapped = Object.values(columns).filter((col): col is number => col !== undefined);
    const leftmost = Math.min(...mapped);
    const amountColumns = AMOUNT_COLUMNS.filter((c) => columns[c] !== undefined).sort((a, b) => (columns[a] ?? 0) - (columns[b] ?? 0));
    const firstData = headerRow + header.rowCount;
    const drafts: RowDraft[] = [];
    const hasTexts: boolean[] = [];
    const grandTotals: boolean[] = [];
    const indicatorRows = layout === 'row-per-indicator' ? new IndicatorRowReader(sheet, columns, this.taxonomy) : null;
    let lastRow = firstData - 1;
    let r = firstData;
    for (; r < this.rowCount; r++) {
      if (this.headerAt(r) !== null) break;
      if (mapped.every((col) => isBlank(cellAt(sheet, sheet.originRow + r, col)))) continue;
      if (this.startsWithNote(r)) break;
      if (this.isNextTableMetadata(r, columns, amountColumns)) break;
      lastRow = r;
      // Below a project, a row with nothing but indicator cells is the project's next indicator.
      if (indicatorRows && drafts.length > 0 && indicatorRows.isContinuation(sheet.originRow + r, amountColumns)) {
        indicatorRows.add(sheet.originRow + r);
        continue;
      }
      const read = this.readRow(r, columns, amountColumns, leftmost, header.extraColumns);
      if (indicatorRows) {
        indicatorRows.start(drafts.length, sheet.originRow + r);
        if (indicatorRows.hasIndicatorCells(sheet.originRow + r)) indicatorRows.add(sheet.originRow + r);
      }
      drafts.push(read.draft);
      hasTexts.push(read.hasTexts);
      grandTotals.push(read.grandTotal);
    }
    const blocks = indicatorRows?.finish() ?? [];
    for (const block of blocks) if (block.records.length > 0 || block.templateRows.length > 0) hasTexts[block.draft] = true;
    const grandTotal = linkRows(drafts, hasTexts, grandTotals);
    const headerAbsolute = sheet.originRow + headerRow;
    const metadata = this.readMetadata(metadataFrom, headerRow);
    let unit = metadata.unit;
    let unitLocation = metadata.unitLocation;
    if (unit === null && header.unitHint) {
      unit = header.unitHint.unit;
      unitLocation = locate(sheet.name, headerAbsolute + header.unitHint.rowOffset, header.unitHint.col);
    }
    const rows: TableRow[] = drafts;
    for (const block of blocks) {
      const draft = drafts[block.draft];
      if (draft) rows[block.draft] = { ...draft, records: block.records, templateRows: block.templateRows, block: block.block };
    }
    const table: PerformanceTable = {
      sheet: sheet.name,
      index,
      layout,
      title: metadata.title,
      department: metadata.department,
      unit,
      unitLocation: unitLocation ?? locate(sheet.name, headerAbsolute, leftmost),
      headerRow: headerAbsolute,
      firstCol: Math.min(leftmost, ...header.extraColumns.map((e) => e.col)),
      headerRowCount: header.rowCount,
      firstDataRow: sheet.originRow + firstData,
      lastRow: sheet.originRow + lastRow,
      columns,
      amountColumns,
      missingColumns: missingColumns(columns, layout, amountColumns),
      valueSlots: valueSlotsOf(columns, layout),
      rows,
      grandTotal,
      sums: [],
    };
    return { table, stoppedAt: r };
  }

  private startsWithNote(r: number): boolean {
    for (const value of this.rowValues(r)) {
      if (isBlank(value)) continue;
      return typeof value === 'string' && isNoteText(value);
    }
    return false;
  }

  /** Title or 部门名称 line of a following table: no amount, no goal/indicators (unless it carries a metadata mark), header close below. */
  private isNextTableMetadata(r: number, columns: TableColumns, amountColumns: readonly AmountColumn[]): boolean {
    let headerBelow = false;
    for (let k = 1; k <= METADATA_REACH && !headerBelow; k++) headerBelow = this.headerAt(r + k) !== null;
    if (!headerBelow) return false;
    const absolute = this.sheet.originRow + r;
    const hasAmount = amountColumns.some((column) => {
      const col = columns[column];
      return col !== undefined && parseAmount(cellAt(this.sheet, absolute, col)).kind === 'number';
    });
    if (hasAmount) return false;
    const hasTexts = [columns.goal, columns.indicators, columns.level3].some((col) => col !== undefined && !isBlank(cellAt(this.sheet, absolute, col)));
    if (!hasTexts) return true;
    return this.rowValues(r).some(
      (value) => typeof value === 'string' && (value.includes(TITLE_MARK) || DEPARTMENT_LABELLED.test(value) || UNIT_MARK.test(value)),
    );
  }

  private readRow(
    r: number,
    columns: TableColumns,
    amountColumns: readonly AmountColumn[],
    leftmost: number,
    extraColumns: HeaderMatch['extraColumns'],
  ): { draft: RowDraft; hasTexts: boolean; grandTotal: boolean } {
    const { sheet } = this;
    const row = sheet.originRow + r;
    const nameCol = columns.name ?? leftmost;
    const rawName = cellText(cellAt(sheet, row, nameCol));
    let name = rawName.trim();
    let nameLocation = locate(sheet.name, row, nameCol);
    let grandTotal = isGrandTotalName(name);
    // 合计 is often written in a merged 序号 + name cell, i.e. in the 序号 column.
    if (!grandTotal && name === '') {
      for (const other of [columns.seq, columns.owner]) {
        if (grandTotal || other === undefined) continue;
        const text = cellText(cellAt(sheet, row, other)).trim();
        if (isGrandTotalName(text)) {
          grandTotal = true;
          name = text;
          nameLocation = locate(sheet.name, row, other);
        }
      }
    }
    const owner = textCell(sheet, row, columns.owner);
    // A unit row of a table that names units in their own column (单位名称) has its name there.
    if (!grandTotal && name === '' && owner !== null && owner.text !== '') {
      name = owner.text;
      nameLocation = owner.location;
    }
    const goal = textCell(sheet, row, columns.goal);
    const periodGoal = textCell(sheet, row, columns.periodGoal);
    let indicators: RowDraft['indicators'] = null;
    if (columns.indicators !== undefined) {
      const raw = cellAt(sheet, row, columns.indicators);
      indicators = { raw, text: cellText(raw).trim(), location: locate(sheet.name, row, columns.indicators) };
    }
    // map, not push: an array pushed to keeps room for 17 cells, and 100,000s of rows keep their arrays.
    const amounts = amountColumns.map((column) => amountCell(sheet, row, column, columns[column] as number));
    const extras = extraColumns.length === 0 ? NO_EXTRAS : extrasOf(sheet, row, extraColumns);
    const kind = grandTotal ? 'grand-total' : 'project';
    const indent = leadingIndent(rawName);
    // Two literals rather than a spread in one: a spread makes every row's later fields slower, larger properties.
    const draft: RowDraft =
      extras.length > 0
        ? { kind, row, name, indent, nameLocation, amounts, goal, periodGoal, indicators, owner, extras, parent: null, children: NO_CHILDREN }
        : { kind, row, name, indent, nameLocation, amounts, goal, periodGoal, indicators, owner, parent: null, children: NO_CHILDREN };
    const hasTexts = (goal !== null && goal.text !== '') || (periodGoal !== null && periodGoal.text !== '') || (indicators !== null && indicators.text !== '');
    return { draft, hasTexts, grandTotal };
  }

  private readMetadata(from: number, headerRow: number): { title: string | null; department: string | null; unit: MoneyUnit | null; unitLocation: CellLocation | null } {
    const { sheet } = this;
    let markedTitle: string | null = null;
    let firstText: string | null = null;
    let department: string | null = null;
    let unit: MoneyUnit | null = null;
    let unitLocation: CellLocation | null = null;
    for (let r = Math.max(0, from); r < headerRow; r++) {
      const values = this.rowValues(r);
      let departmentLabelPending = false;
      for (let c = 0; c < values.length; c++) {
        const value = values[c];
        if (isBlank(value)) continue;
        const text = cellText(value ?? null).trim();
        const location = locate(sheet.name, sheet.originRow + r, sheet.originCol + c);
        const unitMatch = UNIT_MARK.exec(text);
        if (unitMatch && unit === null) {
          unit = unitMatch[1] as MoneyUnit;
          unitLocation = location;
        }
        const departmentMatch = DEPARTMENT_LABELLED.exec(text);
        const isLabelOnly = DEPARTMENT_LABEL_ONLY.test(text.replace(ALL_WHITESPACE, ''));
        if (department === null) {
          if (departmentLabelPending && !unitMatch) department = text;
          else if (departmentMatch) {
            const named = (departmentMatch[1] ?? '').replace(UNIT_TAIL, '').trim();
            if (named !== '') department = named;
            else departmentLabelPending = true;
          } else if (isLabelOnly) departmentLabelPending = true;
        }
        if (text.includes(TITLE_MARK) && markedTitle === null) markedTitle = text;
        const isMetadataCell = unitMatch !== null || departmentMatch !== null || isLabelOnly || isNoteText(text);
        if (firstText === null && typeof value === 'string' && !isMetadataCell) firstText = text;
      }
    }
    return { title: markedTitle ?? firstText, department, unit, unitLocation };
  }
}

const NO_EXTRAS: readonly ExtraField[] = [];

function extrasOf(sheet: SheetGrid, row: number, extraColumns: HeaderMatch['extraColumns']): readonly ExtraField[] {
  const extras: ExtraField[] = [];
  for (const { label, col } of extraColumns) {
    const raw = cellAt(sheet, row, col);
    if (!isBlank(raw)) extras.push({ label, raw, location: locate(sheet.name, row, col) });
  }
  return extras;
}

function textCell(sheet: SheetGrid, row: number, col: number | undefined): TextCell | null {
  if (col === undefined) return null;
  return { text: cellText(cellAt(sheet, row, col)).trim(), location: locate(sheet.name, row, col) };
}

function amountCell(sheet: SheetGrid, row: number, column: AmountColumn, col: number): AmountCell {
  const raw = cellAt(sheet, row, col);
  const location = locate(sheet.name, row, col);
  const formula = sheet.formulas?.get(location.cell);
  if (formula === undefined) return { column, location, raw, parsed: parseAmount(raw) };
  return { column, location, raw, parsed: parseAmount(raw), formula, ...(sheet.staleFormulas?.has(location.cell) ? { stale: true } : {}) };
}

/** Required headers the table lacks: a name, an amount, a goal, and indicators (their cell, or their name and value columns). */
function missingColumns(columns: TableColumns, layout: LayoutKind, amountColumns: readonly AmountColumn[]): HeaderKind[] {
  const missing: HeaderKind[] = [];
  for (const kind of REQUIRED_KINDS) {
    if (kind === 'total') {
      if (amountColumns.length === 0) missing.push('total');
    } else if (kind === 'indicators') {
      if (layout === 'one-cell' && columns.indicators === undefined) missing.push('indicators');
      if (layout === 'row-per-indicator') for (const k of ['level3', 'value'] as const) if (columns[k] === undefined && (k !== 'value' || columns.periodValue === undefined)) missing.push(k);
    } else if (columns[kind] === undefined) {
      missing.push(kind);
    }
  }
  return missing;
}

function valueSlotsOf(columns: TableColumns, layout: LayoutKind): ValueSlots {
  if (layout === 'one-cell') return 'both';
  if (columns.value !== undefined && columns.periodValue !== undefined) return 'both';
  return columns.periodValue !== undefined ? 'period' : 'annual';
}
