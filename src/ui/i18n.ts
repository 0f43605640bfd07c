import { LOCALES, type Locale } from '../core';
import type { UiStrings } from '../core/locales/ui-strings';

export type { CheckStage, FeatureName, UiStrings } from '../core/locales/ui-strings';

/** The task pane's texts live in src/core/locales/<tag>/ui.ts. */
export function uiStrings(locale: Locale): UiStrings {
  return LOCALES[locale].ui;
}
