import type { BuilderRow, BuilderValue } from '../builder';
import { cellAt, cellText, type CellRange, type CellValue, type SheetGrid } from '../grid';
import type { IndicatorColumn, IndicatorRecord, PerformanceTable, TableRow } from '../table-model';
import type { Level1Entry, Level2Entry, Taxonomy } from '../taxonomy';
import { movedRange, rewritePoint, sameRange, type BlockRewrite } from './block-rewrite';

/**
 * The builder's rows written in the table's own layout, where each indicator has a row of its own: the
 * project's indicator rows rewritten in place, new rows placed in their level's group, the levels spelt as
 * the table spells them, the comparator, number and unit in their own columns when the table has them,
 * and the merged cells (the project's own, the levels') grown over the new rows.
 */

export type BlockPlan = { readonly ok: true; readonly rewrite: BlockRewrite } | { readonly ok: false; readonly reason: 'no-block' | 'two-halves' };

/** How the table writes what the builder holds as codes and symbols. */
interface Spelling {
  readonly level1: ReadonlyMap<string, string>;
  readonly level2: ReadonlyMap<string, string>;
  /** The table's second levels end in 指标 (社会效益指标), not Guangzhou's 社会效益. */
  readonly level2WithSuffix: boolean;
  readonly equals: string;
  readonly positive: string;
  readonly negative: string;
  /** What a unit cell holds when there is no unit ('' or '-'). */
  readonly noUnit: string;
}

function spellingOf(table: PerformanceTable): Spelling {
  const level1 = new Map<string, string>();
  const level2 = new Map<string, string>();
  let suffixed = 0;
  let plain = 0;
  let equals = '＝';
  let positive = '正向';
  let negative = '反向';
  let units = 0;
  let dashes = 0;
  for (const row of table.rows) {
    for (const ind of row.records ?? []) {
      if (ind.level1?.entry) level1.set(ind.level1.entry.code, ind.level1.name);
      if (ind.level2?.entry) {
        level2.set(ind.level2.entry.code, ind.level2.name);
        if (ind.level2.name.endsWith('指标')) suffixed++;
        else plain++;
      }
      const nature = ind.details?.nature;
      if (nature === '=') equals = '=';
      const direction = ind.details?.direction ?? '';
      if (direction.includes('正向')) positive = direction;
      if (direction.includes('反向')) negative = direction;
      const unit = ind.details?.measureUnit;
      if (unit !== undefined) units++;
      if (unit === '-') dashes++;
    }
  }
  if (negative === '反向' && positive.endsWith('指标')) negative = '反向指标';
  return { level1, level2, level2WithSuffix: suffixed > plain, equals, positive, negative, noUnit: units > 0 && dashes === units ? '-' : '' };
}

function level2Text(entry: Level2Entry, spelling: Spelling): string {
  const known = spelling.level2.get(entry.code);
  if (known) return known;
  if (!spelling.level2WithSuffix || entry.name.endsWith('指标')) return entry.name;
  return entry.synonyms.find((s) => s === `${entry.name}指标`) ?? entry.name;
}

function level1Text(entry: Level1Entry, spelling: Spelling): string {
  return spelling.level1.get(entry.code) ?? entry.name;
}

/** One builder value in the table's value, comparator and unit columns. */
function valueCells(value: BuilderValue, columns: { readonly [C in IndicatorColumn]?: number }, spelling: Spelling): { value: string; nature: string; unit: string; quantitative: boolean } {
  if (value.kind === 'qualitative') return { value: value.text.trim(), nature: '定性', unit: spelling.noUnit, quantitative: false };
  if (value.number.trim() === '') return { value: '', nature: '', unit: '', quantitative: true };
  const comparator = value.comparator === '＝' ? spelling.equals : (value.comparator ?? '');
  const hasNature = columns.nature !== undefined;
  const hasUnit = columns.measureUnit !== undefined;
  const number = value.number.trim();
  const unit = value.unit.trim();
  return {
    value: `${hasNature ? '' : comparator}${number}${hasUnit ? '' : unit}`,
    nature: hasNature ? comparator : '',
    unit: hasUnit ? unit || spelling.noUnit : '',
    quantitative: true,
  };
}

