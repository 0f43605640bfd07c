import type { CellValue, WorkbookGrid } from '../core/grid';

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gbk';

/**
 * Chinese finance systems export CSV as UTF-8 (with or without BOM) or GBK; Notepad's "Unicode"
 * saves UTF-16 with a BOM. Excel opens them all. Bytes that are not valid UTF-8 are read as GBK
 * (the WHATWG decoder is GB18030, a superset).
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk' };
  }
}

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; CRLF, LF or CR end a record. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  // Whether anything (even just "") has been read since the last record ended.
  let recordStarted = false;
  let i = 0;
  const endField = (): void => {
    record.push(field);
    field = '';
  };
  const endRecord = (): void => {
    endField();
    records.push(record);
    record = [];
    recordStarted = false;
  };
  while (i < text.length) {
    const ch = text[i] as string;
    recordStarted = true;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
      } else {
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"') inQuotes = true;
    else if (ch === ',') endField();
    else if (ch === '\r' || ch === '\n') {
      endRecord();
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  // A final line break does not start another record.
  if (recordStarted) endRecord();
  return records;
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

// Past this many cells rows keep their own length: one very long line must not pad every other line.
const MAX_PADDED_CELLS = 4_000_000;

/** A CSV file as a one-sheet workbook, with cell values as Excel would show them after opening it. */
export function readCsvGrid(bytes: Uint8Array, sheetName: string): WorkbookGrid {
  const records = parseCsv(decodeCsvBytes(bytes).text);
  const width = records.reduce((max, r) => Math.max(max, r.length), 0);
  const pad = records.length * width <= MAX_PADDED_CELLS;
  const values = records.map((record) => {
    const row: CellValue[] = record.map(csvCellValue);
    while (pad && row.length < width) row.push(null);
    return row;
  });
  return { sheets: [{ name: sheetName, originRow: 0, originCol: 0, values }] };
}

function csvCellValue(text: string): CellValue {
  if (text === '') return null;
  if (PLAIN_NUMBER.test(text)) return Number(text);
  return text;
}
