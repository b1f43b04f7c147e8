// `npm test`: every check CI runs, in order, failing fast: types, import cycles, pending migrations,
// the committed OpenAPI file and the SDK types generated from it, its Spectral lint, then the jest suites on embedded PostgreSQL.
import { spawnSync } from 'node:child_process';

const steps = [
  ['type check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['build', 'node', ['scripts/build.mjs']],
  ['import cycles', 'npx', ['madge', '--circular', '--extensions', 'ts', '--ts-config', 'tsconfig.json', 'src']],
  ['pending migrations', 'node', ['dist/scripts/migration-generate.js', '--check']],
  ['openapi drift', 'node', ['dist/scripts/generate-openapi.js', '--check']],
  // The partner SDK's types are generated from the committed spec and committed too: same drift rule.
  ['sdk types drift', 'npx', ['openapi-typescript', 'openapi/openapi.json', '--default-non-nullable', 'false', '-o', 'clients/typescript/src/openapi.d.ts', '--check']],
  ['openapi lint', 'npx', ['spectral', 'lint', 'openapi/openapi.json', '--ruleset', '.spectral.yaml', '--fail-severity', 'warn', '--quiet']],
  ['jest', 'npx', ['jest', ...process.argv.slice(2)]],
];

for (const [name, cmd, args] of steps) {
  const started = Date.now();
  process.stdout.write(`\n== ${name}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    process.stderr.write(`\n== ${name} FAILED after ${secs}s\n`);
    process.exit(r.status ?? 1);
  }
  process.stdout.write(`== ${name} ok (${secs}s)\n`);
}
