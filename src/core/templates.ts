import {
  builderValueFromText,
  builderValueText,
  canonicalLength,
  EXCEL_CELL_LIMIT,
  newBuilderRowId,
  type BuilderRow,
  type BuilderValue,
} from './builder';
import templatesData from './data/templates.json';
import synonymsData from './data/template-synonyms.json';
import { readsAsValueLabel } from './indicators/grammar';
import { COMPARATORS, type Comparator } from './indicators/value';
import { DEFAULT_TAXONOMY, type Taxonomy } from './taxonomy';
import { isRecord, ownField } from './json-shape';

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
const SEPARATORS = /[；;。\r\n]/;
const STARTS_LIKE_QUANTITY = /^[≥≤＝＞＜<>=\d０-９]/;
// A name starting with these words would be read as a value label (年度指标值 …).

function nameErrors(where: string, name: unknown): string[] {
  if (!isText(name) || SEPARATORS.test(name)) return [`${where}的名称应为非空文字，不能含有“；”“。”或换行。`];
  if (readsAsValueLabel(name.trim())) return [`${where}的名称“${name.trim()}”会被读成指标值（如“年度：”“实施周期指标值”开头），请改写。`];
  return [];
}

function isText(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

function isTextList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every(isText);
}

/** Checks that the two codes exist and that level 2 sits under level 1; one Chinese message per problem. */
function levelErrors(where: string, level1: unknown, level2: unknown, taxonomy: Taxonomy): string[] {
  const errors: string[] = [];
  const l1 = typeof level1 === 'string' ? taxonomy.level1ByCode(level1) : undefined;
  const l2 = typeof level2 === 'string' ? taxonomy.level2ByCode(level2) : undefined;
  if (!l1) errors.push(`${where}的一级指标编码“${String(level1)}”不在指标体系中。`);
  if (!l2) errors.push(`${where}的二级指标编码“${String(level2)}”不在指标体系中。`);
  if (l1 && l2 && l2.parent !== l1.code) errors.push(`${where}的二级指标“${l2.label}”不属于一级指标“${l1.label}”。`);
  return errors;
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
    errors.push(...levelErrors(where, raw['level1'], raw['level2'], taxonomy));
    const name = raw['name'];
    errors.push(...nameErrors(where, name));
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

export interface TemplateQuery {
  /**
   * Words separated by spaces; every word must match the template: its name, keywords, explanation or unit,
   * its 一级 / 二级 indicator (a code such as 22, a name such as 社会效益, a label such as 22-社会效益, or a
   * synonym of the taxonomy), or a word of the same synonym group (满意率 finds 满意度).
   */
  readonly keyword?: string;
  readonly projectType?: string;
}

const SYNONYM_GROUPS: readonly (readonly string[])[] = synonymsData.groups;

/** Full-width letters, digits and dashes as half-width, lower case: 22－社会效益 reads as 22-社会效益. */
function normaliseSearchText(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[‐‑–—―−]/g, '-')
    .toLowerCase();
}

/** The word (also without a trailing 指标: 22-社会效益指标 is 22-社会效益) and every word of a synonym group it belongs to. */
function wordVariants(word: string): readonly string[] {
  const variants = new Set([word]);
  if (word.length > 2 && word.endsWith('指标')) variants.add(word.slice(0, -2));
  for (const group of SYNONYM_GROUPS) if (group.some((w) => normaliseSearchText(w) === word)) for (const w of group) variants.add(normaliseSearchText(w));
  return [...variants];
}

interface SearchFields {
  /** Substring targets: name, keywords, explanation, unit, the levels' names, labels and synonyms. */
  readonly text: string;
  /** Matched whole: the 一级 and 二级 codes (2 finds every 效益 template, not those with a 2 in their text). */
  readonly codes: readonly string[];
  /** Where a number is also looked for (12345 热线): the name and keywords, not the levels' labels (31-… holds a 1). */
  readonly named: string;
}

function searchFields(template: IndicatorTemplate, taxonomy: Taxonomy): SearchFields {
  const l1 = taxonomy.level1ByCode(template.level1);
  const l2 = taxonomy.level2ByCode(template.level2);
  // A synonym's parenthesis lists the level's children (效益指标(经济效益、社会效益…)): 社会效益 would find all of 效益.
  const levels = [l1, l2].flatMap((e) => (e ? [e.name, e.label, ...e.synonyms.map((w) => w.replace(/[（(].*?[）)]/g, ''))] : []));
  const unit = template.value.kind === 'quantity' ? template.value.unit : '';
  const text = normaliseSearchText([template.name, template.explanation, unit, ...template.keywords, ...levels].join('\n'));
  const codes = [l1?.coded ? l1.code : '', l2?.coded ? l2.code : ''].filter((c) => c !== '');
  return { text, codes, named: normaliseSearchText([template.name, ...template.keywords].join('\n')) };
}

