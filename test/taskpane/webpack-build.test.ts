import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');
const out = join(root, 'dist-web');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

describe('production build of the task pane (dist-web/)', () => {
  let html = '';

  beforeAll(() => {
    const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [root] });
    execFileSync(process.execPath, [cli, '--mode', 'production'], { cwd: root, stdio: 'pipe' });
    html = readFileSync(join(out, 'taskpane.html'), 'utf8');
  }, 300_000);

  it('loads office.js from the Microsoft CDN before any bundle script', () => {
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="?([^"\s>]+)"?[^>]*>/g)].map((m) => m[1]);
    expect(scripts[0]).toBe(OFFICE_JS);
    const bundles = scripts.slice(1);
    expect(bundles.length).toBeGreaterThan(0);
    for (const src of bundles) {
      expect(src).toMatch(/^[\w.-]+\.[0-9a-f]{20}\.js$/); // contenthash names in production
      expect(existsSync(join(out, src ?? ''))).toBe(true);
    }
    expect(bundles.some((src) => src?.startsWith('taskpane.'))).toBe(true);
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
});
