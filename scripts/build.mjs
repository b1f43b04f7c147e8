// Compiles src/ and migrations/ to dist/ with swc (a second or two; type checking is `npm run typecheck`).
// `--if-stale` skips the build when dist/ was built from exactly the sources there now (build-stamp.mjs).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, currentInputs, isFresh, writeStamp } from './build-stamp.mjs';

const swc = join(ROOT, 'node_modules/.bin/swc');

if (process.argv.includes('--if-stale') && isFresh()) process.exit(0);
const inputs = currentInputs();
rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
const run = (args) => execFileSync(swc, [...args, '--strip-leading-paths', '--config-file', '.swcrc', '-q'], { stdio: 'inherit', cwd: ROOT });
run(['src', '-d', 'dist']);
if (existsSync(join(ROOT, 'migrations')) && readdirSync(join(ROOT, 'migrations')).some((f) => f.endsWith('.ts'))) run(['migrations', '-d', 'dist/migrations']);
// Written only after a completed build: an interrupted one leaves no stamp and rebuilds next time.
writeStamp(inputs);
