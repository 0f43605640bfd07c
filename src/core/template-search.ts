import { newBuilderRowId, type BuilderRow } from './builder';
import synonymsData from './data/template-synonyms.json';
import { DEFAULT_TAXONOMY, type Taxonomy } from './taxonomy';
import { BUILTIN_PROJECT_TYPES, type IndicatorTemplate, type ProjectType } from './template-library';

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
