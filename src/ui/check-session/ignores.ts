import type { Finding } from '../../core';
import { isNewerList } from '../../workbook/ignored-list';
import { IGNORED_LIMITS, WorkbookError, type IgnoredFinding } from '../../workbook/port';
import { describeError, type SessionShared } from './shared';

export interface Ignores {
  /** Loads the stored list; `isActive` tells whether the session still runs when the port answers. */
  load(isActive: () => boolean): void;
  ignore(finding: Finding, reason: string): Promise<string | null>;
  unignore(key: string): Promise<void>;
}

/** The findings the reviewers ignored, kept in the workbook by the port. */
export function createIgnores(shared: SessionShared): Ignores {
  const { port, strings, update, notice, fail } = shared;
  // A list a newer version saved: its own notice, and never saved over (that would drop its entries).
  let newerList: WorkbookError | null = null;
  return {
    load(isActive) {
      port.loadIgnored().then(
        (ignored) => {
          if (!isActive()) return;
          update({ ignored });
          // A check that finished first marked findings that are in fact ignored.
          void shared.mark({ background: true });
        },
        (error: unknown) => {
          if (!isActive()) return;
          if (!(error instanceof WorkbookError) || error.code !== 'corrupt-data') return fail(error);
          if (isNewerList(error)) {
            newerList = error;
            notice('warning', describeError(error, strings, shared.locale));
            return;
          }
          // Unreadable: say so and store an empty list, so that the next reviewer is not told again.
          notice('warning', strings.ignoredReset);
          update({ ignored: [] });
          port.saveIgnored([]).catch((saveError: unknown) => {
            if (isActive()) fail(saveError);
          });
        },
      );
    },

    async ignore(finding, reason) {
      if (newerList) return describeError(newerList, strings, shared.locale);
      const entry: IgnoredFinding = { key: finding.key, reason: reason.trim(), by: '', at: new Date().toISOString() };
      const next = [...shared.state.ignored.filter((i) => i.key !== finding.key), entry];
      // Within the limits the stored list is read back with, or it would be unreadable next time.
      if (entry.reason.length > IGNORED_LIMITS.reasonLength) return strings.reasonTooLong(IGNORED_LIMITS.reasonLength);
      if (next.length > IGNORED_LIMITS.entries) return strings.tooManyIgnored(IGNORED_LIMITS.entries);
      try {
        await port.saveIgnored(next);
      } catch (error) {
        return describeError(error, strings, shared.locale);
      }
      update({ ignored: next });
      await shared.mark();
      return null;
    },

    async unignore(key) {
      const next = shared.state.ignored.filter((i) => i.key !== key);
      try {
        await port.saveIgnored(next);
      } catch (error) {
        fail(error);
        return;
      }
      update({ ignored: next });
      await shared.mark();
    },
  };
}
