import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..');

/** The rule ids eslint reports for `code` linted as the file at `path` (nothing is written). */
function ruleIds(code: string, path: string): (string | null)[] {
  const bin = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const run = spawnSync(process.execPath, [bin, '--format', 'json', '--stdin', '--stdin-filename', path], { cwd: root, input: code, encoding: 'utf8' });
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null }[] }[];
  return (result?.messages ?? []).map((m) => m.ruleId);
}

describe('eslint.config.mjs: a locale folder in core names its files by area', () => {
  it("accepts a locale's own ./ui and ./cli files", () => {
    expect(ruleIds("import { ui } from './ui';\nimport { cli } from './cli';\nexport const bundle = { ui, cli };\n", 'src/core/locales/zh-CN/index.ts')).toEqual([]);
  }, 60_000);

  it("accepts a part's catalogue importing ./zh-CN/ui and ./en-US/ui", () => {
    const code = "import { ui as zhCN } from './zh-CN/ui';\nimport { ui as enUS } from './en-US/ui';\nexport const UI_TEXTS = { 'zh-CN': zhCN, 'en-US': enUS };\n";
    expect(ruleIds(code, 'src/core/locales/ui-texts.ts')).toEqual([]);
  }, 60_000);

  it('still refuses an import of the ui or cli layer from core', () => {
    const code = "import { uiStrings } from '../../../ui/i18n';\nimport { main } from '../../../cli/main';\nexport const both = [uiStrings, main];\n";
    expect(ruleIds(code, 'src/core/locales/zh-CN/index.ts')).toEqual(['no-restricted-imports', 'no-restricted-imports']);
  }, 60_000);
});
