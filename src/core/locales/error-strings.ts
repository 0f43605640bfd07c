/** Why a workbook operation failed, as every adapter reports it. */
export type WorkbookErrorCode =
  | 'cell-edit-mode'
  | 'protected'
  | 'payload-too-large'
  /** A range over Excel's 5,000,000 cells per read or write (Office's RangeExceedsLimit). */
  | 'too-many-cells'
  | 'busy'
  | 'cancelled'
  | 'not-found'
  | 'unsupported'
  /** Data the add-in stored in the workbook (the ignore list) cannot be read. */
  | 'corrupt-data'
  | 'unknown';

/** An adapter's error as a code with params, so that each language renders it. */
export type AdapterError =
  | { readonly key: WorkbookErrorCode }
  | { readonly key: 'read-cancelled' }
  | { readonly key: 'sheet-missing'; readonly sheet: string }
  | { readonly key: 'bad-address'; readonly address: string }
  | { readonly key: 'ignored-too-long'; readonly chars: number }
  | { readonly key: 'ignored-save-failed' }
  | { readonly key: 'ignored-unreadable' }
  /** The list was saved by a newer version: it is kept as it is. */
  | { readonly key: 'ignored-newer' }
  /** A cell write refused before any cell was written. */
  | { readonly key: 'write-refused'; readonly problem: CellWriteProblem }
  /** A write that failed part-way: which cells landed and which did not, then why it failed. */
  | { readonly key: 'write-partial'; readonly landed: readonly string[]; readonly left: readonly string[]; readonly cause: AdapterError | string }
  /** A write that failed where reading back could not tell which cells landed. */
  | { readonly key: 'write-unconfirmed'; readonly cells: readonly string[]; readonly cause: AdapterError | string }
  /** Re-marking failed on these sheets (the others were re-marked). */
  | { readonly key: 'marks-partial'; readonly sheets: readonly string[]; readonly cause: AdapterError | string }
  | { readonly key: 'merges-unsupported' }
  /** A project's indicator rows (from `row`, counted from 1) could not be rewritten as given; nothing was changed. */
  | { readonly key: 'rewrite-refused'; readonly sheet: string; readonly row: number; readonly problem: RewriteProblem }
  /** A rewrite's batch failed: nothing changed (`untouched`), or rows first–last may be changed in part. */
  | { readonly key: 'rewrite-partial'; readonly sheet: string; readonly first: number; readonly last: number; readonly untouched: boolean; readonly cause: AdapterError | string };

/** Why a block rewrite cannot be applied as given. */
export type RewriteProblem = 'out-of-sheet' | 'bad-columns' | 'shape' | 'too-long' | 'not-number';

/** Why Excel would refuse a cell write. */
export type CellWriteProblem =
  | { readonly kind: 'bad-cell'; readonly address: string }
  | { readonly kind: 'too-long'; readonly address: string; readonly chars: number }
  | { readonly kind: 'not-number'; readonly address: string };

/** A problem of a profile JSON file (--profile), one per mistake. */
export type ProfileProblem =
  | { readonly kind: 'not-object' }
  | { readonly kind: 'unknown-key'; readonly key: string }
  | { readonly kind: 'empty-text'; readonly field: 'name' | 'title' }
  | { readonly kind: 'description-not-text' }
  | { readonly kind: 'severities-shape' }
  | { readonly kind: 'unknown-rule'; readonly rule: string }
  | { readonly kind: 'bad-severity'; readonly rule: string; readonly setting: string }
  | { readonly kind: 'tolerance-shape' }
  | { readonly kind: 'tolerance-unit'; readonly unit: string }
  | { readonly kind: 'tolerance-not-number'; readonly unit: string }
  | { readonly kind: 'tolerance-negative'; readonly unit: string; readonly value: string }
  | { readonly kind: 'cost-indicator' };

type ProfileProblemKind = ProfileProblem['kind'];

