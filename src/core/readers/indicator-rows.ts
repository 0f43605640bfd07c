import { cellAt, cellText, locate, type CellLocation, type SheetGrid } from '../grid';
import { composeValue, indicatorRecord, levelText, type RecordCells } from '../indicators/records';
import type {
  AmountColumn,
  IndicatorBlock,
  IndicatorColumn,
  IndicatorDetail,
  IndicatorRecord,
  TableColumns,
  TemplateRow,
  ValueSlots,
} from '../table-model';
import type { Taxonomy } from '../taxonomy';
import { isBlank } from './sheet-text';

/**
 * The indicator rows of a row-per-indicator table (or of a form's indicator block): each row one indicator,
 * levels merged down over their indicators (so a blank level cell continues the level above), template
 * rows that name levels but no indicator kept apart.
 */

const DETAILS: readonly IndicatorDetail[] = ['nature', 'measureUnit', 'weight', 'direction', 'valueType', 'explanation', 'standard', 'note'];
const PROJECT_COLUMNS = ['seq', 'name', 'owner', 'goal', 'periodGoal'] as const;

interface Written {
  readonly text: string;
  readonly location: CellLocation;
}

export interface ReadBlock {
  /** Index of the project's draft row in the table. */
  readonly draft: number;
  readonly records: readonly IndicatorRecord[];
  readonly templateRows: readonly TemplateRow[];
  readonly block: IndicatorBlock;
}

export class IndicatorRowReader {
  private readonly blocks: ReadBlock[] = [];
  private current: { draft: number; firstRow: number; lastRow: number; records: IndicatorRecord[]; templateRows: TemplateRow[] } | null = null;
  private level1: Written | null = null;
  private level2: Written | null = null;
  private readonly indicatorColumns: { readonly [C in IndicatorColumn]?: number };

  constructor(
    private readonly sheet: SheetGrid,
    private readonly columns: TableColumns,
    private readonly taxonomy: Taxonomy,
    private readonly slots?: ValueSlots,
  ) {
    const own: { [C in IndicatorColumn]?: number } = {};
    for (const key of ['level1', 'level2', 'level3', 'nature', 'value', 'periodValue', 'measureUnit', 'weight', 'direction', 'valueType', 'explanation', 'standard', 'note'] as const) {
      const col = columns[key];
      if (col !== undefined) own[key] = col;
    }
    this.indicatorColumns = own;
  }

  private blank(row: number, col: number | undefined): boolean {
    return col === undefined || isBlank(cellAt(this.sheet, row, col));
  }

  /** The row holds something in an indicator column. */
  hasIndicatorCells(row: number): boolean {
    return Object.values(this.indicatorColumns).some((col) => !this.blank(row, col));
  }

  /** Nothing of a project on the row (name, unit, amounts, goal), only indicator cells: the project above goes on. */
  isContinuation(row: number, amountColumns: readonly AmountColumn[]): boolean {
    if (PROJECT_COLUMNS.some((k) => !this.blank(row, this.columns[k]))) return false;
    if (amountColumns.some((c) => !this.blank(row, this.columns[c]))) return false;
    return this.hasIndicatorCells(row);
  }

  /** A new project starts on `row` (its indicators, if any, begin on the same row). */
  start(draft: number, row: number): void {
    this.close();
    this.current = { draft, firstRow: row, lastRow: row, records: [], templateRows: [] };
    this.level1 = null;
    this.level2 = null;
  }

  private written(row: number, col: number | undefined): Written | null {
    if (col === undefined) return null;
    const value = cellAt(this.sheet, row, col);
    if (isBlank(value)) return null;
    return { text: cellText(value).trim(), location: locate(this.sheet.name, row, col) };
  }

  /** Adds the indicator (or template row) on `row` to the current project. */
  add(row: number): void {
    const current = this.current;
    if (!current) return;
    current.lastRow = row;
    const c = this.indicatorColumns;
    const ownLevel1 = this.written(row, c.level1);
    const ownLevel2 = this.written(row, c.level2);
    // A blank level continues the one above (merged down); a new first level starts a new group.
    if (ownLevel1) {
      this.level1 = { text: levelText(ownLevel1.text), location: ownLevel1.location };
      this.level2 = null;
    }
    if (ownLevel2) this.level2 = { text: levelText(ownLevel2.text), location: ownLevel2.location };
    const name = this.written(row, c.level3);
    const value = this.written(row, c.value);
    const periodValue = this.written(row, c.periodValue);
    if (!name && !value && !periodValue) {
      const at = ownLevel2?.location ?? ownLevel1?.location ?? locate(this.sheet.name, row, c.level3 ?? c.level2 ?? c.level1 ?? 0);
      current.templateRows.push({ row, level1: this.level1?.text ?? '', level2: this.level2?.text ?? '', location: at });
      return;
    }
    const text = (col: number | undefined) => (col === undefined ? '' : cellText(cellAt(this.sheet, row, col)).trim());
    const nature = text(c.nature);
    const unit = text(c.measureUnit);
    const cells: RecordCells = {
      level1: this.level1,
      level2: this.level2,
      name: name ?? (c.level3 === undefined ? null : { text: '', location: locate(this.sheet.name, row, c.level3) }),
      period: c.periodValue === undefined ? null : { value: composeValue(nature, cellAt(this.sheet, row, c.periodValue), unit), location: locate(this.sheet.name, row, c.periodValue) },
      annual: c.value === undefined ? null : { value: composeValue(nature, cellAt(this.sheet, row, c.value), unit), location: locate(this.sheet.name, row, c.value) },
      details: DETAILS.flatMap((detail) => {
        const col = c[detail];
        return col === undefined ? [] : [{ detail, text: text(col), location: locate(this.sheet.name, row, col) }];
      }),
    };
    current.records.push(indicatorRecord(current.records.length + 1, row, cells, this.slots, this.taxonomy));
  }

  private close(): void {
    const current = this.current;
    if (!current) return;
    this.blocks.push({
      draft: current.draft,
      records: current.records,
      templateRows: current.templateRows,
      block: { firstRow: current.firstRow, lastRow: current.lastRow, columns: this.indicatorColumns },
    });
    this.current = null;
  }

  /** Every project's indicators, in table order. */
  finish(): readonly ReadBlock[] {
    this.close();
    return this.blocks;
  }
}
