import type { CellValue } from '../core/grid';
import { SEVERITIES } from '../core/findings';
import type { Finding, Severity } from '../core/findings';
import { summariseTable, type RowKind, type TableSummary } from '../core/table-model';
import { CATALOGS, consequencesByCause, formatFinding, type CheckReport, type CliCounts, type Locale, type ProfileReason } from '../core/index';
import { CLI_TEXTS } from '../core/locales/cli-texts';
import type { IgnoredHit } from './ignored';

export interface CheckedFile {
  readonly file: string;
  /** Without the findings the file's ignore list names: those are in `ignored`. */
  readonly report: CheckReport;
  readonly ignored?: readonly IgnoredHit[];
}

export interface UnreadableFile {
  readonly file: string;
  readonly reason: string;
}

type Totals = CliCounts;

/**
 * One file's findings, grouped by sheet and then by row (project, unit or 合计), errors first within a row;
 * a sum that is off only because of another cell (totals.consequence) is listed under that cell's finding.
 */
export function fileText(file: string, report: CheckReport, locale: Locale, ignored: readonly IgnoredHit[] = []): string {
  const cli = CLI_TEXTS[locale];
  const lines = [file, ...tableLines(report, locale), `  ${profileLine(report, locale)}`];
  const consequences = consequencesByCause(report.findings);
  const nested = new Set([...consequences.values()].flat());
  const listed = report.findings.filter((f) => !nested.has(f));
  for (const [sheet, sheetFindings] of groupBy(listed, (f) => f.location.sheet)) {
    lines.push(`  ${cli.sheet(sheet)}`);
    for (const [project, rowFindings] of groupBy(sheetFindings, (f) => f.project ?? null)) {
      const first = rowFindings[0];
      const indent = project === null ? '    ' : '      ';
      if (project !== null && first) lines.push(`    ${cli.row[rowKindOf(report, first)]} ${project}`);
      const bySeverity = [...rowFindings].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
      for (const finding of bySeverity) {
        lines.push(...findingLines(finding, indent, locale));
        const under = consequences.get(finding.key) ?? [];
        if (under.length > 0) lines.push(`${indent}  ${cli.consequences}`);
        for (const consequence of under) lines.push(...findingLines(consequence, `${indent}    `, locale));
      }
    }
  }
  if (report.findings.length === 0) lines.push(`  ${cli.noProblems}`);
  lines.push(...ignoredLines(ignored, locale));
  lines.push(`  ${cli.counts({ files: 1, ...report.summary }, false)}`, '');
  return lines.map(terminalSafe).join('\n') + '\n';
}