function fieldsMatch(fields: SearchFields, word: string): boolean {
  if (/^\d+$/.test(word)) return fields.codes.includes(word) || fields.named.includes(word);
  return wordVariants(word).some((w) => fields.text.includes(w));
}

/** Templates matching the query, in library order. */
export function searchTemplates(templates: readonly IndicatorTemplate[], query: TemplateQuery, taxonomy: Taxonomy = DEFAULT_TAXONOMY): IndicatorTemplate[] {
  const words = normaliseSearchText(query.keyword ?? '').split(/[\s\u3000]+/).filter((w) => w !== '');
  return templates.filter((t) => {
    if (query.projectType && !t.projectTypes.includes(query.projectType)) return false;
    if (words.length === 0) return true;
    const fields = searchFields(t, taxonomy);
    return words.every((w) => fieldsMatch(fields, w));
  });
}

export interface ProjectDescription {
  readonly projectName: string;
  readonly goal: string;
}

/** A word of the project that matched, and where: the name counts three times as much as the goal. */
export interface RecommendationReason {
  readonly word: string;
  readonly where: 'name' | 'goal';
}

/** What the template adds that the project's indicators lack: a whole 一级 category (效益), or a 二级 indicator. */
export type RecommendationFill = { readonly level: 1 | 2; readonly label: string };

export interface TemplateRecommendation {
  readonly template: IndicatorTemplate;
  readonly score: number;
  /** The project types that matched (by id). */
  readonly projectTypes: readonly string[];
  readonly reasons: readonly RecommendationReason[];
  /** Set when the project's indicators have nothing of this template's category (level 1) or 二级 indicator (level 2). */
  readonly fills?: RecommendationFill;
}

/** The indicators the project already has (the builder's rows), so that recommendations add what is missing. */
export interface RecommendationContext {
  readonly existing?: readonly { readonly level1: string; readonly level2: string; readonly name: string }[];
  readonly taxonomy?: Taxonomy;
}

const NAME_WEIGHT = 3;
const GOAL_WEIGHT = 1;

function matches(words: readonly string[], project: ProjectDescription): RecommendationReason[] {
  const reasons: RecommendationReason[] = [];
  for (const word of words) {
    if (project.projectName.includes(word)) reasons.push({ word, where: 'name' });
    else if (project.goal.includes(word)) reasons.push({ word, where: 'goal' });
  }
  return reasons;
}

const weigh = (reasons: readonly RecommendationReason[]) => reasons.reduce((s, r) => s + (r.where === 'name' ? NAME_WEIGHT : GOAL_WEIGHT), 0);

const sameName = (name: string) => normaliseSearchText(name).replace(/[\s\u3000]+/g, '');

/** What a template would fill in the project whose indicators are `existing`; undefined when it fills nothing new. */
function fillOf(template: IndicatorTemplate, existing: NonNullable<RecommendationContext['existing']>, taxonomy: Taxonomy): RecommendationFill | undefined {
  if (existing.length === 0) return undefined;
  const categoryOf = (level1: string, level2: string) => {
    const l2 = taxonomy.level2ByCode(level2);
    return l2 ? taxonomy.categoryOf(l2) : taxonomy.level1ByCode(level1)?.category;
  };
  const present = new Set(existing.map((r) => categoryOf(r.level1, r.level2)));
  const l1 = taxonomy.level1ByCode(template.level1);
  const l2 = taxonomy.level2ByCode(template.level2);
  if (!present.has(categoryOf(template.level1, template.level2))) return { level: 1, label: l1?.label ?? template.level1 };
  if (!existing.some((r) => r.level2 === template.level2)) return { level: 2, label: l2?.label ?? template.level2 };
  return undefined;
}

/**
 * Templates for a project, best first. Score = the best-matching project type's keywords found in the
 * project name (3 each) or goal (1 each), plus the template's own keywords found the same way.
 * Only templates with a score above 0, none the project already has (same name); templates of a category
 * the project lacks come first, then those of a 二级 indicator it lacks, then the rest; ties keep library order.
 */
