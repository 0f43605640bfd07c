import { readsAsValueLabel } from './indicators/grammar';
import type { TemplateFileProblem, TemplatePlace } from './locales/template-file-strings';
import type { Taxonomy } from './taxonomy';

// Field checks shared by the built-in library and the user template file.

export const SEPARATORS = /[；;。\r\n]/;

export function nameErrors(place: TemplatePlace, name: unknown): TemplateFileProblem[] {
  if (!isText(name) || SEPARATORS.test(name)) return [{ kind: 'name-invalid', place }];
  if (readsAsValueLabel(name.trim())) return [{ kind: 'name-reads-as-label', place, name: name.trim() }];
  return [];
}

export function isText(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

/** Checks that the two codes exist and that level 2 sits under level 1; one problem each. */
export function levelErrors(place: TemplatePlace, level1: unknown, level2: unknown, taxonomy: Taxonomy): TemplateFileProblem[] {
  const errors: TemplateFileProblem[] = [];
  const l1 = typeof level1 === 'string' ? taxonomy.level1ByCode(level1) : undefined;
  const l2 = typeof level2 === 'string' ? taxonomy.level2ByCode(level2) : undefined;
  if (!l1) errors.push({ kind: 'level1-unknown', place, code: String(level1) });
  if (!l2) errors.push({ kind: 'level2-unknown', place, code: String(level2) });
  if (l1 && l2 && l2.parent !== l1.code) errors.push({ kind: 'level2-not-under', place, level2: l2.label, level1: l1.label });
  return errors;
}
