// The seed table as a user's own .xlsx, with everything a download must keep, and a comparable snapshot of any .xlsx.
import ExcelJS from 'exceljs';
import { SEED_SHEET } from '../fixtures/seed-grid';

export const RICH_SHEET = SEED_SHEET.name;
export const NOTES_SHEET = '填报说明';

/** Formats, formulas, merges, widths, a frozen header, the user's own conditional formats and a second sheet. */
export async function richSeedXlsx(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(RICH_SHEET, { views: [{ state: 'frozen', ySplit: 3 }] });
  SEED_SHEET.values.forEach((row, r) => row.forEach((value, c) => value !== null && (ws.getCell(r + 1, c + 1).value = value)));
  // The unit row adds up its projects; 合计 repeats the unit.
  ws.getCell('B5').value = { formula: 'SUM(B6:B14)', result: 700.36 };
  ws.getCell('B4').value = { formula: 'B5', result: 700.36 };
  ws.mergeCells('A1:G1');
  ws.getCell('A1').font = { name: '宋体', size: 16, bold: true, color: { argb: 'FF1F4E78' } };
  ws.getCell('A1').alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
  for (let c = 1; c <= 7; c++) {
    const header = ws.getCell(3, c);
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    header.font = { name: '黑体', bold: true };
    header.border = { top: thin, left: thin, bottom: { style: 'double', color: { argb: 'FF000000' } }, right: thin };
  }
  for (let r = 4; r <= 14; r++) {
    for (let c = 2; c <= 5; c++) ws.getCell(r, c).numFmt = '#,##0.00';
    ws.getCell(r, 7).alignment = { wrapText: true, vertical: 'top' };
    ws.getCell(r, 1).border = { left: thin };
  }
  ws.getCell('G12').font = { italic: true, color: { argb: 'FF7030A0' } };
  [44, 12, 12, 14, 12, 60, 90].forEach((width, i) => (ws.getColumn(i + 1).width = width));
  ws.addConditionalFormatting({
    ref: 'B6:B14',
    rules: [{ type: 'cellIs', operator: 'greaterThan', priority: 1, formulae: ['100'], style: { font: { bold: true, color: { argb: 'FFC00000' } } } }],
  });
  ws.addConditionalFormatting({
    ref: 'A6:A14',
    rules: [{ type: 'expression', priority: 2, formulae: ['LEN(A6)>15'], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFE2EFDA' } } } }],
  });

  const notes = book.addWorksheet(NOTES_SHEET);
  notes.getCell('A1').value = '填报日期';
  notes.getCell('B1').value = new Date(Date.UTC(2025, 2, 31));
  notes.getCell('B1').numFmt = 'yyyy"年"m"月"d"日"';
  notes.getCell('A2').value = '完成率';
  notes.getCell('B2').value = 0.875;
  notes.getCell('B2').numFmt = '0.0%';
  notes.getColumn(1).width = 20;
  return new Uint8Array(await book.xlsx.writeBuffer());
}

export interface CellSnapshot {
  readonly value: unknown;
  readonly style: unknown;
}

export interface SheetSnapshot {
  readonly name: string;
  readonly state: string;
  readonly views: unknown;
  readonly merges: readonly string[];
  readonly widths: readonly (number | null)[];
  readonly heights: Readonly<Record<number, number>>;
  readonly cells: Readonly<Record<string, CellSnapshot>>;
  readonly conditionalFormats: readonly ExcelJS.ConditionalFormattingOptions[];
}

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Every sheet as ExcelJS reads it: values (formulas included), full cell styles, merges, sizes, views, conditional formats. */
export async function xlsxSnapshot(bytes: Uint8Array): Promise<SheetSnapshot[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.slice().buffer);
  return book.worksheets.map((ws) => {
    const cells: Record<string, CellSnapshot> = {};
    const heights: Record<number, number> = {};
    ws.eachRow({ includeEmpty: true }, (row) => {
      if (row.height !== undefined) heights[row.number] = row.height;
      row.eachCell({ includeEmpty: true }, (cell) => {
        const style = plain(cell.style);
        // A row lists empty cells up to its last one: that depends on the row, not on the cell.
        if (cell.value !== null || Object.keys(style).length > 0) cells[cell.address] = { value: plain(cell.value), style };
      });
    });
    const cfs = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    return {
      name: ws.name,
      state: ws.state,
      views: plain(ws.views),
      merges: [...(ws.model.merges ?? [])].sort(),
      widths: Array.from({ length: ws.columnCount }, (_, i) => ws.getColumn(i + 1).width ?? null),
      heights,
      cells,
      conditionalFormats: plain(cfs),
    };
  });
}
