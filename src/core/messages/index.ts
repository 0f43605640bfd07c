import type { Finding } from '../findings';
import type { RuleId, RuleParams } from '../rules/rule-ids';
import type { Locale, MessageCatalog } from './catalog';
import { enUS } from '../locales/en-US/messages';
import { zhCN } from '../locales/zh-CN/messages';

export type { Locale, MessageCatalog } from './catalog';

export const CATALOGS: { readonly [L in Locale]: MessageCatalog } = { 'zh-CN': zhCN, 'en-US': enUS };

export function renderMessage<R extends RuleId>(rule: R, params: RuleParams[R], locale: Locale = 'zh-CN'): string {
  // A mapped type indexed by a generic key: TypeScript cannot see that messages[R] takes RuleParams[R].
  const render = CATALOGS[locale].messages[rule] as (p: RuleParams[R]) => string;
  return render(params);
}

/** A finding's message in `locale`: the one way the pane, the page, the CLI and the report writers render it. */
export function formatFinding(finding: Finding, locale: Locale = 'zh-CN'): string {
  return renderMessage(finding.rule, finding.params, locale);
}
