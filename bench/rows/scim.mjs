// SCIM rows (issue 16): `userName eq` over 100,000 users of one account, and a PATCH adding 1,000 members to a
// group assigned to a channel (so each member is also enrolled), through a SCIM token.
import { call, timed } from '../lib.mjs';

const USERS = 100_000;
const RUNS = 50;
const MEMBERS = 1000;
const PATCH_RUNS = 7;

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

  await groupPatchRow({ base, sql, accountId, token, scimToken, report });
}

/** Each run: a new group assigned to a channel, then one PatchOp adding 1,000 users not yet in it (enrolled as they join). */
async function groupPatchRow({ base, sql, accountId, token, scimToken, report }) {
  const users = (await sql.query('SELECT id FROM "user" WHERE account_id = $1 ORDER BY user_id LIMIT $2', [accountId, MEMBERS * PATCH_RUNS])).rows.map((r) => r.id);
  await call(base, 'PUT', '/api/v1/channels', { token, json: { identifier: 'bench-scim-course', name: 'SCIM bench course' }, expect: 201 });
  const times = [];
  for (let i = 0; i < PATCH_RUNS; i++) {
    const group = (await call(base, 'POST', '/scim/v2/Groups', { token: scimToken, json: { displayName: `Bench group ${i}`, externalId: `bench-scim-${i}` }, expect: 201 })).body;
    await call(base, 'POST', `/api/v1/channels/bench-scim-course/groups/bench-scim-${i}`, { token, expect: 200 });
    const members = users.slice(i * MEMBERS, (i + 1) * MEMBERS).map((value) => ({ value }));
    const run = await timed(() =>
      call(base, 'PATCH', `/scim/v2/Groups/${group.id}?excludedAttributes=members`, {
        token: scimToken,
        json: { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'add', path: 'members', value: members }] },
      }),
    );
    if (run.value.status !== 200) throw new Error(`PATCH members -> ${run.value.status} ${JSON.stringify(run.value.body).slice(0, 300)}`);
    times.push(run.ms);
  }
  const [{ n }] = (await sql.query(`SELECT count(*)::int AS n FROM enrollment e JOIN channel c ON c.id = e.channel_id WHERE c.identifier = 'bench-scim-course' AND c.account_id = $1 AND e.is_active`, [accountId])).rows;
  if (n !== MEMBERS * PATCH_RUNS) throw new Error(`expected ${MEMBERS * PATCH_RUNS} enrollments through the group assignments, found ${n}`);
  times.sort((a, b) => a - b);
  const median = times[Math.floor(PATCH_RUNS / 2)];
  report({
    name: `scim PATCH /scim/v2/Groups/{id} adding ${MEMBERS.toLocaleString('en')} members in one request, group assigned to a channel (median of ${PATCH_RUNS}, max ${times[PATCH_RUNS - 1].toFixed(1)} ms)`,
    result: `${median.toFixed(1)} ms`,
    budget: '< 500 ms',
    ok: median < 500,
  });
}
