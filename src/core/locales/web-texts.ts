import type { Locale } from './types';
import type { WebStrings } from './web-strings';
import { web as zhCN } from './zh-CN/web';
import { web as enUS } from './en-US/web';

/** The standalone page's frame, by language. */
export const WEB_TEXTS: { readonly [L in Locale]: WebStrings } = { 'zh-CN': zhCN, 'en-US': enUS };
