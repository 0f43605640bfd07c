import { builderValueFromText, builderValueText, canonicalLength, EXCEL_CELL_LIMIT, newBuilderRowId, type BuilderRow, type BuilderValue } from './builder';
import { DEFAULT_TAXONOMY, type Taxonomy } from './taxonomy';
import { isRecord, ownField } from './json-shape';
import { isText, levelErrors, nameErrors, SEPARATORS } from './template-fields';
import { templateFileProblemText, type TemplateFileProblem, type TemplatePlace } from './locales/template-file-strings';
import { templateFile as CHINESE_TEMPLATE_FILE_TEXTS } from './locales/zh-CN/template-file';

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
  /** `errors` in Chinese; `problems` as codes with params, for any language (templateFileProblemText). */
  | { readonly ok: false; readonly errors: readonly string[]; readonly problems: readonly TemplateFileProblem[] };

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

function readUserValue(place: TemplatePlace, raw: unknown, errors: TemplateFileProblem[]): BuilderValue | null {
  if (typeof raw !== 'string') {
    errors.push({ kind: 'value-not-text', place });
    return null;
  }
  if (raw.length > USER_TEMPLATE_LIMITS.valueLength) {
    errors.push({ kind: 'too-long', place, field: 'value', length: raw.length, limit: USER_TEMPLATE_LIMITS.valueLength });
    return null;
  }
  if (SEPARATORS.test(raw)) {
    errors.push({ kind: 'value-separators', place, text: raw });
    return null;
  }
  const value = builderValueFromText(raw);
  if (builderValueText(value) !== raw.trim()) {
    errors.push({ kind: 'value-irregular', place, text: raw, canonical: builderValueText(value) });
    return null;
  }
  return value;
}

function readUserRow(place: TemplatePlace, r: unknown, taxonomy: Taxonomy, errors: TemplateFileProblem[]): UserTemplateRow | null {
  if (!isRecord(r)) {
    errors.push({ kind: 'not-object', place });
    return null;
  }
  const level1 = ownField(r, 'level1');
  const level2 = ownField(r, 'level2');
  const rowErrors = levelErrors(place, level1, level2, taxonomy);
  const name = ownField(r, 'name');
  const long = typeof name === 'string' && name.length > USER_TEMPLATE_LIMITS.rowNameLength;
  if (long) rowErrors.push({ kind: 'too-long', place, field: 'name', length: name.length, limit: USER_TEMPLATE_LIMITS.rowNameLength });
  else rowErrors.push(...nameErrors(place, name));
  const period = readUserValue({ ...place, value: 'period' }, ownField(r, 'period'), rowErrors);
  const annual = readUserValue({ ...place, value: 'annual' }, ownField(r, 'annual'), rowErrors);
  errors.push(...rowErrors);
  if (rowErrors.length > 0 || !period || !annual) return null;
  return { level1: level1 as string, level2: level2 as string, name: (name as string).trim(), period, annual };
}

function readUserTemplate(index: number, t: unknown, ids: Set<string>, taxonomy: Taxonomy, errors: TemplateFileProblem[]): UserTemplate | null {
  const place: TemplatePlace = { template: index + 1 };
  if (!isRecord(t)) {
    errors.push({ kind: 'not-object', place });
    return null;
  }
  const before = errors.length;
  const id = ownField(t, 'id');
  const name = ownField(t, 'name');
  if (!isText(id)) errors.push({ kind: 'id-missing', place });
  else if (id.length > USER_TEMPLATE_LIMITS.idLength) errors.push({ kind: 'too-long', place, field: 'id', length: id.length, limit: USER_TEMPLATE_LIMITS.idLength });
  else if (ids.has(id)) errors.push({ kind: 'duplicate-id', place, id });
  if (isText(id)) ids.add(id);
  if (!isText(name)) errors.push({ kind: 'name-missing', place });
  else if (name.length > USER_TEMPLATE_LIMITS.nameLength) errors.push({ kind: 'too-long', place, field: 'name', length: name.length, limit: USER_TEMPLATE_LIMITS.nameLength });
  const rawRows = ownField(t, 'rows');
  if (!Array.isArray(rawRows) || rawRows.length === 0) {
    errors.push({ kind: 'rows-missing', place });
    return null;
  }
  if (rawRows.length > USER_TEMPLATE_LIMITS.rowsPerTemplate) {
    errors.push({ kind: 'too-many-rows', place, count: rawRows.length, limit: USER_TEMPLATE_LIMITS.rowsPerTemplate });
    return null;
  }
  const rows: UserTemplateRow[] = [];
  rawRows.forEach((r: unknown, j) => {
    const row = readUserRow({ ...place, row: j + 1 }, r, taxonomy, errors);
    if (row) rows.push(row);
  });
  if (errors.length > before) return null;
  const length = canonicalLength(rows.map((r) => ({ id: '', ...r })), taxonomy);
  if (length > EXCEL_CELL_LIMIT) {
    errors.push({ kind: 'cell-too-long', place, length, limit: EXCEL_CELL_LIMIT });
    return null;
  }
  return { id: id as string, name: (name as string).trim(), rows };
}

