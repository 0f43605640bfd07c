/** @jest-environment node */
import type { CellValue, WorkbookGrid } from '../../src/core';
import { MAX_SAVED_CHARS, SAVED_DOCUMENT_KEY, saveDocument } from '../../src/web/saved-document';
import { memoryStorage } from './memory-storage';

// The page saves the workbook after each change; one far too large to keep is refused without serialising it
// (at 20,000 projects that serialisation held the page after every fix), and one that fits is still kept.

const sheetOf = (rows: CellValue[][]): WorkbookGrid => ({ sheets: [{ name: '表', originRow: 0, originCol: 0, values: rows }] });

describe('saveDocument on big workbooks', () => {
  it('refuses a workbook surely too large without serialising it', () => {
    const big = sheetOf(Array.from({ length: 2000 }, () => ['x'.repeat(1100)]));
    const stringify = jest.spyOn(JSON, 'stringify');
    try {
      expect(saveDocument(memoryStorage(), { name: 'a.xlsx', grid: big })).toEqual({ ok: false, reason: 'too-large' });
      expect(stringify).not.toHaveBeenCalled();
    } finally {
      stringify.mockRestore();
    }
  });

  it('keeps a workbook of one-digit numbers that fits, however many cells it has', () => {
    // Each cell takes two characters of JSON ("5,"): under the limit, though more than a quarter of it in cells.
    const cells = Math.floor(MAX_SAVED_CHARS / 2) - 1000;
    const grid = sheetOf([Array.from({ length: cells }, () => 5)]);
    const storage = memoryStorage();
    expect(saveDocument(storage, { name: 'a.xlsx', grid })).toEqual({ ok: true });
    expect(storage.items.get(SAVED_DOCUMENT_KEY)?.length).toBeLessThanOrEqual(MAX_SAVED_CHARS);
  });
});
