import type { Checker } from './check';
import type { Severity } from './findings';
import { locate } from './grid';
import { DETAIL_LABELS, formatIndicator, isBlankIndicatorText, parseIndicators, type Indicator } from './indicators/grammar';
import { composeIndicatorValue, COMPARATORS, parseIndicatorValue, type Comparator, type IndicatorValue } from './indicators/value';
import { formatFinding, renderMessage, type Locale } from './messages';
import { builderFieldsOf } from './rules/registry';
import type { BuilderField } from './rules/rule';
import { BUILDER_PROBLEM_TEXTS } from './locales/builder-problem-texts';
import type { IndicatorDetail, IndicatorRecord, LayoutKind, PerformanceTable, TableRow, ValueSlots } from './table-model';
import { DEFAULT_TAXONOMY, type Level1Entry, type Level2Entry, type Taxonomy } from './taxonomy';

/**
 * The indicator builder's model: one row per indicator, edited field by field, turned into the
 * canonical 绩效指标 string and checked by the checker's own rules.
 */

export type BuilderValue =
  | { readonly kind: 'quantity'; readonly comparator: Comparator | null; readonly number: string; readonly unit: string }
  | { readonly kind: 'qualitative'; readonly text: string };

export interface BuilderRow {
  readonly id: string;
  /** First-level code ('1' … '4'), '' when not chosen. */
  readonly level1: string;
  /** Second-level code ('11' … '43'), '' when not chosen. */
  readonly level2: string;
  readonly name: string;
  readonly period: BuilderValue;
  readonly annual: BuilderValue;
  /** The sheet row the indicator was read from (a row per indicator): written back in its place. */
  readonly sourceRow?: number;
  /** 权重, 指标方向性, 指标解释 … as read: written back unchanged. */
  readonly details?: { readonly [D in IndicatorDetail]?: string };
}

/** Excel holds at most this many characters in one cell. */
export const EXCEL_CELL_LIMIT = 32_767;

export const EMPTY_BUILDER_VALUE: BuilderValue = Object.freeze({ kind: 'quantity', comparator: null, number: '', unit: '' });

let rowCounter = 0;

/** A new id for a builder row, unique within this session. */
export function newBuilderRowId(): string {
  rowCounter++;
  return `row-${rowCounter}`;
}

export function emptyBuilderRow(id: string = newBuilderRowId()): BuilderRow {
  return { id, level1: '', level2: '', name: '', period: EMPTY_BUILDER_VALUE, annual: EMPTY_BUILDER_VALUE };
}

const NUMBER = /^\d+(?:\.\d+)?$/;
const LITERAL_QUANTITY = /^([≥≤＝＞＜]?)(\d+(?:\.\d+)?)(.*)$/;

/** The value's text as written in the cell ('' when there is nothing to write). */
export function builderValueText(value: BuilderValue): string {
  if (value.kind === 'qualitative') return value.text.trim();
  if (value.number.trim() === '') return '';
  return composeIndicatorValue(value.comparator, value.number.trim(), value.unit.trim());
}

/** Reads one value text into builder fields so that `builderValueText` gives the text back unchanged. */
export function builderValueFromText(text: string): BuilderValue {
  return builderValueOf(parseIndicatorValue(text));
}

function builderValueOf(value: IndicatorValue | null): BuilderValue {
  if (value === null || value.text === '') return EMPTY_BUILDER_VALUE;
  if (value.number === null) return { kind: 'qualitative', text: value.text };
  if (composeIndicatorValue(value.comparator, value.number, value.unit) === value.text) {
    return { kind: 'quantity', comparator: value.comparator, number: value.number, unit: value.unit };
  }
  // Words such as “2人（含）以下” keep their spelling: the unit holds what follows the number.
  const literal = LITERAL_QUANTITY.exec(value.text);
  if (literal) {
    const symbol = literal[1] ?? '';
    const comparator = COMPARATORS.find((c) => c === symbol) ?? null;
    return { kind: 'quantity', comparator, number: literal[2] ?? '', unit: literal[3] ?? '' };
  }
  return { kind: 'qualitative', text: value.text };
}

