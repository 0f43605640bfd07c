import type { RowKind } from '../table-model';
import type { ConversionProblem, TargetLayout } from '../writers/convert';
import type { Locale } from './types';

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

/** What the CLI says about files it reads and writes and about a profile file: codes with params, rendered by `cliMessageText`. */
export type CliMessage =
  | { readonly kind: 'cannot-read'; readonly file: string; readonly reason: UnreadableReason }
  | { readonly kind: 'check-failed'; readonly file: string; readonly detail: string }
  | { readonly kind: 'cannot-write'; readonly target: string; readonly detail: string }
  | { readonly kind: 'output-is-marked'; readonly output: string }
  | { readonly kind: 'output-is-input'; readonly option: string; readonly target: string; readonly input: string }
  | { readonly kind: 'output-is-folder'; readonly option: string; readonly target: string }
  | { readonly kind: 'output-exists'; readonly target: string }
  | { readonly kind: 'marked-unchecked'; readonly target: string; readonly input: string }
  | { readonly kind: 'marked-not-xlsx'; readonly target: string; readonly input: string }
  | { readonly kind: 'ignored-unreadable'; readonly file: string; readonly detail: string }
  | { readonly kind: 'ignored-newer'; readonly file: string; readonly detail: string }
  | { readonly kind: 'profile-not-found'; readonly name: string; readonly builtIns: string }
  | { readonly kind: 'profile-not-json'; readonly name: string; readonly detail: string }
  /** The heading line; the problems follow, one a line. */
  | { readonly kind: 'profile-invalid'; readonly name: string }
  | { readonly kind: 'not-converted'; readonly sheet: string; readonly row: number }
  | { readonly kind: 'no-tables'; readonly file: string }
  | { readonly kind: 'not-written'; readonly target: string }
  | { readonly kind: 'converted-written'; readonly target: string };

/**
 * The language of those messages: --lang's; without --lang, Chinese and English together on one line
 * (Chinese first), as the usage errors print by default.
 */
export type CliMessageLanguage = Locale | 'both';

/** A message's params as its text takes them: a file's reason for being unreadable already in the text's language. */
type TextParams<M> = M extends { readonly reason: UnreadableReason } ? Omit<M, 'reason'> & { readonly reason: string } : M;

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
  /** Messages about files and profiles, on stderr (and `convert`'s closing line). */
  readonly message: { readonly [K in CliMessage['kind']]: (message: TextParams<Extract<CliMessage, { readonly kind: K }>>) => string };
  /** `convert`: a table written, from its sheet to the output's, in a layout (`layouts`). */
  readonly converted: (from: string, to: string, layout: string) => string;
  readonly layouts: { readonly [L in TargetLayout]: string };
  /** `convert`: why a table cannot be converted, after the cell that stops it (`located`). */
  readonly conversionProblem: { readonly [K in ConversionProblem['kind']]: string };
  readonly located: (at: string, text: string) => string;
}

export function cliMessageText(message: CliMessage, strings: CliStrings): string {
  // As in unreadableText: message[K] takes the message of kind K.
  const render = strings.message[message.kind] as (m: TextParams<CliMessage>) => string;
  return render(message.kind === 'cannot-read' ? { ...message, reason: unreadableText(message.reason, strings) } : message);
}

export function unreadableText(reason: UnreadableReason, strings: CliStrings): string {
  // A mapped type indexed by a union: TypeScript cannot see that unreadable[K] takes the reason of kind K.
  const render = strings.unreadable[reason.kind] as (r: UnreadableReason) => string;
  return render(reason);
}
