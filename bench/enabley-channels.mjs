// Enabley part 2 benchmark rows: forceComplete of a 200-item channel, assigning a 10,000-user group to a
// channel, and walking GET /api/v2/performance over 50,000 enrollments page by page.
// Run after a build: `npm run build && node bench/enabley-channels.mjs` (or call run() from a bench runner).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const dist = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'dist');

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run() {
  require('reflect-metadata');
  const { startEmbeddedPostgres } = require(join(dist, 'core/database/embedded-postgres.js'));
  const { createApp } = require(join(dist, 'app.factory.js'));
  const { loadEnv } = require(join(dist, 'core/config/env.js'));
  const dir = mkdtempSync(join(tmpdir(), 'las-bench-ch-'));
  const pg = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), database: 'postgres', settings: { fsync: 'off', synchronous_commit: 'off' } });
  const env = loadEnv({ DATA_DIR: dir, JWT_SECRET: 'bench-secret-bench-secret-bench', API_CLIENT_ID: 'bench', API_CLIENT_SECRET: 'bench-secret-1', LOG_LEVEL: 'silent' });
  const app = await createApp({ env, databaseUrl: pg.url, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = await app.getUrl();
  const db = app.get(require('typeorm').DataSource);
  const rows = [];
  try {
    const tok = await (await fetch(`${base}/oauth2/access_token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'bench', client_secret: 'bench-secret-1' }) })).json();
    const call = async (method, path, body) => {
      const res = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${tok.access_token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      const text = await res.text();
      return text ? JSON.parse(text) : null;
    };
    const [{ id: accountId }] = await db.query(`SELECT id FROM account WHERE name = 'default'`);
    // 50,000 users.
    await db.query(
      `INSERT INTO "user" (account_id, identifier, username, email) SELECT $1, 'u' || i, 'u' || i, 'u' || i || '@example.com' FROM generate_series(1, 50000) i`,
      [accountId],
    );

    // forceComplete: a channel of 200 items, 20 learners, each force-completed once.
    await call('PUT', '/api/v1/channels', { identifier: 'fc', name: 'Force complete' });
    await call('PUT', '/api/v1/channels/fc/contentItems', { items: Array.from({ length: 200 }, (_, i) => ({ identifier: `i${i}`, name: `Item ${i}`, optional: i % 10 === 0, scored: i % 2 === 0 })) });
    await call('PUT', '/api/v1/certificates', { externalCertificateId: 'fc-cert', name: 'FC', expiration: { duration: 1, period: 'YEAR' }, courseIds: ['fc'] });
    for (let i = 1; i <= 20; i++) await call('POST', `/api/v2/channels/fc/users/u${i}`);
    const fc = [];
    for (let i = 1; i <= 20; i++) {
      const t0 = process.hrtime.bigint();
      await call('POST', `/api/v4/channels/forceComplete/channel/fc/user/u${i}`);
      fc.push(ms(t0));
    }
    rows.push({ name: 'enabley forceComplete, 200-item channel (HTTP, median of 20)', value: median(fc), unit: 'ms', budget: '< 50 ms' });

    // Group assignment: a 10,000-user group (in a 3-level subtree), recursive.
    await call('PUT', '/api/v1/groups', { identifier: 'big', name: 'Big' });
    await call('PUT', '/api/v1/groups', { identifier: 'big-a', name: 'Big A', parentIdentifier: 'big' });
    await call('PUT', '/api/v1/groups', { identifier: 'big-b', name: 'Big B', parentIdentifier: 'big-a' });
    await db.query(
      `INSERT INTO enabley_group_member (group_id, user_id)
       SELECT (SELECT id FROM enabley_group WHERE identifier = CASE WHEN u.user_id % 3 = 0 THEN 'big' WHEN u.user_id % 3 = 1 THEN 'big-a' ELSE 'big-b' END AND account_id = $1), u.id
         FROM (SELECT id, user_id FROM "user" WHERE account_id = $1 AND identifier LIKE 'u%' ORDER BY user_id LIMIT 10000) u`,
      [accountId],
    );
    await call('PUT', '/api/v1/channels', { identifier: 'grp', name: 'Group course' });
    let t0 = process.hrtime.bigint();
    await call('POST', '/api/v1/channels/grp/groups/big?recursive=true&userRole=LEARNER');
    const assign = ms(t0);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM enrollment e JOIN channel c ON c.id = e.channel_id WHERE c.identifier = 'grp' AND e.is_active`);
    if (n !== 10000) throw new Error(`expected 10000 learners, got ${n}`);
    rows.push({ name: 'enabley assign 10,000-user group to a channel (recursive, HTTP)', value: assign, unit: 'ms', budget: '< 2000 ms' });

    // Performance v2: 50,000 enrollments in one channel, walked by paginationKey (pageSize 200).
    await call('PUT', '/api/v1/channels', { identifier: 'perf', name: 'Performance' });
    await db.query(
      `INSERT INTO enrollment (account_id, user_id, channel_id, source, progress, score, status)
       SELECT $1, u.id, (SELECT id FROM channel WHERE identifier = 'perf' AND account_id = $1), 'direct', (u.user_id % 101), (u.user_id % 97), 'in_progress'
         FROM "user" u WHERE u.account_id = $1 AND u.identifier LIKE 'u%'`,
      [accountId],
    );
    await db.query('ANALYZE');
    const times = [];
    let key = null;
    let items = 0;
    t0 = process.hrtime.bigint();
    do {
      const p0 = process.hrtime.bigint();
      const page = await call('GET', `/api/v2/performance?channelIdentifier=perf&pageSize=200${key ? `&paginationKey=${encodeURIComponent(key)}` : ''}`);
      times.push(ms(p0));
      items += page.items.length;
      key = page.paginationKey;
    } while (key);
    const total = ms(t0);
    if (items !== 50000) throw new Error(`expected 50000 rows, got ${items}`);
    const head = median(times.slice(1, 11));
    const tail = median(times.slice(-10));
    rows.push({ name: `enabley GET /api/v2/performance, 50,000 enrollments, ${times.length} pages of 200: whole walk`, value: total, unit: 'ms' });
    rows.push({ name: 'enabley GET /api/v2/performance: median of first 10 pages (after page 1)', value: head, unit: 'ms' });
    rows.push({ name: 'enabley GET /api/v2/performance: median of last 10 pages', value: tail, unit: 'ms' });
    rows.push({ name: 'enabley GET /api/v2/performance: slowest page', value: Math.max(...times), unit: 'ms' });
    rows.push({ name: 'enabley GET /api/v2/performance: last / first page time', value: tail / head, unit: 'ratio', budget: '<= 1.5' });
  } finally {
    await app.close();
    await pg.stop();
  }
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  run()
    .then((rows) => {
      for (const r of rows) process.stdout.write(`${r.name.padEnd(92)} ${r.value.toFixed(r.unit === 'ratio' ? 2 : 1).padStart(9)} ${r.unit}${r.budget ? `   (budget ${r.budget})` : ''}\n`);
    })
    .catch((e) => {
      process.stderr.write(`${e.stack ?? e}\n`);
      process.exit(1);
    });
}
