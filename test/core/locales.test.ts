import { LOCALES, TEMPLATE_IDS, type Locale } from '../../src/core';

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
      return '1';
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

describe.each(Object.keys(LOCALES) as Locale[])('the %s bundle', (locale) => {
  const all = leaves(LOCALES[locale], locale);

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
    const unnamed = TEMPLATE_IDS.filter((id) => LOCALES[locale].templates.name(id, '投诉次数').trim() === '');
    expect(unnamed).toEqual([]);
  });

  it('has the same keys as the zh-CN bundle', () => {
    expect(all.map((l) => l.path.slice(locale.length))).toEqual(leaves(LOCALES['zh-CN'], 'zh-CN').map((l) => l.path.slice('zh-CN'.length)));
  });
});
