// Lint exists mainly to enforce the layer direction: ui, cli, workbook -> core, never back.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const otherLayers = ['workbook', 'ui', 'taskpane', 'web', 'cli'];
const layerImports = (layers) => layers.flatMap((l) => [`**/${l}`, `**/${l}/**`]);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/out/**', 'test-artifacts/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: layerImports(otherLayers), message: 'core is the innermost layer: it may not import other layers.' },
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
