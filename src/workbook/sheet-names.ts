/** Excel's limit for a sheet name, and the characters it refuses in one. */
const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[\\/?*[\]:]/g;

/**
 * A sheet name Excel accepts that no sheet of `taken` has (compared as Excel does, ignoring case):
 * `wanted` itself, else "wanted（2）", "wanted（3）"…, cut to 31 characters.
 */
export function uniqueSheetName(wanted: string, taken: ReadonlySet<string>): string {
  const base = wanted.replace(FORBIDDEN, '_').replace(/^'+|'+$/g, '').trim() || '表';
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  let name = base.slice(0, MAX_SHEET_NAME);
  for (let n = 2; lower.has(name.toLowerCase()); n++) {
    const suffix = `（${n}）`;
    name = `${base.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
  }
  return name;
}
