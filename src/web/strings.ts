import type { Locale } from '../core';
import { WEB_TEXTS } from '../core/locales/web-texts';
import type { WebStrings } from '../core/locales/web-strings';

export type { WebStrings } from '../core/locales/web-strings';

/** The page's texts live in src/core/locales/<tag>/web.ts: every Locale has its own, with no fallback. */
export function webStrings(locale: Locale): WebStrings {
  return WEB_TEXTS[locale];
}