export function isBuilderValueEmpty(value: BuilderValue): boolean {
  return builderValueText(value) === '';
}

// ---------------------------------------------------------------------------------------------
// Text → rows

export interface BuilderRowsFromText {
  readonly rows: readonly BuilderRow[];
  /** The values the cell gives its indicators ('annual': a cell of the year alone, without 实施周期 values). */
  readonly slots: ValueSlots;
  /** Text that could not be turned into rows (stray text, items with unknown levels or extra fields); null when none. */
  readonly unparsed: string | null;
  /** What failed, one message per problem, in the chosen language. */
  readonly problems: readonly string[];
}

/** Turns a 绩效指标 cell into builder rows. Nothing is dropped: what cannot become a row is returned as `unparsed`. */
export function builderRowsFromText(text: string, taxonomy: Taxonomy = DEFAULT_TAXONOMY, locale: Locale = 'zh-CN'): BuilderRowsFromText {
  if (isBlankIndicatorText(text)) return { rows: [], unparsed: null, problems: [], slots: 'both' };
  const parsed = parseIndicators(text, taxonomy);
  if (parsed.ambiguousTerminator) {
    return { rows: [], unparsed: text.trim(), problems: [renderMessage('indicators.ambiguous-terminator', {}, locale)], slots: parsed.slots };
  }
  const rows: BuilderRow[] = [];
  const unparsed: string[] = [];
  const problems: string[] = [];
  if (parsed.strayText !== '') {
    unparsed.push(parsed.strayText);
    problems.push(renderMessage('indicators.unparseable', { text: shorten(parsed.strayText) }, locale));
  }
  parsed.indicators.forEach((ind, i) => {
    const failures = conversionProblems(ind, i + 1, locale);
    if (failures.length === 0) {
      rows.push(rowOf(ind));
      return;
    }
    unparsed.push(ind.seq === null ? ind.source : `${ind.seq}、${ind.source}`);
    problems.push(...failures);
  });
  return { rows, unparsed: unparsed.length > 0 ? unparsed.join('') : null, problems, slots: parsed.slots };
}

/**
 * The indicators of a project read from cells of their own, as builder rows that remember their row and
 * details. Null when one of them cannot be held by a builder row (a level the taxonomy does not know):
 * rewriting the block would then lose it.
 */