export function recommendTemplates(
  templates: readonly IndicatorTemplate[],
  project: ProjectDescription,
  limit: number,
  projectTypes: readonly ProjectType[] = BUILTIN_PROJECT_TYPES,
  context: RecommendationContext = {},
): TemplateRecommendation[] {
  const existing = context.existing ?? [];
  const taxonomy = context.taxonomy ?? DEFAULT_TAXONOMY;
  const had = new Set(existing.map((r) => sameName(r.name)));
  const typeMatches = new Map<string, RecommendationReason[]>();
  for (const type of projectTypes) typeMatches.set(type.id, matches(type.keywords, project));
  const scored: TemplateRecommendation[] = [];
  for (const template of templates) {
    if (had.has(sameName(template.name))) continue;
    let typeScore = 0;
    let typeReasons: RecommendationReason[] = [];
    const matchedTypes: string[] = [];
    for (const id of template.projectTypes) {
      const reasons = typeMatches.get(id) ?? [];
      if (reasons.length === 0) continue;
      matchedTypes.push(id);
      if (weigh(reasons) > typeScore) {
        typeScore = weigh(reasons);
        typeReasons = reasons;
      }
    }
    const own = matches(template.keywords, project);
    const score = typeScore + weigh(own);
    if (score === 0) continue;
    const reasons = [...typeReasons];
    for (const r of own) if (!reasons.some((x) => x.word === r.word)) reasons.push(r);
    const fills = fillOf(template, existing, taxonomy);
    scored.push({ template, score, projectTypes: matchedTypes, reasons, ...(fills ? { fills } : {}) });
  }
  const rank = (r: TemplateRecommendation) => (r.fills ? r.fills.level : 3);
  // Array.prototype.sort is stable: equal ranks and scores keep library order.
  return scored.sort((a, b) => rank(a) - rank(b) || b.score - a.score).slice(0, Math.max(0, limit));
}

/** A builder row pre-filled from a template (both values the template's typical value). */
export function templateToBuilderRow(template: IndicatorTemplate, id: string = newBuilderRowId()): BuilderRow {
  return { id, level1: template.level1, level2: template.level2, name: template.name, period: template.value, annual: template.value };
}

// ---------------------------------------------------------------------------------------------
// User templates: saved by the user, exported and imported as a JSON file.

export const USER_TEMPLATE_FORMAT = 'jixiao-templates';
export const USER_TEMPLATE_VERSION = 1;

/** One row of a user template: a builder row without its id. */
export interface UserTemplateRow {
  readonly level1: string;
  readonly level2: string;
  readonly name: string;
  readonly period: BuilderValue;
  readonly annual: BuilderValue;
}

/** One indicator, or a named set of indicators, saved by the user. */
export interface UserTemplate {
  readonly id: string;
  readonly name: string;
  readonly rows: readonly UserTemplateRow[];
}

/** The file: values are written as they appear in the cell ("≥95%", "优秀"). */
export interface UserTemplateFile {
  readonly format: typeof USER_TEMPLATE_FORMAT;
  readonly version: typeof USER_TEMPLATE_VERSION;
  readonly templates: readonly {
    readonly id: string;
    readonly name: string;
    readonly rows: readonly { readonly level1: string; readonly level2: string; readonly name: string; readonly period: string; readonly annual: string }[];
  }[];
}

export type UserTemplateLoad =
  | { readonly ok: true; readonly templates: readonly UserTemplate[] }
  | { readonly ok: false; readonly errors: readonly string[] };

/** What an imported file or the stored list may hold; anything beyond is refused before use. */
export const USER_TEMPLATE_LIMITS = {
  /** 1 MB: an exported file of the maximum number of templates is far smaller. */
  fileBytes: 1_048_576,
  templates: 500,
  rowsPerTemplate: 100,
  idLength: 64,
  nameLength: 200,
  rowNameLength: 200,
  valueLength: 500,
} as const;

/** At most this many messages are listed; the rest are counted. */
const MAX_LISTED_ERRORS = 50;

function tooLong(where: string, field: string, text: string, limit: number): string | null {
  return text.length > limit ? `${where}的${field}有 ${text.length} 个字符，超过 ${limit} 个字符的上限。` : null;
}

function readUserValue(where: string, raw: unknown, errors: string[]): BuilderValue | null {
  if (typeof raw !== 'string') {
    errors.push(`${where}应为文本（如 "≥95%"，可为空）。`);
    return null;
  }
  if (raw.length > USER_TEMPLATE_LIMITS.valueLength) {
    errors.push(`${where}有 ${raw.length} 个字符，超过 ${USER_TEMPLATE_LIMITS.valueLength} 个字符的上限。`);
    return null;
  }
  if (SEPARATORS.test(raw)) {
    errors.push(`${where}“${raw}”不能含有“；”“。”或换行。`);
    return null;
  }
  const value = builderValueFromText(raw);
  if (builderValueText(value) !== raw.trim()) {
    errors.push(`${where}“${raw}”写法不规范，应写作“${builderValueText(value)}”。`);
    return null;
  }
  return value;
}

