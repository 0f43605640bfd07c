import ExcelJS from 'exceljs';
import { toA1, type Severity, type WorkbookGrid } from '../core';
import { MARK_COLOURS, REPORT_HEADER, REPORT_SHEET_NAME, type ReportRow } from './port';

export interface XlsxWriteOptions {
  /** "Sheet!A1" → severity: those cells get the mark's fill and font colour. */
  readonly marks?: ReadonlyMap<string, Severity>;
  /** Rows of a 校验结果 sheet to add (it replaces a 校验结果 sheet already in the grid). */
  readonly report?: readonly ReportRow[];
  readonly severityLabels?: { readonly [S in Severity]: string };
}

const argb = (hex: string) => `FF${hex.replace('#', '')}`;

/** Writes grids to .xlsx bytes with ExcelJS. No Node I/O: the web page downloads the result. */
export async function writeXlsxGrid(workbook: WorkbookGrid, options: XlsxWriteOptions = {}): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = '绩效目标表助手';
  for (const sheet of workbook.sheets) {
    if (options.report && sheet.name === REPORT_SHEET_NAME) continue;
    const ws = book.addWorksheet(sheet.name);
    sheet.values.forEach((row, r) => {
      row.forEach((value, c) => {
        const rowIndex = sheet.originRow + r;
        const colIndex = sheet.originCol + c;
        const mark = options.marks?.get(`${sheet.name}!${toA1(rowIndex, colIndex)}`);
        if (value === null && !mark) return;
        const cell = ws.getCell(rowIndex + 1, colIndex + 1);
        cell.value = value;
        if (typeof value === 'string' && value.length > 20) cell.alignment = { wrapText: true, vertical: 'top' };
        if (mark) {
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(MARK_COLOURS[mark].fill) } };
          cell.font = { color: { argb: argb(MARK_COLOURS[mark].font) } };
        }
      });
    });
  }
  if (options.report) addReportSheet(book, options.report, options.severityLabels);
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function addReportSheet(book: ExcelJS.Workbook, rows: readonly ReportRow[], labels?: { readonly [S in Severity]: string }): void {
  const ws = book.addWorksheet(REPORT_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([...REPORT_HEADER]).font = { bold: true };
  for (const r of rows) {
    const row = ws.addRow([labels?.[r.severity] ?? r.severity, r.sheet, null, r.project, r.rule, r.message, r.fix]);
    // An internal link, as the add-in's HYPERLINK formula: clicking it jumps to the cell.
    row.getCell(3).value = { text: r.cell, hyperlink: `#'${r.sheet.replace(/'/g, "''")}'!${r.cell}` };
  }
  const widths = [8, 18, 10, 28, 24, 60, 40];
  widths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
  ws.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
  ws.getColumn(7).alignment = { wrapText: true, vertical: 'top' };
}
