import type { LocaleBundle } from '../types';
import { builder } from './builder';
import { enUS as messages } from './messages';
import { ui } from './ui';

export const enUS: LocaleBundle = { messages, ui, builder };
