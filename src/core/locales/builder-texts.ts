import type { Locale } from './types';
import type { BuilderStrings } from './builder-strings';
import { builder as zhCN } from './zh-CN/builder';
import { builder as enUS } from './en-US/builder';

/** The indicator builder's and the template library's texts, by language: loaded with the builder's chunk. */
export const BUILDER_TEXTS: { readonly [L in Locale]: BuilderStrings } = { 'zh-CN': zhCN, 'en-US': enUS };
