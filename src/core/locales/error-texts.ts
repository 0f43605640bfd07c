import type { Locale } from './types';
import type { ErrorStrings } from './error-strings';
import { errors as zhCN } from './zh-CN/errors';
import { errors as enUS } from './en-US/errors';

/** The adapters' errors and a profile file's problems, by language. */
export const ERROR_TEXTS: { readonly [L in Locale]: ErrorStrings } = { 'zh-CN': zhCN, 'en-US': enUS };
