import { summarise, type CheckSummary, type Finding, type FindingOf, type Severity } from './findings';
import type { WorkbookGrid } from './grid';
import { NATIONAL_PROFILE, severityOf, toleranceFor, type Profile } from './profile';
import { detectProfile, type ProfileUse } from './profile-detect';
import { RULES } from './rules/registry';
import type { ProjectRule, RowRule, RuleContext, RuleHit, TableRule, WorkbookRule } from './rules/rule';
import type { RuleId } from './rules/rule-ids';
import { projectSubject, rowSubject } from './rules/subjects';
import { compareTotals } from './rules/totals';
import { diagnoseTotals, NO_DIAGNOSIS } from './rules/diagnosis';
import { diagnoseFormulas } from './rules/formula-diagnosis';
import { absAmount } from './amounts';
import { applyEdit, type CellEdit } from './incremental';
import type { PerformanceTable, SheetWithoutTable, TableRow } from './table-model';
import { readTables } from './table-reader';
import { createTaxonomy, type Taxonomy } from './taxonomy';

export type { CellEdit } from './incremental';

export interface CheckOptions {
  /** The rules to apply; without one, the profile the workbook's tables call for (detectProfile). */
  readonly profile?: Profile;
}

export interface CheckReport {
  /** The profile the findings were made under, and why it was used. */
  readonly profile: ProfileUse;
  readonly tables: readonly PerformanceTable[];
  readonly sheetsWithoutTable: readonly SheetWithoutTable[];
  readonly findings: readonly Finding[];
  readonly summary: CheckSummary;
}

export interface Checker {
  /** The profile in use: the chosen one, or the one the last workbook checked called for. */
  readonly profile: Profile;
  readonly taxonomy: Taxonomy;
  checkWorkbook(workbook: WorkbookGrid): CheckReport;
  /**
   * The same report as checkWorkbook, in steps of about `rowsPerStep` rows, each yielding the rows done:
   * a caller on a UI thread can let the page paint, and stop, between steps.
   */
  checkWorkbookInSteps(workbook: WorkbookGrid, rowsPerStep?: number): Generator<CheckProgress, CheckReport, void>;
  /** All findings of one table: after an edit only the edited table needs checking again. */
  checkTable(table: PerformanceTable): Finding[];
  /**
   * Re-checks a table after one cell edit, re-running only that row's rules, and the table's sums when the edit
   * changed an amount or a name (a goal or indicators cell leaves them as they were).
   * Returns null when the edit may change the table's structure (header, row kinds): check the sheet again.
   */
  recheckEdit(table: PerformanceTable, previous: readonly Finding[], edit: CellEdit): TableRecheck | null;
  /**
   * The same for several edits of one table at once (a paste, 全部修正格式): each edited row's rules, and the
   * table's sums once for all. Null as soon as one edit may change the table's structure.
   */
  recheckEdits(table: PerformanceTable, previous: readonly Finding[], edits: readonly CellEdit[]): TableRecheck | null;
}

/** Rows of all tables checked so far, out of all rows; the first step (0 done) comes after reading the tables. */
export interface CheckProgress {
  readonly done: number;
  readonly total: number;
}

const DEFAULT_ROWS_PER_STEP = 1000;

interface TableInProgress {
  readonly table: PerformanceTable;
  readonly ctx: RuleContext;
  readonly tableLevel: readonly Finding[];
  /** Index of the next table-level finding to place. */
  next: number;
  readonly findings: Finding[];
}

function runToEnd<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export interface TableRecheck {
  readonly table: PerformanceTable;
  readonly findings: Finding[];
}

const RULE_ORDER = new Map<string, number>(RULES.map((r, i) => [r.id, i]));

/** One profile's rules put in force: severities and active rules by scope, and the findings they make of a table. */
interface ProfileChecks {
  readonly workbookRules: readonly WorkbookRule[];
  readonly tableRuleIds: ReadonlySet<string>;
  toFinding<R extends RuleId>(hit: RuleHit<R>, table: PerformanceTable | null, project: string | undefined): Finding;
  contextOf(table: PerformanceTable): RuleContext;
  tableFindings(table: PerformanceTable, ctx: RuleContext, out: Finding[]): void;
  rowFindings(table: PerformanceTable, row: TableRow, ctx: RuleContext, out: Finding[]): void;
}

