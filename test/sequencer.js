// Node suites first (they are fast and fail fast), then jsdom; within each, jest's own order (slowest first).
const Sequencer = require('@jest/test-sequencer').default;

const rank = (test) => (test.context.config.displayName?.name === 'node' ? 0 : 1);

class NodeFirstSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = NodeFirstSequencer;