/** The errors' texts in one language. */
export interface ErrorStrings {
  /** The advice for each code, when nothing more particular is known. */
  readonly workbook: { readonly [C in WorkbookErrorCode]: string };
  readonly readCancelled: string;
  readonly sheetMissing: (sheet: string) => string;
  readonly badAddress: (address: string) => string;
  readonly ignoredTooLong: (chars: number) => string;
  readonly ignoredSaveFailed: string;
  readonly ignoredUnreadable: string;
  readonly ignoredNewer: string;
  /** A cell write refused before any cell was written, by why. */
  readonly writeRefused: { readonly [K in CellWriteProblem['kind']]: (problem: Extract<CellWriteProblem, { readonly kind: K }>) => string };
  /** What a write that failed part-way did, naming cells as 表!A1 (the first 20); the cause's text follows. */
  readonly writePartial: (landed: readonly string[], left: readonly string[]) => string;
  readonly writeUnconfirmed: (cells: readonly string[]) => string;
  /** The sheets' names as the user wrote them; the cause's text follows. */
  readonly marksPartial: (sheets: readonly string[]) => string;
  readonly mergesUnsupported: string;
  readonly rewriteRefused: { readonly [P in RewriteProblem]: (sheet: string, row: number) => string };
  /** Before the cause's text: nothing changed, or rows first–last of the sheet may be changed in part. */
  readonly rewriteUntouched: string;
  readonly rewritePartial: (sheet: string, first: number, last: number) => string;
  readonly profile: { readonly [K in ProfileProblemKind]: (problem: Extract<ProfileProblem, { readonly kind: K }>) => string };
}

export function adapterErrorText(error: AdapterError, strings: ErrorStrings): string {
  switch (error.key) {
    case 'read-cancelled':
      return strings.readCancelled;
    case 'sheet-missing':
      return strings.sheetMissing(error.sheet);
    case 'bad-address':
      return strings.badAddress(error.address);
    case 'ignored-too-long':
      return strings.ignoredTooLong(error.chars);
    case 'ignored-save-failed':
      return strings.ignoredSaveFailed;
    case 'ignored-unreadable':
      return strings.ignoredUnreadable;
    case 'ignored-newer':
      return strings.ignoredNewer;
    case 'write-refused':
      return writeRefusedText(error.problem, strings);
    case 'write-partial':
      return `${strings.writePartial(error.landed, error.left)}${causeText(error.cause, strings)}`;
    case 'write-unconfirmed':
      return `${strings.writeUnconfirmed(error.cells)}${causeText(error.cause, strings)}`;
    case 'marks-partial':
      return `${strings.marksPartial(error.sheets)}${causeText(error.cause, strings)}`;
    case 'merges-unsupported':
      return strings.mergesUnsupported;
    case 'rewrite-refused':
      return strings.rewriteRefused[error.problem](error.sheet, error.row);
    case 'rewrite-partial':
      return `${error.untouched ? strings.rewriteUntouched : strings.rewritePartial(error.sheet, error.first, error.last)}${causeText(error.cause, strings)}`;
    default:
      return strings.workbook[error.key];
  }
}

function writeRefusedText(problem: CellWriteProblem, strings: ErrorStrings): string {
  // A mapped type indexed by a union: TypeScript cannot see that writeRefused[K] takes the problem of kind K.
  const render = strings.writeRefused[problem.kind] as (p: CellWriteProblem) => string;
  return render(problem);
}

/** A cause known only as text (an error without a code) stays as it was written. */
function causeText(cause: AdapterError | string, strings: ErrorStrings): string {
  return typeof cause === 'string' ? cause : adapterErrorText(cause, strings);
}

export function profileProblemText(problem: ProfileProblem, strings: ErrorStrings): string {
  // A mapped type indexed by a union: TypeScript cannot see that profile[K] takes the problem of kind K.
  const render = strings.profile[problem.kind] as (p: ProfileProblem) => string;
  return render(problem);
}
