// Compiles src/ and migrations/ to dist/ with swc (a second or two; type checking is `npm run typecheck`).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';

const swc = 'node_modules/.bin/swc';
rmSync('dist', { recursive: true, force: true });
execFileSync(swc, ['src', '-d', 'dist', '--strip-leading-paths', '--config-file', '.swcrc', '-q'], { stdio: 'inherit' });
if (existsSync('migrations') && readdirSync('migrations').some((f) => f.endsWith('.ts'))) {
  execFileSync(swc, ['migrations', '-d', 'dist/migrations', '--strip-leading-paths', '--config-file', '.swcrc', '-q'], { stdio: 'inherit' });
}
