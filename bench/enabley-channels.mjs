// Stand-alone run of the Enabley part 2 bench rows (bench/rows/enabley-channels.mjs) against the built
// server on a fresh embedded PostgreSQL: `npm run build && node bench/enabley-channels.mjs`.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import rowsOf from './rows/enabley-channels.mjs';

const require = createRequire(import.meta.url);
require('reflect-metadata');
const { startEmbeddedPostgres } = require('../dist/core/database/embedded-postgres.js');
const { createApp } = require('../dist/app.factory.js');
const { loadEnv } = require('../dist/core/config/env.js');

const dir = mkdtempSync(join(tmpdir(), 'las-bench-ch-'));
const db = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), database: 'postgres', settings: { shared_buffers: '256MB' } });
const env = loadEnv({ DATA_DIR: dir, JWT_SECRET: 'bench-secret-bench-secret-bench', API_CLIENT_ID: 'bench', API_CLIENT_SECRET: 'bench-secret-1', DEFAULT_ACCOUNT: 'bench', LOG_LEVEL: 'silent' });
const app = await createApp({ env, databaseUrl: db.url, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = await app.getUrl();
const sql = new pg.Client({ connectionString: db.url });
await sql.connect();
const rows = [];
try {
  const tok = await (await fetch(`${base}/oauth2/access_token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'bench', client_secret: 'bench-secret-1' }) })).json();
  const [{ id: accountId }] = (await sql.query(`SELECT id FROM account WHERE name = 'bench'`)).rows;
  await rowsOf({ base, token: tok.access_token, sql, accountId, report: (r) => rows.push(r) });
} finally {
  await sql.end();
  await app.close();
  await db.stop();
  rmSync(dir, { recursive: true, force: true });
}
for (const r of rows) process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(100)} ${r.result}\n`);
