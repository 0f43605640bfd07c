/** @type {import('jest').Config} */
// Two projects: node (core, workbook, cli, the repository checks) runs first and fails fast; jsdom (ui, web,
// taskpane) after it. The checks of the production build run after that build, in `npm run test:browser`.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }];
const common = {
  rootDir: __dirname,
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  setupFiles: ['<rootDir>/test/dom-setup.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/count-assertions.ts'],
};
module.exports = {
  testSequencer: '<rootDir>/test/sequencer.js',
  // One worker per core: jest's default keeps one core for itself, which idles while the workers run.
  maxWorkers: '100%',
  projects: [
    {
      ...common,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/{core,workbook,cli,browser}/**/*.test.ts', '<rootDir>/test/*.test.ts'],
    },
    {
      ...common,
      displayName: 'jsdom',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/{ui,web,taskpane}/**/*.test.{ts,tsx}'],
      setupFilesAfterEnv: [...common.setupFilesAfterEnv, '<rootDir>/test/jsdom-setup.ts'],
    },
  ],
};
