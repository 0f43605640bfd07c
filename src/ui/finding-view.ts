import { cellText, consequencesByCause, formatFinding, SEVERITIES, type CellValue, type Finding, type Fix, type Locale, type Severity } from '../core';
import { reportOrder, reportRowOf, type IgnoredFinding, type ReportRow } from '../workbook/port';

/** Rules whose fixes only change how a value is written, not what it says: 全部修正格式 applies these. */
export const FORMAT_FIX_RULES: ReadonlySet<string> = new Set(['indicators.format', 'amount.text']);

/** The finding's message in the pane's language (the check may have run in another). */
export function findingMessage(finding: Finding, locale: Locale): string {
  // Findings carry the params their own rule's message needs.
  return formatFinding(finding, locale);
}

export function cellKey(location: { readonly sheet: string; readonly cell: string }): string {
  return `${location.sheet}!${location.cell}`;
}

export function ignoredByKey(ignored: readonly IgnoredFinding[]): ReadonlyMap<string, IgnoredFinding> {
  return new Map(ignored.map((i) => [i.key, i]));
}

export function activeFindings(findings: readonly Finding[], ignored: readonly IgnoredFinding[]): Finding[] {
  const keys = ignoredByKey(ignored);
  return findings.filter((f) => !keys.has(f.key));
}

export type SeverityCounts = { readonly [S in Severity]: number };

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export interface ProjectGroup {
  /** null for findings about the table or workbook rather than one project. */
  readonly project: string | null;
  readonly findings: readonly Finding[];
  /** The sums that only disagree because of a totals.cause of this group, by the cause's key: shown under it, not on their own. */
  readonly consequences: ReadonlyMap<string, readonly Finding[]>;
}

/** Errors, then warnings, then infos, in their order otherwise: as 问题列表 and 当前单元格 both list them. */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
}

export interface SheetGroup {
  readonly sheet: string;
  readonly projects: readonly ProjectGroup[];
}

/** Groups by sheet (in workbook order), then by project (in sheet order); errors first within a project, as in the CLI. */
export function groupFindings(findings: readonly Finding[], sheetOrder: readonly string[]): SheetGroup[] {
  const consequences = consequencesByCause(findings);
  const nested = new Set([...consequences.values()].flat());
  const bySheet = new Map<string, Map<string | null, Finding[]>>();
  for (const sheet of sheetOrder) bySheet.set(sheet, new Map());
  for (const f of findings) {
    if (nested.has(f)) continue;
    let projects = bySheet.get(f.location.sheet);
    if (!projects) bySheet.set(f.location.sheet, (projects = new Map()));
    const project = f.project ?? null;
    let list = projects.get(project);
    if (!list) projects.set(project, (list = []));
    list.push(f);
  }
  return [...bySheet]
    .filter(([, projects]) => projects.size > 0)
    .map(([sheet, projects]) => ({
      sheet,
      projects: [...projects].map(([project, list]) => ({
        project,
        findings: bySeverity(list),
        consequences: new Map(list.flatMap((f) => (consequences.has(f.key) ? [[f.key, consequences.get(f.key) ?? []] as const] : []))),
      })),
    }));
}

/**
 * A fix's cell before and after, as its preview shows them. When text becomes a number or a number text,
 * both read alike (111.32 → 111.32), so each says which it is: 文本“111.32” → 数值 111.32.
 */
export function fixPreview(fix: Fix, labels: { readonly asText: (text: string) => string; readonly asNumber: (text: string) => string }): { readonly before: string; readonly after: string } {
  const kindChanges = (typeof fix.expected === 'string' && typeof fix.value === 'number') || (typeof fix.expected === 'number' && typeof fix.value === 'string');
  if (!kindChanges) return { before: cellText(fix.expected), after: cellText(fix.value) };
  const labelled = (value: CellValue) => (typeof value === 'number' ? labels.asNumber(cellText(value)) : labels.asText(cellText(value)));
  return { before: labelled(fix.expected), after: labelled(fix.value) };
}

/** Each cell written once: two findings proposing fixes for one cell keep the first. */
export function fixesOf(findings: readonly Finding[], include: (finding: Finding) => boolean = () => true): Fix[] {
  const seen = new Set<string>();
  const fixes: Fix[] = [];
  for (const f of findings) {
    if (!f.fix || !include(f)) continue;
    const key = cellKey(f.fix.location);
    if (seen.has(key)) continue;
    seen.add(key);
    fixes.push(f.fix);
  }
  return fixes;
}

/** The 校验结果 sheet's rows: every finding, errors first (see reportOrder), in the pane's language. */
export function reportRows(findings: readonly Finding[], sheetOrder: readonly string[], locale: Locale): ReportRow[] {
  return reportOrder(findings, sheetOrder).map((f) => reportRowOf(f, locale));
}
