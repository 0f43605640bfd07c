import type { Locale } from './types';
import type { UiStrings } from './ui-strings';
import { ui as zhCN } from './zh-CN/ui';
import { ui as enUS } from './en-US/ui';

/** The task pane's texts, by language: the pane's first bundle loads only these (and the messages, errors and report header). */
export const UI_TEXTS: { readonly [L in Locale]: UiStrings } = { 'zh-CN': zhCN, 'en-US': enUS };
