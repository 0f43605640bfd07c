// Loaded instead of office.js from Microsoft's CDN when the browser tests open taskpane.html:
// the same Excel test double the adapter's unit tests use, holding the seed table.
import { SEED_ROWS, SEED_SHEET } from '../fixtures/seed-grid';
import { ExcelDouble } from '../workbook/excel-double';

const excel = new ExcelDouble({ apiVersion: '1.20', platform: 'PC' });
excel.addSheet(SEED_SHEET.name, SEED_ROWS);
excel.installGlobals();

const office = (globalThis as unknown as { Office: { onReady?: unknown; context: Record<string, unknown> } }).Office;
office.context['displayLanguage'] = 'zh-CN';
office.onReady = (callback?: (info: { host: string; platform: string }) => void) => {
  const info = { host: 'Excel', platform: 'PC' };
  callback?.(info);
  return Promise.resolve(info);
};
(globalThis as unknown as { __excelDouble: ExcelDouble }).__excelDouble = excel;
