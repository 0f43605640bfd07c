import ExcelJS from 'exceljs';
import { amountToNumber, evaluateSimpleFormula, parseA1, parseSimpleFormula, rangeAddress, toA1, rewritePoint, SEVERITIES, type BlockRewrite, type CellValue, type Locale, type Severity, type SheetGrid, type WorkbookGrid } from '../core';
import { ignoredSectionValues, type IgnoredReportRow } from './ignored-report';
import { IGNORED_SHEET_NAME, ignoredSheetRows, isEmptyIgnoredSetting, readIgnoredSheet } from './ignored-sheet';
import { isReportGrid, MARK_COLOURS, reportHeader, REPORT_SHEET_NAME, type ReportRow } from './port';
import { uniqueSheetName } from './sheet-names';
import { ignoredSheetValues, sheetGrid, toArrayBuffer } from './xlsx-grid';

export interface XlsxWriteOptions {
  /** "Sheet!A1" → severity: those cells get a mark (a conditional format, as in Excel). */
  readonly marks?: ReadonlyMap<string, Severity>;
  /**
   * Rows of the report sheet: it replaces our report already in the grid or file (known by its header row, as the
   * pane knows it), under that one's name; else it is added as 校验结果, or 校验结果（2）… when a sheet of the user's
   * has that name (which is kept as it is).
   */
  readonly report?: readonly ReportRow[];
  /** Findings the ignore list names: a section of the 校验结果 sheet below the others, with who and why (needs `report`). */
  readonly ignoredReport?: readonly IgnoredReportRow[];
  /** The language of the report's header rows (Chinese unless given). */
  readonly locale?: Locale;
  /**
   * The .xlsx file the grid was read from. The copy starts from it and only values that differ are
   * written, so the user's formats, formulas, merges and widths stay; with nothing to change it is returned as is.
   */
  readonly base?: Uint8Array;
  /**
   * Block rewrites applied since the grid was read from `base` (MemoryWorkbook.rewrites()): replayed on the
   * base first, so its rows, formats and merges move as the workbook's did before the values are written.
   */
  readonly rewrites?: readonly BlockRewrite[];
  /**
   * The ignore list's text (as the workbook setting holds it) to carry in the file's very hidden sheet, so that the
   * page, the pane and the CLI read it back; an empty list removes the sheet. Absent: a base's sheet stays as it is.
   */
  readonly ignored?: string;
}

/** The marks' rule, as the add-in's MARK_FORMULA (without "="): always true and recognisable. */
export const XLSX_MARK_FORMULA = 'N("jixiao")=0';

/** ExcelJS keeps conditional formats here; its typings leave the property out. */
interface WithConditionalFormats {
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
}

const argb = (hex: string) => `FF${hex.replace('#', '')}`;

/** Writes grids to .xlsx bytes with ExcelJS. No Node I/O: the web page downloads the result. */
export async function writeXlsxGrid(workbook: WorkbookGrid, options: XlsxWriteOptions = {}): Promise<Uint8Array> {
  if (options.base) return writeOverBase(workbook, options.base, options);
  const book = new ExcelJS.Workbook();
  book.creator = '绩效目标表助手';
  const reports = options.report ? workbook.sheets.filter(isReportGrid).map((s) => s.name) : [];
  for (const sheet of workbook.sheets) {
    if (!reports.includes(sheet.name)) addValuesSheet(book, sheet);
  }
  addMarks(book, options.marks);
  if (options.report) {
    const name = reportName(reports, book);
    addReportSheet(book, name, options.report, options.locale);
    addIgnoredSection(book, name, options.ignoredReport ?? [], options.locale);
  }
  if (options.ignored !== undefined) writeIgnoredSheet(book, options.ignored);
  recalculateOnOpen(book, workbook);
  return toBytes(await book.xlsx.writeBuffer());
}

/** Formulas the page could not recalculate (staleFormulas): Excel recalculates the whole file when it opens it. */
function recalculateOnOpen(book: ExcelJS.Workbook, workbook: WorkbookGrid): boolean {
  if (!workbook.sheets.some((s) => (s.staleFormulas?.size ?? 0) > 0)) return false;
  book.calcProperties = { ...book.calcProperties, fullCalcOnLoad: true };
  return true;
}

