// The only module that imports @microsoft/office-js-helpers (archived upstream), so it can be
// replaced in one place. Note: the package reads the global Office, Excel and OfficeExtension.
// Loaded on first use (writing the 校验结果 sheet): it is larger than the pane's own code.

/**
 * Deletes the sheet if it exists and adds it afresh (ends with a sync: one on ExcelApi 1.4+,
 * three on older hosts, which have no getItemOrNullObject).
 */
export async function recreateSheet(workbook: Excel.Workbook, name: string): Promise<Excel.Worksheet> {
  const { ExcelUtilities } = await import(/* webpackChunkName: "office-helpers" */ '@microsoft/office-js-helpers');
  return ExcelUtilities.forceCreateSheet(workbook, name);
}
