import { builderValueFromText, builderValueText, type BuilderValue } from './builder';
import templatesData from './data/templates.json';
import { COMPARATORS, type Comparator } from './indicators/value';
import { DEFAULT_TAXONOMY, type Taxonomy } from './taxonomy';
import { isRecord } from './json-shape';
import { isText, levelErrors, nameErrors, SEPARATORS } from './template-fields';
import { templateFileProblemText } from './locales/template-file-strings';
import { templateFile as CHINESE_TEMPLATE_FILE_TEXTS } from './locales/zh-CN/template-file';

// The built-in template library: its types, its validation, and the library itself.

/** A kind of project (物业管理, 信息化运维 …) with the words that point to it in a project's name or goal. */
export interface ProjectType {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly keywords: readonly string[];
}

/** One built-in third-level indicator with its typical value (the same for 实施周期 and 年度). */
export interface IndicatorTemplate {
  readonly id: string;
  readonly projectTypes: readonly string[];
  readonly level1: string;
  readonly level2: string;
  readonly name: string;
  readonly value: BuilderValue;
  /** One-line 指标解释. */
  readonly explanation: string;
  readonly keywords: readonly string[];
}

export type TemplateLibraryLoad =
  | { readonly ok: true; readonly projectTypes: readonly ProjectType[]; readonly templates: readonly IndicatorTemplate[] }
  | { readonly ok: false; readonly errors: readonly string[] };

const NUMBER = /^\d+(?:\.\d+)?$/;
const STARTS_LIKE_QUANTITY = /^[≥≤＝＞＜<>=\d０-９]/;
// A name starting with these words would be read as a value label (年度指标值 …).

function isTextList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every(isText);
}

/** Reads a template value: { comparator?, number, unit } or { text }. */
function readTemplateValue(where: string, raw: unknown, errors: string[]): BuilderValue | null {
  if (!isRecord(raw)) {
    errors.push(`${where}的“value”应为 { "comparator", "number", "unit" } 或 { "text" }。`);
    return null;
  }
  if ('text' in raw) {
    const text = raw['text'];
    if (!isText(text) || SEPARATORS.test(text) || STARTS_LIKE_QUANTITY.test(text.trim())) {
      errors.push(`${where}的定性指标值“${String(text)}”应为非空文字，不能以数字或比较符开头，也不能含有“；”“。”或换行。`);
      return null;
    }
    return { kind: 'qualitative', text: text.trim() };
  }
  const comparator = raw['comparator'] ?? null;
  const number = raw['number'];
  const unit = raw['unit'] ?? '';
  const known = comparator === null ? null : COMPARATORS.find((c) => c === comparator);
  let ok = true;
  if (known === undefined) {
    errors.push(`${where}的比较符“${String(comparator)}”无效，应为 ≥ ≤ ＝ ＞ ＜ 之一或 null。`);
    ok = false;
  }
  if (typeof number !== 'string' || !NUMBER.test(number)) {
    errors.push(`${where}的数值“${String(number)}”应为半角数字文本，如 "95"。`);
    ok = false;
  }
  if (typeof unit !== 'string' || SEPARATORS.test(unit) || /^[\d.]/.test(unit)) {
    errors.push(`${where}的单位“${String(unit)}”无效。`);
    ok = false;
  }
  if (!ok || typeof number !== 'string' || typeof unit !== 'string') return null;
  const value: BuilderValue = { kind: 'quantity', comparator: (known ?? null) as Comparator | null, number, unit };
  // The value must read back exactly as built, or the cell would say something else.
  const back = builderValueFromText(builderValueText(value));
  if (back.kind !== 'quantity' || back.comparator !== value.comparator || back.number !== number || back.unit !== unit) {
    errors.push(`${where}的指标值“${builderValueText(value)}”读回时与填写的不一致，请改写单位。`);
    return null;
  }
  return value;
}

