import type { RowKind } from '../table-model';

/** Why the CLI could not read an input file. */
export type UnreadableReason =
  | { readonly kind: 'missing' }
  | { readonly kind: 'directory' }
  | { readonly kind: 'io'; readonly code: string }
  | { readonly kind: 'empty' }
  | { readonly kind: 'corrupt' }
  | { readonly kind: 'password' }
  | { readonly kind: 'legacy-xls' }
  | { readonly kind: 'not-spreadsheet' };

/** What the closing lines count. */
export interface CliCounts {
  readonly files: number;
  readonly projects: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/** A mistake in the command line's arguments. */
export type UsageProblem =
  | { readonly kind: 'unknown-option'; readonly arg: string }
  | { readonly kind: 'needs-value'; readonly name: string }
  | { readonly kind: 'missing-command' }
  | { readonly kind: 'unknown-command'; readonly name: string }
  | { readonly kind: 'no-files' }
  | { readonly kind: 'bad-format'; readonly value: string }
  | { readonly kind: 'bad-lang'; readonly value: string }
  | { readonly kind: 'marked-one-file' }
  | { readonly kind: 'convert-one-file' }
  | { readonly kind: 'convert-to' }
  | { readonly kind: 'convert-output' };

/** The built-in profiles as --help lists them, by name. */
export type HelpProfiles = Readonly<Record<string, { readonly name: string; readonly title: string; readonly description: string }>>;

/** The command line's report texts in one language (--lang). */
export interface CliStrings {
  /** jixiao --help (and with no command). */
  readonly help: (profiles: HelpProfiles) => string;
  /** After a usage error: its reason stays on screen, the full help is one command away. */
  readonly helpHint: string;
  readonly usage: { readonly [K in UsageProblem['kind']]: (problem: Extract<UsageProblem, { readonly kind: K }>) => string };
  readonly sheet: (name: string) => string;
  readonly row: { readonly [K in RowKind]: string };
  readonly table: (where: string, layout: string, projects: number) => string;
  readonly noProblems: string;
  /** The closing line's addition when some files could not be read. */
  readonly unreadableCount: (count: number) => string;
  readonly ignoredHeading: (count: number) => string;
  readonly ignoredReason: (reason: string, by: string) => string;
  /** "→ 修正：" before a fix's value; `cell` when the fix targets another cell than the finding. */
  readonly fixLabel: (cell: string | null) => string;
  readonly clearCell: string;
  /** What was written where, on stderr (stdout may be the report itself). */
  readonly wroteReport: (target: string) => string;
  readonly wroteMarked: (target: string) => string;
  /** A number stored as text becoming a number reads the same either way (111.32 → 111.32): say what changes. */
  readonly textToNumber: (text: string, value: number) => string;
  /** Heading of the sums listed under the cell that breaks them, as in the pane. */
  readonly consequences: string;
  /** One file's counts, or (overall) the total over all files. */
  readonly counts: (counts: CliCounts, overall: boolean) => string;
  readonly unreadable: { readonly [K in UnreadableReason['kind']]: (reason: Extract<UnreadableReason, { readonly kind: K }>) => string };
}

export function unreadableText(reason: UnreadableReason, strings: CliStrings): string {
  // A mapped type indexed by a union: TypeScript cannot see that unreadable[K] takes the reason of kind K.
  const render = strings.unreadable[reason.kind] as (r: UnreadableReason) => string;
  return render(reason);
}
