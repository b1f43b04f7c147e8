// SCIM rows (issue 16): `userName eq` over 100,000 users of one account, through a SCIM token.
import { call, timed } from '../lib.mjs';

const USERS = 100_000;
const RUNS = 50;

export default async function scimRows({ base, sql, newAccount, report }) {
  const { accountId, token } = await newAccount('bench-scim');
  await sql.query(
    `INSERT INTO "user" (account_id, identifier, username, username_key, email, first_name, last_name, full_name)
     SELECT $1, 'scim-' || g, 'Scim.User' || g, 'scim.user' || g, 'scim.user' || g || '@idp.example.com', 'Scim', 'User ' || g, 'Scim User ' || g
       FROM generate_series(1, ${USERS}) g`,
    [accountId],
  );
  await sql.query(
    `INSERT INTO scim_user (user_id, account_id, external_id, email_type) SELECT id, account_id, 'ext-' || identifier, 'work' FROM "user" WHERE account_id = $1`,
    [accountId],
  );
  await sql.query('ANALYZE');
  const scimToken = (await call(base, 'POST', '/api/platform/v1/scim-tokens', { token, json: { name: 'bench idp' }, expect: 201 })).body.token;
  const lookup = (n) => call(base, 'GET', `/scim/v2/Users?filter=${encodeURIComponent(`userName eq "scim.USER${n}"`)}`, { token: scimToken });
  for (let i = 0; i < 10; i++) await lookup(i + 1); // warm the connection pool and the prepared plans
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const n = 1 + Math.floor((i * 7919) % USERS);
    const run = await timed(() => lookup(n));
    if (run.value.status !== 200 || run.value.body.totalResults !== 1) throw new Error(`userName eq -> ${run.value.status} ${JSON.stringify(run.value.body).slice(0, 300)}`);
    times.push(run.ms);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(RUNS / 2)];
  // The same machine's cost of an authenticated primary-key read, so a loaded machine shows as such.
  const base_ = [];
  for (let i = 0; i < RUNS; i++) base_.push((await timed(() => call(base, 'GET', `/api/v2/users/scim-${1 + i}`, { token }))).ms);
  base_.sort((a, b) => a - b);
  report({
    name: `scim GET /scim/v2/Users?filter=userName eq, ${USERS.toLocaleString('en')} users (median of ${RUNS}, p90 ${times[Math.floor(RUNS * 0.9)].toFixed(1)} ms; Enabley GET /api/v2/users/{id} median ${base_[Math.floor(RUNS / 2)].toFixed(1)} ms)`,
    result: `${median.toFixed(1)} ms`,
    budget: '< 20 ms',
    ok: median < 20,
  });
}
