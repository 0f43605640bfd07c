import type { CheckReport, Finding } from '../core/index';
import { summarise } from '../core/findings';
import { parseIgnoredSetting } from '../workbook/ignored-list';
import type { IgnoredReadProblem, IgnoredSheetRead } from '../workbook/ignored-sheet';
import { WorkbookError, type IgnoredFinding } from '../workbook/port';

/** A finding the file's own ignore list names, with who ignored it and why. */
export interface IgnoredHit {
  readonly finding: Finding;
  readonly entry: IgnoredFinding;
}

export interface IgnoredSplit {
  /** The report without the ignored findings (its summary counts only the others). */
  readonly report: CheckReport;
  readonly ignored: readonly IgnoredHit[];
  /** Why the file's list could not be read (then nothing is ignored); null when it was read or absent. */
  readonly problem: IgnoredReadProblem | null;
}

/** The ignore list a file carries, or why it cannot be used. */
export function ignoredListOf(stored: IgnoredSheetRead | undefined): { readonly list: IgnoredFinding[]; readonly problem: IgnoredReadProblem | null } {
  if (!stored) return { list: [], problem: null };
  if (!stored.ok) return { list: [], problem: stored };
  try {
    return { list: parseIgnoredSetting(stored.setting), problem: null };
  } catch (error) {
    return { list: [], problem: { detail: error instanceof WorkbookError ? (error.detail ?? error.message) : String(error) } };
  }
}

/** Sets apart the findings the file's ignore list names: they are reported as ignored, not as errors. */
export function splitIgnored(report: CheckReport, stored: IgnoredSheetRead | undefined): IgnoredSplit {
  const { list, problem } = ignoredListOf(stored);
  if (list.length === 0) return { report, ignored: [], problem };
  const byKey = new Map(list.map((entry) => [entry.key, entry]));
  const active: Finding[] = [];
  const ignored: IgnoredHit[] = [];
  for (const finding of report.findings) {
    const entry = byKey.get(finding.key);
    if (entry) ignored.push({ finding, entry });
    else active.push(finding);
  }
  const summary = summarise(active, report.summary.tables, report.summary.projects);
  return { report: { ...report, findings: active, summary }, ignored, problem };
}