function readUserRow(where: string, r: unknown, taxonomy: Taxonomy, errors: string[]): UserTemplateRow | null {
  if (!isRecord(r)) {
    errors.push(`${where}应为一个对象。`);
    return null;
  }
  const level1 = ownField(r, 'level1');
  const level2 = ownField(r, 'level2');
  const rowErrors = levelErrors(where, level1, level2, taxonomy);
  const name = ownField(r, 'name');
  const long = typeof name === 'string' ? tooLong(where, '名称“name”', name, USER_TEMPLATE_LIMITS.rowNameLength) : null;
  rowErrors.push(...(long ? [long] : nameErrors(where, name)));
  const period = readUserValue(`${where}的实施周期指标值`, ownField(r, 'period'), rowErrors);
  const annual = readUserValue(`${where}的年度指标值`, ownField(r, 'annual'), rowErrors);
  errors.push(...rowErrors);
  if (rowErrors.length > 0 || !period || !annual) return null;
  return { level1: level1 as string, level2: level2 as string, name: (name as string).trim(), period, annual };
}

function readUserTemplate(index: number, t: unknown, ids: Set<string>, taxonomy: Taxonomy, errors: string[]): UserTemplate | null {
  const where = `第 ${index + 1} 个模板`;
  if (!isRecord(t)) {
    errors.push(`${where}应为一个对象。`);
    return null;
  }
  const before = errors.length;
  const id = ownField(t, 'id');
  const name = ownField(t, 'name');
  if (!isText(id)) errors.push(`${where}缺少编号“id”。`);
  else if (id.length > USER_TEMPLATE_LIMITS.idLength) errors.push(`${where}的编号“id”有 ${id.length} 个字符，超过 ${USER_TEMPLATE_LIMITS.idLength} 个字符的上限。`);
  else if (ids.has(id)) errors.push(`${where}的编号“${id}”与前面的模板重复。`);
  if (isText(id)) ids.add(id);
  if (!isText(name)) errors.push(`${where}缺少名称“name”。`);
  else {
    const long = tooLong(where, '名称“name”', name, USER_TEMPLATE_LIMITS.nameLength);
    if (long) errors.push(long);
  }
  const rawRows = ownField(t, 'rows');
  if (!Array.isArray(rawRows) || rawRows.length === 0) {
    errors.push(`${where}的“rows”应为至少含一项指标的数组。`);
    return null;
  }
  if (rawRows.length > USER_TEMPLATE_LIMITS.rowsPerTemplate) {
    errors.push(`${where}有 ${rawRows.length} 项指标，超过每个模板 ${USER_TEMPLATE_LIMITS.rowsPerTemplate} 项的上限。`);
    return null;
  }
  const rows: UserTemplateRow[] = [];
  rawRows.forEach((r: unknown, j) => {
    const row = readUserRow(`${where}第 ${j + 1} 项指标`, r, taxonomy, errors);
    if (row) rows.push(row);
  });
  if (errors.length > before) return null;
  const length = canonicalLength(rows.map((r) => ({ id: '', ...r })), taxonomy);
  if (length > EXCEL_CELL_LIMIT) {
    errors.push(`${where}的指标写入单元格后有 ${length} 个字符，超过 Excel 单元格 ${EXCEL_CELL_LIMIT} 个字符的上限。`);
    return null;
  }
  return { id: id as string, name: (name as string).trim(), rows };
}

/**
 * Validates a user template file (already parsed from JSON) against its schema and USER_TEMPLATE_LIMITS.
 * Every problem gets its own Chinese message naming the template and the field; a file with any
 * problem gives no templates, so a bad import changes nothing. Unknown fields are ignored (and not kept).
 */