async function writeOverBase(workbook: WorkbookGrid, base: Uint8Array, options: XlsxWriteOptions): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(toArrayBuffer(base));
  let changed = replayRewrites(book, options.rewrites ?? []);
  // The values as the file holds them (its rows moved as the workbook's were), before anything is written.
  const before = new Map(book.worksheets.map((ws) => [ws.name, sheetGrid(ws)]));
  const reports = options.report ? [...before].filter(([, grid]) => isReportGrid(grid)).map(([name]) => name) : [];
  for (const sheet of workbook.sheets) {
    if (options.report && (reports.includes(sheet.name) || isReportGrid(sheet))) continue;
    const ws = book.getWorksheet(sheet.name);
    const old = before.get(sheet.name);
    if (!ws || !old) {
      addValuesSheet(book, sheet);
      changed = true;
      continue;
    }
    if (writeChangedValues(ws, old, sheet)) changed = true;
  }
  if (removeMarks(book)) changed = true;
  if (options.report) {
    const name = reportName(reports, book);
    const old = book.getWorksheet(name);
    if (old) book.removeWorksheet(old.id);
    addReportSheet(book, name, options.report, options.locale);
    addIgnoredSection(book, name, options.ignoredReport ?? [], options.locale);
    changed = true;
  }
  if (addMarks(book, options.marks)) changed = true;
  if (options.ignored !== undefined && writeIgnoredSheet(book, options.ignored)) changed = true;
  if (recalculateOnOpen(book, workbook)) changed = true;
  // Nothing to change: the user's own file, byte for byte (ExcelJS drops what it does not model, e.g. charts).
  if (!changed) return base.slice();
  return toBytes(await book.xlsx.writeBuffer());
}

/**
 * Moves rows and merges of the base as the rewrites did in the workbook: merged areas undone first (so that no
 * row move has to carry them), whole rows inserted or deleted at the block's end, merged areas made anew.
 * The values are written afterwards, with the rest of the grid.
 */
function replayRewrites(book: ExcelJS.Workbook, rewrites: readonly BlockRewrite[]): boolean {
  for (const rewrite of rewrites) {
    const ws = book.getWorksheet(rewrite.sheet);
    if (!ws) continue;
    for (const merge of rewrite.mergesBefore) ws.unMergeCells(rangeAddress(merge));
    const { at, delta } = rewritePoint(rewrite);
    if (delta > 0) ws.spliceRows(at + 1, 0, ...Array.from({ length: delta }, () => []));
    else if (delta < 0) ws.spliceRows(at + 1, -delta);
    for (const merge of rewrite.mergesAfter) ws.mergeCells(rangeAddress(merge));
  }
  return rewrites.length > 0;
}

/** Non-empty cells by "row:col" (0-based, absolute). */
function cellsOf(sheet: SheetGrid): Map<string, CellValue> {
  const cells = new Map<string, CellValue>();
  sheet.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null && value !== '') cells.set(`${sheet.originRow + r}:${sheet.originCol + c}`, value);
    }),
  );
  return cells;
}

/**
 * Writes only the cells whose value or formula differs from the base's; each keeps its style. A base formula whose
 * result is unchanged stays; a formula the grid holds but the base lacks, or whose new value is its result, is written as a formula.
 */
function writeChangedValues(ws: ExcelJS.Worksheet, old: SheetGrid, now: SheetGrid): boolean {
  const was = cellsOf(old);
  const is = cellsOf(now);
  let changed = false;
  for (const key of new Set([...was.keys(), ...is.keys(), ...formulaKeys(old), ...formulaKeys(now)])) {
    const value = is.get(key) ?? null;
    const [row, col] = key.split(':').map(Number) as [number, number];
    const address = toA1(row, col);
    const before = old.formulas?.get(address) ?? null;
    const formula = now.formulas ? (now.formulas.get(address) ?? null) : before;
    if (value === (was.get(key) ?? null) && formula === before) continue;
    const cell = ws.getCell(row + 1, col + 1);
    detachSharedFormula(ws, cell);
    // A formula the base lacks (a corrected total, put back by 撤销) is written as one, and so is the base's formula
    // when the new value is its result (recalculated on the page); any other change writes the value.
    const keepsFormula = formula !== null && (formula !== before || isResultOf(formula, value, is));
    cell.value = keepsFormula ? { formula: formula.slice(1), result: value ?? undefined } : value;
    changed = true;
  }
  return changed;
}