function direction(value: BuilderValue, spelling: Spelling): string {
  if (value.kind !== 'quantity' || value.number.trim() === '') return '';
  return value.comparator === '≤' || value.comparator === '＜' ? spelling.negative : spelling.positive;
}

/** The cells of one indicator row, by column. */
function rowCells(row: BuilderRow, columns: { readonly [C in IndicatorColumn]?: number }, taxonomy: Taxonomy, spelling: Spelling): Map<IndicatorColumn, CellValue> {
  const cells = new Map<IndicatorColumn, CellValue>();
  const l1 = taxonomy.level1ByCode(row.level1 || (taxonomy.level2ByCode(row.level2)?.parent ?? ''));
  const l2 = taxonomy.level2ByCode(row.level2);
  cells.set('level1', l1 ? level1Text(l1, spelling) : '');
  cells.set('level2', l2 ? level2Text(l2, spelling) : '');
  cells.set('level3', row.name.trim());
  const annual = valueCells(row.annual, columns, spelling);
  const period = valueCells(row.period, columns, spelling);
  // One value column holds the year's value; a table with both holds each in its own.
  cells.set('value', columns.value !== undefined ? annual.value : '');
  cells.set('periodValue', columns.periodValue !== undefined ? (columns.value === undefined ? period.value || annual.value : period.value) : '');
  const main = columns.value !== undefined ? annual : period;
  cells.set('nature', main.nature);
  cells.set('measureUnit', main.unit);
  cells.set('valueType', main.value === '' ? '' : main.quantitative ? '定量' : '定性');
  cells.set('direction', row.details?.direction ?? direction(columns.value !== undefined ? row.annual : row.period, spelling));
  for (const detail of ['weight', 'explanation', 'standard', 'note'] as const) cells.set(detail, row.details?.[detail] ?? '');
  return cells;
}

/** A row of the new block: a builder row's cells, or a template row kept as it stands. */
interface PlannedRow {
  readonly sourceRow: number | undefined;
  readonly level1: string;
  readonly level2: string;
  readonly cells: Map<IndicatorColumn, CellValue>;
}

const NUMBER_TEXT = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * A cell's new value in the table's own types: an unchanged text keeps the cell as it was (95 stays a number,
 * "95" stays text); a new number is a number where the column holds numbers.
 */
function typed(value: CellValue, old: CellValue, numericColumn: boolean): CellValue {
  const text = value === null ? '' : String(value).trim();
  if (old !== null && cellText(old).trim() === text) return old;
  return numericColumn && NUMBER_TEXT.test(text) ? Number(text) : text === '' ? null : text;
}

/**
 * The builder's order, except that a new row appended after the rows of other levels joins the group of its
 * own level (the table keeps each first level's indicators together).
 */
function arranged(rows: readonly PlannedRow[]): PlannedRow[] {
  // Grouped: each first level's existing rows stand together (no level comes back after another).
  const seen: string[] = [];
  let grouped = true;
  for (const r of rows) {
    if (r.sourceRow === undefined) continue;
    if (seen[seen.length - 1] === r.level1) continue;
    if (seen.includes(r.level1)) grouped = false;
    seen.push(r.level1);
  }
  const out: PlannedRow[] = [];
  for (const row of rows) {
    if (row.sourceRow !== undefined || !grouped) {
      out.push(row);
      continue;
    }
    // After the last row of its first level, and within it after the last row of its second level.
    let last = -1;
    let lastSameLevel2 = -1;
    out.forEach((r, i) => {
      if (r.level1 !== row.level1) return;
      last = i;
      if (r.level2 === row.level2) lastSameLevel2 = i;
    });
    const after = lastSameLevel2 >= 0 ? lastSameLevel2 : last;
    if (after < 0 || after === out.length - 1) out.push(row);
    else out.splice(after + 1, 0, row);
  }
  return out;
}

