import type { IgnoredFinding } from './port';
import { parseIgnoredSetting, serializeIgnored, unreadableRead } from './ignored-list';
import type { IgnoredReadProblem } from './ignored-sheet';

/** The memory workbook's ignore list, kept as text as in the Office workbook's settings, so it is read back the same way. */
export function createMemoryIgnores(options: { readonly ignoredSetting?: string; readonly ignoredProblem?: IgnoredReadProblem }) {
  let ignoredSetting: string | undefined = options.ignoredSetting;
  let ignoredProblem: IgnoredReadProblem | undefined = options.ignoredProblem;

  return {
    ignoredSetting: () => ignoredSetting,

    load(): IgnoredFinding[] {
      if (ignoredProblem !== undefined) throw unreadableRead(ignoredProblem);
      return parseIgnoredSetting(ignoredSetting);
    },

    save(list: readonly IgnoredFinding[]): void {
      // The file keeps a newer version's list as it came: nothing this version writes may replace it.
      if (ignoredProblem?.newer) throw unreadableRead(ignoredProblem);
      ignoredSetting = serializeIgnored(list);
      ignoredProblem = undefined;
    },
  };
}
