// Compile-time checks (tsc -p tsconfig.json): a language is one folder, and the compiler refuses an incomplete one.
// Each @ts-expect-error fails the type check if the line below it ever compiles.
import type { Locale, LocaleBundle, MessageCatalog } from '../../src/core';
import { LOCALES } from '../../src/core';
import type { UiStrings } from '../../src/core/locales/ui-strings';

/** (a) A bundle whose pane strings lack one key. */
declare const uiWithoutTitle: Omit<UiStrings, 'appTitle'>;
// @ts-expect-error -- 'appTitle' is missing from the bundle's ui
export const bundleMissingUiKey: LocaleBundle = { ...LOCALES['en-US'], ui: uiWithoutTitle };

/** (b) A message catalogue lacking one rule id. */
declare const messagesWithoutRule: Omit<MessageCatalog['messages'], 'table.not-found'>;
// @ts-expect-error -- 'table.not-found' is missing from the catalogue's messages
export const catalogueMissingRule: MessageCatalog = { ...LOCALES['en-US'].messages, messages: messagesWithoutRule };

/** (c) A LOCALES record lacking a locale. */
// @ts-expect-error -- 'en-US' has no folder in this record
export const localesMissingOne: { readonly [L in Locale]: LocaleBundle } = { 'zh-CN': LOCALES['zh-CN'] };

/** The complete ones compile. */
export const complete: { readonly [L in Locale]: LocaleBundle } = LOCALES;
export const completeUi: UiStrings = LOCALES['en-US'].ui;
