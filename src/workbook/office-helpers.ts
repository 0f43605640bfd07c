// The only module that imports @microsoft/office-js-helpers (archived upstream), so it can be
// replaced in one place. Note: the package reads the global Office, Excel and OfficeExtension.
import { ExcelUtilities } from '@microsoft/office-js-helpers';

/**
 * Deletes the sheet if it exists and adds it afresh (ends with a sync: one on ExcelApi 1.4+,
 * three on older hosts, which have no getItemOrNullObject).
 */
export function recreateSheet(workbook: Excel.Workbook, name: string): Promise<Excel.Worksheet> {
  return ExcelUtilities.forceCreateSheet(workbook, name);
}
