import type { MoneyUnit } from '../amounts';
import headersData from '../data/headers.json';
import type { CellValue } from '../grid';
import { AMOUNT_COLUMNS, INDICATOR_COLUMNS, type HeaderKind, type IndicatorColumn, type TableColumns } from '../table-model';

/** Header texts → what their column holds: the data in data/headers.json, checked once when loaded. */

const HEADER_KINDS: readonly HeaderKind[] = ['seq', 'name', 'owner', ...AMOUNT_COLUMNS, 'goal', 'periodGoal', 'indicators', ...INDICATOR_COLUMNS];

function loadSynonyms(): ReadonlyMap<string, HeaderKind> {
  const map = new Map<string, HeaderKind>();
  for (const [kind, texts] of Object.entries(headersData.synonyms)) {
    const known = HEADER_KINDS.find((k) => k === kind);
    // The data ships with the code and the test suite reads every entry: reaching this is a build defect.
    if (!known) throw new Error(`data/headers.json: unknown header kind ${kind}`);
    for (const text of texts) map.set(text, known);
  }
  return map;
}

const HEADER_SYNONYMS = loadSynonyms();
const GROUP_LABELS: ReadonlySet<string> = new Set(headersData.groupLabels);

const ALL_WHITESPACE = /\s+/g;
const HEADER_UNIT_SUFFIX = /\((?:单位:|金额单位:)?(?:人民币)?(万元|元)\)$/;
const HEADER_MARKER = /^[*＊]+|:$/g;
// Headers are short; longer texts (project goals, indicators) are skipped without normalising.
export const MAX_HEADER_LENGTH = 60;

export type HeaderCellKind = HeaderKind | 'group' | null;

function headerKey(text: string): { key: string; unit: MoneyUnit | null } {
  let key = text.replace(ALL_WHITESPACE, '').replace(/（/g, '(').replace(/）/g, ')').replace(/／/g, '/').replace(/：/g, ':');
  const unitMatch = HEADER_UNIT_SUFFIX.exec(key);
  const unit = unitMatch ? (unitMatch[1] as MoneyUnit) : null;
  if (unitMatch) key = key.slice(0, unitMatch.index);
  return { key: key.replace(HEADER_MARKER, ''), unit };
}

export function classifyHeaderCell(value: CellValue | undefined): { kind: HeaderCellKind; unit: MoneyUnit | null } {
  if (typeof value !== 'string' || value.length > MAX_HEADER_LENGTH) return { kind: null, unit: null };
  const { key, unit } = headerKey(value);
  if (key === '') return { kind: null, unit: null };
  const known = HEADER_SYNONYMS.get(key) ?? (key.startsWith('项目名称') ? 'name' : undefined);
  if (known) return { kind: known, unit };
  return { kind: GROUP_LABELS.has(key) ? 'group' : null, unit };
}

/** Whether a cell reads as a header or a group label over headers: writing one may start a table. */
export function isHeaderCell(value: CellValue): boolean {
  return classifyHeaderCell(value).kind !== null;
}

// Every header text (after spaces and a leading * marker) starts with one of these characters.
const HEADER_FIRST_CHAR = new RegExp(
  `^[\\s\u3000*＊]*[${[...new Set([...HEADER_SYNONYMS.keys(), ...GROUP_LABELS, '项目名称'].map((k) => k.charAt(0)))].join('')}]`,
);

export function mayBeHeaderText(value: CellValue | undefined): boolean {
  return typeof value === 'string' && value.length <= MAX_HEADER_LENGTH && HEADER_FIRST_CHAR.test(value);
}

export function isHeaderKind(kind: HeaderCellKind | undefined): kind is HeaderKind {
  return kind !== null && kind !== undefined && kind !== 'group';
}

/** Whether the kind is one of an indicator's own columns (一级指标 … 备注). */
export function isIndicatorKind(kind: HeaderKind): kind is IndicatorColumn {
  return (INDICATOR_COLUMNS as readonly string[]).includes(kind);
}

// A row per indicator has at least its indicator's name or value in columns of their own.
const INDICATOR_MARKERS: readonly IndicatorColumn[] = ['level1', 'level2', 'level3', 'value', 'periodValue'];

/** Whether the columns are a row-per-indicator table's (one column per indicator field). */
export function hasIndicatorColumns(columns: TableColumns): boolean {
  return INDICATOR_MARKERS.filter((c) => columns[c] !== undefined).length >= 2;
}

/** Whether the columns make a table header: a name, an amount, and a goal or indicators. */
export function isTableHeader(columns: TableColumns): boolean {
  return (
    columns.name !== undefined &&
    (columns.goal !== undefined || columns.periodGoal !== undefined || columns.indicators !== undefined || hasIndicatorColumns(columns)) &&
    AMOUNT_COLUMNS.some((column) => columns[column] !== undefined)
  );
}
