// Startup row (issue 13): `npm start` on an existing DATA_DIR (embedded PostgreSQL, migrations applied,
// the build done) until GET /health answers 200. The first start on the fresh folder (initdb) is not timed.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { freePort } from '../lib.mjs';

const require = createRequire(import.meta.url);
const { reachableTempDir } = require('../../dist/core/database/embedded-postgres.js');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function startUntilHealthy(command, args, env) {
  const started = process.hrtime.bigint();
  const childEnv = { ...process.env, ...env };
  delete childEnv.DATABASE_URL; // the embedded PostgreSQL under DATA_DIR
  // Its own process group: `npm start` runs node as a child, and the whole group is stopped.
  const child = spawn(command, args, { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output.slice(-1000)}`);
    if (Date.now() > until) throw new Error(`no /health in time: ${output.slice(-1000)}`);
    try {
      if ((await fetch(`http://127.0.0.1:${env.PORT}/health`)).status === 200) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const exited = new Promise((resolve) => child.on('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  await exited;
  await portClosed(env.PORT);
  return ms;
}

/** Waits until nothing answers on the port any more (the server of the group is gone). */
async function portClosed(port) {
  for (let i = 0; i < 500; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/health`);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`port ${port} still answers after the server was stopped`);
}

export default async function startupRows({ report }) {
  const dir = reachableTempDir(tmpdir(), 'las-bench-start-');
  try {
    const env = { PORT: String(await freePort()), DATA_DIR: dir, LOG_LEVEL: 'warn' };
    await startUntilHealthy(process.execPath, ['dist/main.js'], env); // initdb + migrations
    const npmStarts = [];
    const nodeStarts = [];
    for (let i = 0; i < 3; i++) {
      npmStarts.push(await startUntilHealthy('npm', ['start', '--silent'], env));
      nodeStarts.push(await startUntilHealthy(process.execPath, ['dist/main.js'], env));
    }
    const cold = median(npmStarts);
    report({
      name: `cold start: npm start on an existing DATA_DIR to GET /health 200 (median of 3; node dist/main.js ${median(nodeStarts).toFixed(0)} ms)`,
      result: `${cold.toFixed(0)} ms`,
      budget: '< 3000 ms',
      ok: cold < 3000,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
