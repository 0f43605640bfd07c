import type { LocaleBundle } from '../types';
import { zhCN as messages } from './messages';
import { ui } from './ui';

export const zhCN: LocaleBundle = { messages, ui };
