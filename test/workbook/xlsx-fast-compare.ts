import { inflateRawSync } from 'node:zlib';
import type { SheetGrid } from '../../src/core';
import { fastXlsxRefusal, readXlsxFast } from '../../src/workbook/xlsx-fast/read';
import { readXlsxFile, type XlsxFile } from '../../src/workbook/xlsx-grid';

/** The grids with each formula map as an ordered list, so that order counts too. */
export function comparable(file: Pick<XlsxFile, 'workbook' | 'ignored'>): unknown {
  return { sheets: file.workbook.sheets.map((s: SheetGrid) => ({ ...s, formulas: s.formulas ? [...s.formulas] : undefined })), ignored: file.ignored };
}

async function excelJsRead(bytes: Uint8Array): Promise<XlsxFile | 'throws'> {
  try {
    return await readXlsxFile(bytes);
  } catch {
    return 'throws';
  }
}

/** The fast reader either gives ExcelJS's very result, or leaves the file to ExcelJS; never another grid. */
export async function expectSameAsExcelJs(bytes: Uint8Array): Promise<string | null> {
  const refusal = fastXlsxRefusal(bytes, inflateRawSync);
  const fast = readXlsxFast(bytes, inflateRawSync);
  if (refusal !== null) {
    expect(fast).toBeNull();
    return refusal;
  }
  const slow = await excelJsRead(bytes);
  expect(slow).not.toBe('throws');
  expect(fast && comparable(fast)).toEqual(slow === 'throws' ? slow : comparable(slow));
  return null;
}