/** A failed load: the problems (the first MAX_LISTED_ERRORS, then how many more), and the same in Chinese. */
function refused(problems: readonly TemplateFileProblem[]): { readonly ok: false; readonly errors: readonly string[]; readonly problems: readonly TemplateFileProblem[] } {
  const listed = problems.slice(0, MAX_LISTED_ERRORS);
  if (problems.length > MAX_LISTED_ERRORS) listed.push({ kind: 'more', count: problems.length - MAX_LISTED_ERRORS });
  return { ok: false, errors: listed.map((p) => templateFileProblemText(p, CHINESE_TEMPLATE_FILE_TEXTS)), problems: listed };
}

/**
 * Validates a user template file (already parsed from JSON) against its schema and USER_TEMPLATE_LIMITS.
 * Every problem gets its own message naming the template and the field; a file with any
 * problem gives no templates, so a bad import changes nothing. Unknown fields are ignored (and not kept).
 */
export function parseUserTemplateFile(json: unknown, taxonomy: Taxonomy = DEFAULT_TAXONOMY): UserTemplateLoad {
  if (!isRecord(json)) return refused([{ kind: 'file-not-object' }]);
  const errors: TemplateFileProblem[] = [];
  const format = ownField(json, 'format');
  const version = ownField(json, 'version');
  if (format !== USER_TEMPLATE_FORMAT) errors.push({ kind: 'wrong-format', expected: USER_TEMPLATE_FORMAT });
  if (version !== USER_TEMPLATE_VERSION) errors.push({ kind: 'wrong-version', version: typeof version === 'string' ? version.slice(0, 20) : String(version), expected: USER_TEMPLATE_VERSION });
  const raw = ownField(json, 'templates');
  if (!Array.isArray(raw)) {
    errors.push({ kind: 'templates-missing' });
    return refused(errors);
  }
  if (raw.length > USER_TEMPLATE_LIMITS.templates) {
    errors.push({ kind: 'too-many-templates', count: raw.length, limit: USER_TEMPLATE_LIMITS.templates });
    return refused(errors);
  }
  const templates: UserTemplate[] = [];
  const ids = new Set<string>();
  raw.forEach((t: unknown, i) => {
    const template = readUserTemplate(i, t, ids, taxonomy, errors);
    if (template) templates.push(template);
  });
  if (errors.length === 0) return { ok: true, templates };
  return refused(errors);
}

export type UserTemplateTextLoad =
  | UserTemplateLoad
  | { readonly ok: false; readonly problem: 'too-large' | 'not-json'; readonly errors: readonly string[]; readonly problems: readonly TemplateFileProblem[] };

/** Reads a template file's text: size first (before parsing anything), then JSON, then the schema. */
export function parseUserTemplateText(text: string, taxonomy: Taxonomy = DEFAULT_TAXONOMY): UserTemplateTextLoad {
  if (text.length > USER_TEMPLATE_LIMITS.fileBytes) {
    return { ...refused([{ kind: 'too-large', bytes: USER_TEMPLATE_LIMITS.fileBytes }]), problem: 'too-large' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ...refused([{ kind: 'not-json' }]), problem: 'not-json' };
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
  const place = { template: 0 };
  if (levelErrors(place, row.level1, row.level2, taxonomy).length > 0 || nameErrors(place, row.name).length > 0) return false;
  return [row.period, row.annual].every((v) => {
    const text = builderValueText(v);
    return !SEPARATORS.test(text) && builderValueText(builderValueFromText(text)) === text;
  });
}