/** Resolves a profile's severities and active rules once, so that checking is a single pass. */
function profileChecks(profile: Profile, taxonomy: Taxonomy): ProfileChecks {
  const severity = new Map<string, Severity>();
  for (const rule of RULES) {
    const setting = severityOf(profile, rule.id, rule.defaultSeverity);
    if (setting !== 'off') severity.set(rule.id, setting);
  }
  const active = RULES.filter((r) => severity.has(r.id));
  const workbookRules = active.filter((r): r is WorkbookRule => r.scope === 'workbook');
  const tableRules = active.filter((r): r is TableRule => r.scope === 'table');
  const rowRules = active.filter((r): r is RowRule => r.scope === 'row');
  const projectRules = active.filter((r): r is ProjectRule => r.scope === 'project');
  const comparesTotals = tableRules.some((r) => r.id.startsWith('totals.'));
  const causeOn = tableRules.some((r) => r.id === 'totals.cause');

  // "rule|sheet!" once per rule and sheet: a key built in one template is a chain of five concatenations
  // that every finding keeps (and the collector copies); prefix + short tail is one.
  const keyPrefixes = new Map<string, Map<string, string>>();
  function keyPrefix(rule: string, sheet: string): string {
    let bySheet = keyPrefixes.get(rule);
    if (!bySheet) keyPrefixes.set(rule, (bySheet = new Map()));
    let prefix = bySheet.get(sheet);
    if (prefix === undefined) bySheet.set(sheet, (prefix = `${rule}|${sheet}!`));
    return prefix;
  }

  function toFinding<R extends RuleId>(hit: RuleHit<R>, table: PerformanceTable | null, project: string | undefined): Finding {
    const { sheet, cell } = hit.location;
    const finding: FindingOf<R> = {
      key: keyPrefix(hit.rule, sheet) + (hit.discriminator === undefined ? cell : `${cell}|${hit.discriminator}`),
      rule: hit.rule,
      severity: severity.get(hit.rule) ?? 'error',
      params: hit.params,
      location: hit.location,
      // Always the same shape (absent fields undefined): one hidden class for 100,000s of findings.
      project,
      table: table === null ? undefined : table.index,
      fix: hit.fix,
    };
    // FindingOf<R> is the union's member for R; TypeScript cannot narrow a generic R to it.
    return finding as Finding;
  }

  return {
    workbookRules,
    tableRuleIds: new Set<string>(tableRules.map((r) => r.id)),
    toFinding,
    contextOf: (table) => ({ taxonomy, tolerance: toleranceFor(profile, table.unit), unit: table.unit ?? '万元' }),
    /** Table-level findings: structure and every totals comparison (one O(rows) pass). */
    tableFindings(table, ctx, out) {
      const comparisons = comparesTotals ? compareTotals(table) : [];
      // The diagnosis spans rows, so it runs only when some sum fails beyond 尾差 (and again on every re-check).
      const failing = comparisons.some((c) => absAmount(c.actual - c.expected) > ctx.tolerance);
      // A failing sum in a formula cell is the formula's to explain (what it misses), not a typed value's.
      const byFormula = comparisons.some((c) => c.formula !== undefined && absAmount(c.actual - c.expected) > ctx.tolerance);
      // Without totals.cause (a profile may turn it off) the failing sums are reported one by one, still without unsafe fixes.
      const subject = { table, comparisons, diagnosis: !failing ? NO_DIAGNOSIS : byFormula ? (causeOn ? diagnoseFormulas(table, comparisons, ctx.tolerance) : NO_DIAGNOSIS) : diagnoseTotals(table, comparisons, ctx.tolerance, causeOn) };
      for (const rule of tableRules) for (const hit of rule.check(subject, ctx)) out.push(toFinding(hit, table, nameAtRow(table, hit.location.row)));
    },
    /** Findings of one row: amounts, and for a project its goal and indicators. */
    rowFindings(table, row, ctx, out) {
      const subject = rowSubject(table, row);
      for (const rule of rowRules) for (const hit of rule.check(subject, ctx)) out.push(toFinding(hit, table, row.name));
      if (row.kind !== 'project' || projectRules.length === 0) return;
      const project = projectSubject(subject, taxonomy);
      for (const rule of projectRules) for (const hit of rule.check(project, ctx)) out.push(toFinding(hit, table, row.name));
    },
  };
}

/**
 * Findings in position order, built row by row: only each row's few findings need sorting, not the
 * whole table's. Rows [from, to) at a time, so a stepped check can stop between slices.
 */
