import type { Locale } from '../../core';
import { IGNORED_REPORT_HEADER, type IgnoredReportRow, ignoredSectionValues } from '../ignored-report';
import { hasReportHeader, REPORT_HEADER, reportHeader, REPORT_PROPERTY, REPORT_SHEET_NAME, type WorkbookPort } from '../port';
import { uniqueSheetName } from '../sheet-names';
import { linkFormula, rangeAddress, utf8Length } from './cells';
import { type OfficeContext, run, syncInBatches } from './context';
import { isTagged, reportTagOf } from './read';

// Rows of the ignored section per sync: each holds at most a 1,000-character reason and message, far under 5 MB.
const IGNORED_ROWS_PER_SYNC = 200;

/** The 校验结果 sheet's section of ignored findings from row `top` (0-based): title, header, one row each with a link. */
async function writeIgnoredSection(context: Excel.RequestContext, sheet: Excel.Worksheet, top: number, rows: readonly IgnoredReportRow[], locale: Locale): Promise<void> {
  if (rows.length === 0) return;
  const [title, header, ...lines] = ignoredSectionValues(rows, locale);
  const width = IGNORED_REPORT_HEADER.length;
  const heading = sheet.getRange(rangeAddress(top, 0, 2, width));
  heading.numberFormat = [Array<string>(width).fill('@'), Array<string>(width).fill('@')];
  heading.values = [[...(title ?? []), ...Array<null>(width - 1).fill(null)].slice(0, width), header ?? []];
  heading.format.font.bold = true;
  sheet.getRange(rangeAddress(top + 1, 0, 1, width)).format.fill.color = '#D9E1F2';
  for (let start = 0; start < lines.length; start += IGNORED_ROWS_PER_SYNC) {
    const batch = lines.slice(start, start + IGNORED_ROWS_PER_SYNC);
    const at = top + 2 + start;
    const block = sheet.getRange(rangeAddress(at, 0, batch.length, width));
    // Text format keeps what was typed as typed; the link column stays General for its formula.
    block.numberFormat = batch.map(() => IGNORED_REPORT_HEADER.map((_, c) => (c === 2 ? 'General' : '@')));
    block.values = batch;
    sheet.getRange(rangeAddress(at, 2, batch.length, 1)).formulas = rows.slice(start, start + batch.length).map((r) => [linkFormula(r.sheet, r.cell)]);
    await context.sync();
  }
}


/**
 * The name of our report sheet (tagged, or by its header; the one named 校验结果 first), else of a new one:
 * 校验结果, or 校验结果（2）… when the user has a sheet of that name. `prepare` queues clearing our sheet's
 * contents (or adding the new one) and its tag; it goes into the first write batch, which is sent again when
 * refused for its size. Never deletes a sheet: deleting or renaming one clears Excel's undo stack on desktop.
 * Two syncs.
 */
async function reportSheet(ctx: OfficeContext, context: Excel.RequestContext): Promise<{ name: string; prepare: () => void }> {
  const worksheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const probes = worksheets.items.map((worksheet) => ({ worksheet, header: worksheet.getRange('A1:G1').load('values'), tag: reportTagOf(ctx, worksheet) }));
  await context.sync();
  const ours = probes.filter((p) => isTagged(p.tag) || hasReportHeader(p.header.values[0]));
  const found = ours.find((p) => p.worksheet.name === REPORT_SHEET_NAME) ?? ours[0];
  const name = found?.worksheet.name ?? uniqueSheetName(REPORT_SHEET_NAME, new Set(worksheets.items.map((w) => w.name)));
  const prepare = () => {
    if (found) found.worksheet.getUsedRange().clear('Contents');
    else context.workbook.worksheets.add(name);
    // Tags a report written by the CLI, the page or an older host too.
    if (ctx.minor >= 12) context.workbook.worksheets.getItem(name).customProperties.add(REPORT_PROPERTY, '1');
  };
  return { name, prepare };
}


export function reportRoom(ctx: OfficeContext): Pick<WorkbookPort, 'writeReport'> {
  return {
    writeReport(rows, ignored = [], locale = 'zh-CN') {
      return run(ctx, async (context) => {
        const { name, prepare } = await reportSheet(ctx, context);
        const sheet = context.workbook.worksheets.getItem(name);
        const headerRow = reportHeader(locale);
        // Column C holds a link formula; null leaves it for the formulas written below.
        const table: (string | null)[][] = [
          [...headerRow],
          ...rows.map((r) => [r.level, r.sheet, null, r.project, r.title, r.message, r.fix, r.rule]),
        ];
        const links = [headerRow[2] as string, ...rows.map((r) => linkFormula(r.sheet, r.cell))];
        // Text format keeps "=…", "-…" or numeric-looking text as typed; the link column stays General.
        const TEXT_FORMATS = ['@', '@', 'General', '@', '@', '@', '@', '@'];
        await syncInBatches(
          context,
          table,
          (row) => utf8Length(JSON.stringify(row)) + 80,
          (batch, offset) => {
            if (batch.length === 0) return;
            const block = sheet.getRange(rangeAddress(offset, 0, batch.length, REPORT_HEADER.length));
            block.numberFormat = batch.map(() => TEXT_FORMATS);
            block.values = batch;
            sheet.getRange(rangeAddress(offset, 2, batch.length, 1)).formulas = links.slice(offset, offset + batch.length).map((l) => [l]);
            if (offset + batch.length < table.length) return;
            // Last batch: the header's look, frozen header row, fitted columns.
            const header = sheet.getRange(rangeAddress(0, 0, 1, REPORT_HEADER.length));
            header.format.font.bold = true;
            header.format.fill.color = '#D9E1F2';
            if (ctx.minor >= 7) sheet.freezePanes.freezeRows(1);
            if (ctx.minor >= 2) sheet.getRange(rangeAddress(0, 0, table.length, REPORT_HEADER.length)).format.autofitColumns();
          },
          prepare,
        );
        await writeIgnoredSection(context, sheet, table.length + 1, ignored, locale);
        return name;
      });
    },

  };
}