export function parseUserTemplateFile(json: unknown, taxonomy: Taxonomy = DEFAULT_TAXONOMY): UserTemplateLoad {
  if (!isRecord(json)) return { ok: false, errors: ['模板文件应为一个 JSON 对象。'] };
  const errors: string[] = [];
  const format = ownField(json, 'format');
  const version = ownField(json, 'version');
  if (format !== USER_TEMPLATE_FORMAT) errors.push(`这不是绩效指标模板文件：“format”应为“${USER_TEMPLATE_FORMAT}”。`);
  if (version !== USER_TEMPLATE_VERSION) errors.push(`不支持的模板文件版本“${typeof version === 'string' ? version.slice(0, 20) : String(version)}”，应为 ${USER_TEMPLATE_VERSION}。`);
  const raw = ownField(json, 'templates');
  if (!Array.isArray(raw)) {
    errors.push('模板文件缺少“templates”数组。');
    return { ok: false, errors };
  }
  if (raw.length > USER_TEMPLATE_LIMITS.templates) {
    errors.push(`模板文件有 ${raw.length} 个模板，超过 ${USER_TEMPLATE_LIMITS.templates} 个的上限。`);
    return { ok: false, errors };
  }
  const templates: UserTemplate[] = [];
  const ids = new Set<string>();
  raw.forEach((t: unknown, i) => {
    const template = readUserTemplate(i, t, ids, taxonomy, errors);
    if (template) templates.push(template);
  });
  if (errors.length === 0) return { ok: true, templates };
  const listed = errors.slice(0, MAX_LISTED_ERRORS);
  if (errors.length > MAX_LISTED_ERRORS) listed.push(`……另有 ${errors.length - MAX_LISTED_ERRORS} 个问题未列出。`);
  return { ok: false, errors: listed };
}

export type UserTemplateTextLoad =
  | UserTemplateLoad
  | { readonly ok: false; readonly problem: 'too-large' | 'not-json'; readonly errors: readonly string[] };

/** Reads a template file's text: size first (before parsing anything), then JSON, then the schema. */
export function parseUserTemplateText(text: string, taxonomy: Taxonomy = DEFAULT_TAXONOMY): UserTemplateTextLoad {
  if (text.length > USER_TEMPLATE_LIMITS.fileBytes) {
    return { ok: false, problem: 'too-large', errors: [`模板数据超过 1 MB 的上限（${USER_TEMPLATE_LIMITS.fileBytes} 字节），没有读取。`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problem: 'not-json', errors: ['这不是 JSON 文本，无法读取。'] };
  }
  return parseUserTemplateFile(json, taxonomy);
}

/** The file for these templates, as JSON text. */
export function serializeUserTemplates(templates: readonly UserTemplate[]): string {
  const file: UserTemplateFile = {
    format: USER_TEMPLATE_FORMAT,
    version: USER_TEMPLATE_VERSION,
    templates: templates.map((t) => ({
      id: t.id,
      name: t.name,
      rows: t.rows.map((r) => ({ level1: r.level1, level2: r.level2, name: r.name, period: builderValueText(r.period), annual: builderValueText(r.annual) })),
    })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The problems this template would have in a file (none when it would load again), as Chinese messages. */
export function userTemplateErrors(template: UserTemplate, taxonomy: Taxonomy = DEFAULT_TAXONOMY): readonly string[] {
  const parsed = parseUserTemplateText(serializeUserTemplates([template]), taxonomy);
  return parsed.ok ? [] : parsed.errors;
}

/** A user template from builder rows (ids dropped); named after its single row when `name` is blank. */
export function userTemplateFromRows(id: string, name: string, rows: readonly BuilderRow[]): UserTemplate {
  const only = rows.length === 1 ? rows[0] : undefined;
  return {
    id,
    name: name.trim() !== '' ? name.trim() : (only?.name.trim() ?? ''),
    rows: rows.map((r) => ({ level1: r.level1, level2: r.level2, name: r.name.trim(), period: r.period, annual: r.annual })),
  };
}

/** Builder rows (with new ids) from a user template. */
export function userTemplateToBuilderRows(template: UserTemplate): BuilderRow[] {
  return template.rows.map((r) => ({ id: newBuilderRowId(), ...r }));
}

/** An id not used by any of the templates: u1, u2, … */
export function newUserTemplateId(existing: readonly UserTemplate[]): string {
  const used = new Set(existing.map((t) => t.id));
  let n = existing.length + 1;
  while (used.has(`u${n}`)) n++;
  return `u${n}`;
}

/** Whether a builder row can be saved as (part of) a user template: levels and a name are required. */
export function isSavableRow(row: BuilderRow, taxonomy: Taxonomy = DEFAULT_TAXONOMY): boolean {
  if (levelErrors('', row.level1, row.level2, taxonomy).length > 0 || nameErrors('', row.name).length > 0) return false;
  return [row.period, row.annual].every((v) => {
    const text = builderValueText(v);
    return !SEPARATORS.test(text) && builderValueText(builderValueFromText(text)) === text;
  });
}
