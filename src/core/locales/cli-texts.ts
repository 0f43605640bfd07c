import type { Locale } from './types';
import { cliMessageText, type CliMessage, type CliMessageLanguage, type CliStrings } from './cli-strings';
import type { ConversionProblem, TargetLayout } from '../writers/convert';
import { cli as zhCN } from './zh-CN/cli';
import { cli as enUS } from './en-US/cli';

/** The command line's texts, by language (--lang). */
export const CLI_TEXTS: { readonly [L in Locale]: CliStrings } = { 'zh-CN': zhCN, 'en-US': enUS };

/** Chinese, then English, as one line: what the messages print without --lang. */
const both = (zh: string, en: string) => `${zh} / ${en}`;

export function cliMessage(message: CliMessage, language: CliMessageLanguage): string {
  if (language !== 'both') return cliMessageText(message, CLI_TEXTS[language]);
  return both(cliMessageText(message, zhCN), cliMessageText(message, enUS));
}

/** `convert`'s line for a table written; together, the two languages share the Chinese frame (as before). */
export function convertedText(from: string, to: string, layout: TargetLayout, language: CliMessageLanguage): string {
  if (language !== 'both') return CLI_TEXTS[language].converted(from, to, CLI_TEXTS[language].layouts[layout]);
  return zhCN.converted(from, to, both(zhCN.layouts[layout], enUS.layouts[layout]));
}

/** Why a table cannot be converted, after its cell; together, the cell is named once (as before). */
export function conversionProblemText(problem: ConversionProblem, language: CliMessageLanguage): string {
  const at = `${problem.location.sheet}!${problem.location.cell}`;
  if (language !== 'both') return CLI_TEXTS[language].located(at, CLI_TEXTS[language].conversionProblem[problem.kind]);
  return zhCN.located(at, both(zhCN.conversionProblem[problem.kind], enUS.conversionProblem[problem.kind]));
}
