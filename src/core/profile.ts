import { decimalFromText, type Decimal } from './amounts';
import caiyu2021 from './data/profiles/caiyu-2021.json';
import guangzhouJson from './data/profiles/guangzhou.json';
import nationalJson from './data/profiles/national.json';
import type { Severity } from './findings';
import { RULES } from './rules/registry';
import type { RuleId } from './rules/rule-ids';
import type { CostIndicatorPlacement } from './taxonomy';
import { isRecord } from './json-shape';
import { ERROR_TEXTS } from './locales/error-texts';
import { profileProblemText, type ProfileProblem } from './locales/error-strings';

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

/** A refused profile's `errors` are Chinese, one per problem; `problems` are the same as codes, for any language. */
export type ProfileLoad = { readonly ok: true; readonly profile: Profile } | { readonly ok: false; readonly errors: readonly string[]; readonly problems: readonly ProfileProblem[] };

const SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'off'];
const PLACEMENTS: readonly CostIndicatorPlacement[] = ['level2', 'level1', 'either'];
const KNOWN_KEYS = new Set(['name', 'title', 'description', 'severities', 'roundingTolerance', 'costIndicator', '//']);
const RULE_IDS = new Set<string>(RULES.map((r) => r.id));

/**
 * Validates a profile read from JSON. Fields left out are taken from `base` (the default profile),
 * so a department's file only lists what it changes. One problem per mistake.
 */
export function parseProfile(json: unknown, base: Profile = NATIONAL_PROFILE): ProfileLoad {
  if (!isRecord(json)) return refused([{ kind: 'not-object' }]);
  const errors: ProfileProblem[] = [];
  for (const key of Object.keys(json)) if (!KNOWN_KEYS.has(key)) errors.push({ kind: 'unknown-key', key });

  const name = json['name'] ?? base.name;
  if (typeof name !== 'string' || name.trim() === '') errors.push({ kind: 'empty-text', field: 'name' });
  // A department's own file names itself; without a title it is shown by its name.
  const title = json['title'] ?? (json['name'] !== undefined ? json['name'] : base.title);
  if (typeof title !== 'string' || title.trim() === '') errors.push({ kind: 'empty-text', field: 'title' });
  const description = json['description'] ?? base.description;
  if (typeof description !== 'string') errors.push({ kind: 'description-not-text' });

  const severities: Partial<Record<RuleId, SeveritySetting>> = { ...base.severities };
  const rawSeverities = json['severities'] ?? {};
  if (!isRecord(rawSeverities)) errors.push({ kind: 'severities-shape' });
  else {
    for (const [rule, setting] of Object.entries(rawSeverities)) {
      if (!RULE_IDS.has(rule)) errors.push({ kind: 'unknown-rule', rule });
      else if (!SETTINGS.includes(setting as SeveritySetting)) errors.push({ kind: 'bad-severity', rule, setting: String(setting) });
      else severities[rule as RuleId] = setting as SeveritySetting;
    }
  }

  const tolerance = { ...base.roundingTolerance };
  const rawTolerance = json['roundingTolerance'] ?? {};
  if (!isRecord(rawTolerance)) errors.push({ kind: 'tolerance-shape' });
  else {
    for (const [unit, value] of Object.entries(rawTolerance)) {
      if (unit !== '万元' && unit !== '元') errors.push({ kind: 'tolerance-unit', unit });
      else if (typeof value !== 'string' && typeof value !== 'number') errors.push({ kind: 'tolerance-not-number', unit });
      else {
        const parsed = decimalFromText(String(value));
        if (parsed === null || parsed.value < 0n) errors.push({ kind: 'tolerance-negative', unit, value: String(value) });
        else tolerance[unit] = String(value);
      }
    }
  }

  const costIndicator = json['costIndicator'] ?? base.costIndicator;
  if (!PLACEMENTS.includes(costIndicator as CostIndicatorPlacement)) errors.push({ kind: 'cost-indicator' });

  if (errors.length > 0) return refused(errors);
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

function refused(problems: readonly ProfileProblem[]): ProfileLoad {
  return { ok: false, errors: problems.map((p) => profileProblemText(p, ERROR_TEXTS['zh-CN'])), problems };
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
