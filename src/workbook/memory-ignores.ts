import type { IgnoredFinding } from './port';
import { parseIgnoredSetting, serializeIgnored, unreadable } from './ignored-list';

/** The memory workbook's ignore list, kept as text as in the Office workbook's settings, so it is read back the same way. */
export function createMemoryIgnores(options: { readonly ignoredSetting?: string; readonly ignoredProblem?: string }) {
  let ignoredSetting: string | undefined = options.ignoredSetting;
  let ignoredProblem: string | undefined = options.ignoredProblem;

  return {
    ignoredSetting: () => ignoredSetting,

    load(): IgnoredFinding[] {
      if (ignoredProblem !== undefined) throw unreadable(ignoredProblem);
      return parseIgnoredSetting(ignoredSetting);
    },

    save(list: readonly IgnoredFinding[]): void {
      ignoredSetting = serializeIgnored(list);
      ignoredProblem = undefined;
    },
  };
}
