// Compiles src/ and migrations/ to dist/ with swc (a second or two; type checking is `npm run typecheck`).
// `--if-stale` (prestart) skips the build when dist/ was built from exactly the sources there now: the stamp
// holds a hash of every input file's path and content, written only after a build completed, so an edited,
// added, deleted or renamed file, a changed .swcrc or swc version, or an interrupted build all rebuild.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const swc = 'node_modules/.bin/swc';
const STAMP = 'dist/.build-stamp';
const INPUT_DIRS = ['src', 'migrations'];
const INPUT_FILES = ['.swcrc', 'scripts/build.mjs', 'node_modules/@swc/core/package.json'];

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
}

function inputsHash() {
  const hash = createHash('sha256');
  for (const file of [...INPUT_DIRS.flatMap(filesUnder), ...INPUT_FILES.filter((f) => existsSync(f))]) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const stamp = inputsHash();
if (process.argv.includes('--if-stale') && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === stamp && existsSync('dist/main.js')) {
  process.exit(0);
}
rmSync('dist', { recursive: true, force: true });
execFileSync(swc, ['src', '-d', 'dist', '--strip-leading-paths', '--config-file', '.swcrc', '-q'], { stdio: 'inherit' });
if (existsSync('migrations') && readdirSync('migrations').some((f) => f.endsWith('.ts'))) {
  execFileSync(swc, ['migrations', '-d', 'dist/migrations', '--strip-leading-paths', '--config-file', '.swcrc', '-q'], { stdio: 'inherit' });
}
writeFileSync(STAMP, stamp);
