import type { CellLocation, CellValue } from './grid';
import type { RuleId, RuleParams } from './rules/rule-ids';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** A change that resolves a finding: write `value` into `location`, but only if the cell still holds `expected`. */
export interface Fix {
  readonly location: CellLocation;
  /** The value the check read; adapters refuse the fix when the cell no longer holds it. */
  readonly expected: CellValue;
  readonly value: CellValue;
  /** Write this formula, whose result is `value` (a total's formula corrected to add the cells it missed). */
  readonly formula?: string;
}

/** One finding of rule `R`: compact, with typed params and no rendered text (formatFinding renders it where it is shown). */
export interface FindingOf<R extends RuleId> {
  /** Stable across runs for the same rule and cell: rule id + location (+ discriminator). */
  readonly key: string;
  readonly rule: R;
  readonly severity: Severity;
  readonly params: RuleParams[R];
  readonly location: CellLocation;
  /** Name of the project (or unit) row the finding belongs to, when there is one. */
  readonly project?: string;
  /** Index of the table in the workbook, when the finding belongs to one. */
  readonly table?: number;
  readonly fix?: Fix;
}

/** Every finding: a union discriminated by `rule`, so `params` has its rule's type without a cast. */
export type Finding = { readonly [R in RuleId]: FindingOf<R> }[RuleId];

export interface CheckSummary {
  readonly tables: number;
  readonly projects: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export function summarise(findings: readonly Finding[], tables: number, projects: number): CheckSummary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { tables, projects, errors, warnings, infos };
}
