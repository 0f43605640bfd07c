import type { CellValue } from '../../core/grid';
import { unsupported } from './unsupported';
import { decodeExcelEscapes, decodeXml, excelJsXmlDecode, OPEN, TEXT, CLOSE, XmlScanner } from './xml-scan';

/**
 * The small parts of an .xlsx, read the way ExcelJS 4.4 reads them (lib/xlsx/xform/…): where ExcelJS would throw,
 * or where its result depends on details this reader does not model, they are Unsupported.
 */

export interface SheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly rId: string | undefined;
}

export interface WorkbookPart {
  readonly sheets: readonly SheetEntry[];
  readonly date1904: boolean;
  /** _xlnm.Print_Area texts by localSheetId (ExcelJS decodes the first range of each). */
  readonly printAreas: readonly { readonly localSheetId: number; readonly text: string }[];
}

// ExcelJS's workbook xform looks these up at any depth when outside a known element.
const WORKBOOK_ELEMENTS = new Set(['fileVersion', 'workbookPr', 'bookViews', 'sheets', 'definedNames', 'calcPr']);

export function readWorkbookPart(xml: string): WorkbookPart {
  // Strict OOXML names the same elements in other namespaces, with other relationship types.
  if (xml.includes('purl.oclc.org/ooxml')) unsupported('strict OOXML');
  const scan = rootOf(xml, 'workbook');
  const sheets: SheetEntry[] = [];
  const printAreas: { localSheetId: number; text: string }[] = [];
  let date1904 = false;
  scan.children(() => {
    switch (scan.name) {
      case 'workbookPr':
        date1904 = scan.attr('date1904') === '1';
        scan.skip(WORKBOOK_ELEMENTS);
        return;
      case 'sheets':
        scan.children(() => {
          if (scan.name !== 'sheet') unsupported(`workbook: ${scan.name} in sheets`);
          const name = scan.attr('name');
          if (name === undefined) unsupported('workbook: sheet without a name');
          sheets.push({ name: excelJsXmlDecode(name), sheetId: parseInt(scan.attr('sheetId') ?? '', 10), rId: scan.attr('r:id') });
          scan.skip(WORKBOOK_ELEMENTS);
        });
        return;
      case 'definedNames':
        scan.children(() => {
          if (scan.name !== 'definedName') unsupported(`workbook: ${scan.name} in definedNames`);
          const name = scan.attr('name');
          const localSheetId = scan.attr('localSheetId');
          const text = elementText(scan);
          if (name === '_xlnm.Print_Area' && localSheetId !== undefined) printAreas.push({ localSheetId: parseInt(localSheetId, 10), text });
        });
        return;
      default:
        scan.skip(WORKBOOK_ELEMENTS);
    }
  });
  return { sheets, date1904, printAreas };
}

export interface Relationship {
  readonly target: string;
  readonly type: string | undefined;
}

/** A .rels part: relationships by Id. */
export function readRelationships(xml: string): ReadonlyMap<string, Relationship> {
  const scan = rootOf(xml, 'Relationships');
  const rels = new Map<string, Relationship>();
  scan.children(() => {
    if (scan.name !== 'Relationship') unsupported(`rels: ${scan.name}`);
    const id = scan.attr('Id');
    const target = scan.attr('Target');
    if (id === undefined || target === undefined) unsupported('rels: relationship without Id or Target');
    rels.set(id, { target, type: scan.attr('Type') });
    scan.skip();
  });
  return rels;
}

/** ExcelJS's built-in number formats (lib/xlsx/defaultnumformats.js, the ids that have a code). */
const DEFAULT_FORMATS: Readonly<Record<number, string>> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** ExcelJS's utils.isDateFmt: a number in a cell with such a format is loaded as a Date. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

