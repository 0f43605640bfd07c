import type { BuilderProblem } from '../builder';
import type { TemplateFileTexts } from './template-file-strings';

/** Every text of the indicator builder and the template library in one language. */
export interface BuilderStrings {
  /** An imported template file's problems (src/core/user-templates.ts). */
  readonly templateFile: TemplateFileTexts;
  // Builder: target cell
  readonly builderHeading: string;
  readonly selectIndicatorCell: string;
  readonly reading: string;
  readonly editing: (project: string, cell: string) => string;
  /** A project whose indicators have rows of their own (a row per indicator, a form). */
  readonly editingBlock: (project: string, first: number, last: number) => string;
  readonly blockPreviewLabel: string;
  readonly blockPreviewLine: (n: number, parts: readonly string[]) => string;
  readonly rowsWritten: (count: number, first: number) => string;
  readonly rowsFrom: (first: number) => string;
  readonly blockUnsupported: string;
  readonly emptyCell: string;
  readonly selectionMoved: (cell: string) => string;
  readonly switchToSelection: string;
  readonly unparsedTitle: string;
  readonly unparsedHint: string;
  readonly unparsedTextLabel: string;
  // Builder: rows
  readonly rowsHeading: string;
  readonly noRows: string;
  readonly rowTitle: (n: number) => string;
  readonly level1: string;
  readonly level2: string;
  readonly chooseLevel1: string;
  readonly chooseLevel2: string;
  readonly name: string;
  readonly period: string;
  readonly annual: string;
  readonly comparator: string;
  readonly noComparator: string;
  readonly qualitative: string;
  readonly number: string;
  readonly unit: string;
  readonly qualitativeText: string;
  readonly copyPeriodToAnnual: string;
  readonly copyPeriodToAnnualLabel: (n: number) => string;
  readonly addRow: string;
  readonly moveUp: (n: number) => string;
  readonly moveDown: (n: number) => string;
  readonly duplicateRow: (n: number) => string;
  readonly deleteRow: (n: number) => string;
  // Builder: preview and messages
  readonly overallHeading: string;
  readonly previewHeading: string;
  readonly previewLabel: string;
  readonly length: (length: number, limit: number) => string;
  readonly tooLong: string;
  // Builder: writing
  readonly replace: string;
  readonly append: string;
  readonly undo: string;
  readonly written: (cell: string) => string;
  readonly undone: (cell: string) => string;
  readonly conflict: (cell: string) => string;
  readonly undoConflict: (cell: string) => string;
  readonly confirmReplaceTitle: string;
  readonly confirmReplaceBody: string;
  readonly confirmReplace: string;
  readonly cancel: string;
  readonly failed: (detail: string) => string;
  /** Cells and places in a message, joined as the language lists them (B6、B7 / B6, B7). */
  readonly joinList: (items: readonly string[]) => string;
  readonly dismiss: string;
  // Builder: normalise column
  readonly normaliseColumn: string;
  readonly normaliseTitle: (count: number) => string;
  readonly normaliseNothing: string;
  readonly normaliseSkipped: (count: number) => string;
  readonly normaliseBefore: string;
  readonly normaliseAfter: string;
  readonly normaliseConfirm: string;
  readonly normalised: (count: number) => string;
  readonly normaliseConflicts: (cells: string) => string;
  // Template library
  readonly libraryHeading: string;
  readonly search: string;
  readonly searchPlaceholder: string;
  readonly projectType: string;
  readonly allTypes: string;
  readonly recommend: string;
  readonly recommendFor: (project: string) => string;
  readonly showAll: string;
  readonly noRecommendation: string;
  readonly noMatch: string;
  readonly resultCount: (count: number) => string;
  readonly because: (words: string) => string;
  /** The project has no indicator of this category or 二级 indicator yet. */
  readonly fills: (label: string) => string;
  readonly inName: (word: string) => string;
  readonly inGoal: (word: string) => string;
  readonly typicalValue: (value: string) => string;
  readonly selectTemplate: (name: string) => string;
  readonly insert: string;
  readonly insertTemplate: (name: string) => string;
  readonly insertSelected: (count: number) => string;
  readonly inserted: (count: number) => string;
  // User templates
  readonly myTemplates: string;
  readonly noUserTemplates: string;
  readonly rowCount: (count: number) => string;
  readonly saveAsTemplate: string;
  readonly saveTitle: string;
  readonly templateName: string;
  readonly templateNameHint: string;
  readonly rowsToSave: string;
  readonly notSavable: string;
  readonly save: string;
  readonly saved: (name: string) => string;
  readonly nothingToSave: string;
  readonly edit: string;
  readonly editTemplate: (name: string) => string;
  readonly editTitle: string;
  readonly deleteTemplate: (name: string) => string;
  readonly confirmDeleteTitle: string;
  readonly confirmDeleteBody: (name: string) => string;
  readonly delete: string;
  readonly deleted: (name: string) => string;
  readonly exportTemplates: string;
  readonly importTemplates: string;
  readonly importFileLabel: string;
  readonly imported: (count: number) => string;
  readonly importFailed: string;
  readonly notJson: string;
  readonly fileTooLarge: (size: string) => string;
  readonly tooManyTemplates: (existing: number, incoming: number, max: number) => string;
  readonly templateLimitReached: (max: number) => string;
  readonly exportFileName: string;
  readonly storeCorrupt: string;
  readonly storeFull: string;
  readonly storeUnavailable: string;
  readonly storeInvalid: string;
  readonly nameRequired: string;
  readonly editFailed: string;
  readonly levelsOf: (level1: string, level2: string) => string;
  readonly unnamed: string;
}

/** The builder's own problems with a row (core/builder.ts), before the checker's rules. */
export type BuilderProblemTexts = { readonly [P in BuilderProblem]: (p: { readonly seq: number; readonly length: number }) => string };
