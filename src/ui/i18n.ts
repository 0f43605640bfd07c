import type { Locale } from '../core';
import { UI_TEXTS } from '../core/locales/ui-texts';
import type { UiStrings } from '../core/locales/ui-strings';

export type { CheckStage, FeatureName, UiStrings } from '../core/locales/ui-strings';

/** The task pane's texts live in src/core/locales/<tag>/ui.ts. */
export function uiStrings(locale: Locale): UiStrings {
  return UI_TEXTS[locale];
}
