import type { MessageCatalog } from '../messages/catalog';
import type { BuilderProblemTexts, BuilderStrings } from './builder-strings';
import type { CliStrings } from './cli-strings';
import type { ErrorStrings } from './error-strings';
import type { ReportStrings } from './report-strings';
import type { TemplateNames } from './template-names';
import type { UiStrings } from './ui-strings';
import type { WebStrings } from './web-strings';

export type Locale = 'zh-CN' | 'en-US';

/** Every text of one language, by area: a folder src/core/locales/<tag>/ builds one, and the compiler checks it lacks nothing. */
export interface LocaleBundle {
  /** The rule messages and the labels they use. */
  readonly messages: MessageCatalog;
  /** The task pane. */
  readonly ui: UiStrings;
  /** The indicator builder and the template library. */
  readonly builder: BuilderStrings;
  /** The builder's problems with a row, from the core. */
  readonly builderProblems: BuilderProblemTexts;
  /** The standalone page's own frame. */
  readonly web: WebStrings;
  /** The 校验结果 report sheet's header rows. */
  readonly report: ReportStrings;
  /** The built-in templates' names in the library. */
  readonly templates: TemplateNames;
  /** The adapters' errors and a profile file's problems. */
  readonly errors: ErrorStrings;
  /** The command line's report (--lang). */
  readonly cli: CliStrings;
}
