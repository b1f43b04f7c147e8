// `npm test`: every check CI runs: types, import cycles, pending migrations, the committed OpenAPI file and the
// SDK types generated from it, its Spectral lint, then the jest suites on embedded PostgreSQL.
// The static checks do not depend on one another (only the two dist/ checks on the build), so they run side by
// side: together they take about as long as the type check alone instead of the sum. Each one's output is
// printed whole when it ends, under its name; jest starts only when all of them passed.
import { spawn } from 'node:child_process';

/** [name, command, args, the step whose dist/ it needs]. */
const checks = [
  ['type check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['import cycles', 'npx', ['madge', '--circular', '--extensions', 'ts', '--ts-config', 'tsconfig.json', 'src']],
  // The partner SDK's types are generated from the committed spec and committed too: same drift rule.
  ['sdk types drift', 'npx', ['openapi-typescript', 'openapi/openapi.json', '--default-non-nullable', 'false', '-o', 'clients/typescript/src/openapi.d.ts', '--check']],
  ['openapi lint', 'npx', ['spectral', 'lint', 'openapi/openapi.json', '--ruleset', '.spectral.yaml', '--fail-severity', 'warn', '--quiet']],
  ['build', 'node', ['scripts/build.mjs']],
  ['pending migrations', 'node', ['dist/scripts/migration-generate.js', '--check'], 'build'],
  ['openapi drift', 'node', ['dist/scripts/generate-openapi.js', '--check'], 'build'],
];

function run(name, cmd, args) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (d) => output.push(d));
    child.stderr.on('data', (d) => output.push(d));
    const done = (status) => {
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(`\n== ${name}\n${Buffer.concat(output).toString()}`);
      if (status === 0) process.stdout.write(`== ${name} ok (${secs}s)\n`);
      else process.stderr.write(`== ${name} FAILED after ${secs}s\n`);
      resolve(status === 0);
    };
    child.on('error', (e) => {
      output.push(Buffer.from(`${e.message}\n`));
      done(1);
    });
    child.on('close', (code) => done(code ?? 1));
  });
}

const started = Date.now();
const results = new Map();
for (const [name, cmd, args, after] of checks) {
  const skipped = () => {
    process.stderr.write(`\n== ${name} skipped: ${after} failed\n`);
    return false;
  };
  results.set(name, (after ? results.get(after) : Promise.resolve(true)).then((ok) => (ok ? run(name, cmd, args) : skipped())));
}
const failed = [];
for (const [name, ok] of results) if (!(await ok)) failed.push(name);
if (failed.length) {
  process.stderr.write(`\n== static checks FAILED: ${failed.join(', ')}\n`);
  process.exit(1);
}
process.stdout.write(`\n== static checks ok (${((Date.now() - started) / 1000).toFixed(1)}s)\n`);

process.stdout.write('\n== jest\n');
const jestStarted = Date.now();
const jest = spawn('npx', ['jest', ...process.argv.slice(2)], { stdio: 'inherit', env: process.env });
jest.on('close', (code) => {
  const secs = ((Date.now() - jestStarted) / 1000).toFixed(1);
  if (code !== 0) {
    process.stderr.write(`\n== jest FAILED after ${secs}s\n`);
    process.exit(code ?? 1);
  }
  process.stdout.write(`== jest ok (${secs}s)\n`);
});
