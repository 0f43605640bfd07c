import { builderValueFromText, builderValueText, canonicalLength, EXCEL_CELL_LIMIT, newBuilderRowId, type BuilderRow, type BuilderValue } from './builder';
import { DEFAULT_TAXONOMY, type Taxonomy } from './taxonomy';
import { isRecord, ownField } from './json-shape';
import { isText, levelErrors, nameErrors, SEPARATORS } from './template-fields';

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
