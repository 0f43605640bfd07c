import type { Locale, LocaleBundle } from './types';
import { isTemplateId } from '../data/template-ids';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

export type { Locale, LocaleBundle } from './types';

/** One folder per language; a Locale without a folder, or a folder lacking a text, does not compile. */
export const LOCALES: { readonly [L in Locale]: LocaleBundle } = { 'zh-CN': zhCN, 'en-US': enUS };

/** A library template's name as `locale` shows it: a built-in one's from the locale, a user's own as they wrote it. */
export function templateName(template: { readonly id: string; readonly name: string }, locale: Locale): string {
  return isTemplateId(template.id) ? LOCALES[locale].templates.name(template.id, template.name) : template.name;
}
