import type { ErrorStrings } from '../error-strings';

/** "Sheet!A1, Sheet!B2 …": the first 20 cells, then how many in all. */
const cellList = (cells: readonly string[]) => (cells.length > 20 ? `${cells.slice(0, 20).join(', ')} and others, ${cells.length} in all` : cells.join(', '));

export const errors: ErrorStrings = {
  workbook: {
    'cell-edit-mode': 'Finish editing the cell first (press Enter or Esc), then try again.',
    protected: 'The sheet is protected: unprotect it first (Review → Unprotect Sheet), then try again.',
    'payload-too-large': 'The data is more than Excel takes at once: delete surplus empty rows and columns, or split the table over several sheets, then try again.',
    'too-many-cells': 'The range to read or write has more cells than Excel handles at once (5,000,000): delete the surplus empty rows and columns right of and below the table (or split it over several sheets), then try again.',
    busy: 'Excel is busy; try again in a moment.',
    cancelled: 'Cancelled.',
    'not-found': 'The sheet or cell to work on was not found; it may have been renamed or deleted. Check again, then retry.',
    unsupported: 'This version of Excel cannot do this: update Office, then try again.',
    'corrupt-data': 'The add-in data saved in this workbook cannot be read.',
    unknown: 'The Excel operation failed. Try again; if it keeps failing, save and reopen the workbook, then try again.',
  },
  readCancelled: 'Reading the workbook was cancelled.',
  sheetMissing: (sheet) => `The sheet "${sheet}" was not found; it may have been renamed or deleted. Check again.`,
  badAddress: (address) => `"${address}" is not a valid cell address.`,
  ignoredTooLong: (chars) => `The ignore list is too long (${chars} characters) and was not saved: fix or un-ignore some findings first.`,
  ignoredSaveFailed: 'The ignore list could not be saved: save the workbook, then try again.',
  ignoredUnreadable: 'The ignore list saved in this workbook cannot be read; it was taken as empty.',
  ignoredNewer: 'The ignore list in this workbook was saved by a newer version of the add-in, which this version cannot read: update the add-in (or use the newer version) to see or change it. The list is kept as it is.',
  writeRefused: {
    'bad-cell': (p) => `No cell was written: "${p.address}" is not a valid cell.`,
    'too-long': (p) => `No cell was written: the new content of ${p.address} has ${p.chars} characters, more than Excel's limit of 32,767 per cell: shorten it and try again.`,
    'not-number': (p) => `No cell was written: the new value of ${p.address} is not a valid number.`,
  },
  writePartial: (landed, left) => {
    if (landed.length === 0) return 'No cell was written. ';
    if (left.length === 0) return `All ${landed.length} cells were written: ${cellList(landed)}. `;
    return `Only some cells were written (${landed.length}): ${cellList(landed)}; not written (${left.length}): ${cellList(left)}. `;
  },
  marksPartial: (sheets) => `The marks on ${sheets.length > 1 ? 'sheets' : 'sheet'} ${sheets.map((s) => `"${s}"`).join(', ')} could not be updated; the other sheets were. `,
  mergesUnsupported: 'This version of Excel cannot read merged cells, so a project\'s merged cells cannot be extended to new indicator rows: update Office and try again, or use the standalone checker page.',
  rewriteRefused: {
    'out-of-sheet': (sheet, row) => `Nothing was changed: the indicator rows from row ${row} of "${sheet}" go beyond the sheet.`,
    'bad-columns': (sheet, row) => `Nothing was changed: the indicator rows from row ${row} of "${sheet}" name invalid columns.`,
    shape: (sheet, row) => `Nothing was changed: the indicator rows from row ${row} of "${sheet}" do not match their content in rows or columns.`,
    'too-long': (sheet, row) => `Nothing was changed: the new content of the indicator rows from row ${row} of "${sheet}" is over Excel's limit of 32,767 characters per cell; shorten it and try again.`,
    'not-number': (sheet, row) => `Nothing was changed: a new value of the indicator rows from row ${row} of "${sheet}" is not a valid number.`,
  },
  rewriteUntouched: 'Nothing was changed. ',
  rewritePartial: (sheet, first, last) => `${last > first ? `Rows ${first}–${last}` : `Row ${first}`} of sheet "${sheet}" may be changed only in part: check them, then check again. `,
  writeUnconfirmed: (cells) => `It cannot be told which cells were written: check each of them: ${cellList(cells)}. `,
  profile: {
    'not-object': () => 'A profile file must be one JSON object.',
    'unknown-key': (p) => `Unknown setting "${p.key}".`,
    'empty-text': (p) => `"${p.field}" must be non-empty text.`,
    'description-not-text': () => '"description" must be text.',
    'severities-shape': () => '"severities" must be { rule id: "error" | "warning" | "info" | "off" }.',
    'unknown-rule': (p) => `Unknown rule id "${p.rule}".`,
    'bad-severity': (p) => `The level "${p.setting}" of rule "${p.rule}" is invalid; it must be error, warning, info or off.`,
    'tolerance-shape': () => '"roundingTolerance" must be { "万元": "0.01", "元": "1" }.',
    'tolerance-unit': (p) => `The rounding tolerance unit "${p.unit}" is invalid; it must be "万元" or "元".`,
    'tolerance-not-number': (p) => `The rounding tolerance for "${p.unit}" must be a number.`,
    'tolerance-negative': (p) => `The rounding tolerance for "${p.unit}", "${p.value}", is not a non-negative number.`,
    'cost-indicator': () => '"costIndicator" must be "level2", "level1" or "either".',
  },
};
