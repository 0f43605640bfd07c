import type { LocaleBundle } from '../types';
import { builder } from './builder';
import { builderProblems } from './builder-problems';
import { cli } from './cli';
import { errors } from './errors';
import { zhCN as messages } from './messages';
import { report } from './report';
import { templates } from './templates';
import { ui } from './ui';
import { web } from './web';

export const zhCN: LocaleBundle = { messages, ui, builder, builderProblems, web, report, templates, errors, cli };
