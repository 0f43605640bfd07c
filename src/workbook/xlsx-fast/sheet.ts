import type { CellValue } from '../../core/grid';
import { isoDateText } from '../placed-grid';
import { elementText, runText } from './parts';
import { lettersToNumber } from './shared-formula';
import { unsupported } from './unsupported';
import { CLOSE, decodeXml, excelJsXmlDecode, OPEN, TEXT, XmlScanner } from './xml-scan';

/** A cell once loaded, as ExcelJS's Cell would give it to xlsx-grid.ts: its plain value and its formula. */
export interface LoadedCell {
  readonly value: CellValue;
  /** "=…" for a formula of its own; a shared formula's master address (translated later); null for none. */
  readonly formula: string | null;
  readonly sharedMaster?: string;
}

export interface MergeArea {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A cell without a formula is kept as its value alone: a large sheet holds hundreds of thousands. */
export type LoadedEntry = CellValue | LoadedCell;

/** Cells by 1-based row number, then by 1-based column (sparse arrays, so that both iterate in order). */
export type LoadedRows = (LoadedEntry | undefined)[][];

export interface LoadedSheet {
  readonly rows: LoadedRows;
  readonly merges: readonly MergeArea[];
}

export interface SheetContext {
  readonly sharedStrings: readonly CellValue[] | null;
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
  /** The sheet's relationships (hyperlink targets), by Id. */
  readonly rels: ReadonlyMap<string, { readonly target: string }>;
}

// ExcelJS's worksheet xform picks these up at any depth outside the elements it knows.
const SHEET_ELEMENTS = new Set(['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'autoFilter', 'mergeCells', 'rowBreaks', 'hyperlinks', 'pageMargins', 'dataValidations', 'pageSetup', 'headerFooter', 'printOptions', 'picture', 'drawing', 'sheetProtection', 'tableParts', 'conditionalFormatting', 'extLst']);
// Images, tables and backgrounds need parts ExcelJS reconciles (and can fail on): left to it.
const LEFT_TO_EXCELJS = new Set(['drawing', 'picture', 'tableParts']);

interface RawCell {
  readonly address: string;
  readonly col: number;
  readonly type: string | undefined;
  readonly styleId: number;
  value: string | undefined;
  runs: string | undefined;
  formula: string | undefined;
  shareType: string | undefined;
  si: string | undefined;
  ref: string | undefined;
}

/** One worksheet part, loaded as ExcelJS's worksheet xform, reconcile and model setters would (ExcelJS 4.4). */
export function loadSheet(xml: string, context: SheetContext): LoadedSheet {
  const scan = new XmlScanner(xml);
  if (xml.charCodeAt(0) === 0xfeff) unsupported('xml: byte order mark');
  let token = scan.next();
  while (token === TEXT) token = scan.next();
  if (token !== OPEN || scan.name !== 'worksheet') unsupported('sheet: no worksheet root');
  const mergeRefs: string[] = [];
  const hyperlinks = readHyperlinksFirst(xml, context);
  let hyperlinksSeen = false;
  const rows: LoadedRows = [];
  // Shared formula masters by si, in file order as ExcelJS's reconcile meets them.
  const masters = new Map<string, string>();
  const load = (cell: RawCell): LoadedEntry | undefined => {
    const loaded = loadCell(cell, context, hyperlinks.size === 0 ? undefined : hyperlinks.get(cell.address), masters);
    if (!loaded) return undefined;
    return loaded.formula === null && loaded.sharedMaster === undefined ? loaded.value : loaded;
  };
  scan.children(() => {
    const name = scan.name;
    if (LEFT_TO_EXCELJS.has(name)) unsupported(`sheet: ${name}`);
    if (name === 'sheetData') readSheetData(scan, rows, load);
    else if (name === 'mergeCells') readList(scan, 'mergeCell', () => mergeRefs.push(scan.attr('ref') ?? unsupported('sheet: mergeCell without ref')));
    else {
      hyperlinksSeen ||= name === 'hyperlinks';
      scan.skip(SHEET_ELEMENTS.has(name) ? undefined : SHEET_ELEMENTS);
    }
  });
  if (hyperlinksSeen !== hyperlinks.found) unsupported('sheet: hyperlinks where ExcelJS does not look');
  return { rows, merges: mergeAreas(mergeRefs) };
}

/**
 * The sheet's links, read before its cells (they follow sheetData in the file; a "<" in XML is always markup, so
 * the search is exact) so that cells can be loaded as they are met.
 */
function readHyperlinksFirst(xml: string, context: SheetContext): Map<string, string> & { found: boolean } {
  const hyperlinks = Object.assign(new Map<string, string>(), { found: false });
  const at = xml.indexOf('<hyperlinks');
  if (at < 0) return hyperlinks;
  if (xml.indexOf('<hyperlinks', at + 1) >= 0) unsupported('sheet: two hyperlinks elements');
  const close = xml.indexOf('</hyperlinks>', at);
  const part = new XmlScanner(close < 0 ? xml.slice(at, xml.indexOf('>', at) + 1) : xml.slice(at, close + '</hyperlinks>'.length));
  if (part.next() !== OPEN || part.name !== 'hyperlinks') unsupported('sheet: hyperlinks');
  readList(part, 'hyperlink', () => addHyperlink(part, context, hyperlinks));
  hyperlinks.found = true;
  return hyperlinks;
}

function readList(scan: XmlScanner, child: string, onChild: () => void): void {
  scan.children(() => {
    if (scan.name !== child) unsupported(`sheet: ${scan.name} instead of ${child}`);
    onChild();
    scan.skip();
  });
}

function addHyperlink(scan: XmlScanner, context: SheetContext, hyperlinks: Map<string, string>): void {
  const rId = scan.attr('r:id');
  if (!rId) return;
  const rel = context.rels.get(rId);
  if (!rel) unsupported('sheet: hyperlink without its relationship');
  if (rel.target) hyperlinks.set(scan.attr('ref') ?? 'undefined', rel.target);
}

// Written as loops rather than with children(): this is where a large sheet spends its time.
function readSheetData(scan: XmlScanner, rows: LoadedRows, load: (cell: RawCell) => LoadedEntry | undefined): void {
  const depth = scan.depth;
  for (let token = scan.next(); token !== CLOSE || scan.depth >= depth; token = scan.next()) {
    if (token === TEXT) {
      if (scan.text().trim() !== '') unsupported('sheet: text in sheetData');
      continue;
    }
    if (token !== OPEN || scan.name !== 'row') unsupported(`sheet: ${scan.name} in sheetData`);
    const number = parseInt(scan.attr('r') ?? '', 10);
    if (!(number >= 1 && number <= 1_048_576)) unsupported('sheet: row number');
    const cells: (LoadedEntry | undefined)[] = [];
    const place = (cell: RawCell) => {
      const entry = load(cell);
      // ExcelJS does not create a cell without value, formula or style, so it replaces no earlier one.
      if (entry !== undefined) cells[cell.col] = entry;
    };
    for (;;) {
      const simple = scan.matchHere(SIMPLE_CELL);
      if (simple) {
        place(simpleCell(simple, number));
        continue;
      }
      const inner = scan.next();
      if (inner === CLOSE && scan.depth === depth) break;
      if (inner === TEXT) {
        if (scan.text().trim() !== '') unsupported('sheet: text in a row');
        continue;
      }
      if (inner !== OPEN || (scan.name as string) !== 'c') unsupported(`sheet: ${scan.name} in a row`);
      place(readCell(scan, number));
    }
    // A second <row> with the same number replaces the first.
    rows[number] = cells;
  }
}

// <c r="B4" s="1" t="s"><v>12</v></c> (or without value, style or type), as nearly every cell is written.
const SIMPLE_CELL = /<c r="(([A-Z]{1,3})([1-9][0-9]{0,6}))"(?: s="([0-9]{1,9})")?(?: t="([a-zA-Z]{1,9})")?(?:\/>|>(?:<v>([^<]*)<\/v>)?<\/c>)/y;

function simpleCell(match: RegExpExecArray, row: number): RawCell {
  if (Number(match[3]) !== row) unsupported('sheet: cell address outside its row');
  const s = match[4];
  const value = match[6];
  return {
    address: match[1] as string,
    col: columnNumber(match[2] as string),
    type: match[5],
    styleId: s ? parseInt(s, 10) : 0,
    value: value ? decodeXml(value) : undefined,
    runs: undefined,
    formula: undefined,
    shareType: undefined,
    si: undefined,
    ref: undefined,
  };
}

function readCell(scan: XmlScanner, row: number): RawCell {
  const address = scan.attr('r') ?? unsupported('sheet: cell without an address');
  const col = addressColumn(address, row);
  const s = scan.attr('s');
  const cell: RawCell = {
    address,
    col,
    type: scan.attr('t'),
    styleId: s ? parseInt(s, 10) : 0,
    value: undefined,
    runs: undefined,
    formula: undefined,
    shareType: undefined,
    si: undefined,
    ref: undefined,
  };
  const depth = scan.depth;
  for (let token = scan.next(); token !== CLOSE || scan.depth >= depth; token = scan.next()) {
    if (token === TEXT) {
      scan.text();
      continue;
    }
    if (token !== OPEN) unsupported('sheet: cell');
    switch (scan.name) {
      case 'v':
        appendValue(cell, elementText(scan));
        break;
      case 'f': {
        cell.si = scan.attr('si');
        cell.shareType = scan.attr('t');
        cell.ref = scan.attr('ref');
        const text = elementText(scan);
        if (text !== '') cell.formula = (cell.formula ?? '') + text;
        break;
      }
      case 'is':
        readInlineString(scan, cell);
        break;
      default:
        unsupported(`sheet: ${scan.name} in a cell`);
    }
  }
  return cell;
}

/** The column (1-based) of an address such as "AB12", which must name a cell of `row`, as Excel writes it. */
function addressColumn(address: string, row: number): number {
  let col = 0;
  let i = 0;
  for (; i < address.length && i < 4; i++) {
    const c = address.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + c - 64;
  }
  let number = 0;
  const digitsStart = i;
  for (; i < address.length; i++) {
    const c = address.charCodeAt(i);
    if (c < 48 || c > 57) unsupported('sheet: cell address');
    number = number * 10 + c - 48;
  }
  if (digitsStart === 0 || digitsStart > 3 || address.charCodeAt(digitsStart) === 48 || number !== row) unsupported('sheet: cell address outside its row');
  if (col > 16_384) unsupported('sheet: column beyond XFD');
  return col;
}

function appendValue(cell: RawCell, text: string): void {
  if (cell.runs !== undefined) unsupported('sheet: value after rich text');
  if (text !== '') cell.value = (cell.value ?? '') + text;
}

function readInlineString(scan: XmlScanner, cell: RawCell): void {
  scan.children(() => {
    if (scan.name === 't') appendValue(cell, elementText(scan));
    else if (scan.name === 'r') {
      if (cell.value !== undefined) unsupported('sheet: rich text after text');
      cell.runs = (cell.runs ?? '') + runText(scan);
    } else unsupported(`sheet: ${scan.name} in an inline string`);
  });
}

function columnNumber(letters: string): number {
  const n = lettersToNumber(letters);
  if (n > 16_384) unsupported('sheet: column beyond XFD');
  return n;
}

/** ExcelJS's utils.excelToDate, then xlsx-grid's text for it. */
function dateText(serial: unknown, date1904: boolean): CellValue {
  const n = typeof serial === 'object' ? NaN : Number(serial);
  return isoDateText(new Date(Math.round((n - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000)));
}

type Result = string | number | boolean | { readonly error: string } | { readonly date: CellValue };

/** xlsx-grid's plainValue of a loaded value. */
function plain(value: Result | undefined): CellValue {
  if (value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  return 'error' in value ? value.error : value.date;
}

/**
 * One <c> as ExcelJS's cell xform (parseClose, reconcile) and Cell model make it, or null for a cell ExcelJS does
 * not create (no value, no formula, no style: its "Merge" type).
 */
function loadCell(cell: RawCell, context: SheetContext, hyperlink: string | undefined, masters: Map<string, string>): LoadedCell | null {
  const isDate = cell.styleId ? context.dateStyles[cell.styleId] === true : false;
  if (cell.formula !== undefined || cell.shareType) return loadFormulaCell(cell, context, isDate, hyperlink, masters);
  if (cell.runs !== undefined) {
    if (cell.type !== 'inlineStr') unsupported('sheet: rich text in a cell that is not an inline string');
    return { value: plain(cell.runs), formula: null };
  }
  const raw = cell.value;
  if (raw === undefined) return cell.styleId || hyperlink ? { value: null, formula: null } : null;
  switch (cell.type) {
    case 's': {
      const index = parseInt(raw, 10);
      const strings = context.sharedStrings ?? unsupported('sheet: shared string without a shared strings part');
      if (!(index >= 0 && index < strings.length)) unsupported('sheet: shared string index');
      return { value: strings[index] ?? null, formula: null };
    }
    case 'str':
      return { value: plain(excelJsXmlDecode(raw)), formula: null };
    case 'inlineStr':
      return { value: plain(raw), formula: null };
    case 'b':
      return { value: parseInt(raw, 10) !== 0, formula: null };
    case 'e':
      return { value: raw, formula: null };
    default: {
      const number = parseFloat(raw);
      return { value: isDate ? dateText(number, context.date1904) : plain(number), formula: null };
    }
  }
}

function loadFormulaCell(cell: RawCell, context: SheetContext, isDate: boolean, hyperlink: string | undefined, masters: Map<string, string>): LoadedCell {
  if (cell.runs !== undefined) unsupported('sheet: rich text in a formula cell');
  let result: Result | undefined;
  const raw = cell.value;
  if (raw) {
    if (cell.type === 'str') result = excelJsXmlDecode(raw);
    else if (cell.type === 'b') result = parseInt(raw, 10) !== 0;
    else if (cell.type === 'e') result = { error: raw };
    else result = parseFloat(raw);
  }
  if (result !== undefined && isDate) result = { date: dateText(typeof result === 'object' ? NaN : result, context.date1904) };
  let sharedMaster: string | undefined;
  if (cell.shareType === 'shared') {
    if (cell.ref) masters.set(String(cell.si), cell.address);
    else sharedMaster = masters.get(String(cell.si));
  }
  // A hyperlinked cell becomes ExcelJS's hyperlink value: its text is the result, and the formula is gone.
  if (hyperlink) return { value: plain(result), formula: null };
  // ExcelJS's formula value keeps only truthy parts: a result of 0, "" or FALSE reads as empty.
  const hasFormula = Boolean(cell.formula) || sharedMaster !== undefined;
  const value = hasFormula && result ? plain(result) : null;
  if (cell.formula) return { value, formula: `=${cell.formula}` };
  return sharedMaster === undefined ? { value, formula: null } : { value, formula: null, sharedMaster };
}

const MERGE_REF = /^([A-Z]{1,3})([1-9][0-9]*):([A-Z]{1,3})([1-9][0-9]*)$/;

function mergeAreas(refs: readonly string[]): MergeArea[] {
  const areas: MergeArea[] = [];
  for (const ref of refs) {
    const m = MERGE_REF.exec(ref) ?? unsupported('sheet: merge reference');
    const [r1, r2] = [Number(m[2]), Number(m[4])];
    const [c1, c2] = [columnNumber(m[1] as string), columnNumber(m[3] as string)];
    if (r1 > 1_048_576 || r2 > 1_048_576) unsupported('sheet: merge beyond the last row');
    const area = { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
    // ExcelJS refuses overlapping merges ("Cannot merge already merged cells").
    if (areas.some((a) => a.top <= area.bottom && area.top <= a.bottom && a.left <= area.right && area.left <= a.right)) unsupported('sheet: overlapping merges');
    areas.push(area);
  }
  return areas;
}
