// `npm start`: builds dist/ when it is stale (a fresh clone, edited sources), then runs the server in this same
// process. A prestart script cost a second node process (its start-up and the staleness check) before the
// server's own; the check here reads sizes and mtimes and hashes the sources only when one differs.
import cluster from 'node:cluster';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT, isFresh } from './build-stamp.mjs';

// Workers (WEB_CONCURRENCY > 1) run this file again: the primary has built already.
if (cluster.isPrimary && !isFresh()) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
createRequire(import.meta.url)(join(ROOT, 'dist', 'main.js'));