const STYLE_ELEMENTS = new Set(['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'dxfs', 'numFmt', 'xf']);

/** For each cell format (the cell's s attribute), whether ExcelJS loads its numbers as dates. */
export function readDateStyles(xml: string): readonly boolean[] {
  const scan = rootOf(xml, 'styleSheet');
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  scan.children(() => {
    if (scan.name === 'numFmts') {
      scan.children(() => {
        if (scan.name !== 'numFmt') unsupported(`styles: ${scan.name} in numFmts`);
        const code = scan.attr('formatCode');
        if (code === undefined) unsupported('styles: numFmt without formatCode');
        formats.set(parseInt(scan.attr('numFmtId') ?? '', 10), code.replace(/[\\](.)/g, '$1'));
        scan.skip(STYLE_ELEMENTS);
      });
    } else if (scan.name === 'cellXfs') {
      scan.children(() => {
        if (scan.name !== 'xf') unsupported(`styles: ${scan.name} in cellXfs`);
        xfFormats.push(parseInt(scan.attr('numFmtId') ?? '', 10));
        scan.skip(STYLE_ELEMENTS);
      });
    } else {
      scan.skip(scan.name === 'fonts' || scan.name === 'fills' || scan.name === 'borders' || scan.name === 'cellStyleXfs' || scan.name === 'dxfs' ? undefined : STYLE_ELEMENTS);
    }
  });
  // Without cellXfs ExcelJS fails on the first styled cell.
  if (xfFormats.length === 0) unsupported('styles: no cellXfs');
  return xfFormats.map((id) => (id ? isDateFormat(formats.get(id) || DEFAULT_FORMATS[id]) : false));
}

/** The shared strings as the plain values ExcelJS's cells end up with (rich text joined, "" as null). */
export function readSharedStrings(xml: string): readonly CellValue[] {
  const scan = rootOf(xml, 'sst');
  const values: CellValue[] = [];
  const depth = scan.depth;
  for (;;) {
    const simple = scan.matchHere(SIMPLE_ITEM);
    if (simple) {
      const text = decodeExcelEscapes(decodeXml(simple[1] as string));
      values.push(text === '' ? null : text);
      continue;
    }
    const token = scan.next();
    if (token === CLOSE && scan.depth < depth) return values;
    if (token === TEXT && scan.text().trim() === '') continue;
    if (token !== OPEN || scan.name !== 'si') unsupported(`sharedStrings: ${scan.name}`);
    values.push(sharedString(scan));
  }
}

// <si><t>text</t></si>, as nearly every shared string is written.
const SIMPLE_ITEM = /<si><t(?: xml:space="preserve")?>([^<]*)<\/t><\/si>/y;

function sharedString(scan: XmlScanner): CellValue {
  let plain: string | undefined;
  let runs: string | undefined;
  scan.children(() => {
    switch (scan.name) {
      case 't':
        plain = decodeExcelEscapes(elementText(scan));
        return;
      case 'r':
        runs = (runs ?? '') + runText(scan);
        return;
      case 'rPh':
      case 'phoneticPr':
        scan.skip();
        return;
      default:
        unsupported(`sharedStrings: ${scan.name} in si`);
    }
  });
  if (plain !== undefined && runs !== undefined) unsupported('sharedStrings: text and runs in one item');
  const text = plain ?? runs ?? '';
  return text === '' ? null : text;
}

const RUN_ELEMENTS = new Set(['t', 'r', 'rPr']);

/** A rich text run's text: its last <t>, as ExcelJS keeps it ("" when it has none). */
export function runText(scan: XmlScanner): string {
  let text = '';
  scan.children(() => {
    if (scan.name === 't') text = decodeExcelEscapes(elementText(scan));
    else if (scan.name === 'rPr') scan.skip(RUN_ELEMENTS);
    else unsupported(`rich text: ${scan.name} in a run`);
  });
  return text;
}

/** After an OPEN of an element that holds only text: that text (entities decoded), through its CLOSE. */
export function elementText(scan: XmlScanner): string {
  let text = '';
  for (;;) {
    const token = scan.next();
    if (token === TEXT) text += scan.text();
    else if (token === CLOSE) return text;
    else if (token === OPEN) unsupported(`xml: element ${scan.name} inside text`);
    else unsupported('xml: unexpected end');
  }
}

function rootOf(xml: string, root: string): XmlScanner {
  if (xml.charCodeAt(0) === 0xfeff) unsupported('xml: byte order mark');
  const scan = new XmlScanner(xml);
  for (;;) {
    const token = scan.next();
    if (token === OPEN) {
      if (scan.name !== root) unsupported(`xml: root ${scan.name}, expected ${root}`);
      return scan;
    }
    if (token !== TEXT || scan.text().trim() !== '') unsupported('xml: no root');
  }
}
