import { isRecord, ownField } from '../core/json-shape';
import type { IgnoredReadProblem } from './ignored-sheet';
import { IGNORED_LIMITS, workbookError, WorkbookError, type IgnoredFinding } from './port';

/** The `corrupt-data` error every adapter rejects with when the stored list cannot be read. */
export function unreadable(detail: string): WorkbookError {
  return workbookError('corrupt-data', { key: 'ignored-unreadable' }, detail);
}

/** The error for a list a newer version wrote: it cannot be read here, and must not be saved over. */
function newerList(detail: string): WorkbookError {
  return workbookError('corrupt-data', { key: 'ignored-newer' }, detail);
}

/** Whether a load failed on a list a newer version wrote. */
export function isNewerList(error: unknown): boolean {
  return error instanceof WorkbookError && error.text?.key === 'ignored-newer';
}

/** The error a stored list that cannot be read rejects with: newer (keep it) or unreadable. */
export function unreadableRead(read: IgnoredReadProblem): WorkbookError {
  return read.newer ? newerList(read.detail) : unreadable(read.detail);
}

function readEntry(entry: unknown, index: number): IgnoredFinding {
  if (!isRecord(entry)) throw unreadable(`entry ${index + 1} is not an object`);
  const record = entry;
  const field = (name: keyof IgnoredFinding, limit: number): string => {
    const value = ownField(record, name);
    if (typeof value !== 'string' || value.length > limit) throw unreadable(`entry ${index + 1}: "${name}" is not a string of at most ${limit} characters`);
    return value;
  };
  return {
    key: field('key', IGNORED_LIMITS.keyLength),
    reason: field('reason', IGNORED_LIMITS.reasonLength),
    by: field('by', IGNORED_LIMITS.byLength),
    at: field('at', IGNORED_LIMITS.atLength),
  };
}

/**
 * The ignore list as the workbook setting holds it (JSON text, or the parsed value some hosts hand
 * back). Missing means empty. Anything else that does not match exactly rejects with `corrupt-data`:
 * a partly read list would silently un-ignore findings.
 */
export function parseIgnoredSetting(raw: unknown): IgnoredFinding[] {
  if (raw === null || raw === undefined || raw === '') return [];
  let parsed: unknown = raw;
  if (typeof raw === 'string') {
    if (raw.length > IGNORED_LIMITS.settingChars) throw unreadable(`${raw.length} characters`);
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      throw unreadable(error instanceof Error ? error.message : String(error));
    }
  }
  if (!Array.isArray(parsed)) throw unreadable(`not a list but ${typeof parsed}`);
  if (parsed.length > IGNORED_LIMITS.entries) throw unreadable(`${parsed.length} entries`);
  return parsed.map(readEntry);
}

/** The setting's text: only the four fields, whatever else the objects carry. */
export function serializeIgnored(ignored: readonly IgnoredFinding[]): string {
  return JSON.stringify(ignored.map(({ key, reason, by, at }) => ({ key, reason, by, at })));
}
