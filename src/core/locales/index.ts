import type { Locale, LocaleBundle } from './types';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

export type { Locale, LocaleBundle } from './types';

/** One folder per language; a Locale without a folder, or a folder lacking a text, does not compile. */
export const LOCALES: { readonly [L in Locale]: LocaleBundle } = { 'zh-CN': zhCN, 'en-US': enUS };
