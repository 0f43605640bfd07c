import { columnLetters, type CellValue, type SheetGrid } from '../../core/grid';
import { IGNORED_SHEET_NAME, readIgnoredSheet } from '../ignored-sheet';
import { gridOfPlaced, placedValues } from '../placed-grid';
import type { XlsxFile as ExcelJsXlsxFile } from '../xlsx-grid';

/** What the check needs of a file: its grids and ignore list (column widths are only for the page's grid). */
type XlsxFile = Pick<ExcelJsXlsxFile, 'workbook' | 'ignored'>;
import { readDateStyles, readRelationships, readSharedStrings, readWorkbookPart, type SheetEntry } from './parts';
import { loadSheet, type LoadedCell, type LoadedEntry, type LoadedRows, type LoadedSheet } from './sheet';
import { lettersToNumber, slideFormula } from './shared-formula';
import { FastXlsxUnsupported, unsupported } from './unsupported';
import { checkWellFormed } from './xml-scan';
import { readZip, type InflateRaw, type ZipArchive } from './zip';

export type { InflateRaw } from './zip';

/** UTF-8 bytes → text, keeping a byte order mark (ExcelJS's JSZip keeps it, and then refuses the part). */
export type DecodeUtf8 = (bytes: Uint8Array) => string;

const textDecoderUtf8: DecodeUtf8 = (bytes) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

/**
 * The check path's own .xlsx reader: the same grids and ignore list as readXlsxFile (ExcelJS) gives, from the
 * bytes, without ExcelJS. It reads only plain workbooks; for anything it does not model (see unsupported())
 * it returns null and the caller loads the file with ExcelJS, so that no file is ever read differently.
 */
export function readXlsxFast(bytes: Uint8Array, inflateRaw: InflateRaw, decodeUtf8: DecodeUtf8 = textDecoderUtf8): XlsxFile | null {
  try {
    return readFast(bytes, inflateRaw, decodeUtf8);
  } catch {
    // Unsupported, or a fault of this reader: ExcelJS decides (fastXlsxRefusal lets tests tell them apart).
    return null;
  }
}

/** The reason the fast reader leaves a file to ExcelJS, or null when it reads it (for tests). */
export function fastXlsxRefusal(bytes: Uint8Array, inflateRaw: InflateRaw, decodeUtf8: DecodeUtf8 = textDecoderUtf8): string | null {
  try {
    readFast(bytes, inflateRaw, decodeUtf8);
    return null;
  } catch (error) {
    if (error instanceof FastXlsxUnsupported) return error.why;
    throw error;
  }
}

const WORKSHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const WORKSHEET_RELS = /^xl\/worksheets\/_rels\/sheet(\d+)\.xml\.rels$/;
// ExcelJS's own (unanchored) patterns for the parts it parses: a name it would take as one of them, beyond the
// plain worksheet names above, or a part whose reconciling can fail (drawings, comments, tables), is left to it.
const EXCELJS_WORKSHEET = /xl\/worksheets\/sheet(\d+)[.]xml/;
const EXCELJS_WORKSHEET_RELS = /xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/;
const LEFT_TO_EXCELJS = [/xl\/drawings\/([a-zA-Z0-9]+)[.]xml/, /xl\/(comments\d+)[.]xml/, /xl\/tables\/(table\d+)[.]xml/, /xl\/drawings\/(vmlDrawing\d+)[.]vml/, /xl\/drawings\/_rels\//];
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';

function readFast(bytes: Uint8Array, inflateRaw: InflateRaw, decodeUtf8: DecodeUtf8): XlsxFile {
  const zip = readZip(bytes, inflateRaw);
  const texts = partTexts(zip, decodeUtf8);
  const workbookXml = texts.get('xl/workbook.xml') ?? unsupported('no xl/workbook.xml');
  const stylesXml = texts.get('xl/styles.xml') ?? unsupported('no xl/styles.xml');
  const relsXml = texts.get('xl/_rels/workbook.xml.rels') ?? unsupported('no workbook relationships');
  const workbook = readWorkbookPart(workbookXml);
  const sheets = resolveSheets(workbook.sheets, readRelationships(relsXml), texts);
  for (const area of workbook.printAreas) {
    if (sheets[area.localSheetId] && !firstRangeIsPlain(area.text)) unsupported('print area ExcelJS may not decode');
  }
  const sharedXml = texts.get('xl/sharedStrings.xml');
  const base = { sharedStrings: sharedXml === undefined ? null : readSharedStrings(sharedXml), dateStyles: readDateStyles(stylesXml), date1904: workbook.date1904 };
  const grids: SheetGrid[] = [];
  let ignored: XlsxFile['ignored'] = null;
  for (const sheet of sheets) {
    const relsText = texts.get(`xl/worksheets/_rels/sheet${sheet.number}.xml.rels`);
    const rels = relsText === undefined ? new Map() : readRelationships(relsText);
    for (const rel of rels.values()) if (rel.type === COMMENTS_REL) unsupported('sheet with comments');
    const loaded = loadSheet(texts.get(sheet.path) as string, { ...base, rels });
    const merged = withMerges(loaded);
    if (sheet.name === IGNORED_SHEET_NAME && ignored === null) {
      if (loaded.merges.length > 0) unsupported('ignore list sheet with merges');
      ignored = readIgnoredSheet(ignoredValues(merged));
    } else grids.push(sheetGrid(sheet.name, loaded, merged));
  }
  // Parts ExcelJS parses and this reader has no use for: a damaged one makes ExcelJS refuse the file.
  for (const [name, text] of texts) if (EXCELJS_ALSO_PARSES.test(name) || WORKSHEET_RELS.test(name)) checkWellFormed(text);
  return { workbook: { sheets: grids }, ignored };
}

const EXCELJS_ALSO_PARSES = /^(_rels\/\.rels|docProps\/app\.xml|docProps\/core\.xml)$/;

/** Every entry's text, as ExcelJS inflates (and so checks) every one; media and other binary parts are inflated only. */
function partTexts(zip: ZipArchive, decodeUtf8: DecodeUtf8): Map<string, string> {
  const texts = new Map<string, string>();
  for (const entry of zip.entries.values()) {
    const name = entry.name;
    if (name.endsWith('/')) continue;
    if (name.startsWith('/')) unsupported('zip: absolute entry name');
    if (LEFT_TO_EXCELJS.some((pattern) => pattern.test(name))) unsupported(`part ${name}`);
    if (EXCELJS_WORKSHEET.test(name) !== WORKSHEET.test(name) || EXCELJS_WORKSHEET_RELS.test(name) !== WORKSHEET_RELS.test(name)) unsupported(`part name ${name}`);
    const data = zip.bytes(entry);
    if (name.endsWith('.xml') || name.endsWith('.rels')) texts.set(name, decodeUtf8(data));
  }
  return texts;
}

interface ResolvedSheet {
  readonly name: string;
  readonly path: string;
  /** N of xl/worksheets/sheetN.xml: ExcelJS finds the sheet's relationships by it. */
  readonly number: string;
}

/** workbook.xml's sheets that ExcelJS loads, in its order; what would make it throw or rename a sheet is Unsupported. */
function resolveSheets(entries: readonly SheetEntry[], rels: ReturnType<typeof readRelationships>, texts: ReadonlyMap<string, string>): ResolvedSheet[] {
  const sheets: ResolvedSheet[] = [];
  const ids = new Set<number>();
  const paths = new Set<string>();
  const names = new Set<string>();
  for (const entry of entries) {
    const rel = entry.rId === undefined ? undefined : rels.get(entry.rId);
    if (!rel) unsupported('sheet without its relationship');
    const path = `xl/${rel.target.replace(/^(\s|\/xl\/)+/, '')}`;
    const number = WORKSHEET.exec(path)?.[1];
    // A chart sheet (or any target that is not a worksheet part): ExcelJS leaves it out.
    if (number === undefined || !texts.has(path)) continue;
    if (!(entry.sheetId >= 1) || ids.has(entry.sheetId) || paths.has(path)) unsupported('sheet ids or parts repeated');
    if (!isPlainSheetName(entry.name) || names.has(entry.name.toLowerCase())) unsupported('sheet name ExcelJS would refuse or truncate');
    ids.add(entry.sheetId);
    paths.add(path);
    names.add(entry.name.toLowerCase());
    sheets.push({ name: entry.name, path, number });
  }
  // A worksheet part that no sheet names is still loaded (and checked) by ExcelJS.
  for (const name of texts.keys()) if (WORKSHEET.test(name) && !paths.has(name)) unsupported('worksheet part no sheet names');
  if (sheets.length === 0) unsupported('no worksheets');
  return sheets;
}

function isPlainSheetName(name: string): boolean {
  return name !== '' && name !== 'History' && name.length <= 31 && !/[*?:/\\[\]]/.test(name) && !/(^')|('$)/.test(name);
}

const PRINT_RANGE = /^(?:'(?:[^']|'')*'|[^'! ]*)!\$?([A-Z]{1,3})\$?[1-9][0-9]{0,6}(?::\$?([A-Z]{1,3})\$?[1-9][0-9]{0,6})?$/;