/** `value` is what the simple formula gives over the grid's cells (the page recalculated it), not a value typed over it. */
function isResultOf(formula: string, value: CellValue, cells: ReadonlyMap<string, CellValue>): boolean {
  const parsed = parseSimpleFormula(formula);
  const result = parsed ? evaluateSimpleFormula(parsed, (row, col) => cells.get(`${row}:${col}`) ?? null) : null;
  return result !== null && amountToNumber(result) === value;
}

/** The "row:col" keys of a grid's formula cells. */
function formulaKeys(sheet: SheetGrid): string[] {
  return [...(sheet.formulas?.keys() ?? [])].flatMap((address) => {
    const at = parseA1(address);
    return at ? [`${at.row}:${at.col}`] : [];
  });
}

/** Before a shared formula's master is overwritten, its clones get their own formulas (else ExcelJS cannot write them). */
function detachSharedFormula(ws: ExcelJS.Worksheet, master: ExcelJS.Cell): void {
  const value = master.value;
  if (typeof value !== 'object' || value === null || !('shareType' in value) || value.shareType !== 'shared') return;
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const clone = cell.value;
      if (typeof clone === 'object' && clone !== null && 'sharedFormula' in clone && clone.sharedFormula === master.address) {
        cell.value = { formula: cell.formula, result: clone.result };
      }
    }),
  );
}

function addValuesSheet(book: ExcelJS.Workbook, sheet: SheetGrid): void {
  const ws = book.addWorksheet(sheet.name);
  sheet.values.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === null) return;
      const cell = ws.getCell(sheet.originRow + r + 1, sheet.originCol + c + 1);
      // A formula cell keeps its formula, with its value as the result.
      const formula = sheet.formulas?.get(cell.address);
      cell.value = formula !== undefined ? { formula: formula.slice(1), result: value } : value;
      if (typeof value === 'string' && value.length > 20) cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
  for (const merge of sheet.merges ?? []) ws.mergeCells(rangeAddress(merge));
}

const conditionalFormatsOf = (ws: ExcelJS.Worksheet) => (ws as unknown as WithConditionalFormats).conditionalFormattings;

const isMarkRule = (rule: ExcelJS.ConditionalFormattingRule) => rule.type === 'expression' && rule.formulae?.[0] === XLSX_MARK_FORMULA;

/** Removes marks a previous download left in the file, moving the user's rules back up; true if there were any. */
function removeMarks(book: ExcelJS.Workbook): boolean {
  let removed = false;
  for (const ws of book.worksheets) {
    const holder = ws as unknown as WithConditionalFormats;
    const freed: number[] = [];
    const kept: ExcelJS.ConditionalFormattingOptions[] = [];
    for (const cf of holder.conditionalFormattings) {
      const rules = cf.rules.filter((rule) => !isMarkRule(rule));
      for (const rule of cf.rules) if (isMarkRule(rule)) freed.push(rule.priority);
      if (rules.length > 0) kept.push(rules.length === cf.rules.length ? cf : { ...cf, rules });
    }
    if (freed.length === 0) continue;
    for (const cf of kept) for (const rule of cf.rules) rule.priority -= freed.filter((p) => p < rule.priority).length;
    holder.conditionalFormattings = kept;
    removed = true;
  }
  return removed;
}

/**
 * One conditional format per sheet and severity, on top of the user's own (as Excel puts a new rule
 * first): their rules keep their order and formats, only their priority numbers move down.
 */