// Control characters (an ESC sequence clears the screen, CR overwrites the line) and bidi overrides
// (U+202E reverses the rest of the line) from cell text must not act on the officer's terminal.
// eslint-disable-next-line no-control-regex -- control characters are what it matches
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Shows each unsafe character as <U+XXXX> instead of letting the terminal act on it. */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (ch) => `<U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** The closing line over all files, plus how many could not be read. */
export function totalText(checked: readonly CheckedFile[], unreadable: readonly UnreadableFile[], locale: Locale): string {
  const cli = CLI_TEXTS[locale];
  let line = cli.counts(totals(checked), true);
  if (unreadable.length > 0) line += cli.unreadableCount(unreadable.length);
  return `${line}\n`;
}

/** Which rules the file was checked under, and why. */
function profileLine(report: CheckReport, locale: Locale): string {
  const { profile, reason } = report.profile;
  return CATALOGS[locale].profileUsed(locale === 'zh-CN' ? profile.title : profile.name, reason);
}

/** How each table was read: where it starts, its layout, how many projects it holds. */
function tableLines(report: CheckReport, locale: Locale): string[] {
  const messages = CATALOGS[locale];
  const cli = CLI_TEXTS[locale];
  return report.tables.map(summariseTable).map((t) => `  ${cli.table(`${t.sheet}!${t.cell}`, messages.layout[t.layout], t.projects)}`);
}

export interface JsonTable extends TableSummary {
  readonly file: string;
}

export interface JsonFinding {
  readonly file: string;
  readonly sheet: string;
  readonly cell: string;
  readonly severity: Severity;
  readonly rule: string;
  readonly message: string;
  readonly project?: string;
  readonly fix?: CellValue;
}

/** The profile a file was checked under: its name (as --profile takes it), title, and why it applied. */
export interface JsonProfile {
  readonly file: string;
  readonly name: string;
  readonly title: string;
  readonly reason: ProfileReason;
}

/** A finding the file's ignore list names: not counted in the summary. */
export interface JsonIgnoredFinding extends JsonFinding {
  readonly reason: string;
  readonly by: string;
  readonly at: string;
}

export interface JsonReport {
  readonly summary: Totals;
  readonly profiles: readonly JsonProfile[];
  readonly tables: readonly JsonTable[];
  readonly findings: readonly JsonFinding[];
  readonly unreadable: readonly UnreadableFile[];
  /** Findings the file's ignore list names (last, so the other fields stay as they were). */
  readonly ignored: readonly JsonIgnoredFinding[];
}

export function jsonReport(checked: readonly CheckedFile[], unreadable: readonly UnreadableFile[], locale: Locale): JsonReport {
  const findings = checked.flatMap(({ file, report }) => report.findings.map((f) => jsonFinding(file, f, locale)));
  const ignored = checked.flatMap(({ file, ignored: hits = [] }) =>
    hits.map(({ finding, entry }): JsonIgnoredFinding => ({ ...jsonFinding(file, finding, locale), reason: entry.reason, by: entry.by, at: entry.at })),
  );
  const tables = checked.flatMap(({ file, report }) =>
    report.tables.map((t): JsonTable => ({ file, ...summariseTable(t) })),
  );
  const profiles = checked.map(({ file, report }): JsonProfile => ({ file, name: report.profile.profile.name, title: report.profile.profile.title, reason: report.profile.reason }));
  return { summary: totals(checked), profiles, tables, findings, unreadable, ignored };
}

function jsonFinding(file: string, f: Finding, locale: Locale): JsonFinding {
  return {
    file,
    sheet: f.location.sheet,
    cell: f.location.cell,
    severity: f.severity,
    rule: f.rule,
    message: formatFinding(f, locale),
    ...(f.project !== undefined ? { project: f.project } : {}),
    ...(f.fix !== undefined ? { fix: f.fix.value } : {}),
  };
}

/** The findings the file's ignore list names, each with its reason (and who, when recorded). */
function ignoredLines(ignored: readonly IgnoredHit[], locale: Locale): string[] {
  if (ignored.length === 0) return [];
  const cli = CLI_TEXTS[locale];
  const lines = [`  ${cli.ignoredHeading(ignored.length)}`];
  for (const { finding, entry } of ignored) {
    lines.push(`    ${CATALOGS[locale].severity[finding.severity]}  ${finding.location.sheet}!${finding.location.cell}  ${formatFinding(finding, locale)}`);
    lines.push(`      ${cli.ignoredReason(entry.reason, entry.by)}`);
  }
  return lines;
}

function totals(checked: readonly CheckedFile[]): Totals {
  let projects = 0;
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const { report } of checked) {
    projects += report.summary.projects;
    errors += report.summary.errors;
    warnings += report.summary.warnings;
    infos += report.summary.infos;
  }
  return { files: checked.length, projects, errors, warnings, infos };
}

function findingLines(finding: Finding, indent: string, locale: Locale): string[] {
  const lines = [`${indent}${CATALOGS[locale].severity[finding.severity]}  ${finding.location.cell}  ${formatFinding(finding, locale)}`];
  const { fix } = finding;
  if (fix) {
    // A fix may target another cell than the one the finding points at (e.g. a total fixed from its parts).
    const label = CLI_TEXTS[locale].fixLabel(fix.location.cell === finding.location.cell ? null : fix.location.cell);
    lines.push(`${indent}  ${label}${fixValueText(fix.expected, fix.value, locale)}`);
  }
  return lines;
}

function fixValueText(expected: CellValue, value: CellValue, locale: Locale): string {
  const cli = CLI_TEXTS[locale];
  if (value === null || value === '') return cli.clearCell;
  // Text that becomes a number reads the same either way (111.32 → 111.32): say what changes.
  if (typeof expected === 'string' && typeof value === 'number') return cli.textToNumber(expected, value);
  return String(value);
}

/** Whether a finding's row is a project, a unit or the 合计 row, so its heading says so. */
function rowKindOf(report: CheckReport, finding: Finding): RowKind {
  const table = finding.table === undefined ? undefined : report.tables[finding.table];
  return table?.rows.find((row) => row.row === finding.location.row)?.kind ?? 'project';
}

/** Groups in order of first appearance. */
function groupBy<K>(findings: readonly Finding[], keyOf: (finding: Finding) => K): Map<K, Finding[]> {
  const groups = new Map<K, Finding[]>();
  for (const finding of findings) {
    const key = keyOf(finding);
    const group = groups.get(key);
    if (group) group.push(finding);
    else groups.set(key, [finding]);
  }
  return groups;
}