function startTable(checks: ProfileChecks, table: PerformanceTable): TableInProgress {
  const ctx = checks.contextOf(table);
  const tableLevel: Finding[] = [];
  checks.tableFindings(table, ctx, tableLevel);
  tableLevel.sort(byPosition);
  return { table, ctx, tableLevel, next: 0, findings: [] };
}

function checkRows(checks: ProfileChecks, progress: TableInProgress, from: number, to: number): void {
  const { table, ctx, tableLevel, findings } = progress;
  const rowBuffer: Finding[] = [];
  let next = progress.next;
  for (let i = from; i < to; i++) {
    const row = table.rows[i] as TableRow;
    while (next < tableLevel.length && (tableLevel[next] as Finding).location.row < row.row) findings.push(tableLevel[next++] as Finding);
    while (next < tableLevel.length && (tableLevel[next] as Finding).location.row === row.row) rowBuffer.push(tableLevel[next++] as Finding);
    checks.rowFindings(table, row, ctx, rowBuffer);
    sortFewInPlace(rowBuffer);
    for (const finding of rowBuffer) findings.push(finding);
    rowBuffer.length = 0;
  }
  progress.next = next;
}

function finishTable(progress: TableInProgress): Finding[] {
  const { tableLevel, findings } = progress;
  while (progress.next < tableLevel.length) findings.push(tableLevel[progress.next++] as Finding);
  // Outside the one-cell layout a project's findings spread over its indicator rows (a form's over the whole form).
  if (progress.table.layout !== 'one-cell') findings.sort(byPosition);
  return findings;
}

/** Resolves the profile once (active rules, severities, taxonomy) so that checking is a single pass. */
export function createChecker(options: CheckOptions = {}): Checker {
  const chosen = options.profile;
  let use: ProfileUse = { profile: chosen ?? NATIONAL_PROFILE, reason: chosen ? 'chosen' : 'national' };
  let profile = use.profile;
  const taxonomy = createTaxonomy(profile.costIndicator);
  let checks = profileChecks(profile, taxonomy);

  /** Puts a profile in force: its severities and active rules (the taxonomy is shared, see detectProfile). */
  function apply(next: ProfileUse): void {
    use = next;
    profile = next.profile;
    checks = profileChecks(profile, taxonomy);
  }

  function checkTable(table: PerformanceTable): Finding[] {
    const progress = startTable(checks, table);
    checkRows(checks, progress, 0, table.rows.length);
    return finishTable(progress);
  }

  function recheckEdits(table: PerformanceTable, previous: readonly Finding[], edits: readonly CellEdit[]): TableRecheck | null {
    let updated = table;
    const rows = new Set<number>();
    for (const edit of edits) {
      const next = applyEdit(updated, edit);
      if (next === null) return null;
      // An edit outside the table's columns changes nothing: its row keeps its findings.
      if (next !== updated) rows.add(edit.row);
      updated = next;
    }
    if (updated === table) return { table, findings: [...previous] };
    const ctx = checks.contextOf(updated);
    // Table-level findings (sums, structure) read only amounts, row kinds and names (their labels): after an edit
    // of a goal or an indicators cell they stay as they were, and recomputing them is most of a re-check.
    if (changesTableLevel(table, updated)) {
      // Every table-level finding (totals, missing columns, unit) is computed again below.
      const findings = previous.filter((f) => !rows.has(f.location.row) && !checks.tableRuleIds.has(f.rule));
      for (const row of updated.rows) if (rows.has(row.row)) checks.rowFindings(updated, row, ctx, findings);
      checks.tableFindings(updated, ctx, findings);
      return { table: updated, findings: findings.sort(byPosition) };
    }
    const kept: Finding[] = [];
    let keptSorted = true;
    for (const f of previous) {
      if (rows.has(f.location.row) && !checks.tableRuleIds.has(f.rule)) continue;
      if (keptSorted && kept.length > 0 && byPosition(kept[kept.length - 1] as Finding, f) > 0) keptSorted = false;
      kept.push(f);
    }
    const fresh: Finding[] = [];
    for (const row of updated.rows) if (rows.has(row.row)) checks.rowFindings(updated, row, ctx, fresh);
    return { table: updated, findings: keptSorted ? mergeByPosition(kept, fresh.sort(byPosition)) : [...kept, ...fresh].sort(byPosition) };
  }

  const recheckEdit = (table: PerformanceTable, previous: readonly Finding[], edit: CellEdit) => recheckEdits(table, previous, [edit]);

  function* checkWorkbookInSteps(workbook: WorkbookGrid, rowsPerStep = DEFAULT_ROWS_PER_STEP): Generator<CheckProgress, CheckReport, void> {
    const read = readTables(workbook, { taxonomy });
    if (!chosen) {
      const detected = detectProfile(read.tables);
      if (detected.profile !== profile) apply(detected);
      else use = detected;
    }
    const sheets = workbook.sheets.map((s) => s.name);
    let total = 0;
    for (const table of read.tables) total += table.rows.length;
    let done = 0;
    yield { done, total };
    const findings: Finding[] = [];
    for (const rule of checks.workbookRules) for (const hit of rule.check({ sheets, tableCount: read.tables.length })) findings.push(checks.toFinding(hit, null, undefined));
    let projects = 0;
    // Anything below one row (0, a fraction, NaN) means one row: NaN would otherwise check nothing.
    const step = rowsPerStep >= 1 ? Math.floor(rowsPerStep) : 1;
    for (const table of read.tables) {
      const progress = startTable(checks, table);
      for (let from = 0; from < table.rows.length; from += step) {
        const to = Math.min(table.rows.length, from + step);
        checkRows(checks, progress, from, to);
        done += to - from;
        if (done < total) yield { done, total };
      }
      for (const finding of finishTable(progress)) findings.push(finding); // no spread: tables can hold 100,000s of findings
      // The department table's one row is the department itself, not a project.
      if (table.layout !== 'department') for (const row of table.rows) if (row.kind === 'project') projects++;
    }
    return { profile: use, tables: read.tables, sheetsWithoutTable: read.sheetsWithoutTable, findings, summary: summarise(findings, read.tables.length, projects) };
  }

  return {
    get profile() {
      return profile;
    },
    taxonomy,
    checkTable,
    recheckEdit,
    recheckEdits,
    checkWorkbookInSteps,
    checkWorkbook: (workbook) => runToEnd(checkWorkbookInSteps(workbook, Number.POSITIVE_INFINITY)),
  };
}

