import { LOCALES, type Locale } from '../core';
import type { WebStrings } from '../core/locales/web-strings';

export type { WebStrings } from '../core/locales/web-strings';

/** The page's texts live in src/core/locales/<tag>/web.ts: every Locale has its own, with no fallback. */
export function webStrings(locale: Locale): WebStrings {
  return LOCALES[locale].web;
}
