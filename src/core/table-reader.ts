import { parseAmount } from './amounts';
import { cellAt, cellText, locate } from './grid';
import type { CellLocation, CellValue, SheetGrid, WorkbookGrid } from './grid';
import { AMOUNT_COLUMNS, FUNDING_COLUMNS } from './table-model';
import type {
  AmountCell,
  AmountColumn,
  HeaderKind,
  PerformanceTable,
  RowKind,
  SheetWithoutTable,
  TableColumns,
  TableReadResult,
} from './table-model';

type MoneyUnit = '万元' | '元';
type MutableColumns = { [K in HeaderKind]: number | null };

const ALL_WHITESPACE = /\s+/g;
const HEADER_UNIT_SUFFIX = /\((?:单位:)?(?:人民币)?(万元|元)\)$/;
const HEADER_MARKER = /^[*＊]+|:$/g;
// Headers are short; longer texts (project goals, indicators) are skipped without normalising.
const MAX_HEADER_LENGTH = 60;
const NOTE_START = /^(?:注|说明|备注)[:：]/;
const NOTE_FIRST_CHAR = /^\s*[注说备]/;
/** 注：/ 说明：/ 备注：with any spacing: a row that starts with one ends the table. */
export function isNoteText(text: string): boolean {
  return NOTE_FIRST_CHAR.test(text) && NOTE_START.test(text.replace(ALL_WHITESPACE, ''));
}
const GRAND_TOTAL = /^(?:合计|总计)[:：]?$/;
/** 合计 / 总计 with any spacing; every row's name is asked, so most names are rejected without a copy. */
export function isGrandTotalName(text: string): boolean {
  return text.includes('计') && GRAND_TOTAL.test(text.replace(ALL_WHITESPACE, ''));
}
const TITLE_MARK = '绩效目标表';
const DEPARTMENT_LABELLED = /(?:部门名称|单位名称|预算部门|主管部门)\s*[:：]\s*(.*)$/s;
const DEPARTMENT_LABEL_ONLY = /^(?:部门名称|单位名称|预算部门|主管部门)[:：]?$/;
// No two \s* side by side: on a long run of spaces they backtrack quadratically (cubically in UNIT_TAIL).
const UNIT_MARK = /(?:金额)?单位\s*[:：]\s*(?:人民币\s*)?(万元|元)/;
// Cuts "单位：万元" (and an opening bracket before it) off a department value sharing its cell.
const UNIT_TAIL = /(?<![\s（(])[\s（(]*(?:金额)?单位\s*[:：].*$/s;
// A metadata row of the next table sits at most this many rows above its header.
export const METADATA_REACH = 3;

const HEADER_SYNONYMS: ReadonlyMap<string, HeaderKind> = new Map<string, HeaderKind>([
  ['序号', 'seq'],
  ['项目(单位)名称', 'name'],
  ['单位/项目名称', 'name'],
  ['项目/单位名称', 'name'],
  ['单位(项目)名称', 'name'],
  ['总计', 'total'],
  ['合计', 'total'],
  ['资金总额', 'total'],
  ['总额', 'total'],
  ['财政拨款', 'fiscal'],
  ['一般公共预算拨款', 'fiscal'],
  ['一般公共预算', 'fiscal'],
  ['一般公共预算资金', 'fiscal'],
  ['财政专户拨款', 'specialAccount'],
  ['财政专户管理资金', 'specialAccount'],
  ['财政专户', 'specialAccount'],
  ['其他资金', 'other'],
  ['其他', 'other'],
  ['绩效目标', 'goal'],
  ['年度绩效目标', 'goal'],
  ['项目绩效目标', 'goal'],
  ['绩效指标', 'indicators'],
  ['年度绩效指标', 'indicators'],
  ['项目绩效指标', 'indicators'],
]);

// Upper cells of a two-row header that only group the columns below them.
const GROUP_LABELS: ReadonlySet<string> = new Set([
  '资金来源', '其中', '资金构成', '资金来源构成', '资金情况', '项目资金', '预算金额', '预算数', '资金',
]);

const HEADER_KINDS: readonly HeaderKind[] = ['seq', 'name', 'total', 'fiscal', 'specialAccount', 'other', 'goal', 'indicators'];
const REQUIRED_KINDS: readonly HeaderKind[] = ['name', 'total', 'goal', 'indicators'];

type HeaderCellKind = HeaderKind | 'group' | null;

interface HeaderRowCells {
  /** Per relative column. */
  readonly kinds: readonly HeaderCellKind[];
  readonly units: readonly (MoneyUnit | null)[];
  /** At least one cell is a known header. */
  readonly hasKnown: boolean;
  /** Every non-blank cell is a known header or a group label (so the row may be the lower half of a header). */
  readonly onlyHeaders: boolean;
}

interface HeaderMatch {
  readonly rowCount: 1 | 2;
  readonly columns: TableColumns;
  /** A unit given in a header such as 总计（万元）, with its relative position. */
  readonly unitHint: { readonly unit: MoneyUnit; readonly rowOffset: number; readonly col: number } | null;
}

interface RowDraft {
  kind: RowKind;
  readonly row: number;
  name: string;
  readonly indent: number;
  nameLocation: CellLocation;
  readonly amounts: { readonly [K in AmountColumn]: AmountCell | null };
  readonly goal: { readonly text: string; readonly location: CellLocation } | null;
  readonly indicators: { readonly raw: CellValue; readonly text: string; readonly location: CellLocation } | null;
  parent: number | null;
  children: number[];
}

/** Every 绩效目标表 in the workbook; sheets without one are listed with the reason. */
export function readTables(workbook: WorkbookGrid): TableReadResult {
  const tables: PerformanceTable[] = [];
  const sheetsWithoutTable: SheetWithoutTable[] = [];
  for (const sheet of workbook.sheets) {
    const found = readSheetTables(sheet, tables.length);
    if (found.length > 0) tables.push(...found);
    else sheetsWithoutTable.push({ sheet: sheet.name, reason: sheetIsEmpty(sheet) ? 'empty' : 'no-header' });
  }
  return { tables, sheetsWithoutTable };
}

/** The tables of one sheet, numbered from `firstIndex`. */
export function readSheetTables(sheet: SheetGrid, firstIndex: number): PerformanceTable[] {
  const reader = new SheetReader(sheet);
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

function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function sheetIsEmpty(sheet: SheetGrid): boolean {
  for (const row of sheet.values) {
    if (!row) continue;
    for (const value of row) if (!isBlank(value)) return false;
  }
  return true;
}

function headerKey(text: string): { key: string; unit: MoneyUnit | null } {
  let key = text.replace(ALL_WHITESPACE, '').replace(/（/g, '(').replace(/）/g, ')').replace(/／/g, '/').replace(/：/g, ':');
  const unitMatch = HEADER_UNIT_SUFFIX.exec(key);
  const unit = unitMatch ? (unitMatch[1] as MoneyUnit) : null;
  if (unitMatch) key = key.slice(0, unitMatch.index);
  return { key: key.replace(HEADER_MARKER, ''), unit };
}

function classifyHeaderCell(value: CellValue | undefined): { kind: HeaderCellKind; unit: MoneyUnit | null } {
  if (typeof value !== 'string' || value.length > MAX_HEADER_LENGTH) return { kind: null, unit: null };
  const { key, unit } = headerKey(value);
  if (key === '') return { kind: null, unit: null };
  const known = HEADER_SYNONYMS.get(key) ?? (key.startsWith('项目名称') ? 'name' : undefined);
  if (known) return { kind: known, unit };
  return { kind: GROUP_LABELS.has(key) ? 'group' : null, unit };
}

/** Whether a cell reads as a header or a group label over headers: writing one may start a table. */
export function isHeaderCell(value: CellValue): boolean {
  return classifyHeaderCell(value).kind !== null;
}

// Every header text (after spaces and a leading * marker) starts with one of these characters.
const HEADER_FIRST_CHAR = new RegExp(
  `^[\\s\u3000*＊]*[${[...new Set([...HEADER_SYNONYMS.keys(), ...GROUP_LABELS, '项目名称'].map((k) => k.charAt(0)))].join('')}]`,
);
const NO_HEADER_CELLS: HeaderRowCells = { kinds: [], units: [], hasKnown: false, onlyHeaders: false };

function mayBeHeaderText(value: CellValue | undefined): boolean {
  return typeof value === 'string' && value.length <= MAX_HEADER_LENGTH && HEADER_FIRST_CHAR.test(value);
}

function isHeaderKind(kind: HeaderCellKind | undefined): kind is HeaderKind {
  return kind !== null && kind !== undefined && kind !== 'group';
}

function emptyColumns(): MutableColumns {
  return { seq: null, name: null, total: null, fiscal: null, specialAccount: null, other: null, goal: null, indicators: null };
}

function isTableHeader(columns: TableColumns): boolean {
  return (
    columns.name !== null &&
    (columns.goal !== null || columns.indicators !== null) &&
    AMOUNT_COLUMNS.some((column) => columns[column] !== null)
  );
}

export function leadingIndent(text: string): number {
  let indent = 0;
  for (const ch of text) {
    if (ch === ' ' || ch === '\u00a0') indent += 1;
    else if (ch === '\u3000') indent += 2;
    else if (ch === '\t') indent += 4;
    else break;
  }
  return indent;
}

class SheetReader {
  readonly rowCount: number;
  private readonly headerCells: (HeaderRowCells | undefined)[] = [];
  private readonly headers: (HeaderMatch | null | undefined)[] = [];

  constructor(private readonly sheet: SheetGrid) {
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
    const columns = emptyColumns();
    let lowerUsed = false;
    upper.kinds.forEach((kind, c) => {
      if (isHeaderKind(kind) && columns[kind] === null) columns[kind] = this.sheet.originCol + c;
    });
    // The upper row wins: a lower cell only names a column the upper row left unnamed.
    lower?.kinds.forEach((kind, c) => {
      if (!isHeaderKind(kind) || columns[kind] !== null || isHeaderKind(upper.kinds[c])) return;
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
        return { rowCount: 2, columns: merged.columns, unitHint: this.headerUnit([upper, lower]) };
      }
    }
    return singleIsHeader ? { rowCount: 1, columns: single, unitHint: this.headerUnit([upper]) } : null;
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

  readTable(
    headerRow: number,
    header: HeaderMatch,
    metadataFrom: number,
    index: number,
  ): { table: PerformanceTable; stoppedAt: number } {
    const { sheet } = this;
    const columns = header.columns;
    const mapped = HEADER_KINDS.map((kind) => columns[kind]).filter((col): col is number => col !== null);
    const leftmost = Math.min(...mapped);
    const firstData = headerRow + header.rowCount;
    const drafts: RowDraft[] = [];
    const hasTexts: boolean[] = [];
    const grandTotals: boolean[] = [];
    let lastRow = firstData - 1;
    let r = firstData;
    for (; r < this.rowCount; r++) {
      if (this.headerAt(r) !== null) break;
      if (mapped.every((col) => isBlank(cellAt(sheet, sheet.originRow + r, col)))) continue;
      if (this.startsWithNote(r)) break;
      if (this.isNextTableMetadata(r, columns)) break;
      const read = this.readRow(r, columns, leftmost);
      drafts.push(read.draft);
      hasTexts.push(read.hasTexts);
      grandTotals.push(read.grandTotal);
      lastRow = r;
    }
    const grandTotal = linkRows(drafts, hasTexts, grandTotals);
    const headerAbsolute = sheet.originRow + headerRow;
    const metadata = this.readMetadata(metadataFrom, headerRow);
    let unit = metadata.unit;
    let unitLocation = metadata.unitLocation;
    if (unit === null && header.unitHint) {
      unit = header.unitHint.unit;
      unitLocation = locate(sheet.name, headerAbsolute + header.unitHint.rowOffset, header.unitHint.col);
    }
    const missingColumns = REQUIRED_KINDS.filter((kind) => columns[kind] === null);
    if (FUNDING_COLUMNS.every((column) => columns[column] === null)) missingColumns.push('fiscal');
    const table: PerformanceTable = {
      sheet: sheet.name,
      index,
      title: metadata.title,
      department: metadata.department,
      unit,
      unitLocation: unitLocation ?? locate(sheet.name, headerAbsolute, leftmost),
      headerRow: headerAbsolute,
      headerRowCount: header.rowCount,
      firstDataRow: sheet.originRow + firstData,
      lastRow: sheet.originRow + lastRow,
      columns,
      missingColumns,
      rows: drafts,
      grandTotal,
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
  private isNextTableMetadata(r: number, columns: TableColumns): boolean {
    let headerBelow = false;
    for (let k = 1; k <= METADATA_REACH && !headerBelow; k++) headerBelow = this.headerAt(r + k) !== null;
    if (!headerBelow) return false;
    const absolute = this.sheet.originRow + r;
    const hasAmount = AMOUNT_COLUMNS.some((column) => {
      const col = columns[column];
      return col !== null && parseAmount(cellAt(this.sheet, absolute, col)).kind === 'number';
    });
    if (hasAmount) return false;
    const hasTexts = [columns.goal, columns.indicators].some(
      (col) => col !== null && !isBlank(cellAt(this.sheet, absolute, col)),
    );
    if (!hasTexts) return true;
    return this.rowValues(r).some(
      (value) =>
        typeof value === 'string' &&
        (value.includes(TITLE_MARK) || DEPARTMENT_LABELLED.test(value) || UNIT_MARK.test(value)),
    );
  }

  private readRow(r: number, columns: TableColumns, leftmost: number): { draft: RowDraft; hasTexts: boolean; grandTotal: boolean } {
    const { sheet } = this;
    const row = sheet.originRow + r;
    const nameCol = columns.name ?? leftmost;
    const rawName = cellText(cellAt(sheet, row, nameCol));
    let name = rawName.trim();
    let nameLocation = locate(sheet.name, row, nameCol);
    let grandTotal = isGrandTotalName(name);
    // 合计 is often written in a merged 序号 + name cell, i.e. in the 序号 column.
    if (!grandTotal && name === '' && columns.seq !== null) {
      const seqText = cellText(cellAt(sheet, row, columns.seq)).trim();
      if (isGrandTotalName(seqText)) {
        grandTotal = true;
        name = seqText;
        nameLocation = locate(sheet.name, row, columns.seq);
      }
    }
    const goal =
      columns.goal === null
        ? null
        : { text: cellText(cellAt(sheet, row, columns.goal)).trim(), location: locate(sheet.name, row, columns.goal) };
    let indicators: RowDraft['indicators'] = null;
    if (columns.indicators !== null) {
      const raw = cellAt(sheet, row, columns.indicators);
      indicators = { raw, text: cellText(raw).trim(), location: locate(sheet.name, row, columns.indicators) };
    }
    const draft: RowDraft = {
      kind: grandTotal ? 'grand-total' : 'project',
      row,
      name,
      indent: leadingIndent(rawName),
      nameLocation,
      amounts: {
        total: amountCell(sheet, row, 'total', columns.total),
        fiscal: amountCell(sheet, row, 'fiscal', columns.fiscal),
        specialAccount: amountCell(sheet, row, 'specialAccount', columns.specialAccount),
        other: amountCell(sheet, row, 'other', columns.other),
      },
      goal,
      indicators,
      parent: null,
      children: NO_CHILDREN,
    };
    const hasTexts = (goal !== null && goal.text !== '') || (indicators !== null && indicators.text !== '');
    return { draft, hasTexts, grandTotal };
  }

  private readMetadata(
    from: number,
    headerRow: number,
  ): { title: string | null; department: string | null; unit: MoneyUnit | null; unitLocation: CellLocation | null } {
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

function amountCell(sheet: SheetGrid, row: number, column: AmountColumn, col: number | null): AmountCell | null {
  if (col === null) return null;
  const raw = cellAt(sheet, row, col);
  return { column, location: locate(sheet.name, row, col), raw, parsed: parseAmount(raw) };
}

/**
 * Classifies the data rows (unit or project) and links each to the row it adds up into.
 * Returns the index of the grand total row, or null.
 */
function linkRows(rows: RowDraft[], hasTexts: readonly boolean[], grandTotals: readonly boolean[]): number | null {
  const body: number[] = [];
  for (let i = 0; i < rows.length; i++) if (!grandTotals[i]) body.push(i);
  // A nameless row (the lower half of a project merged over two rows) keeps the level of the row above.
  const indents: number[] = new Array<number>(rows.length).fill(0);
  let previousIndent = 0;
  for (const i of body) {
    const row = rows[i] as RowDraft;
    if (row.name !== '') previousIndent = row.indent;
    indents[i] = previousIndent;
  }
  const indentOf = (i: number): number => indents[i] ?? 0;
  const firstIndent = body.length > 0 ? indentOf(body[0] as number) : 0;
  const indentUsed = body.some((i) => indentOf(i) !== firstIndent);
  const depth = (i: number): number => (indentUsed ? indentOf(i) : 0);

  // Backwards, so each row can see whether the row after it is a unit (filled first: written from the end, a bare array turns sparse).
  const isUnit: boolean[] = new Array<boolean>(rows.length).fill(false);
  for (let k = body.length - 1; k >= 0; k--) {
    const i = body[k] as number;
    const next = body[k + 1];
    let unit = false;
    if (!hasTexts[i] && next !== undefined) {
      unit =
        depth(next) > depth(i) ||
        (depth(next) === depth(i) && (isUnit[next] === true || (!indentUsed && hasTexts[next] === true)));
    }
    isUnit[i] = unit;
  }

  interface Open {
    readonly index: number;
    readonly depth: number;
    readonly department: boolean;
  }
  const open: Open[] = [];
  const top = (): Open | undefined => open[open.length - 1];
  let previous: number | undefined;
  for (let k = 0; k < body.length; k++) {
    const i = body[k] as number;
    const row = rows[i] as RowDraft;
    const d = depth(i);
    if (isUnit[i]) {
      row.kind = 'unit';
      const next = body[k + 1];
      const startsRun = previous === undefined || !isUnit[previous] || depth(previous) !== d;
      // First of consecutive same-level units: a department over the units that follow it.
      const department = startsRun && next !== undefined && isUnit[next] === true && depth(next) === d;
      for (let t = top(); t && (t.depth > d || (t.depth === d && (department || !t.department))); t = top()) open.pop();
      attach(rows, i, top()?.index ?? null);
      open.push({ index: i, depth: d, department });
    } else {
      row.kind = 'project';
      if (indentUsed) for (let t = top(); t && t.depth >= d; t = top()) open.pop();
      attach(rows, i, top()?.index ?? null);
    }
    previous = i;
  }

  let grandTotal: number | null = null;
  for (let i = 0; i < rows.length; i++) {
    if (grandTotals[i]) {
      grandTotal = i;
      break;
    }
  }
  if (grandTotal !== null) {
    for (const i of body) if ((rows[i] as RowDraft).parent === null) attach(rows, i, grandTotal);
  }
  return grandTotal;
}

// Most rows are projects without children: they share one empty list instead of allocating their own.
const NO_CHILDREN: number[] = [];

function attach(rows: RowDraft[], child: number, parent: number | null): void {
  const row = rows[child];
  if (!row || parent === null) return;
  row.parent = parent;
  const parentRow = rows[parent];
  if (!parentRow) return;
  if (parentRow.children === NO_CHILDREN) parentRow.children = [];
  parentRow.children.push(child);
}
