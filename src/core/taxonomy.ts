import taxonomyData from './data/taxonomy.json';

export type IndicatorCategory = 'output' | 'effect' | 'satisfaction' | 'cost';

export interface Level1Entry {
  readonly level: 1;
  /** The entry's id: its code where templates write one (1 产出指标), else an internal id that is never written. */
  readonly code: string;
  /** Whether `code` is written in tables (Guangzhou's 1-产出指标) or only an internal id. */
  readonly coded: boolean;
  readonly name: string;
  /** As shown and written: "1-产出指标", or the name alone for an entry without a code. */
  readonly label: string;
  readonly category: IndicatorCategory;
  readonly synonyms: readonly string[];
}

export interface Level2Entry {
  readonly level: 2;
  readonly code: string;
  readonly coded: boolean;
  readonly parent: string;
  readonly name: string;
  readonly label: string;
  /** Set where the entry counts for another category than its parent's (satisfaction as a second level under 效益). */
  readonly category?: IndicatorCategory;
  readonly synonyms: readonly string[];
}

export type TaxonomyEntry = Level1Entry | Level2Entry;

/** Where a project may put its 成本指标: 14 under 产出 (classic), 4 as a first-level indicator (财预〔2021〕101号), or either. */
export type CostIndicatorPlacement = 'level2' | 'level1' | 'either';

export interface Taxonomy {
  readonly level1: readonly Level1Entry[];
  readonly level2: readonly Level2Entry[];
  level1ByCode(code: string): Level1Entry | undefined;
  level2ByCode(code: string): Level2Entry | undefined;
  level1ByName(name: string): Level1Entry | undefined;
  level2ByName(name: string): Level2Entry | undefined;
  level2Under(level1Code: string): readonly Level2Entry[];
  /** The first-level category a level-2 entry belongs to (14 成本指标 counts as cost). */
  categoryOf(entry: Level2Entry): IndicatorCategory;
}

const CATEGORIES: readonly IndicatorCategory[] = ['output', 'effect', 'satisfaction', 'cost'];

/** Categories as bits (see categoryBit): a number per project instead of a set. */
export type CategorySet = number;

export function categoryBit(category: IndicatorCategory): CategorySet {
  return 1 << CATEGORIES.indexOf(category);
}

/** Builds the lookup tables once; `placement` drops the cost entries the profile does not accept. */
export function createTaxonomy(placement: CostIndicatorPlacement = 'either'): Taxonomy {
  const level1: Level1Entry[] = taxonomyData.level1
    .filter((e) => placement !== 'level2' || e.category !== 'cost')
    .map((e) => ({
      level: 1 as const,
      code: e.code,
      coded: true,
      name: e.name,
      label: `${e.code}-${e.name}`,
      category: CATEGORIES.find((c) => c === e.category) ?? 'output',
      synonyms: e.synonyms,
    }));
  const level1Codes = new Set(level1.map((e) => e.code));
  const level2: Level2Entry[] = taxonomyData.level2
    .filter((e) => level1Codes.has(e.parent) && !(placement === 'level1' && e.code === '14'))
    .map((e): Level2Entry => {
      const coded = !('coded' in e) || e.coded !== false;
      const category = 'category' in e ? CATEGORIES.find((c) => c === e.category) : undefined;
      return { level: 2, code: e.code, coded, parent: e.parent, name: e.name, label: coded ? `${e.code}-${e.name}` : e.name, ...(category ? { category } : {}), synonyms: e.synonyms };
    });

  const l1Code = new Map(level1.map((e) => [e.code, e]));
  const l2Code = new Map(level2.map((e) => [e.code, e]));
  const l1Name = new Map<string, Level1Entry>();
  for (const e of level1) for (const n of [e.name, ...e.synonyms]) l1Name.set(n, e);
  // Level-2 names are looked up within all entries; 成本指标 resolves to 14 unless only 4x exist.
  const l2Name = new Map<string, Level2Entry>();
  for (const e of level2) for (const n of [e.name, ...e.synonyms]) if (!l2Name.has(n)) l2Name.set(n, e);
  const under = new Map<string, Level2Entry[]>();
  for (const e of level2) under.set(e.parent, [...(under.get(e.parent) ?? []), e]);

  return {
    level1,
    level2,
    level1ByCode: (code) => l1Code.get(code),
    level2ByCode: (code) => l2Code.get(code),
    level1ByName: (name) => l1Name.get(name),
    level2ByName: (name) => l2Name.get(name),
    level2Under: (code) => under.get(code) ?? [],
    categoryOf: (entry) => (entry.code === '14' ? 'cost' : (entry.category ?? l1Code.get(entry.parent)?.category ?? 'output')),
  };
}

export const DEFAULT_TAXONOMY: Taxonomy = createTaxonomy('either');
