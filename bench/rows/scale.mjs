// Scale-out rows: the same authenticated lookup served by WEB_CONCURRENCY=2 vs 1 on this machine, and
// through PgBouncer (transaction pooling) vs a direct pool. Each variant is its own server on the bench database.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, freePort, load, startProcess, stopProcess } from '../lib.mjs';

const USERS = 10_000;

async function serverWith(env, ctx) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'las-bench-scale-'));
  const child = await startProcess(['dist/main.js'], {
    env: { PORT: String(port), DATA_DIR: dataDir, API_CLIENT_ID: ctx.client.id, API_CLIENT_SECRET: ctx.client.secret, DEFAULT_ACCOUNT: 'bench', TOKEN_RATE_LIMIT: '1000000', ...env },
    readyUrl: `${base}/health`,
  });
  const { body } = await call(base, 'POST', '/oauth2/access_token', {
    form: { grant_type: 'client_credentials', client_id: ctx.client.id, client_secret: ctx.client.secret },
    expect: 200,
  });
  return { base, token: body.access_token, stop: async () => { await stopProcess(child); rmSync(dataDir, { recursive: true, force: true }); } };
}

async function lookupRps({ base, token }) {
  const requests = Array.from({ length: 100 }, (_, i) => ({ path: `/api/v2/users/scale-${((i * 97) % USERS) + 1}` }));
  await call(base, 'GET', requests[0].path, { token, expect: 200 });
  // Every process warms up (JIT, pool connections, principal cache) before the measured run.
  await load({ url: base, headers: { authorization: `Bearer ${token}` }, requests, duration: 3 });
  return (await load({ url: base, headers: { authorization: `Bearer ${token}` }, requests })).rps;
}

function startPgBouncer(databaseUrl, port) {
  const u = new URL(databaseUrl);
  const dir = mkdtempSync(join(tmpdir(), 'las-bench-pgb-'));
  const db = u.pathname.slice(1);
  writeFileSync(join(dir, 'userlist.txt'), `"${decodeURIComponent(u.username)}" "${decodeURIComponent(u.password)}"\n`);
  writeFileSync(
    join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `${db} = host=${u.hostname} port=${u.port} dbname=${db}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = plain',
      `auth_file = ${join(dir, 'userlist.txt')}`,
      'pool_mode = transaction',
      'max_client_conn = 1000',
      'default_pool_size = 40',
      'ignore_startup_parameters = extra_float_digits,options',
      `pidfile = ${join(dir, 'pgbouncer.pid')}`,
      `logfile = ${join(dir, 'pgbouncer.log')}`,
    ].join('\n'),
  );
  const asRoot = process.getuid?.() === 0;
  if (asRoot) spawnSync('chown', ['-R', 'postgres', dir]);
  const r = spawnSync('pgbouncer', ['-d', ...(asRoot ? ['-u', 'postgres'] : []), join(dir, 'pgbouncer.ini')], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`pgbouncer did not start: ${r.error?.message ?? r.stderr}`);
  const pooledUrl = `postgres://${u.username}:${u.password}@127.0.0.1:${port}/${db}`;
  return {
    url: pooledUrl,
    stop: () => {
      spawnSync('sh', ['-c', `kill $(cat ${join(dir, 'pgbouncer.pid')}) 2>/dev/null`]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export default async function scaleRows(ctx) {
  const { sql, accountId, db, report } = ctx;
  await sql.query(
    `INSERT INTO "user" (account_id, identifier, username, username_key, email, first_name, last_name, full_name)
     SELECT $1, 'scale-' || g, 'scale-' || g, 'scale-' || g, 'scale-' || g || '@bench.example.com', 'First', 'Last', 'First Last'
       FROM generate_series(1, ${USERS}) g ON CONFLICT DO NOTHING`,
    [accountId],
  );
  await sql.query('ANALYZE "user"');

  const one = await serverWith({ DATABASE_URL: db.url, WEB_CONCURRENCY: '1' }, ctx);
  let oneRps;
  try {
    oneRps = await lookupRps(one);
  } finally {
    await one.stop();
  }
  const two = await serverWith({ DATABASE_URL: db.url, WEB_CONCURRENCY: '2' }, ctx);
  try {
    const twoRps = await lookupRps(two);
    report({ name: 'GET-by-id, WEB_CONCURRENCY=2 vs 1 (same machine)', result: `${Math.round(twoRps)} vs ${Math.round(oneRps)} req/s = ${(twoRps / oneRps).toFixed(2)}` });
  } finally {
    await two.stop();
  }

  if (spawnSync('pgbouncer', ['--version']).error) {
    report({ name: 'GET-by-id through PgBouncer vs direct', result: 'skipped: pgbouncer not installed (apt-get install pgbouncer)' });
    return;
  }
  const bouncer = startPgBouncer(db.url, await freePort());
  try {
    const pooled = await serverWith({ DATABASE_URL: bouncer.url, DATABASE_LISTEN_URL: db.url, DATABASE_POOL_MODE: 'transaction' }, ctx);
    try {
      const pooledRps = await lookupRps(pooled);
      report({ name: 'GET-by-id through PgBouncer (transaction mode) vs direct', result: `${Math.round(pooledRps)} vs ${Math.round(oneRps)} req/s = ${(pooledRps / oneRps).toFixed(2)}` });
    } finally {
      await pooled.stop();
    }
  } finally {
    bouncer.stop();
  }
}
