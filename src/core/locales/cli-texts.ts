import type { Locale } from './types';
import type { CliStrings } from './cli-strings';
import { cli as zhCN } from './zh-CN/cli';
import { cli as enUS } from './en-US/cli';

/** The command line's texts, by language (--lang). */
export const CLI_TEXTS: { readonly [L in Locale]: CliStrings } = { 'zh-CN': zhCN, 'en-US': enUS };