/** The name of the project or unit on a sheet row (rows are in sheet order), for labelling a table-level finding. */
function nameAtRow(table: PerformanceTable, sheetRow: number): string | undefined {
  const rows = table.rows;
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const row = rows[mid] as TableRow;
    if (row.row === sheetRow) return row.kind === 'grand-total' ? undefined : row.name;
    if (row.row < sheetRow) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** Whether table-level findings may differ between a table and the same table after edits: a row's amounts, kind or name changed. */
function changesTableLevel(before: PerformanceTable, after: PerformanceTable): boolean {
  if (before.rows.length !== after.rows.length) return true;
  for (let i = 0; i < before.rows.length; i++) {
    const a = before.rows[i] as TableRow;
    const b = after.rows[i] as TableRow;
    if (a !== b && (a.amounts !== b.amounts || a.kind !== b.kind || a.name !== b.name || a.row !== b.row)) return true;
  }
  return false;
}

/**
 * Two lists sorted by position as one, as a stable sort of `kept` followed by `fresh` would order them:
 * on equal positions `kept` comes first (they never share a rule and a cell, see recheckEdits).
 */
function mergeByPosition(kept: readonly Finding[], fresh: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < kept.length && j < fresh.length) out.push(byPosition(kept[i] as Finding, fresh[j] as Finding) <= 0 ? (kept[i++] as Finding) : (fresh[j++] as Finding));
  while (i < kept.length) out.push(kept[i++] as Finding);
  while (j < fresh.length) out.push(fresh[j++] as Finding);
  return out;
}

/** Insertion sort by position: a row holds a few findings, and Array#sort allocates a work copy per call. */
function sortFewInPlace(findings: Finding[]): void {
  for (let i = 1; i < findings.length; i++) {
    const finding = findings[i] as Finding;
    let j = i - 1;
    for (; j >= 0 && byPosition(findings[j] as Finding, finding) > 0; j--) findings[j + 1] = findings[j] as Finding;
    findings[j + 1] = finding;
  }
}

function byPosition(a: Finding, b: Finding): number {
  return (
    a.location.row - b.location.row ||
    a.location.col - b.location.col ||
    (RULE_ORDER.get(a.rule) ?? 0) - (RULE_ORDER.get(b.rule) ?? 0)
  );
}

/** Reads every 绩效目标表 of the workbook and runs every active rule of the profile. */
export function checkWorkbook(workbook: WorkbookGrid, options: CheckOptions = {}): CheckReport {
  return createChecker(options).checkWorkbook(workbook);
}
