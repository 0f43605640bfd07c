import { cellText, type CellLocation, type CellValue } from '../grid';
import type { IndicatorDetail, IndicatorField, IndicatorRecord, ValueSlots } from '../table-model';
import type { Level1Entry, Level2Entry, Taxonomy } from '../taxonomy';
import type { LevelRef } from './grammar';
import { parseIndicatorValue, type IndicatorValue } from './value';

/**
 * Indicators read from cells of their own (a row per indicator, a form's indicator block): the levels
 * resolved by name, the value put together from its comparator, number and unit columns.
 */

const SPACES = /[\s\u3000]+/g;
const LEVEL_CODE = /^(\d{1,2})\s*[-－—–]\s*(.*)$/s;
// What tables write in a unit or comparator cell that has nothing to say.
const NOTHING = new Set(['', '-', '－', '—', '——', '/', '／', '无', '—-']);
const COMPARATOR_WORD = /^(?:[≥≤＞＜＝<>=]|大于|小于|等于|不低于|不少于|不高于|不超过|不大于|不小于)/;
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/** A level cell's text as the taxonomy knows it: no spaces or line breaks ("经济效益\n指标" is 经济效益指标). */
export function levelText(value: CellValue): string {
  return cellText(value).replace(SPACES, '');
}

/** Resolves a written level ("产出指标", "1-产出指标") against the taxonomy; null for an empty cell. */
export function resolveLevel<E extends Level1Entry | Level2Entry>(
  written: string,
  byCode: (code: string) => E | undefined,
  byName: (name: string) => E | undefined,
): LevelRef<E> | null {
  if (written === '') return null;
  const coded = LEVEL_CODE.exec(written);
  if (coded) {
    const code = coded[1] ?? '';
    const name = coded[2] ?? '';
    const entry = byCode(code) ?? null;
    const named = name === '' ? undefined : byName(name);
    return { code, name, entry, nameConflict: entry !== null && name !== '' && named !== entry };
  }
  return { code: null, name: written, entry: byName(written) ?? null, nameConflict: false };
}

/** Whether a unit or comparator cell says nothing ("-", "/", 无). */
export function saysNothing(text: string): boolean {
  return NOTHING.has(text.trim());
}

/**
 * One value from its cells: a comparator column (指标性质 ≥ ＝ ≤, or 定性 / 定量), the value, and a unit column.
 * A comparator or unit already written into the value is kept as written.
 */
export function composeValue(nature: string, value: CellValue, unit: string): IndicatorValue | null {
  let text = cellText(value).trim();
  if (text === '') return null;
  const comparator = nature.trim();
  if (!saysNothing(comparator) && COMPARATOR_WORD.test(comparator) && !COMPARATOR_WORD.test(text)) text = comparator + text;
  const measure = unit.trim();
  if (!saysNothing(measure) && PLAIN_NUMBER.test(text.replace(COMPARATOR_WORD, ''))) text += measure;
  return parseIndicatorValue(text);
}

export interface RecordCells {
  readonly level1: { readonly text: string; readonly location: CellLocation } | null;
  readonly level2: { readonly text: string; readonly location: CellLocation } | null;
  readonly name: { readonly text: string; readonly location: CellLocation } | null;
  readonly period: { readonly value: IndicatorValue | null; readonly location: CellLocation } | null;
  readonly annual: { readonly value: IndicatorValue | null; readonly location: CellLocation } | null;
  readonly details: readonly { readonly detail: IndicatorDetail; readonly text: string; readonly location: CellLocation }[];
}

/** An indicator record from the cells of one indicator. */
export function indicatorRecord(seq: number, row: number, cells: RecordCells, slots: ValueSlots | undefined, taxonomy: Taxonomy): IndicatorRecord {
  const level1 = resolveLevel(cells.level1?.text ?? '', taxonomy.level1ByCode, taxonomy.level1ByName);
  let level2 = resolveLevel(cells.level2?.text ?? '', taxonomy.level2ByCode, taxonomy.level2ByName);
  // A second level written under the wrong first level may have a namesake under the right one.
  if (level2?.entry && level1?.entry && level2.entry.parent !== level1.entry.code) {
    const under = taxonomy.level2Under(level1.entry.code).find((e) => e.name === level2?.name || e.synonyms.includes(level2?.name ?? ''));
    if (under) level2 = { ...level2, entry: under };
  }
  const located: { [F in IndicatorField]?: CellLocation } = {};
  if (cells.level1) located.level1 = cells.level1.location;
  if (cells.level2) located.level2 = cells.level2.location;
  if (cells.name) located.name = cells.name.location;
  if (cells.period) located.period = cells.period.location;
  if (cells.annual) located.annual = cells.annual.location;
  const details: { [D in IndicatorDetail]?: string } = {};
  for (const d of cells.details) {
    located[d.detail] = d.location;
    if (d.text !== '') details[d.detail] = d.text;
  }
  const name = cells.name?.text ?? '';
  return {
    seq,
    level1,
    level2,
    name,
    period: cells.period?.value ?? null,
    annual: cells.annual?.value ?? null,
    extraFields: [],
    source: name,
    cells: located,
    details,
    ...(slots === undefined ? {} : { slots }),
    row,
  };
}