/** Whether the print area's first range is one ExcelJS decodes (it fails on a print area without one). */
function firstRangeIsPlain(text: string): boolean {
  const first = text.split(',').find((item) => item !== '');
  const m = first === undefined ? null : PRINT_RANGE.exec(first);
  return m !== null && [m[1], m[2]].every((letters) => letters === undefined || letters.length < 3 || letters <= 'XFD');
}

/** The sheet's cells after its merges: a merged area's other cells read as empty, as Office.js reports them. */
function withMerges(sheet: LoadedSheet): LoadedRows {
  const rows = sheet.rows;
  for (const area of sheet.merges) {
    for (let number = area.top; number <= Math.min(area.bottom, rows.length - 1); number++) {
      const cells = rows[number];
      if (!cells) continue;
      for (let col = area.left; col <= Math.min(area.right, cells.length - 1); col++) {
        if (number !== area.top || col !== area.left) cells[col] = undefined;
      }
    }
  }
  return rows;
}

const isFormulaCell = (entry: LoadedEntry): entry is LoadedCell => entry !== null && typeof entry === 'object';
const valueOf = (entry: LoadedEntry | undefined): CellValue => (entry === undefined ? null : isFormulaCell(entry) ? entry.value : entry);

function sheetGrid(name: string, sheet: LoadedSheet, rows: LoadedRows): SheetGrid {
  const placed = placedValues();
  const formulas = new Map<string, string>();
  rows.forEach((cells, number) => {
    cells.forEach((entry, col) => {
      if (entry === undefined) return;
      if (isFormulaCell(entry)) {
        const formula = entry.sharedMaster === undefined ? entry.formula : sharedFormula(sheet, rows, entry.sharedMaster, number, col);
        if (formula) formulas.set(`${columnLetters(col - 1)}${number}`, formula);
      }
      const value = valueOf(entry);
      if (value !== null) placed.add(number - 1, col - 1, value);
    });
  });
  const merges = sheet.merges.map((m) => ({ row: m.top - 1, col: m.left - 1, rowCount: m.bottom - m.top + 1, colCount: m.right - m.left + 1 }));
  const grid = gridOfPlaced(name, placed);
  return { ...grid, ...(merges.length > 0 ? { merges } : {}), ...(formulas.size > 0 ? { formulas } : {}) };
}

/** A shared formula's text for this cell: ExcelJS slides its master's formula; a missing master gives none. */
function sharedFormula(sheet: LoadedSheet, rows: LoadedRows, master: string, row: number, col: number): string | null {
  const m = /^([A-Z]+)([0-9]+)$/.exec(master) as RegExpExecArray;
  const masterRow = Number(m[2]);
  const masterCol = lettersToNumber(m[1] as string);
  const inMerge = sheet.merges.some((a) => masterRow >= a.top && masterRow <= a.bottom && masterCol >= a.left && masterCol <= a.right);
  const cell = rows[masterRow]?.[masterCol];
  if (cell === undefined && !inMerge) return null;
  // Any other master (merged away, created by a merge, not a formula of its own) makes ExcelJS throw.
  if (cell === undefined || !isFormulaCell(cell) || !cell.formula || inMerge) unsupported('shared formula master is not a formula');
  const slid = slideFormula(cell.formula.slice(1), { row: masterRow, col: masterCol }, { row, col });
  return slid === '' ? null : `=${slid}`;
}

/** The ignore list sheet's values as ignoredSheetValues reads them: A and B of each row from 1 to its last. */
function ignoredValues(rows: LoadedRows): CellValue[][] {
  const values: CellValue[][] = [];
  for (let r = 1; r < rows.length; r++) values.push([valueOf(rows[r]?.[1]), valueOf(rows[r]?.[2])]);
  return values;
}

