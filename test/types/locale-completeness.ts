// Compile-time checks (tsc -p tsconfig.json): each part's catalogue is a record over every Locale, built from the
// language folders, and the compiler refuses a folder lacking a text or a part lacking a language.
// Each @ts-expect-error fails the type check if the line below it ever compiles.
import type { Locale, MessageCatalog } from '../../src/core';
import { CATALOGS } from '../../src/core';
import type { BuilderStrings } from '../../src/core/locales/builder-strings';
import { BUILDER_TEXTS } from '../../src/core/locales/builder-texts';
import type { CliStrings } from '../../src/core/locales/cli-strings';
import { CLI_TEXTS } from '../../src/core/locales/cli-texts';
import type { UiStrings } from '../../src/core/locales/ui-strings';
import { UI_TEXTS } from '../../src/core/locales/ui-texts';
import { enUS as enMessages } from '../../src/core/locales/en-US/messages';
import { ui as enUi } from '../../src/core/locales/en-US/ui';

/** (a) The pane's texts lacking one key. */
declare const uiWithoutTitle: Omit<UiStrings, 'appTitle'>;
// @ts-expect-error -- 'appTitle' is missing from en-US's ui
export const uiMissingKey: { readonly [L in Locale]: UiStrings } = { ...UI_TEXTS, 'en-US': uiWithoutTitle };

/** (b) A message catalogue lacking one rule id. */
declare const messagesWithoutRule: Omit<MessageCatalog['messages'], 'table.not-found'>;
// @ts-expect-error -- 'table.not-found' is missing from the catalogue's messages
export const catalogueMissingRule: MessageCatalog = { ...enMessages, messages: messagesWithoutRule };

/** (c) A part lacking a locale. */
// @ts-expect-error -- 'en-US' is missing from the CLI's texts
export const cliMissingLocale: { readonly [L in Locale]: CliStrings } = { 'zh-CN': CLI_TEXTS['zh-CN'] };

/** (d) One language's texts put in another part. */
// @ts-expect-error -- the pane's texts are not the builder's
export const builderFromUi: { readonly [L in Locale]: BuilderStrings } = { ...BUILDER_TEXTS, 'en-US': enUi };

/** The complete ones compile. */
export const completeMessages: { readonly [L in Locale]: MessageCatalog } = CATALOGS;
export const completeUi: { readonly [L in Locale]: UiStrings } = UI_TEXTS;
export const completeEnglishUi: UiStrings = enUi;
