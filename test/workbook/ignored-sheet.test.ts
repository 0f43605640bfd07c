import ExcelJS from 'exceljs';
import { parseIgnoredSetting, serializeIgnored } from '../../src/workbook/ignored-list';
import { IGNORED_CHUNK_CHARS, IGNORED_SHEET_NAME, ignoredSheetRows, readIgnoredSheet } from '../../src/workbook/ignored-sheet';
import type { IgnoredFinding } from '../../src/workbook/port';
import { readXlsxFile, readXlsxGrid } from '../../src/workbook/xlsx-grid';
import { writeXlsxGrid } from '../../src/workbook/xlsx-writer';
import { SEED_SHEET } from '../fixtures/seed-grid';

const entry: IgnoredFinding = { key: 'category.effect-missing|表!G12', reason: '已与财政局确认', by: '李四', at: '2025-01-02T03:04:05Z' };

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.slice().buffer);
  return book;
}

describe('the ignore list sheet format', () => {
  test('rows read back as the same setting text, long lists in pieces that fit a cell and never split a surrogate pair', () => {
    const long = serializeIgnored(Array.from({ length: 200 }, (_, i) => ({ ...entry, key: `k${i}`, reason: `😀${'原因'.repeat(150)}` })));
    const rows = ignoredSheetRows(long);
    expect(rows.length).toBeGreaterThan(2);
    for (const [piece] of rows.slice(1)) {
      expect(String(piece).length).toBeLessThanOrEqual(IGNORED_CHUNK_CHARS);
      expect(String(piece)).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
    expect(readIgnoredSheet(rows)).toEqual({ ok: true, setting: long });
    const straddling = `${'a'.repeat(IGNORED_CHUNK_CHARS - 1)}😀b`;
    expect(ignoredSheetRows(straddling).slice(1)).toEqual([['a'.repeat(IGNORED_CHUNK_CHARS - 1)], ['😀b']]);
    // Excel drops a leading apostrophe as its text prefix: no piece starts with one.
    const quoted = `${'a'.repeat(IGNORED_CHUNK_CHARS - 1)}x'y`;
    expect(ignoredSheetRows(quoted).slice(1)).toEqual([['a'.repeat(IGNORED_CHUNK_CHARS - 1)], ["x'y"]]);
  });

  test('a sheet that is not ours, or a newer format, is refused with the reason, never half read', () => {
    expect(readIgnoredSheet([['别的表']])).toEqual({ ok: false, detail: expect.stringContaining('A1 is not') });
    expect(readIgnoredSheet([['jixiao.ignored', 2], ['[]']])).toEqual({ ok: false, detail: expect.stringContaining('format version 2'), newer: true });
    // Only a later version number is a newer format; anything else in B1 is just unreadable.
    expect(readIgnoredSheet([['jixiao.ignored', 0], ['[]']])).toEqual({ ok: false, detail: expect.stringContaining('format version 0') });
    expect(readIgnoredSheet([['jixiao.ignored', '2'], ['[]']])).toEqual({ ok: false, detail: expect.stringContaining('format version 2') });
    expect(readIgnoredSheet([['jixiao.ignored', 1], [42]])).toEqual({ ok: false, detail: expect.stringContaining('A2 is not text') });
  });
});

describe('the ignore list in an .xlsx file', () => {
  test('written as a very hidden sheet, read back apart from the sheets that are checked', async () => {
    const setting = serializeIgnored([entry]);
    const bytes = await writeXlsxGrid({ sheets: [SEED_SHEET] }, { ignored: setting });
    const book = await load(bytes);
    expect(book.getWorksheet(IGNORED_SHEET_NAME)?.state).toBe('veryHidden');
    const file = await readXlsxFile(bytes);
    expect(file.workbook.sheets.map((s) => s.name)).toEqual([SEED_SHEET.name]);
    expect(file.ignored).toEqual({ ok: true, setting });
    expect(parseIgnoredSetting(file.ignored?.ok ? file.ignored.setting : null)).toEqual([entry]);
  });

  test('over the original file: replaced when it changed, removed when empty, the file untouched when the same', async () => {
    const base = await writeXlsxGrid({ sheets: [SEED_SHEET] });
    const withList = await writeXlsxGrid(await readXlsxGrid(base), { base, ignored: serializeIgnored([entry]) });
    expect((await readXlsxFile(withList)).ignored).toEqual({ ok: true, setting: serializeIgnored([entry]) });
    const same = await writeXlsxGrid(await readXlsxGrid(withList), { base: withList, ignored: serializeIgnored([entry]) });
    expect(same).toEqual(withList);
    const other = serializeIgnored([{ ...entry, reason: '另一原因' }]);
    const changed = await writeXlsxGrid(await readXlsxGrid(withList), { base: withList, ignored: other });
    expect((await readXlsxFile(changed)).ignored).toEqual({ ok: true, setting: other });
    const emptied = await writeXlsxGrid(await readXlsxGrid(changed), { base: changed, ignored: '[]' });
    expect((await readXlsxFile(emptied)).ignored).toBeNull();
    expect((await load(emptied)).worksheets.map((ws) => ws.name)).toEqual([SEED_SHEET.name]);
  });
});
