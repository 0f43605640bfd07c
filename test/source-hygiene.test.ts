import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '..');

describe('the sources render text, never HTML', () => {
  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
  }

  it('has no dangerouslySetInnerHTML, innerHTML, outerHTML, insertAdjacentHTML or document.write in src/', () => {
    const offenders = files(join(root, 'src'))
      .filter((f) => /\.(tsx?|html)$/.test(f))
      .filter((f) => /dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });
});
