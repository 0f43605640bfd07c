import { CATALOGS, TEMPLATE_IDS, type Locale } from '../../src/core';
import { BUILDER_PROBLEM_TEXTS } from '../../src/core/locales/builder-problem-texts';
import { BUILDER_TEXTS } from '../../src/core/locales/builder-texts';
import { CLI_TEXTS } from '../../src/core/locales/cli-texts';
import { ERROR_TEXTS } from '../../src/core/locales/error-texts';
import { REPORT_TEXTS } from '../../src/core/locales/report-texts';
import { TEMPLATE_NAMES } from '../../src/core/locales/template-texts';
import { UI_TEXTS } from '../../src/core/locales/ui-texts';
import { WEB_TEXTS } from '../../src/core/locales/web-texts';

/** Every part's catalogue: each layer imports only its own, and each is a record over every locale. */
const PARTS = {
  messages: CATALOGS,
  ui: UI_TEXTS,
  builder: BUILDER_TEXTS,
  builderProblems: BUILDER_PROBLEM_TEXTS,
  web: WEB_TEXTS,
  report: REPORT_TEXTS,
  templates: TEMPLATE_NAMES,
  errors: ERROR_TEXTS,
  cli: CLI_TEXTS,
} as const;
const LOCALE_TAGS = Object.keys(UI_TEXTS) as Locale[];

/** Every text of one language, by part. */
function bundle(locale: Locale): { readonly [P in keyof typeof PARTS]: (typeof PARTS)[P][Locale] } {
  return { messages: CATALOGS[locale], ui: UI_TEXTS[locale], builder: BUILDER_TEXTS[locale], builderProblems: BUILDER_PROBLEM_TEXTS[locale], web: WEB_TEXTS[locale], report: REPORT_TEXTS[locale], templates: TEMPLATE_NAMES[locale], errors: ERROR_TEXTS[locale], cli: CLI_TEXTS[locale] };
}

/**
 * A stand-in for any argument: as text or a number it is "1", its text and list methods act on "1" and ["1"],
 * and any other field of it is "1", so a text function can be called without knowing its parameters.
 */
const SAMPLE: unknown = new Proxy(
  {},
  {
    get: (_target, key) => {
      if (key === Symbol.toPrimitive) return () => '1';
      if (typeof key === 'symbol') return undefined;
      const textMethod: unknown = Reflect.get(String.prototype, key);
      if (typeof textMethod === 'function') return textMethod.bind('1');
      const listMethod: unknown = Reflect.get(Array.prototype, key);
      if (typeof listMethod === 'function') return listMethod.bind(['1']);
      // A field is a stand-in too: text where a text is read ("1"), a list where it is mapped (a list of sheet names).
      return SAMPLE;
    },
  },
);

interface Leaf {
  readonly path: string;
  readonly value: unknown;
}

/** Every string and function in the bundle, by its path ("ui.stage.read"). */
function leaves(value: unknown, path: string): Leaf[] {
  if (typeof value === 'string' || typeof value === 'function') return [{ path, value }];
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, inner]) => leaves(inner, `${path}.${key}`));
  return [{ path, value }];
}

it('has every part in every locale, and no other', () => {
  expect(LOCALE_TAGS).toEqual(['zh-CN', 'en-US']);
  for (const part of Object.values(PARTS)) expect(Object.keys(part)).toEqual(LOCALE_TAGS);
});

describe.each(LOCALE_TAGS)('the %s texts', (locale) => {
  const all = leaves(bundle(locale), locale);

  it('has no empty text', () => {
    const empty = all.filter(({ value }) => typeof value === 'string' && value.trim() === '').map((l) => l.path);
    expect(empty).toEqual([]);
    expect(all.filter(({ value }) => typeof value !== 'string' && typeof value !== 'function').map((l) => l.path)).toEqual([]);
  });

  it('has every text function return non-empty text for sample arguments', () => {
    // A template's name takes a real template id: checked below for every one.
    const functions = all.filter((l): l is { path: string; value: (...args: unknown[]) => unknown } => typeof l.value === 'function' && l.path !== `${locale}.templates.name`);
    const bad = functions.flatMap(({ path, value }) => {
      // Three stand-ins cover every text function's parameters (at most three, each text, a count, a list or a record).
      const text = value(SAMPLE, SAMPLE, SAMPLE);
      return typeof text === 'string' && text.trim() !== '' ? [] : [path];
    });
    expect(functions.length).toBeGreaterThan(100);
    expect(bad).toEqual([]);
  });

  it('names every built-in template', () => {
    const unnamed = TEMPLATE_IDS.filter((id) => TEMPLATE_NAMES[locale].name(id, '投诉次数').trim() === '');
    expect(unnamed).toEqual([]);
  });

  it('has the same keys as the zh-CN bundle', () => {
    expect(all.map((l) => l.path.slice(locale.length))).toEqual(leaves(bundle('zh-CN'), 'zh-CN').map((l) => l.path.slice('zh-CN'.length)));
  });
});
