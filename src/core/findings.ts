import type { CellLocation, CellValue } from './grid';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** A change that resolves a finding: write `value` into `location`, but only if the cell still holds `expected`. */
export interface Fix {
  readonly location: CellLocation;
  /** The value the check read; adapters refuse the fix when the cell no longer holds it. */
  readonly expected: CellValue;
  readonly value: CellValue;
}

export type MessageParams = Readonly<Record<string, string | number>>;

export interface Finding {
  /** Stable across runs for the same rule and cell: rule id + location (+ discriminator). */
  readonly key: string;
  readonly rule: string;
  readonly severity: Severity;
  /** Rendered in the locale the check ran with. */
  readonly message: string;
  readonly params: MessageParams;
  readonly location: CellLocation;
  /** Name of the project (or unit) row the finding belongs to, when there is one. */
  readonly project?: string;
  /** Index of the table in the workbook, when the finding belongs to one. */
  readonly table?: number;
  readonly fix?: Fix;
}

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
