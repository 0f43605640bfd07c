import type { Severity } from '../findings';

/** Every text of the standalone page's own frame (the pane brings its own strings, ui.ts). */
export interface WebStrings {
  readonly pageTitle: string;
  /** The browser tab's title. */
  readonly documentTitle: string;
  readonly tagline: string;
  readonly openFile: string;
  readonly openSample: string;
  readonly download: string;
  readonly downloadMarked: string;
  readonly downloadClean: string;
  /** Added to the file's name for the download with marks and the report sheet. */
  readonly markedSuffix: string;
  readonly privacy: string;
  readonly sheets: string;
  readonly editCell: string;
  readonly emptyWorkbook: string;
  readonly previousPage: string;
  readonly nextPage: string;
  readonly loadedFile: (name: string) => string;
  readonly sampleName: string;
  readonly pageOf: (page: number, pages: number, from: number, to: number) => string;
  readonly severity: { readonly [S in Severity]: string };
  readonly readFailed: (name: string, reason: string) => string;
  readonly unreadable: { readonly empty: string; readonly encrypted: string; readonly legacy: string; readonly unknown: string; readonly corrupt: string };
  readonly restored: string;
  readonly notSaved: string;
  readonly storedReset: string;
  readonly notSavedFull: string;
  readonly notSavedUnavailable: string;
  readonly selectedCell: (address: string) => string;
  /** Asked before another workbook replaces one with edits not yet downloaded. */
  readonly discardTitle: string;
  readonly discardBody: (next: string) => string;
  readonly discardConfirm: string;
  readonly cancel: string;
  /** The language switch names the other language in that language. */
  readonly otherLanguage: string;
  readonly otherLanguageCode: string;
  /** A formula cell whose value the page could not recalculate after a change (its marker's label). */
  readonly staleFormula: string;
  /** Above the grid when the sheet has such cells. */
  readonly staleNote: (count: number) => string;
}
