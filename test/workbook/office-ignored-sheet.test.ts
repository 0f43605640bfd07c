import { IGNORED_SETTING, createOfficeWorkbook } from '../../src/workbook/office-workbook';
import { serializeIgnored } from '../../src/workbook/ignored-list';
import { IGNORED_SHEET_NAME, ignoredSheetRows } from '../../src/workbook/ignored-sheet';
import type { IgnoredFinding, WorkbookPort } from '../../src/workbook/port';
import { readXlsxFile } from '../../src/workbook/xlsx-grid';
import { writeXlsxGrid } from '../../src/workbook/xlsx-writer';
import { SEED_SHEET } from '../fixtures/seed-grid';
import { ExcelDouble } from './excel-double';

const entry: IgnoredFinding = { key: 'category.effect-missing|项目支出绩效目标表!G12', reason: "已与财政局确认 '123'", by: '', at: '2025-01-02T03:04:05Z' };

/** A new pane session on the same (reopened) workbook. */
const session = (excel: ExcelDouble): WorkbookPort =>
  createOfficeWorkbook({ excelRun: excel.run as unknown as typeof Excel.run, office: excel.office as unknown as typeof Office });

/** The workbook as Excel opens a file the page downloaded: its sheets, and the list sheet as its cells. */
async function excelOpening(bytes: Uint8Array): Promise<ExcelDouble> {
  const file = await readXlsxFile(bytes);
  const excel = new ExcelDouble();
  for (const sheet of file.workbook.sheets) excel.addSheet(sheet.name, sheet.values);
  if (file.ignored?.ok) {
    const list = excel.addSheet(IGNORED_SHEET_NAME, ignoredSheetRows(file.ignored.setting));
    list.visibility = 'VeryHidden';
  }
  return excel;
}

describe('the pane reads and writes the ignore list that travels in the file', () => {
  test('a file the page downloaded: the pane reads its list (not the setting), and does not read the list sheet as a table', async () => {
    const bytes = await writeXlsxGrid({ sheets: [SEED_SHEET] }, { ignored: serializeIgnored([entry]) });
    const excel = await excelOpening(bytes);
    expect(excel.settings.has(IGNORED_SETTING)).toBe(false);
    const pane = session(excel);
    expect(await pane.loadIgnored()).toEqual([entry]);
    expect((await pane.readWorkbook()).sheets.map((s) => s.name)).toEqual([SEED_SHEET.name]);
  });

  test('ignoring in the pane writes a very hidden sheet, as text, that a reopened pane reads back; a shorter list leaves nothing of a longer one', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('表');
    const long = Array.from({ length: 300 }, (_, i) => ({ ...entry, key: `k${i}`, reason: '理由'.repeat(100) }));
    await session(excel).saveIgnored(long);
    const sheet = excel.sheet(IGNORED_SHEET_NAME);
    expect(sheet.visibility).toBe('VeryHidden');
    expect(excel.cell(IGNORED_SHEET_NAME, 'A3')?.value).toEqual(expect.any(String));
    excel.reopen();
    expect(await session(excel).loadIgnored()).toEqual(long);

    await session(excel).saveIgnored([entry]);
    excel.reopen();
    expect(await session(excel).loadIgnored()).toEqual([entry]);
    expect(excel.cell(IGNORED_SHEET_NAME, 'A3')?.value ?? '').toBe('');
    // The setting keeps the same list, for a pane of an older version.
    expect(excel.settings.get(IGNORED_SETTING)).toBe(serializeIgnored([entry]));
  });

  test('nothing ignored adds no sheet; a list sheet that is not ours or newer is refused as corrupt-data', async () => {
    const excel = new ExcelDouble();
    excel.addSheet('表');
    await session(excel).saveIgnored([]);
    expect(excel.sheets.map((s) => s.name)).toEqual(['表']);
    excel.addSheet(IGNORED_SHEET_NAME, [['jixiao.ignored', 2], ['[]']]);
    await expect(session(excel).loadIgnored()).rejects.toMatchObject({ code: 'corrupt-data', detail: expect.stringContaining('format version 2'), text: { key: 'ignored-newer' } });
    const other = new ExcelDouble();
    other.addSheet(IGNORED_SHEET_NAME, [['jixiao.ignored', 'x'], ['[]']]);
    await expect(session(other).loadIgnored()).rejects.toMatchObject({ code: 'corrupt-data', text: { key: 'ignored-unreadable' } });
  });
});
