// Lint exists mainly to enforce the layer direction: ui, cli, workbook -> core, never back.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const otherLayers = ['workbook', 'ui', 'taskpane', 'web', 'cli'];
const layerImports = (layers) => layers.flatMap((l) => [`**/${l}`, `**/${l}/**`]);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/out/**', 'test-artifacts/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    // Browser globals let no-implied-eval recognise setTimeout("code").
    languageOptions: { globals: globals.browser },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // The pages' CSP forbids eval, and every text is rendered as text, never parsed as HTML.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML'], Property[key.name='dangerouslySetInnerHTML']", message: 'Render text as React children, never as HTML.' },
        { selector: "MemberExpression[property.name=/^(innerHTML|outerHTML|insertAdjacentHTML)$/]", message: 'Set textContent or render with React; never parse strings as HTML.' },
        { selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]", message: 'No document.write: it parses strings as HTML.' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          // A './' import stays inside src/core, so a locale folder's './ui' or a catalogue's './zh-CN/cli' is core's own file.
          { group: [...layerImports(otherLayers), '!./**'], message: 'core is the innermost layer: it may not import other layers.' },
          { regex: '^(?!\\.{1,2}/)', message: 'core is pure TypeScript with no dependencies (no Office, React, DOM or Node I/O).' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'Office', 'Excel', 'process', 'require', 'Buffer'],
    },
  },
  {
    files: ['src/workbook/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: layerImports(['ui', 'taskpane', 'web']), message: 'Dependencies point inward: workbook and cli may not import the UI.' }] }],
    },
  },
  {
    files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: layerImports(['taskpane', 'web', 'cli']), message: 'ui may not import its hosts.' },
        { group: ['**/workbook/office*'], message: 'ui talks to the WorkbookPort, never to the Office adapter.' },
      ] }],
      'no-restricted-globals': ['error', 'Excel'],
    },
  },
);
