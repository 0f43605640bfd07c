import { decimalFromText, type Decimal } from './amounts';
import caiyu2021 from './data/profiles/caiyu-2021.json';
import guangzhouJson from './data/profiles/guangzhou.json';
import nationalJson from './data/profiles/national.json';
import type { Severity } from './findings';
import { RULES } from './rules/registry';
import type { RuleId } from './rules/rule-ids';
import type { CostIndicatorPlacement } from './taxonomy';
import { isRecord } from './json-shape';

export type SeveritySetting = Severity | 'off';

/** Turns rules on and off, sets their severities and the table conventions a department follows. */
export interface Profile {
  readonly name: string;
  /** As the pane, the page and the report name it (全国通用, 广州市). */
  readonly title: string;
  readonly description: string;
  readonly severities: { readonly [R in RuleId]?: SeveritySetting };
  /** Largest difference still treated as 尾差 (rounding), per currency unit, as decimal text. */
  readonly roundingTolerance: { readonly 万元: string; readonly 元: string };
  readonly costIndicator: CostIndicatorPlacement;
}

export type ProfileLoad = { readonly ok: true; readonly profile: Profile } | { readonly ok: false; readonly errors: readonly string[] };

const SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'off'];
const PLACEMENTS: readonly CostIndicatorPlacement[] = ['level2', 'level1', 'either'];
const KNOWN_KEYS = new Set(['name', 'title', 'description', 'severities', 'roundingTolerance', 'costIndicator', '//']);
const RULE_IDS = new Set<string>(RULES.map((r) => r.id));

/**
 * Validates a profile read from JSON. Fields left out are taken from `base` (the default profile),
 * so a department's file only lists what it changes. Errors are Chinese, one per problem.
 */
export function parseProfile(json: unknown, base: Profile = NATIONAL_PROFILE): ProfileLoad {
  if (!isRecord(json)) return { ok: false, errors: ['配置文件应为一个 JSON 对象。'] };
  const errors: string[] = [];
  for (const key of Object.keys(json)) if (!KNOWN_KEYS.has(key)) errors.push(`未知的配置项“${key}”。`);

  const name = json['name'] ?? base.name;
  if (typeof name !== 'string' || name.trim() === '') errors.push('“name”应为非空文本。');
  // A department's own file names itself; without a title it is shown by its name.
  const title = json['title'] ?? (json['name'] !== undefined ? json['name'] : base.title);
  if (typeof title !== 'string' || title.trim() === '') errors.push('“title”应为非空文本。');
  const description = json['description'] ?? base.description;
  if (typeof description !== 'string') errors.push('“description”应为文本。');

  const severities: Partial<Record<RuleId, SeveritySetting>> = { ...base.severities };
  const rawSeverities = json['severities'] ?? {};
  if (!isRecord(rawSeverities)) errors.push('“severities”应为 { 规则编号: "error" | "warning" | "info" | "off" }。');
  else {
    for (const [rule, setting] of Object.entries(rawSeverities)) {
      if (!RULE_IDS.has(rule)) errors.push(`未知的规则编号“${rule}”。`);
      else if (!SETTINGS.includes(setting as SeveritySetting)) errors.push(`规则“${rule}”的级别“${String(setting)}”无效，应为 error、warning、info 或 off。`);
      else severities[rule as RuleId] = setting as SeveritySetting;
    }
  }

  const tolerance = { ...base.roundingTolerance };
  const rawTolerance = json['roundingTolerance'] ?? {};
  if (!isRecord(rawTolerance)) errors.push('“roundingTolerance”应为 { "万元": "0.01", "元": "1" }。');
  else {
    for (const [unit, value] of Object.entries(rawTolerance)) {
      if (unit !== '万元' && unit !== '元') errors.push(`尾差容差的单位“${unit}”无效，应为“万元”或“元”。`);
      else if (typeof value !== 'string' && typeof value !== 'number') errors.push(`尾差容差“${unit}”应为数字。`);
      else {
        const parsed = decimalFromText(String(value));
        if (parsed === null || parsed.value < 0n) errors.push(`尾差容差“${unit}”的值“${String(value)}”不是非负数。`);
        else tolerance[unit] = String(value);
      }
    }
  }

  const costIndicator = json['costIndicator'] ?? base.costIndicator;
  if (!PLACEMENTS.includes(costIndicator as CostIndicatorPlacement)) errors.push('“costIndicator”应为 "level2"、"level1" 或 "either"。');

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    profile: {
      name: name as string,
      title: title as string,
      description: description as string,
      severities,
      roundingTolerance: tolerance,
      costIndicator: costIndicator as CostIndicatorPlacement,
    },
  };
}

function builtIn(json: unknown, base?: Profile): Profile {
  const loaded = parseProfile(json, base);
  // Shipped profiles are validated by the test suite; reaching this is a build defect, not user data.
  if (!loaded.ok) throw new Error(`Invalid built-in profile: ${loaded.errors.join(' ')}`);
  return loaded.profile;
}

const EMPTY_BASE: Profile = { name: 'base', title: 'base', description: '', severities: {}, roundingTolerance: { 万元: '0.01', 元: '1' }, costIndicator: 'either' };
/** National policy, no province's conventions: the profile when nothing else is chosen or recognised. */
export const NATIONAL_PROFILE: Profile = builtIn(nationalJson, EMPTY_BASE);
/** Guangzhou's coded one-cell string: its format deviations are warnings with a fix. */
export const GUANGZHOU_PROFILE: Profile = builtIn(guangzhouJson, NATIONAL_PROFILE);

export const BUILTIN_PROFILES: Readonly<Record<string, Profile>> = {
  national: NATIONAL_PROFILE,
  guangzhou: GUANGZHOU_PROFILE,
  'caiyu-2021': builtIn(caiyu2021, NATIONAL_PROFILE),
};

/** A built-in profile by name; "default" is the national one (its name before jurisdiction profiles). */
export function builtInProfile(name: string): Profile | undefined {
  return Object.hasOwn(BUILTIN_PROFILES, name) ? BUILTIN_PROFILES[name] : name === 'default' ? NATIONAL_PROFILE : undefined;
}

export function severityOf(profile: Profile, rule: RuleId, defaultSeverity: Severity): SeveritySetting {
  return profile.severities[rule] ?? defaultSeverity;
}

export function toleranceFor(profile: Profile, unit: '万元' | '元' | null): Decimal {
  return decimalFromText(profile.roundingTolerance[unit ?? '万元'])?.value ?? 0n;
}
