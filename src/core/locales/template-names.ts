import type { TemplateId } from '../data/template-ids';

/** How the library names a built-in template in a language: `written` is its name as templates.json (and the table) has it. */
export interface TemplateNames {
  readonly name: (id: TemplateId, written: string) => string;
}
