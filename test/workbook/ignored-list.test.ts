import { IGNORED_SETTING, createOfficeWorkbook } from '../../src/workbook/office-workbook';
import { parseIgnoredSetting, serializeIgnored } from '../../src/workbook/ignored-list';
import { createMemoryWorkbook } from '../../src/workbook/memory-workbook';
import { IGNORED_LIMITS, WorkbookError, type IgnoredFinding } from '../../src/workbook/port';
import { ExcelDouble, OfficeDouble, type ExcelDoubleOptions } from './excel-double';

const entry: IgnoredFinding = { key: 'category.effect-missing|表!G12', reason: '已与财政局确认', by: '李四', at: '2025-01-02T03:04:05Z' };
const UNREADABLE = '工作簿中保存的忽略列表无法读取，已按空列表处理。';

function rejection(raw: unknown): WorkbookError {
  try {
    parseIgnoredSetting(raw);
  } catch (error) {
    if (error instanceof WorkbookError) return error;
    throw error;
  }
  throw new Error('parsed');
}

describe('parseIgnoredSetting', () => {
  test('nothing stored is an empty list; the stored text reads back exactly', () => {
    for (const raw of [null, undefined, '']) expect(parseIgnoredSetting(raw)).toEqual([]);
    expect(parseIgnoredSetting(serializeIgnored([entry]))).toEqual([entry]);
    expect(parseIgnoredSetting([entry])).toEqual([entry]);
  });

  test.each([
    ['invalid JSON', '[{"key":', /JSON|Unexpected|Expected/],
    ['not a list', '{"key":"k"}', /not a list but object/],
    ['an entry that is not an object', '["k"]', /entry 1 is not an object/],
    ['a field of the wrong type', JSON.stringify([entry, { ...entry, at: 20250102 }]), /entry 2: "at" is not a string/],
    ['a missing field', JSON.stringify([{ key: 'k', reason: 'r', by: '' }]), /entry 1: "at"/],
    ['a reason over the limit', JSON.stringify([{ ...entry, reason: '长'.repeat(IGNORED_LIMITS.reasonLength + 1) }]), /"reason" is not a string of at most 1000/],
    ['too many entries', JSON.stringify(Array.from({ length: IGNORED_LIMITS.entries + 1 }, (_, i) => ({ ...entry, key: `k${i}` }))), /5001 entries/],
    ['a huge value', `"${'x'.repeat(IGNORED_LIMITS.settingChars)}"`, /1000002 characters/],
  ])('%s is rejected as corrupt-data with a Chinese message, not half read', (_, raw, detail) => {
    const error = rejection(raw);
    expect([error.code, error.message]).toEqual(['corrupt-data', UNREADABLE]);
    expect(error.detail).toMatch(detail);
  });

  test('keeps the four fields only; __proto__ supplies none and pollutes nothing', () => {
    const text = '[{"key":"k","reason":"r","by":"","at":"t","note":"x","__proto__":{"polluted":1}}]';
    expect(parseIgnoredSetting(text)).toStrictEqual([{ key: 'k', reason: 'r', by: '', at: 't' }]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(rejection('[{"__proto__":{"key":"k","reason":"r","by":"","at":"t"}}]').detail).toMatch(/"key"/);
    expect(serializeIgnored([{ ...entry, extra: 1 } as IgnoredFinding])).toBe(JSON.stringify([entry]));
  });

  test('the limits', () => {
    expect(IGNORED_LIMITS).toEqual({ entries: 5_000, keyLength: 1_000, reasonLength: 1_000, byLength: 200, atLength: 40, settingChars: 1_000_000 });
  });
});

describe('the ignore list in the Office workbook settings', () => {
  // A fresh Office global each time, as when the workbook is opened again: document settings are read anew.
  const port = (excel: ExcelDouble) =>
    createOfficeWorkbook({ excelRun: excel.run as unknown as typeof Excel.run, office: new OfficeDouble(excel, 'PC') as unknown as typeof Office });

  test.each<[string, ExcelDoubleOptions, (excel: ExcelDouble) => Map<string, unknown>]>([
    ['ExcelApi 1.4 settings', {}, (excel) => excel.settings],
    ['Office.context.document.settings', { apiVersion: '1.3' }, (excel) => excel.savedDocumentSettings],
  ])('%s: survives a reload (a new adapter on the same workbook); corrupt text is rejected as corrupt-data', async (_, options, settings) => {
    const excel = new ExcelDouble(options);
    excel.addSheet('表');
    await port(excel).saveIgnored([entry]);
    expect(await port(excel).loadIgnored()).toEqual([entry]);
    // The setting is what is read when the file carries no list sheet (test/workbook/office-ignored-sheet.test.ts).
    excel.sheets.splice(1);

    settings(excel).set(IGNORED_SETTING, '{broken');
    await expect(port(excel).loadIgnored()).rejects.toMatchObject({ code: 'corrupt-data', message: UNREADABLE });
    settings(excel).set(IGNORED_SETTING, JSON.stringify({ key: 'k' }));
    await expect(port(excel).loadIgnored()).rejects.toMatchObject({ code: 'corrupt-data' });
    await port(excel).saveIgnored([]);
    expect(await port(excel).loadIgnored()).toEqual([]);
  });
});

describe('the ignore list in the in-memory workbook', () => {
  test('is kept as the same setting text and read back the same way', async () => {
    const wb = createMemoryWorkbook({ sheets: [] });
    await wb.saveIgnored([entry]);
    expect(await wb.loadIgnored()).toEqual([entry]);
    await expect(createMemoryWorkbook({ sheets: [] }, { ignoredSetting: '[1,2' }).loadIgnored()).rejects.toMatchObject({ code: 'corrupt-data' });
    expect(await createMemoryWorkbook({ sheets: [] }, { ignoredSetting: serializeIgnored([entry]) }).loadIgnored()).toEqual([entry]);
  });
});
