const { relative } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;
const durations = require('./suite-durations.json');

/**
 * Longest suites first, from the committed suite-durations.json (seconds per file of a full run), so no slow
 * suite starts last and leaves one worker idle at the end. A fresh CI clone has no jest cache, where jest
 * would order by file size instead. A file the list does not know yet (a new suite) goes after the slow ones
 * and before the short ones; a suite that failed in the previous local run still goes first.
 * Refresh the list with `node scripts/suite-durations.mjs <jest --json output>`.
 */
const UNKNOWN_SECONDS = 8;

class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const seconds = (test) => durations[relative(test.context.config.rootDir, test.path).split('\\').join('/')] ?? UNKNOWN_SECONDS;
    return [...tests].sort((a, b) => Number(this.hasFailed(b)) - Number(this.hasFailed(a)) || seconds(b) - seconds(a) || (a.path < b.path ? -1 : 1));
  }
}

module.exports = SlowFirstSequencer;
