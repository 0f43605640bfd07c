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
  | { readonly key: 'ignored-unreadable' };

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
    default:
      return strings.workbook[error.key];
  }
}

export function profileProblemText(problem: ProfileProblem, strings: ErrorStrings): string {
  // A mapped type indexed by a union: TypeScript cannot see that profile[K] takes the problem of kind K.
  const render = strings.profile[problem.kind] as (p: ProfileProblem) => string;
  return render(problem);
}
