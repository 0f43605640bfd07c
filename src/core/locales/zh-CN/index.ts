import type { LocaleBundle } from '../types';
import { builder } from './builder';
import { zhCN as messages } from './messages';
import { ui } from './ui';

export const zhCN: LocaleBundle = { messages, ui, builder };
