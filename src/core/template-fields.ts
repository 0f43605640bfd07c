import { readsAsValueLabel } from './indicators/grammar';
import type { Taxonomy } from './taxonomy';

// Field checks shared by the built-in library and the user template file.

export const SEPARATORS = /[；;。\r\n]/;

export function nameErrors(where: string, name: unknown): string[] {
  if (!isText(name) || SEPARATORS.test(name)) return [`${where}的名称应为非空文字，不能含有“；”“。”或换行。`];
  if (readsAsValueLabel(name.trim())) return [`${where}的名称“${name.trim()}”会被读成指标值（如“年度：”“实施周期指标值”开头），请改写。`];
  return [];
}

export function isText(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

/** Checks that the two codes exist and that level 2 sits under level 1; one Chinese message per problem. */
export function levelErrors(where: string, level1: unknown, level2: unknown, taxonomy: Taxonomy): string[] {
  const errors: string[] = [];
  const l1 = typeof level1 === 'string' ? taxonomy.level1ByCode(level1) : undefined;
  const l2 = typeof level2 === 'string' ? taxonomy.level2ByCode(level2) : undefined;
  if (!l1) errors.push(`${where}的一级指标编码“${String(level1)}”不在指标体系中。`);
  if (!l2) errors.push(`${where}的二级指标编码“${String(level2)}”不在指标体系中。`);
  if (l1 && l2 && l2.parent !== l1.code) errors.push(`${where}的二级指标“${l2.label}”不属于一级指标“${l1.label}”。`);
  return errors;
}
