import { cellAt, cellText, locate, type SheetGrid } from '../grid';
import type { AmountCell, AmountSum, PerformanceTable, TableColumns } from '../table-model';
import type { Taxonomy } from '../taxonomy';
import { blockEnd, blockHeaderAt, labelledValue, readBlock, type BlockHeader } from './forms';
import { formAmount, formUnit, fundingPairs, fundingSums, goalCells, labelOf, lastColumnOf, subtotalSums } from './labels';
import { isBlank } from './sheet-text';

/**
 * 部门整体支出绩效目标表: the department's name, its budget (资金总额 and its parts, or 收入 / 支出 blocks
 * closed by 合计), its 年度主要任务 with their amounts, its goal and indicators. At the least its amounts
 * are checked: every stated sum, and the tasks against the total.
 */

const TITLE = /部门整体支出.*绩效/;
const NAME_LABELS = new Set(['部门(单位)名称', '部门名称', '单位名称', '部门(单位)']);
const TASK_HEADERS = new Set(['任务名称', '年度目标任务', '年度主要任务', '主要内容', '支出项目名称', '部门职能']);
const TASK_AMOUNT_HEADERS = new Set(['预算金额', '金额', '资金金额', '预算数', '预算安排', '小计']);

function rowTexts(sheet: SheetGrid, row: number): readonly { col: number; label: string }[] {
  const values = sheet.values[row - sheet.originRow] ?? [];
  return values.flatMap((v, i) => (typeof v === 'string' && v.trim() !== '' ? [{ col: sheet.originCol + i, label: labelOf(v) }] : []));
}

/**
 * Where the department table starts: its title (部门整体支出绩效目标表); null when the sheet holds none.
 * Without the title a 部门名称 label proves nothing (收支总表 have one), so the title is required.
 */
function startRow(sheet: SheetGrid, taken: (row: number) => boolean): number | null {
  for (let i = 0; i < sheet.values.length; i++) {
    const row = sheet.originRow + i;
    if (!taken(row) && rowTexts(sheet, row).some((t) => TITLE.test(t.label))) return row;
  }
  return null;
}

/** The tasks' header row (任务 … 预算金额) and the column of their amounts. */
function taskHeader(sheet: SheetGrid, from: number, to: number): { row: number; amountCol: number } | null {
  for (let r = from; r <= to; r++) {
    const texts = rowTexts(sheet, r);
    const amount = texts.find((t) => TASK_AMOUNT_HEADERS.has(t.label));
    if (amount && texts.some((t) => TASK_HEADERS.has(t.label))) return { row: r, amountCol: amount.col };
  }
  return null;
}

/** The tasks' amounts, row by row until a blank row, a 合计 row or the indicator header. */
function taskAmounts(sheet: SheetGrid, header: { row: number; amountCol: number }, to: number, unit: PerformanceTable['unit']): AmountCell[] {
  const cells: AmountCell[] = [];
  for (let r = header.row + 1; r <= to; r++) {
    const texts = rowTexts(sheet, r);
    if (texts.length === 0 && isBlank(cellAt(sheet, r, header.amountCol))) break;
    if (texts.some((t) => /^(?:金额)?(?:合计|小计|总计)$/.test(t.label)) || blockHeaderAt(sheet, r)) break;
    cells.push(formAmount(sheet, r, header.amountCol, 'other', unit));
  }
  return cells;
}

/** The department table of a sheet (rows `taken` by other tables left alone), or none. */
export function readDepartmentTables(sheet: SheetGrid, index: number, taxonomy: Taxonomy, taken: (row: number) => boolean): PerformanceTable[] {
  const start = startRow(sheet, taken);
  if (start === null) return [];
  const end = sheet.originRow + sheet.values.length - 1;
  const lastCol = lastColumnOf(sheet);
  let indicatorHeader: BlockHeader | null = null;
  for (let r = start + 1; r <= end && !indicatorHeader; r++) if (!taken(r)) indicatorHeader = blockHeaderAt(sheet, r);
  const tasks = taskHeader(sheet, start, indicatorHeader ? indicatorHeader.row - 1 : end);
  const amountsEnd = (tasks?.row ?? indicatorHeader?.row ?? end + 1) - 1;
  const unit = formUnit(sheet, start, amountsEnd);
  const pairs = fundingPairs(sheet, start, amountsEnd, unit?.unit ?? null);
  const sums: AmountSum[] = [...fundingSums(pairs), ...subtotalSums(sheet, start, amountsEnd, unit?.unit ?? null)];
  if (pairs.length === 0 && sums.length === 0) return [];
  const taskCells = tasks ? taskAmounts(sheet, tasks, indicatorHeader ? indicatorHeader.row - 1 : end, unit?.unit ?? null) : [];
  const total = pairs.find((p) => p.cell.column === 'total');
  if (total && taskCells.length > 0) sums.push({ scope: 'tasks', label: total.label.replace(/[:：]\s*$/, ''), total: total.cell, parts: taskCells });
  const blockLast = indicatorHeader ? blockEnd(sheet, indicatorHeader, end) : null;
  const block = indicatorHeader && blockLast !== null ? readBlock(sheet, indicatorHeader, blockLast, taxonomy) : null;
  const { goal, periodGoal } = goalCells(sheet, start, indicatorHeader ? indicatorHeader.row - 1 : end);
  const name = labelledValue(sheet, start, amountsEnd, NAME_LABELS);
  const title = rowTexts(sheet, start).find((t) => TITLE.test(t.label));
  const columns: TableColumns = block ? { ...block.columns } : {};
  const lastRow = Math.max(blockLast ?? start, amountsEnd, ...taskCells.map((c) => c.location.row));
  return [
    {
      sheet: sheet.name,
      index,
      layout: 'department',
      title: title ? cellText(cellAt(sheet, start, title.col)).trim() : null,
      department: name?.text ?? null,
      unit: unit?.unit ?? null,
      unitLocation: unit ? locate(sheet.name, unit.at.row, unit.at.col) : locate(sheet.name, start, sheet.originCol),
      headerRow: start,
      firstCol: sheet.originCol,
      headerRowCount: 1,
      firstDataRow: start + 1,
      lastRow,
      columns,
      amountColumns: [],
      missingColumns: [],
      valueSlots: 'annual',
      rows: [
        {
          kind: 'project',
          row: start,
          name: name?.text ?? '',
          indent: 0,
          nameLocation: name?.location ?? locate(sheet.name, start, Math.min(sheet.originCol + 1, lastCol)),
          amounts: [...pairs.map((p) => p.cell), ...taskCells],
          goal,
          periodGoal,
          indicators: null,
          ...(block && indicatorHeader && blockLast !== null
            ? { records: block.records, templateRows: block.templateRows, block: { firstRow: indicatorHeader.row + 1, lastRow: Math.max(indicatorHeader.row + 1, blockLast), columns: block.columns } }
            : {}),
          owner: null,
          parent: null,
          children: [],
        },
      ],
      grandTotal: null,
      sums,
    },
  ];
}
