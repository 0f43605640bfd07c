import { appendFileSync } from 'node:fs';

// With JIXIAO_TEST_COUNTS=<file> (scripts/test-counts.js), each test file appends its tests and assertions.
const out = process.env['JIXIAO_TEST_COUNTS'];
if (out) {
  let tests = 0;
  let assertions = 0;
  afterEach(() => {
    tests++;
    assertions += expect.getState().assertionCalls;
  });
  afterAll(() => {
    appendFileSync(out, `${JSON.stringify({ file: expect.getState().testPath, tests, assertions })}\n`);
  });
}
