/** @type {import('jest').Config} */
// The checks of the production build (dist-web): run by `npm run test:browser` right after it builds.
const { projects } = require('./jest.config.js');
const node = projects.find((p) => p.displayName === 'node');
module.exports = { ...node, displayName: 'build', testMatch: ['<rootDir>/test/taskpane/*.build-test.ts'] };
