import type { LocaleBundle } from '../types';
import { zhCN as messages } from './messages';

export const zhCN: LocaleBundle = { messages };