/** Validates a template library document (the built-in one at load, or a replacement). Errors are Chinese. */
export function validateTemplateLibrary(json: unknown, taxonomy: Taxonomy = DEFAULT_TAXONOMY): TemplateLibraryLoad {
  if (!isRecord(json)) return { ok: false, errors: ['模板库应为一个 JSON 对象。'] };
  const errors: string[] = [];
  const rawTypes = json['projectTypes'];
  const rawTemplates = json['templates'];
  if (!Array.isArray(rawTypes)) errors.push('模板库缺少“projectTypes”数组。');
  if (!Array.isArray(rawTemplates)) errors.push('模板库缺少“templates”数组。');
  if (!Array.isArray(rawTypes) || !Array.isArray(rawTemplates)) return { ok: false, errors };

  const projectTypes: ProjectType[] = [];
  const typeIds = new Set<string>();
  rawTypes.forEach((raw, i) => {
    const where = `第 ${i + 1} 个项目类型`;
    if (!isRecord(raw) || !isText(raw['id']) || !isText(raw['name']) || !isText(raw['nameEn']) || !isTextList(raw['keywords'])) {
      errors.push(`${where}应有 id、name、nameEn（文本）和 keywords（文本数组）。`);
      return;
    }
    if (typeIds.has(raw['id'])) errors.push(`项目类型编号“${raw['id']}”重复。`);
    typeIds.add(raw['id']);
    projectTypes.push({ id: raw['id'], name: raw['name'], nameEn: raw['nameEn'], keywords: raw['keywords'] });
  });

  const templates: IndicatorTemplate[] = [];
  const ids = new Set<string>();
  rawTemplates.forEach((raw, i) => {
    if (!isRecord(raw)) {
      errors.push(`第 ${i + 1} 个模板应为一个对象。`);
      return;
    }
    const id = raw['id'];
    const where = isText(id) ? `模板“${id}”` : `第 ${i + 1} 个模板`;
    const before = errors.length;
    if (!isText(id)) errors.push(`${where}缺少编号“id”。`);
    else if (ids.has(id)) errors.push(`模板编号“${id}”重复。`);
    if (isText(id)) ids.add(id);
    const types = raw['projectTypes'];
    if (!isTextList(types) || types.length === 0) errors.push(`${where}的“projectTypes”应为非空的项目类型编号数组。`);
    else for (const t of types) if (!typeIds.has(t)) errors.push(`${where}的项目类型“${t}”不存在。`);
    const place = { template: isText(id) ? id : i + 1 };
    errors.push(...[...levelErrors(place, raw['level1'], raw['level2'], taxonomy), ...nameErrors(place, raw['name'])].map((p) => templateFileProblemText(p, CHINESE_TEMPLATE_FILE_TEXTS)));
    const name = raw['name'];
    if (!isText(raw['explanation'])) errors.push(`${where}缺少指标解释“explanation”。`);
    if (!isTextList(raw['keywords'])) errors.push(`${where}的“keywords”应为文本数组。`);
    const value = readTemplateValue(where, raw['value'], errors);
    if (errors.length > before || value === null) return;
    templates.push({
      id: id as string,
      projectTypes: types as string[],
      level1: raw['level1'] as string,
      level2: raw['level2'] as string,
      name: (name as string).trim(),
      value,
      explanation: raw['explanation'] as string,
      keywords: raw['keywords'] as string[],
    });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, projectTypes, templates };
}

/** The built-in library, validated once at load. */
export const BUILTIN_TEMPLATE_LIBRARY: TemplateLibraryLoad = validateTemplateLibrary(templatesData);
export const BUILTIN_PROJECT_TYPES: readonly ProjectType[] = BUILTIN_TEMPLATE_LIBRARY.ok ? BUILTIN_TEMPLATE_LIBRARY.projectTypes : [];
export const BUILTIN_TEMPLATES: readonly IndicatorTemplate[] = BUILTIN_TEMPLATE_LIBRARY.ok ? BUILTIN_TEMPLATE_LIBRARY.templates : [];
