import type { Locale } from './types';
import type { ReportStrings } from './report-strings';
import { report as zhCN } from './zh-CN/report';
import { report as enUS } from './en-US/report';

/** The 校验结果 sheet's header rows, by language. */
export const REPORT_TEXTS: { readonly [L in Locale]: ReportStrings } = { 'zh-CN': zhCN, 'en-US': enUS };
