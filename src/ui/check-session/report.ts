import { CATALOGS, readSheetTables, summariseTable, type TableSummary } from '../../core';
import type { TargetLayout } from '../../core/writers/convert';
import { REPORT_SHEET_NAME } from '../../workbook/port';
import { activeFindings, reportRows } from '../finding-view';
import { ignoredRows } from '../ignored-view';
import type { SessionShared } from './shared';

export interface ReportWriter {
  /** The sheet 导出报告 last wrote (its name is 校验结果 unless the user has a sheet of that name). */
  reportSheet(): string | null;
  exportReport(): Promise<void>;
  convertTable(table: TableSummary, to: TargetLayout): Promise<void>;
}

/** The sheets the pane writes for the user: the report of the findings and a table in the other layout. */
export function createReportWriter(shared: SessionShared): ReportWriter {
  const { port, strings, locale, update, notice, fail } = shared;
  let reportSheet: string | null = null;
  return {
    reportSheet: () => reportSheet,

    async exportReport() {
      const { state } = shared;
      if (state.findings === null || !shared.beginWrite()) return;
      try {
        const sheet = await port.writeReport(reportRows(activeFindings(state.findings, state.ignored), state.sheetOrder, locale), ignoredRows(state.findings, state.ignored, state.sheetOrder, locale), locale);
        reportSheet = sheet;
        // The last check read a sheet of that name: the user's own, which the port left alone.
        const besideUserSheet = sheet !== REPORT_SHEET_NAME && shared.state.sheetOrder.includes(REPORT_SHEET_NAME);
        notice(besideUserSheet ? 'info' : 'success', besideUserSheet ? strings.reportBesideUserSheet(sheet, REPORT_SHEET_NAME) : strings.reportWritten(sheet));
      } catch (error) {
        fail(error);
      } finally {
        update({ writing: false });
      }
    },

    async convertTable(summary, to) {
      if (!shared.beginWrite()) return;
      try {
        const sheet = await port.readSheet(summary.sheet);
        const table = readSheetTables(sheet, 0, { taxonomy: shared.checker.taxonomy }).find((t) => summariseTable(t).cell === summary.cell);
        if (!table) {
          notice('warning', strings.convertTableGone(`${summary.sheet}!${summary.cell}`));
          return;
        }
        // Loaded when first asked for: the pane's first load stays lean.
        const { convertTable } = await import(/* webpackChunkName: "convert" */ '../../core/writers/convert');
        const converted = convertTable(table, to, `${summary.sheet}-${strings.convertedSuffix}`);
        if (!converted.ok) {
          notice('warning', [strings.convertRefused(`${summary.sheet}!${summary.cell}`), ...converted.problems.map((p) => strings.convertProblem[p.kind](`${p.location.sheet}!${p.location.cell}`))].join('\n'));
          return;
        }
        const name = await port.addSheet(converted.sheet);
        notice('success', strings.converted(name, CATALOGS[locale].layout[to]));
      } catch (error) {
        fail(error);
      } finally {
        update({ writing: false });
      }
    },
  };
}
