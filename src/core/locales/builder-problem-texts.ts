import type { Locale } from './types';
import type { BuilderProblemTexts } from './builder-strings';
import { builderProblems as zhCN } from './zh-CN/builder-problems';
import { builderProblems as enUS } from './en-US/builder-problems';

/** The builder's problems with a row, by language (core/builder.ts). */
export const BUILDER_PROBLEM_TEXTS: { readonly [L in Locale]: BuilderProblemTexts } = { 'zh-CN': zhCN, 'en-US': enUS };
