import { isTemplateId } from '../data/template-ids';
import type { Locale } from './types';
import type { TemplateNames } from './template-names';
import { templates as zhCN } from './zh-CN/templates';
import { templates as enUS } from './en-US/templates';

/** The built-in templates' names as the library shows them, by language: loaded with the builder's chunk. */
export const TEMPLATE_NAMES: { readonly [L in Locale]: TemplateNames } = { 'zh-CN': zhCN, 'en-US': enUS };

/** A library template's name as `locale` shows it: a built-in one's from the locale, a user's own as they wrote it. */
export function templateName(template: { readonly id: string; readonly name: string }, locale: Locale): string {
  return isTemplateId(template.id) ? TEMPLATE_NAMES[locale].name(template.id, template.name) : template.name;
}
