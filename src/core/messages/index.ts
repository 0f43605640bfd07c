import type { RuleId, RuleParams } from '../rules/rule-ids';
import type { Locale, MessageCatalog } from './catalog';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

export type { Locale, MessageCatalog } from './catalog';

export const CATALOGS: { readonly [L in Locale]: MessageCatalog } = { 'zh-CN': zhCN, 'en-US': enUS };

export function renderMessage<R extends RuleId>(rule: R, params: RuleParams[R], locale: Locale = 'zh-CN'): string {
  const render = CATALOGS[locale].messages[rule] as (p: RuleParams[R]) => string;
  return render(params);
}