function addMarks(book: ExcelJS.Workbook, marks: ReadonlyMap<string, Severity> | undefined): boolean {
  if (!marks || marks.size === 0) return false;
  const bySheet = new Map<string, Map<Severity, string[]>>();
  for (const [key, severity] of marks) {
    const bang = key.lastIndexOf('!');
    const sheet = key.slice(0, bang);
    const cell = key.slice(bang + 1);
    if (!parseA1(cell)) continue;
    const cells = bySheet.get(sheet) ?? new Map<Severity, string[]>();
    bySheet.set(sheet, cells);
    cells.set(severity, [...(cells.get(severity) ?? []), cell]);
  }
  let added = false;
  for (const [name, cells] of bySheet) {
    const ws = book.getWorksheet(name);
    if (!ws) continue;
    const severities = SEVERITIES.filter((s) => cells.has(s));
    for (const cf of conditionalFormatsOf(ws)) for (const rule of cf.rules) if (rule.priority) rule.priority += severities.length;
    severities.forEach((severity, i) => {
      const colours = MARK_COLOURS[severity];
      ws.addConditionalFormatting({
        ref: (cells.get(severity) ?? []).join(' '),
        rules: [
          {
            type: 'expression',
            priority: i + 1,
            formulae: [XLSX_MARK_FORMULA],
            style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(colours.fill) } }, font: { color: { argb: argb(colours.font) } } },
          },
        ],
      });
      added = true;
    });
  }
  return added;
}

/** Our report's name: an old report's (the one named 校验结果 first), else one no sheet of the book has. */
function reportName(reports: readonly string[], book: ExcelJS.Workbook): string {
  return reports.find((n) => n === REPORT_SHEET_NAME) ?? reports[0] ?? uniqueSheetName(REPORT_SHEET_NAME, new Set(book.worksheets.map((ws) => ws.name)));
}

/** The report, tagged as ours by its header row from A1 (reportHeader), which the pane and every reader look for. */
function addReportSheet(book: ExcelJS.Workbook, name: string, rows: readonly ReportRow[], locale: Locale = 'zh-CN'): void {
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...reportHeader(locale)]).font = { bold: true };
  for (const r of rows) {
    const row = ws.addRow([r.level, r.sheet, null, r.project, r.title, r.message, r.fix, r.rule]);
    // An internal link, as the add-in's HYPERLINK formula: clicking it jumps to the cell.
    row.getCell(3).value = { text: r.cell, hyperlink: `#'${r.sheet.replace(/'/g, "''")}'!${r.cell}` };
  }
  const widths = [8, 18, 10, 28, 24, 60, 40, 24];
  widths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  ws.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
  ws.getColumn(7).alignment = { wrapText: true, vertical: 'top' };
}

/** The 校验结果 sheet's section of ignored findings, below a blank row: title, header, one row each with a link. */
function addIgnoredSection(book: ExcelJS.Workbook, name: string, rows: readonly IgnoredReportRow[], locale: Locale = 'zh-CN'): void {
  const ws = book.getWorksheet(name);
  if (!ws || rows.length === 0) return;
  ws.addRow([]);
  const [title, header, ...lines] = ignoredSectionValues(rows, locale);
  ws.addRow(title ?? []).font = { bold: true };
  ws.addRow(header ?? []).font = { bold: true };
  lines.forEach((line, i) => {
    const r = rows[i];
    const row = ws.addRow(line);
    if (r) row.getCell(3).value = { text: r.cell, hyperlink: `#'${r.sheet.replace(/'/g, "''")}'!${r.cell}` };
  });
}

/** Puts the ignore list in its very hidden sheet (replacing the one there); false when the file already holds it. */
function writeIgnoredSheet(book: ExcelJS.Workbook, setting: string): boolean {
  const old = book.getWorksheet(IGNORED_SHEET_NAME);
  if (old) {
    const held = readIgnoredSheet(ignoredSheetValues(old));
    if (held.ok && held.setting === setting) return false;
    // A newer version's list is kept as it came: this version cannot read it, so it has nothing to replace it with.
    if (!held.ok && held.newer) return false;
    book.removeWorksheet(old.id);
  }
  if (isEmptyIgnoredSetting(setting)) return old !== undefined;
  const ws = book.addWorksheet(IGNORED_SHEET_NAME, { state: 'veryHidden' });
  ignoredSheetRows(setting).forEach((row) => ws.addRow(row));
  return true;
}

function toBytes(buffer: ExcelJS.Buffer): Uint8Array {
  return new Uint8Array(buffer as ArrayBuffer);
}
