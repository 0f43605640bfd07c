// Loaded instead of office.js from Microsoft's CDN when the browser tests open taskpane.html:
// the same Excel test double the adapter's unit tests use, holding the seed table — or, with
// ?fixture=<id> in the page's address, one of the real tables of test/fixtures/real/ with its merged areas.
import hunan from '../fixtures/real/l2-hunan-xiangxi-tejiao-2023.json';
import sichuan from '../fixtures/real/l2-sichuan-jianyan-mata-2023.json';
import { SEED_ROWS, SEED_SHEET } from '../fixtures/seed-grid';
import { ExcelDouble, type HostValue } from '../workbook/excel-double';

interface Fixture {
  readonly sheets: readonly { readonly name: string; readonly rows: readonly (readonly HostValue[])[]; readonly merges: readonly string[] }[];
}
const FIXTURES: Readonly<Record<string, Fixture>> = {
  'l2-hunan-xiangxi-tejiao-2023': hunan as Fixture,
  'l2-sichuan-jianyan-mata-2023': sichuan as Fixture,
};

const excel = new ExcelDouble({ apiVersion: '1.20', platform: 'PC' });
const fixture = FIXTURES[new URLSearchParams(globalThis.location?.search ?? '').get('fixture') ?? ''];
if (fixture) {
  for (const sheet of fixture.sheets) {
    excel.addSheet(sheet.name, sheet.rows);
    for (const range of sheet.merges) excel.mergeCells(sheet.name, range);
  }
} else {
  excel.addSheet(SEED_SHEET.name, SEED_ROWS);
}
excel.installGlobals();

const office = (globalThis as unknown as { Office: { onReady?: unknown; context: Record<string, unknown> } }).Office;
office.context['displayLanguage'] = 'zh-CN';
office.onReady = (callback?: (info: { host: string; platform: string }) => void) => {
  const info = { host: 'Excel', platform: 'PC' };
  callback?.(info);
  return Promise.resolve(info);
};
(globalThis as unknown as { __excelDouble: ExcelDouble }).__excelDouble = excel;
