import type { Severity } from '../findings';
import type { ConversionProblem } from '../writers/convert';

export type CheckStage = 'read' | 'check' | 'mark';

/** Feature switches of HostCapabilities shown in the About panel. */
export type FeatureName = 'conditionalFormatMarks' | 'changeEvents' | 'selectionEvents' | 'persistentSettings' | 'undoGroups';

/** Every text of the task pane in one language. Rule messages come from the core's catalogues. */
export interface UiStrings {
  readonly appTitle: string;
  readonly tabCheck: string;
  readonly tabAbout: string;
  readonly tabBuilder: string;
  readonly loading: string;
  readonly runCheck: string;
  readonly checking: string;
  readonly cancel: string;
  readonly stage: { readonly [S in CheckStage]: string };
  readonly stageProgress: (stage: string, done: number, total: number) => string;
  readonly cancelled: string;
  readonly notCheckedYet: string;
  readonly noAutoRecheck: string;
  readonly summaryCounts: (errors: number, warnings: number, infos: number) => string;
  /** How each table was read: where it starts, its layout (the catalogue's name), how many projects. */
  readonly tablesRead: (count: number) => string;
  readonly tableRead: (where: string, layout: string, projects: number) => string;
  readonly readyToSubmit: string;
  readonly fixBeforeSubmit: string;
  readonly ignoredCount: (count: number) => string;
  readonly severity: { readonly [S in Severity]: string };
  readonly severityFilter: string;
  /** The severity filter's options, each followed by its count: 全部 21 · 只看错误 1 … */
  readonly filterAll: string;
  readonly severityOnly: { readonly [S in Severity]: string };
  readonly showMore: (next: number, left: number) => string;
  readonly showIgnored: string;
  readonly clearMarks: string;
  readonly marksCleared: string;
  /** The switch that turns off re-marking after each edit (each re-mark is a write Excel's undo sees). */
  readonly autoMark: string;
  readonly exportReport: string;
  readonly reportWritten: (sheet: string) => string;
  /** The report went to `sheet` because the user's own sheet has the name `taken`. */
  readonly reportBesideUserSheet: (sheet: string, taken: string) => string;
  readonly convertTo: string;
  readonly convertTitle: (where: string) => string;
  readonly profileLabel: string;
  readonly profileAuto: string;
  readonly convertExplain: (layout: string) => string;
  readonly convertToLayout: (layout: string) => string;
  readonly convertedSuffix: string;
  readonly converted: (sheet: string, layout: string) => string;
  readonly convertRefused: (where: string) => string;
  /** Why a table was not converted, by problem: each kind has its text, checked by the compiler. */
  readonly convertProblem: { readonly [K in ConversionProblem['kind']]: (where: string) => string };
  readonly convertTableGone: (where: string) => string;
  readonly fixAll: string;
  readonly undo: string;
  readonly undone: (count: number) => string;
  readonly findingsHeading: string;
  readonly noFindings: string;
  readonly allFiltered: string;
  readonly tableLevel: string;
  /** Heading of the sums listed under the cell that breaks them (totals.cause). */
  readonly consequences: string;
  readonly currentCell: (cell: string) => string;
  readonly goToCell: (message: string, cell: string) => string;
  readonly ignore: string;
  readonly unignore: string;
  readonly ignoredBecause: (reason: string) => string;
  readonly ignoreTitle: string;
  readonly ignoreReason: string;
  readonly ignoreReasonHint: string;
  readonly confirmIgnore: string;
  readonly fix: string;
  readonly fixTitle: string;
  readonly fixAllTitle: (count: number) => string;
  readonly fixBefore: string;
  readonly fixAfter: string;
  /** In the fix preview when text becomes a number (or back): both read alike, so each says which it is. */
  readonly asText: (text: string) => string;
  readonly asNumber: (text: string) => string;
  /** The fix preview's "after" of a fix that writes a formula: the formula and its result. */
  readonly fixFormulaResult: (formula: string, value: string) => string;
  readonly confirmFix: string;
  readonly fixed: (count: number) => string;
  readonly conflict: (cell: string) => string;
  readonly formulaConflict: (cell: string, formula: string) => string;
  /** Shown in the fix preview above a cell that holds a formula. */
  readonly replacesFormula: string;
  readonly confirmReplaceFormula: string;
  readonly unexpectedError: (detail: string) => string;
  readonly ignoredReset: string;
  readonly reasonTooLong: (limit: number) => string;
  readonly tooManyIgnored: (limit: number) => string;
  readonly dismiss: string;
  readonly featuresHeading: string;
  readonly diagnostics: {
    readonly title: string;
    readonly host: string;
    readonly platform: string;
    readonly highest: string;
    readonly sets: string;
    readonly notInOffice: string;
    readonly unknown: string;
    readonly none: string;
    readonly supported: string;
    readonly unsupported: string;
  };
  readonly notInExcel: string;
  readonly openStandalone: string;
  readonly feature: { readonly [F in FeatureName]: string };
  readonly on: string;
  readonly off: string;
}
