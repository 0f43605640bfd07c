import { parseIgnoredSetting, serializeIgnored, unreadableRead } from '../ignored-list';
import { IGNORED_SHEET_NAME, IGNORED_SHEET_ROWS, ignoredSheetRows, readIgnoredSheet } from '../ignored-sheet';
import { workbookError, type WorkbookPort } from '../port';
import { IGNORED_SETTING, rangeAddress, toCellValue } from './cells';
import { type OfficeContext, run } from './context';

/**
 * The stored list's text: the hidden sheet when the file carries one (it is what the page and the CLI read and write),
 * else the workbook setting (lists saved before the sheet existed). Two syncs, a few cells.
 */
async function readStoredIgnored(context: Excel.RequestContext): Promise<unknown> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(IGNORED_SHEET_NAME);
  const setting = context.workbook.settings.getItemOrNullObject(IGNORED_SETTING).load('value');
  await context.sync();
  if (sheet.isNullObject) return setting.isNullObject ? null : (setting.value as unknown);
  const range = sheet.getRange(rangeAddress(0, 0, IGNORED_SHEET_ROWS, 2)).load('values');
  await context.sync();
  const read = readIgnoredSheet(range.values.map((row) => row.map(toCellValue)));
  if (!read.ok) throw unreadableRead(read);
  return read.setting;
}

/**
 * Saves the list in the setting and in the very hidden sheet that travels with the file (added when first needed).
 * The whole area is written, so a shorter list leaves nothing of a longer one; text format keeps every piece as text.
 * The setting goes in its own sync: each request then carries the list once (Excel on the web takes 5 MB).
 */
async function writeStoredIgnored(context: Excel.RequestContext, json: string, empty: boolean): Promise<void> {
  context.workbook.settings.add(IGNORED_SETTING, json);
  const existing = context.workbook.worksheets.getItemOrNullObject(IGNORED_SHEET_NAME);
  await context.sync();
  if (existing.isNullObject && empty) return;
  const rows = ignoredSheetRows(json);
  if (rows.length > IGNORED_SHEET_ROWS) throw workbookError('payload-too-large', { key: 'ignored-too-long', chars: json.length });
  let sheet = existing;
  if (existing.isNullObject) {
    sheet = context.workbook.worksheets.add(IGNORED_SHEET_NAME);
    sheet.visibility = 'VeryHidden';
  }
  const block = sheet.getRange(rangeAddress(0, 0, IGNORED_SHEET_ROWS, 2));
  block.numberFormat = Array.from({ length: IGNORED_SHEET_ROWS }, (_, r) => (r === 0 ? ['General', 'General'] : ['@', '@']));
  block.values = Array.from({ length: IGNORED_SHEET_ROWS }, (_, r) => [rows[r]?.[0] ?? '', rows[r]?.[1] ?? '']);
  await context.sync();
}


export function settingsRoom(ctx: OfficeContext): Pick<WorkbookPort, 'loadIgnored' | 'saveIgnored'> {
  return {
    async loadIgnored() {
      if (!ctx.capabilities.persistentSettings) return parseIgnoredSetting(ctx.office.context.document.settings.get(IGNORED_SETTING));
      return parseIgnoredSetting(await run(ctx, readStoredIgnored));
    },

    async saveIgnored(ignored) {
      const json = serializeIgnored(ignored);
      if (ctx.capabilities.persistentSettings) {
        await run(ctx, (context) => writeStoredIgnored(context, json, ignored.length === 0));
        return;
      }
      const settings = ctx.office.context.document.settings;
      settings.set(IGNORED_SETTING, json);
      await new Promise<void>((resolve, reject) =>
        settings.saveAsync((result) =>
          result.status === ctx.office.AsyncResultStatus.Failed ? reject(workbookError('unknown', { key: 'ignored-save-failed' }, result.error?.message)) : resolve(),
        ),
      );
    },

  };
}
