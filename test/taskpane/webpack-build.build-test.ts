import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'acorn';

const root = resolve(__dirname, '..', '..');
const out = join(root, 'dist-web');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_FOLDER = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
/** Copied, not bundled: the ES5 start-up script for webviews that cannot parse the bundle. */
const LEGACY_GUARD = 'legacy-guard.js';

/** The page's Content-Security-Policy meta, as directive → sources; null when there is none. */
function csp(html: string): Map<string, string[]> | null {
  const meta = /<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"\s*\/?>/i.exec(html);
  if (!meta?.[1]) return null;
  const directives = new Map<string, string[]>();
  for (const part of meta[1].split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

/** Every source the policy lets in from outside the page's own origin. */
function outsideSources(policy: Map<string, string[]>): string[] {
  return [...policy.values()].flat().filter((s) => !s.startsWith("'") && s !== 'data:' && s !== 'blob:');
}

// Code that turns a string into code: eval(…), new Function(…), Function(…)(…).
const EVAL_LIKE = /(?<![\w$.])eval\s*\(|\bnew\s+Function\s*\(|(?<![\w$.])Function\s*\(/g;

/**
 * The only string-to-code calls allowed in third-party chunks: each is a fallback that a browser never
 * reaches, and without 'unsafe-eval' in the CSP it would throw EvalError rather than run anything.
 */
const GUARDED_FALLBACKS: readonly { readonly why: string; readonly pattern: RegExp }[] = [
  {
    why: 'lodash root: self is the window in a page, so Function("return this") is never called',
    pattern: /"object"==typeof self&&self&&self\.Object===Object&&self,[\w$]+=[\w$.]+\|\|[\w$]+\|\|Function\("return this"\)\(\)/g,
  },
  {
    why: 'webpack 4 global shim inside office-js-helpers: a sloppy-mode function returns the window first',
    pattern: /[\w$]+=function\(\)\{return this\}\(\);try\{[\w$]+=[\w$]+\|\|Function\("return this"\)\(\)\|\|\(0,eval\)\("this"\)\}/g,
  },
  {
    why: 'ExcelJS global lookup: tried only after globalThis, window and self',
    pattern: /[\w$]+\("object"==typeof globalThis&&globalThis\)\|\|[^;]{0,200}\|\|function\(\)\{return this\}\(\)\|\|this\|\|Function\("return this"\)\(\)/g,
  },
  {
    why: 'setimmediate polyfill: compiles only a string callback; every caller in ExcelJS passes a function',
    pattern: /[\w$]+\.setImmediate=function\(([\w$]+)\)\{"function"!=typeof \1&&\(\1=new Function\(""\+\1\)\)/g,
  },
  {
    why: 'regenerator-runtime: only when assigning a global throws and globalThis is missing',
    pattern: /try\{regeneratorRuntime=[\w$]+\}catch\([\w$]+\)\{"object"==typeof globalThis\?globalThis\.regeneratorRuntime=[\w$]+:Function\("r","regeneratorRuntime = r"\)\([\w$]+\)\}/g,
  },
];

interface Chunk {
  readonly file: string;
  readonly code: string;
  /** Built from this repository's src/ (as opposed to node_modules only). */
  readonly ours: boolean;
}

function chunks(): Chunk[] {
  return readdirSync(out)
    .filter((f) => f.endsWith('.js') && f !== LEGACY_GUARD)
    .map((file) => {
      const map = JSON.parse(readFileSync(join(out, `${file}.map`), 'utf8')) as { sources: string[] };
      return { file, code: readFileSync(join(out, file), 'utf8'), ours: map.sources.some((s) => /^webpack:\/\/[^/]+\/\.\/src\//.test(s)) };
    });
}

function unexplainedEvals(code: string): string[] {
  const allowed: [number, number][] = [];
  for (const { pattern } of GUARDED_FALLBACKS) for (const m of code.matchAll(pattern)) allowed.push([m.index, m.index + m[0].length]);
  return [...code.matchAll(EVAL_LIKE)]
    .filter((m) => !allowed.some(([from, to]) => m.index >= from && m.index < to))
    .map((m) => code.slice(Math.max(0, m.index - 120), m.index + 60));
}

describe('production build of the task pane (dist-web/)', () => {
  let html = '';
  let all: Chunk[] = [];

  // `npm run test:browser` builds dist-web once, drives it in Chromium, then runs these checks on it.
  beforeAll(() => {
    if (!existsSync(join(out, 'taskpane.html'))) throw new Error('dist-web/ is not built: run `npm run test:browser`, which builds it first.');
    html = readFileSync(join(out, 'taskpane.html'), 'utf8');
    all = chunks();
  });

  it('loads office.js from the Microsoft CDN, then the legacy guard, before any bundle script', () => {
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)"?[^>]*>/g)].map((m) => m[1]);
    expect(scripts.slice(0, 2)).toEqual([OFFICE_JS, LEGACY_GUARD]);
    // A classic script, so it runs before the deferred bundle and can watch it fail.
    expect(html).toMatch(new RegExp(`<script src="?${LEGACY_GUARD}"?></script>`));
    const bundles = scripts.slice(2);
    expect(bundles.length).toBeGreaterThan(0);
    for (const src of bundles) {
      expect(src).toMatch(/^[\w.-]+\.[0-9a-f]{20}\.js$/); // contenthash names in production
      expect(existsSync(join(out, src ?? ''))).toBe(true);
    }
    expect(bundles.some((src) => src?.startsWith('taskpane.'))).toBe(true);
  });

  it('ships the legacy guard as plain ES5 from the page\'s own origin, with no eval or network call', () => {
    const code = readFileSync(join(out, LEGACY_GUARD), 'utf8');
    expect(code).toBe(readFileSync(join(root, 'src', 'taskpane', LEGACY_GUARD), 'utf8'));
    // IE11 parses ES5 only: no let/const, arrow functions, template literals, classes.
    expect(() => parse(code, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
    expect(code.match(EVAL_LIKE)).toBeNull();
    expect(code.match(/\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|https?:\/\/|innerHTML|document\.write/g)).toBeNull();
    // A relative address: allowed by script-src 'self'.
    expect(csp(html)?.get('script-src')).toContain("'self'");
  });

  it('is a zh-CN UTF-8 page with the #root element', () => {
    expect(html).toMatch(/<html lang="?zh-CN"?>/);
    expect(html).toMatch(/<meta charset="?utf-8"?>/i);
    expect(html).toMatch(/<div id="?root"?>/);
  });

  it('ships manifest.xml, the help page and the icons unchanged', () => {
    expect(readFileSync(join(out, 'manifest.xml'))).toEqual(readFileSync(join(root, 'manifest.xml')));
    expect(existsSync(join(out, 'help.html'))).toBe(true);
    for (const size of [16, 32, 64, 80, 128]) {
      const name = `icon-${size}.png`;
      expect(readFileSync(join(out, 'assets', name))).toEqual(readFileSync(join(root, 'assets', name)));
    }
  });

  it('keeps a Content-Security-Policy in every page, ahead of every script', () => {
    for (const page of ['taskpane.html', 'index.html', 'help.html']) {
      const text = readFileSync(join(out, page), 'utf8');
      const policy = csp(text);
      expect(policy).not.toBeNull();
      const metaAt = text.search(/http-equiv="?Content-Security-Policy/i);
      const firstScript = text.search(/<script\b/);
      if (firstScript >= 0) expect(metaAt).toBeLessThan(firstScript);
      for (const sources of policy?.values() ?? []) {
        expect(sources).not.toContain("'unsafe-eval'");
        expect(sources).not.toContain('*');
      }
    }
  });

  it('lets the task pane reach nothing but the office.js folder on the Office CDN', () => {
    const policy = csp(html);
    expect(policy?.get('default-src')).toEqual(["'self'"]);
    expect(policy?.get('script-src')).toEqual(["'self'", OFFICE_FOLDER]);
    expect(policy?.get('connect-src')).toEqual(["'self'"]);
    expect(policy?.get('frame-src')).toEqual([OFFICE_FOLDER]);
    expect(policy?.get('object-src')).toEqual(["'none'"]);
    expect(policy?.get('base-uri')).toEqual(["'none'"]);
    expect(outsideSources(policy ?? new Map())).toEqual([OFFICE_FOLDER, OFFICE_FOLDER]);
    expect(OFFICE_JS.startsWith(OFFICE_FOLDER)).toBe(true);
  });

  it('lets the standalone page and the help page reach nothing outside their own origin', () => {
    const web = csp(readFileSync(join(out, 'index.html'), 'utf8'));
    expect(web?.get('script-src')).toEqual(["'self'"]);
    expect(web?.get('connect-src')).toEqual(["'self'"]);
    expect(outsideSources(web ?? new Map())).toEqual([]);
    const help = csp(readFileSync(join(out, 'help.html'), 'utf8'));
    expect(help?.get('default-src')).toEqual(["'none'"]);
    expect(help?.has('script-src')).toBe(false);
    expect(outsideSources(help ?? new Map())).toEqual([]);
  });

  it('emits no eval-based source maps', () => {
    for (const { file, code } of all) {
      expect([file, code.includes('//# sourceURL=webpack')]).toEqual([file, false]);
      expect([file, /\/\/# sourceMappingURL=[\w.-]+\.js\.map\s*$/.test(code)]).toEqual([file, true]);
    }
  });

  it('has no eval or new Function in any chunk built from src/, nor any network call', () => {
    const ours = all.filter((c) => c.ours);
    // the two entries and the chunks loaded on demand (the shared src chunk has a numeric name)
    expect(ours.map((c) => c.file.split('.')[0]).filter((n) => /^[a-z]+$/.test(n ?? '')).sort()).toEqual(['about', 'builder', 'convert', 'taskpane', 'web', 'xlsx']);
    for (const { file, code } of ours) {
      expect([file, [...code.matchAll(EVAL_LIKE)].map((m) => code.slice(Math.max(0, m.index - 80), m.index + 40))]).toEqual([file, []]);
      expect([file, code.match(/\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|https?:\/\//g)]).toEqual([file, null]);
    }
  });

  it('has in third-party chunks only the known, unreachable eval fallbacks', () => {
    const thirdParty = all.filter((c) => !c.ours);
    expect(thirdParty.length).toBeGreaterThan(0);
    let explained = 0;
    for (const { file, code } of thirdParty) {
      expect([file, unexplainedEvals(code)]).toEqual([file, []]);
      explained += [...code.matchAll(EVAL_LIKE)].length;
    }
    // Each fallback is still there to be explained; a new one fails above.
    expect(explained).toBeGreaterThanOrEqual(GUARDED_FALLBACKS.length);
    for (const { why, pattern } of GUARDED_FALLBACKS) expect([why, thirdParty.some((c) => new RegExp(pattern.source).test(c.code))]).toEqual([why, true]);
  });
});