/** The builder's rows with the block's template rows kept in their places (by sheet row). */
function plannedRows(builderRows: readonly BuilderRow[], row: TableRow, sheet: SheetGrid, columnMap: { readonly [C in IndicatorColumn]?: number }, taxonomy: Taxonomy, spelling: Spelling): PlannedRow[] {
  const level1Of = (r: BuilderRow) => r.level1 || (taxonomy.level2ByCode(r.level2)?.parent ?? '');
  const fromBuilder = builderRows.map((r): PlannedRow => ({ sourceRow: r.sourceRow, level1: level1Of(r), level2: r.level2, cells: rowCells(r, columnMap, taxonomy, spelling) }));
  const templates = (row.templateRows ?? []).map((t): PlannedRow => {
    const cells = new Map<IndicatorColumn, CellValue>();
    for (const [key, col] of Object.entries(columnMap)) cells.set(key as IndicatorColumn, cellAt(sheet, t.row, col as number));
    // Its levels as read (a merged level reads empty below its first row): runs and merges are made anew.
    cells.set('level1', t.level1);
    cells.set('level2', t.level2);
    const l1 = taxonomy.level1ByName(t.level1);
    const l2 = taxonomy.level2ByName(t.level2);
    return { sourceRow: t.row, level1: l1?.code ?? t.level1, level2: l2?.code ?? t.level2, cells };
  });
  const out = [...fromBuilder];
  for (const template of templates) {
    // Before the first builder row read from below it, so the sheet's order stands.
    const at = out.findIndex((r) => r.sourceRow !== undefined && r.sourceRow > (template.sourceRow ?? 0));
    if (at < 0) {
      const lastRead = out.reduce((last, r, i) => (r.sourceRow !== undefined ? i : last), -1);
      out.splice(lastRead + 1, 0, template);
    } else out.splice(at, 0, template);
  }
  return out;
}

type LevelMode = 'merged' | 'first-only' | 'every';

/** How the block writes a level column: merged over its run, written once per run, or on every row. */
function levelMode(sheet: SheetGrid, records: readonly IndicatorRecord[], col: number | undefined, first: number, last: number, field: 'level1' | 'level2'): LevelMode {
  if (col === undefined) return 'every';
  if ((sheet.merges ?? []).some((m) => m.col <= col && col < m.col + m.colCount && m.row >= first && m.row <= last && m.rowCount > 1)) return 'merged';
  return records.some((r) => r.row !== undefined && r.cells?.[field] !== undefined && r.cells[field]?.row !== r.row) ? 'first-only' : 'every';
}

/** Runs of equal text in a column of the new rows (level 2 runs break where level 1 changes). */
function runs(texts: readonly CellValue[], breaks: readonly boolean[]): { start: number; length: number }[] {
  const out: { start: number; length: number }[] = [];
  texts.forEach((text, i) => {
    const current = out[out.length - 1];
    if (current && !breaks[i] && text === texts[i - 1] && text !== '') current.length++;
    else out.push({ start: i, length: 1 });
  });
  return out;
}