export function builderRowsFromRecords(records: readonly IndicatorRecord[], taxonomy: Taxonomy = DEFAULT_TAXONOMY, locale: Locale = 'zh-CN'): BuilderRowsFromText {
  const rows: BuilderRow[] = [];
  const problems: string[] = [];
  const failed: string[] = [];
  records.forEach((ind, i) => {
    const failures = conversionProblems(ind, i + 1, locale);
    if (failures.length > 0) {
      problems.push(...failures);
      failed.push(ind.name || `第${i + 1}项指标`);
      return;
    }
    const level1 = ind.level1?.entry?.code ?? (ind.level2?.entry ? (taxonomy.level2ByCode(ind.level2.entry.code)?.parent ?? '') : '');
    rows.push({
      ...rowOf(ind),
      level1,
      ...(ind.row === undefined ? {} : { sourceRow: ind.row }),
      ...(ind.details ? { details: ind.details } : {}),
    });
  });
  return { rows, unparsed: failed.length > 0 ? failed.join('；') : null, problems, slots: 'both' };
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Why an item cannot be held by a builder row (the builder only holds codes it knows). */
function conversionProblems(ind: Indicator, seq: number, locale: Locale): string[] {
  const problems: string[] = [];
  const name = ind.name;
  for (const [level, ref] of [[1, ind.level1], [2, ind.level2]] as const) {
    if (ref === null) continue;
    const written = ref.code === null ? ref.name : `${ref.code}-${ref.name}`;
    if (ref.entry === null) problems.push(renderMessage('indicator.level-unknown', { seq, name, level, written }, locale));
    else if (ref.nameConflict) {
      problems.push(renderMessage('indicator.level-mismatch', { seq, name, level, code: ref.code ?? '', written: ref.name, expected: ref.entry.name }, locale));
    }
  }
  if (ind.extraFields.length > 0) problems.push(renderMessage('indicator.extra-field', { seq, name, fields: ind.extraFields.join('；') }, locale));
  return problems;
}

function rowOf(ind: Indicator): BuilderRow {
  return {
    id: newBuilderRowId(),
    level1: ind.level1?.entry?.code ?? '',
    level2: ind.level2?.entry?.code ?? '',
    name: ind.name,
    period: builderValueOf(ind.period),
    annual: builderValueOf(ind.annual),
    ...(ind.details ? { details: ind.details } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Rows → text

function level1Entry(code: string, taxonomy: Taxonomy): Level1Entry | undefined {
  return taxonomy.level1ByCode(code) ?? DEFAULT_TAXONOMY.level1ByCode(code);
}

function level2Entry(code: string, taxonomy: Taxonomy): Level2Entry | undefined {
  return taxonomy.level2ByCode(code) ?? DEFAULT_TAXONOMY.level2ByCode(code);
}

/** The row's first-level code: the chosen one, or the parent of its second level. */
function effectiveLevel1(row: BuilderRow, taxonomy: Taxonomy): string {
  if (row.level1 !== '') return row.level1;
  return row.level2 === '' ? '' : (level2Entry(row.level2, taxonomy)?.parent ?? '');
}

interface RowTexts {
  readonly name: string;
  readonly period: string;
  readonly annual: string;
}

function textsOf(row: BuilderRow): RowTexts {
  return { name: row.name.trim(), period: builderValueText(row.period), annual: builderValueText(row.annual) };
}

/**
 * One row as item `seq`: canonical when complete; otherwise the same layout with the missing parts left out.
 * With slots 'annual' (a cell of the year alone) no 实施周期 value is written.
 */
function itemText(seq: number, row: BuilderRow, texts: RowTexts, taxonomy: Taxonomy, slots: ValueSlots = 'both'): string {
  const l1Code = effectiveLevel1(row, taxonomy);
  const level1 = taxonomy.level1ByCode(l1Code);
  const level2 = taxonomy.level2ByCode(row.level2);
  const withPeriod = slots !== 'annual';
  const details = row.details ? { details: row.details } : {};
  if (level1 && level2 && texts.name !== '' && (!withPeriod || texts.period !== '') && texts.annual !== '') {
    return formatIndicator(seq, { level1, level2, name: texts.name, period: withPeriod ? texts.period : null, annual: texts.annual, ...details });
  }
  const fields: string[] = [];
  if (l1Code !== '') fields.push(level1Entry(l1Code, taxonomy)?.label ?? `${l1Code}-`);
  if (row.level2 !== '') fields.push(level2Entry(row.level2, taxonomy)?.label ?? `${row.level2}-`);
  if (texts.name !== '') fields.push(texts.name);
  if (withPeriod) fields.push(`实施周期指标值:${texts.period}`);
  fields.push(`年度指标值:${texts.annual}`);
  for (const [detail, text] of Object.entries(row.details ?? {})) fields.push(`${DETAIL_LABELS[detail as IndicatorDetail][0]}:${text}`);
  return `${seq}、${fields.join('；')}。`;
}

/** The 绩效指标 text of the rows, numbered 1、2、3、…; every row is written, complete or not. */
export function formatBuilderRows(rows: readonly BuilderRow[], taxonomy: Taxonomy = DEFAULT_TAXONOMY, firstSeq = 1, slots: ValueSlots = 'both'): string {
  let out = '';
  rows.forEach((row, i) => {
    out += itemText(firstSeq + i, row, textsOf(row), taxonomy, slots);
  });
  return out;
}

/** Length of the text the rows make, to compare with EXCEL_CELL_LIMIT. */
export function canonicalLength(rows: readonly BuilderRow[], taxonomy: Taxonomy = DEFAULT_TAXONOMY): number {
  return formatBuilderRows(rows, taxonomy).length;
}

/**
 * The cell's indicators followed by the rows, renumbered. When the cell holds text that cannot be
 * rebuilt as rows, that text is kept exactly as it is and the rows are numbered after its items.
 */
export function appendBuilderRows(existingText: string, rows: readonly BuilderRow[], taxonomy: Taxonomy = DEFAULT_TAXONOMY, slots: ValueSlots = 'both'): string {
  if (isBlankIndicatorText(existingText)) return formatBuilderRows(rows, taxonomy, 1, slots);
  const existing = builderRowsFromText(existingText, taxonomy);
  if (existing.unparsed === null) return formatBuilderRows([...existing.rows, ...rows], taxonomy, 1, existing.slots);
  const parsed = parseIndicators(existingText, taxonomy);
  return existingText.trim() + formatBuilderRows(rows, taxonomy, parsed.indicators.length + 1, parsed.slots);
}

// ---------------------------------------------------------------------------------------------
// Checking rows with the checker's rules

export type { BuilderField };

export interface BuilderMessage {
  /** The row the message is about; null for the indicators as a whole. */
  readonly rowId: string | null;
  readonly field: BuilderField;
  /** The checker's rule id, or builder.* for what only the builder can say. */
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
}

export interface BuilderCheck {
  readonly messages: readonly BuilderMessage[];
  /** Exactly the text that would be written. */
  readonly text: string;
  readonly length: number;
  readonly tooLong: boolean;
}

export interface BuilderContext {
  readonly projectName: string;
  readonly goal: string;
  readonly locale?: Locale;
  /** The layout the rows will be written into (default one-cell: the rows must also survive the cell's text). */
  readonly layout?: LayoutKind;
  /** The values the table asks of each indicator (default both). */
  readonly valueSlots?: ValueSlots;
}

export type BuilderProblem = 'number-invalid' | 'separator' | 'misread' | 'too-long' | 'count';

const SEPARATORS = /[；;。\r\n]/;

/** Where each builder field sits in the table the builder checks: one row per builder row, one column per field. */
const FIELD_COLUMNS: { readonly [F in 'level1' | 'level2' | 'name' | 'period' | 'annual']: number } = { level1: 0, level2: 1, name: 2, period: 3, annual: 4 };
const BUILDER_SHEET = '指标编辑';
const INDICATORS_COLUMN = 5;

/**
 * Checks the rows with the checker's own project rules, run on records made from the rows themselves:
 * each field sits in a cell of its own, so every finding's cell says which row and field it is about.
 * In the one-cell layout the rows must also survive the trip through the cell's text (representability).
 */
export function checkBuilderRows(rows: readonly BuilderRow[], context: BuilderContext, checker: Checker): BuilderCheck {
  const locale = context.locale ?? 'zh-CN';
  const taxonomy = checker.taxonomy;
  const texts = BUILDER_PROBLEM_TEXTS[locale];
  const messages: BuilderMessage[] = [];
  const own = (rowId: string | null, field: BuilderField, problem: BuilderProblem, seq = 0, length = 0) =>
    messages.push({ rowId, field, rule: `builder.${problem}`, severity: 'error', message: texts[problem]({ seq, length }) });

  const oneCell = (context.layout ?? 'one-cell') === 'one-cell';
  // Fields the cell's text cannot carry as typed are reported by the builder, and the checker's findings on them left out.
  const reported = new Map<string, Set<BuilderField>>();
  if (oneCell) {
    rows.forEach((row, i) => {
      const { report, standIn } = representability(row, textsOf(row), taxonomy);
      for (const field of report) {
        const value = field === 'period' ? row.period : row.annual;
        const typed = field === 'name' ? row.name : builderValueText(value);
        const problem: BuilderProblem = field !== 'name' && numberInvalid(value) ? 'number-invalid' : SEPARATORS.test(typed) ? 'separator' : 'misread';
        own(row.id, field, problem, i + 1);
      }
      reported.set(row.id, new Set([...report, ...standIn]));
    });
    const checkText = formatBuilderRows(rows, taxonomy, 1, context.valueSlots ?? 'both');
    if (checkText !== '' && parseIndicators(checkText, taxonomy).indicators.length !== rows.length) own(null, 'indicators', 'count');
  }

  const table = builderTable(rows, context, taxonomy, reported);
  const records = table.rows[0]?.records ?? [];
  for (const finding of checker.checkTable(table)) {
    const base = { rule: finding.rule, severity: finding.severity, message: formatFinding(finding, locale) };
    const row = rows[finding.location.row];
    const record = records[finding.location.row];
    const values = { period: record?.period?.text ?? '', annual: record?.annual?.text ?? '' };
    for (const field of builderFieldsOf(finding, values)) {
      if (field === 'category' || field === 'indicators') messages.push({ ...base, rowId: null, field });
      else if (row && !reported.get(row.id)?.has(field)) messages.push({ ...base, rowId: row.id, field });
    }
  }
  const text = oneCell ? formatBuilderRows(rows, taxonomy, 1, context.valueSlots ?? 'both') : '';
  if (text.length > EXCEL_CELL_LIMIT) own(null, 'indicators', 'too-long', 0, text.length);
  return { messages, text, length: text.length, tooLong: text.length > EXCEL_CELL_LIMIT };
}

/** The messages of one row's field (or, with rowId null, of the indicators as a whole). */
export function builderMessagesFor(check: BuilderCheck, rowId: string | null, field?: BuilderField): readonly BuilderMessage[] {
  return check.messages.filter((m) => m.rowId === rowId && (field === undefined || m.field === field));
}

function numberInvalid(value: BuilderValue): boolean {
  return value.kind === 'quantity' && value.number.trim() !== '' && !NUMBER.test(value.number.trim());
}

/** Whether the item reads back as exactly one item with these levels and texts. */
function readsBack(row: BuilderRow, texts: RowTexts, taxonomy: Taxonomy): boolean {
  const parsed = parseIndicators(itemText(1, row, texts, taxonomy), taxonomy);
  const ind = parsed.indicators[0];
  if (!ind || parsed.indicators.length !== 1 || parsed.strayText !== '' || parsed.ambiguousTerminator || ind.extraFields.length > 0) return false;
  if ((ind.level1?.entry?.code ?? '') !== effectiveLevel1(row, taxonomy) || (ind.level2?.entry?.code ?? '') !== row.level2) return false;
  return ind.name === texts.name && (ind.period?.text ?? '') === texts.period && (ind.annual?.text ?? '') === texts.annual;
}

const NEUTRAL_NAME = '指标';

interface Representability {
  /** Fields the builder reports: their text cannot be carried by the cell as typed. */
  readonly report: readonly BuilderField[];
  /** Fields left out of the check without a message (their problem is reported on another field). */
  readonly standIn: readonly BuilderField[];
}

/** Which typed texts would not come back unchanged from the cell; each free-text field is tried on its own. */
function representability(row: BuilderRow, texts: RowTexts, taxonomy: Taxonomy): Representability {
  const report: BuilderField[] = [];
  const standIn: BuilderField[] = [];
  if (!readsBack(row, { name: texts.name, period: '', annual: '' }, taxonomy)) {
    // Without a second level a name such as 服务对象满意度 reads as that level: the missing level is the problem.
    const level1 = effectiveLevel1(row, taxonomy) || (taxonomy.level1[0]?.code ?? '');
    const level2 = row.level2 || (taxonomy.level2Under(level1)[0]?.code ?? '');
    const completed = { ...row, level1, level2 };
    (row.level2 === '' && readsBack(completed, { name: texts.name, period: '', annual: '' }, taxonomy) ? standIn : report).push('name');
  }
  if (numberInvalid(row.period) || !readsBack(row, { name: NEUTRAL_NAME, period: texts.period, annual: '' }, taxonomy)) report.push('period');
  if (numberInvalid(row.annual) || !readsBack(row, { name: NEUTRAL_NAME, period: '', annual: texts.annual }, taxonomy)) report.push('annual');
  if (report.length === 0 && standIn.length === 0 && !readsBack(row, texts, taxonomy)) report.push('name');
  return { report, standIn };
}

/** A builder row as the record the rules check: each field in its own cell. */
function builderRecord(row: BuilderRow, index: number, taxonomy: Taxonomy, slots: ValueSlots, reported: ReadonlySet<BuilderField>): IndicatorRecord {
  const at = (field: keyof typeof FIELD_COLUMNS) => locate(BUILDER_SHEET, index, FIELD_COLUMNS[field]);
  const l1Code = effectiveLevel1(row, taxonomy);
  const level1 = level1Entry(l1Code, taxonomy);
  const level2 = row.level2 === '' ? undefined : level2Entry(row.level2, taxonomy);
  // A value the builder already reports is left out, so that the rules say nothing more about it.
  const value = (v: BuilderValue, field: BuilderField) => (isBuilderValueEmpty(v) || reported.has(field) ? null : parseIndicatorValue(builderValueText(v)));
  const name = row.name.trim();
  return {
    seq: index + 1,
    level1: l1Code === '' ? null : { code: l1Code, name: level1?.name ?? '', entry: level1 ?? null, nameConflict: false },
    level2: level2 ? { code: level2.code, name: level2.name, entry: level2, nameConflict: false } : null,
    name,
    period: slots === 'annual' ? null : value(row.period, 'period'),
    annual: slots === 'period' ? null : value(row.annual, 'annual'),
    extraFields: [],
    source: name,
    cells: { level1: at('level1'), level2: at('level2'), name: at('name'), period: at('period'), annual: at('annual') },
  };
}

/** The one-project table the rows make: what the checker's project rules run on. */
function builderTable(rows: readonly BuilderRow[], context: BuilderContext, taxonomy: Taxonomy, reported: ReadonlyMap<string, ReadonlySet<BuilderField>>): PerformanceTable {
  const valueSlots = context.valueSlots ?? 'both';
  const row: TableRow = {
    kind: 'project',
    row: 0,
    name: context.projectName,
    indent: 0,
    nameLocation: locate(BUILDER_SHEET, 0, INDICATORS_COLUMN + 2),
    amounts: [],
    goal: { text: context.goal, location: locate(BUILDER_SHEET, 0, INDICATORS_COLUMN + 1) },
    indicators: null,
    records: rows.map((r, i) => builderRecord(r, i, taxonomy, valueSlots, reported.get(r.id) ?? new Set())),
    block: { firstRow: 0, lastRow: Math.max(0, rows.length - 1), columns: { level1: INDICATORS_COLUMN } },
    parent: null,
    children: [],
  };
  return {
    sheet: BUILDER_SHEET,
    index: 0,
    layout: 'row-per-indicator',
    title: null,
    department: null,
    unit: '万元',
    unitLocation: locate(BUILDER_SHEET, 0, INDICATORS_COLUMN + 2),
    headerRow: 0,
    firstCol: 0,
    headerRowCount: 0,
    firstDataRow: 0,
    lastRow: Math.max(0, rows.length - 1),
    columns: { name: INDICATORS_COLUMN },
    amountColumns: [],
    missingColumns: [],
    valueSlots,
    rows: [row],
    grandTotal: null,
    sums: [],
  };
}
