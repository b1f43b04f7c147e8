// npm run bench: starts the built server on a fresh embedded PostgreSQL, seeds data, measures,
// and prints a table. A benchmark, not a test: it reports figures against the CONTRACT section 7
// budgets and exits non-zero only when it cannot run.
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { call, freePort, startProcess, stopProcess, table } from './lib.mjs';
import coreRows from './rows/core.mjs';
import tribooRows from './rows/triboo.mjs';
import enableyRows from './rows/enabley-channels.mjs';
import scaleRows from './rows/scale.mjs';
import kolibriRows from './rows/kolibri.mjs';
import organizationsRows from './rows/organizations.mjs';
import growthRows from './rows/growth.mjs';
import startupRows from './rows/startup.mjs';
import scimRows from './rows/scim.mjs';
import webhooksRows from './rows/webhooks.mjs';
import { hash } from 'argon2';

const require = createRequire(import.meta.url);
const { reachableTempDir, startEmbeddedPostgres } = require('../dist/core/database/embedded-postgres.js');

const CLIENT = { id: 'bench-client', secret: 'bench-client-secret-1234' };
const only = process.argv.slice(2);

async function main() {
  const dir = reachableTempDir(tmpdir(), 'las-bench-');
  const db = await startEmbeddedPostgres({ dataDir: dir, settings: { shared_buffers: '256MB', max_connections: '200' } });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // BENCH_SERVER_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) go to the server's node: profile what a row measures.
  const serverArgs = (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);
  const server = await startProcess([...serverArgs, 'dist/main.js'], {
    env: {
      PORT: String(port),
      DATABASE_URL: db.url,
      DATA_DIR: dir,
      API_CLIENT_ID: CLIENT.id,
      API_CLIENT_SECRET: CLIENT.secret,
      DEFAULT_ACCOUNT: 'bench',
      TOKEN_RATE_LIMIT: '1000000',
      // The webhooks rows deliver to a receiver on 127.0.0.1.
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    },
    readyUrl: `${base}/health`,
  });
  const sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  const rows = [];
  try {
    const tokenRes = await fetch(`${base}/oauth2/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: CLIENT.id, client_secret: CLIENT.secret }),
    });
    const token = (await tokenRes.json()).access_token;
    const [{ id: accountId }] = (await sql.query(`SELECT id FROM account WHERE name = 'bench'`)).rows;
    const newAccount = async (name) => {
      const [{ id }] = (await sql.query(`INSERT INTO account (name) VALUES ($1) RETURNING id`, [name])).rows;
      const secret = `${name}-secret-0123456789`;
      await sql.query(`INSERT INTO api_client (client_id, name, secret_hash, account_id) VALUES ($1, $1, $2, $3)`, [name, await hash(secret, { type: 2 }), id]);
      const res = await call(base, 'POST', '/oauth2/access_token', { form: { grant_type: 'client_credentials', client_id: name, client_secret: secret }, expect: 200 });
      return { accountId: id, token: res.body.access_token };
    };
    const ctx = { base, token, sql, accountId, db, client: CLIENT, newAccount, report: (row) => { rows.push(row); process.stderr.write(`# ${row.name}: ${row.result}\n`); } };
    const sections = [['core', coreRows], ['triboo', tribooRows], ['enabley', enableyRows], ['kolibri', kolibriRows], ['organizations', organizationsRows], ['scim', scimRows], ['growth', growthRows], ['scale', scaleRows], ['startup', startupRows], ['webhooks', webhooksRows]];
    for (const [name, section] of sections) {
      if (only.length && !only.includes(name)) continue;
      try {
        await section(ctx);
      } catch (e) {
        ctx.report({ name: `${name}: could not run`, result: String(e.message ?? e).slice(0, 200), ok: false });
      }
    }
  } finally {
    await sql.end();
    await stopProcess(server);
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`\n${table(rows)}\n`);
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e?.stack ?? e}\n`);
  process.exit(1);
});