/** Plans the rewrite of `row`'s indicator block with the builder's rows, in the table's own layout. */
export function planIndicatorBlock(sheet: SheetGrid, table: PerformanceTable, row: TableRow, builderRows: readonly BuilderRow[], taxonomy: Taxonomy): BlockPlan {
  const block = row.block;
  if (!block) return { ok: false, reason: 'no-block' };
  if ((row.records ?? []).some((r) => r.slots !== undefined)) return { ok: false, reason: 'two-halves' };
  const columnMap = block.columns;
  const columns = [...new Set(Object.values(columnMap) as number[])].sort((a, b) => a - b);
  const records = row.records ?? [];
  const used = records.length + (row.templateRows?.length ?? 0) > 0;
  const rowCount = used || table.layout === 'row-per-indicator' ? block.lastRow - block.firstRow + 1 : 0;
  const spelling = spellingOf(table);
  const rows = arranged(plannedRows(builderRows, row, sheet, columnMap, taxonomy, spelling));
  const lines = rows.map((r) => r.cells);
  const modes = {
    level1: levelMode(sheet, records, columnMap.level1, block.firstRow, block.lastRow, 'level1'),
    level2: levelMode(sheet, records, columnMap.level2, block.firstRow, block.lastRow, 'level2'),
  };
  const level1Texts = lines.map((l) => l.get('level1') ?? '');
  const level1Runs = runs(level1Texts, []);
  const level1Breaks = level1Texts.map((_, i) => level1Runs.some((r) => r.start === i));
  const level2Runs = runs(lines.map((l) => l.get('level2') ?? ''), level1Breaks);
  const newMerges: CellRange[] = [];
  for (const [field, fieldRuns] of [['level1', level1Runs], ['level2', level2Runs]] as const) {
    const col = columnMap[field];
    if (col === undefined || modes[field] === 'every') continue;
    for (const run of fieldRuns) {
      for (let k = 1; k < run.length; k++) lines[run.start + k]?.set(field, '');
      if (modes[field] === 'merged' && run.length > 1) newMerges.push({ row: block.firstRow + run.start, col, rowCount: run.length, colCount: 1 });
    }
  }
  const columnOf = new Map<number, IndicatorColumn>(Object.entries(columnMap).map(([k, c]) => [c as number, k as IndicatorColumn]));
  const expected = Array.from({ length: rowCount }, (_, r) => columns.map((col) => cellAt(sheet, block.firstRow + r, col)));
  const numeric = columns.map((col) => {
    const values = expected.map((line) => line[columns.indexOf(col)] ?? null).filter((v) => v !== null);
    return values.length > 0 && values.filter((v) => typeof v === 'number').length * 2 >= values.length;
  });
  const values = lines.map((line, i) =>
    columns.map((col, c) => {
      const source = rows[i]?.sourceRow;
      const old = source === undefined ? null : cellAt(sheet, source, col);
      return typed(line.get(columnOf.get(col) ?? 'note') ?? '', old, numeric[c] ?? false);
    }),
  );
  // A row per indicator keeps the project's own row, even with no indicator left on it.
  if (values.length === 0 && table.layout === 'row-per-indicator') values.push(columns.map(() => null));
  const draft: BlockRewrite = { sheet: sheet.name, firstRow: block.firstRow, rowCount, newRowCount: values.length, columns, expected, values, mergesBefore: [], mergesAfter: [] };
  return { ok: true, rewrite: { ...draft, ...mergesAround(sheet, draft, newMerges) } };
}

/** The merged areas before and after: those of the block's levels made anew, the others grown, shrunk or moved. */
function mergesAround(sheet: SheetGrid, rewrite: BlockRewrite, levelMerges: readonly CellRange[]): { mergesBefore: CellRange[]; mergesAfter: CellRange[] } {
  const { at, delta } = rewritePoint(rewrite);
  const first = rewrite.firstRow;
  const last = first + Math.max(rewrite.rowCount, 1) - 1;
  const touches = (m: CellRange) => m.row + m.rowCount - 1 >= first && (m.row <= last || delta !== 0);
  const before = (sheet.merges ?? []).filter(touches);
  const inBlockColumns = (m: CellRange) => m.row >= first && m.row + m.rowCount - 1 <= last && rewrite.columns.includes(m.col) && m.colCount === 1;
  const kept = before.filter((m) => !inBlockColumns(m));
  const after = [...kept.flatMap((m) => movedRange(m, at, delta) ?? []), ...levelMerges];
  // An area the rewrite neither moves nor makes anew stays as it is: it need not be undone and done again.
  // (One that moves is listed before and after even if another area ends up where it was.)
  const stays = kept.filter((m) => {
    const moved = movedRange(m, at, delta);
    return moved !== null && sameRange(moved, m) && !levelMerges.some((l) => sameRange(l, m));
  });
  const staying = (m: CellRange) => stays.some((s) => sameRange(s, m));
  return { mergesBefore: before.filter((m) => !staying(m)), mergesAfter: after.filter((m) => !staying(m)) };
}
