import type { CellValue } from '../core';

/**
 * Text that Excel would not keep as typed: a formula start (Range.values: "If the returned value starts with a
 * plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as a formula"; "@" too), a number,
 * percentage or thousands-separated amount, a date such as 1-2, TRUE/FALSE, an error such as #N/A, or a text that
 * itself starts with an apostrophe (which Excel would take for its quote prefix).
 */
export function excelWouldConvert(text: string): boolean {
  const t = text.trim();
  return (
    /^['=+\-@]/.test(t) ||
    (/\d/.test(t) && /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?%?$/.test(t)) ||
    /^(\d{4}[-/])?\d{1,2}[-/]\d{1,2}$/.test(t) ||
    /^(true|false)$/i.test(t) ||
    /^#(N\/A|NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!)$/i.test(t)
  );
}

/**
 * What to assign to `Range.values` so that the cell ends up holding exactly `value`: text Excel would convert
 * gets a leading apostrophe, Excel's quote prefix, which keeps it text without touching the cell's number format
 * (the apostrophe is not part of the value read back). null empties the cell ("" in Office.js; null there means
 * "leave as is").
 */
export function excelInput(value: CellValue): string | number | boolean {
  if (value === null) return '';
  return typeof value === 'string' && value !== '' && excelWouldConvert(value) ? `'${value}` : value;
}
