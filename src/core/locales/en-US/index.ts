import type { LocaleBundle } from '../types';
import { enUS as messages } from './messages';

export const enUS: LocaleBundle = { messages };
