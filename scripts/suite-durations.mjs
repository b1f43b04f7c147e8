// Rewrites test/support/suite-durations.json (the order test/support/sequencer.js runs suites in) from the
// output of a full run: `npx jest --json --outputFile=/tmp/jest.json && node scripts/suite-durations.mjs /tmp/jest.json`.
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

const file = process.argv[2];
if (!file) throw new Error('usage: node scripts/suite-durations.mjs <jest --json output file>');
const run = JSON.parse(readFileSync(file, 'utf8'));
const seconds = run.testResults
  .map((t) => [relative(process.cwd(), t.name).split('\\').join('/'), Math.round((t.endTime - t.startTime) / 100) / 10])
  .sort((a, b) => b[1] - a[1]);
writeFileSync('test/support/suite-durations.json', `${JSON.stringify(Object.fromEntries(seconds), null, 1)}\n`);
console.log(`${seconds.length} suites, ${seconds.reduce((s, [, t]) => s + t, 0).toFixed(0)} s in all`);
