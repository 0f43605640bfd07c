import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS module test/browser/run.js uses
const { findChromium, SYSTEM_BROWSERS } = require('./chromium.js') as {
  findChromium: (env: Record<string, string | undefined>, exists: (path: string) => boolean) => Promise<{ path: string; source: string }>;
  SYSTEM_BROWSERS: readonly string[];
};

describe('the browser the browser tests drive', () => {
  it('is CHROMIUM_PATH when set, before any system browser', async () => {
    await expect(findChromium({ CHROMIUM_PATH: '/opt/my/chrome' }, () => true)).resolves.toEqual({ path: '/opt/my/chrome', source: 'CHROMIUM_PATH' });
  });

  it('says what to do when CHROMIUM_PATH points at nothing, rather than falling back silently', async () => {
    await expect(findChromium({ CHROMIUM_PATH: '/nowhere/chrome' }, () => false)).rejects.toThrow('CHROMIUM_PATH=/nowhere/chrome does not exist');
  });

  it('is the system Chromium or Chrome next, in a fixed order', async () => {
    const present = new Set(['/usr/bin/google-chrome', '/usr/bin/chromium']);
    await expect(findChromium({}, (p) => present.has(p))).resolves.toEqual({ path: '/usr/bin/chromium', source: 'system' });
    await expect(findChromium({}, (p) => p === '/usr/bin/google-chrome')).resolves.toEqual({ path: '/usr/bin/google-chrome', source: 'system' });
    expect(SYSTEM_BROWSERS[0]).toBe('/usr/bin/chromium');
  });

  // In a Node process of its own: the package is an ES module, which jest's module loader does not load.
  it('without any, is the Chromium shipped inside the @sparticuz/chromium npm package (a machine with only Node)', async () => {
    const script = "require('./test/browser/chromium.js').findChromium({ JIXIAO_IGNORE_SYSTEM_BROWSER: '1' }).then((r) => console.log(JSON.stringify(r)))";
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: join(__dirname, '..', '..') });
    const found = JSON.parse(stdout) as { path: string; source: string };
    expect(found.source).toBe('@sparticuz/chromium');
    expect(existsSync(found.path)).toBe(true);
  }, 60_000);
});
