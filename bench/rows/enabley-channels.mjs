// Enabley part 2 rows for the bench runner: `export default async (ctx)` with ctx = { base, token, sql (a
// connected pg.Client), accountId, report({ name, result, ok }) }. Seeds its own users (prefix "chb-").
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x) => `${x.toFixed(1)} ms`;

export default async function enableyChannelsRows(ctx) {
  const { base, token, sql, accountId, report } = ctx;
  const q = async (text, params) => (await sql.query(text, params)).rows;
  const call = async (method, path, body) => {
    const res = await fetch(`${base}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
    return text ? JSON.parse(text) : null;
  };
  await q(`INSERT INTO "user" (account_id, identifier, username, username_key, email) SELECT $1, 'chb-' || i, 'chb-' || i, 'chb-' || i, 'chb-' || i || '@bench.example' FROM generate_series(1, 50000) i`, [accountId]);

  // forceComplete: a channel of 200 items (every 10th optional, half scored) in a certificate; 20 learners.
  await call('PUT', '/api/v1/channels', { identifier: 'chb-fc', name: 'Force complete' });
  await call('PUT', '/api/v1/channels/chb-fc/contentItems', { items: Array.from({ length: 200 }, (_, i) => ({ identifier: `i${i}`, name: `Item ${i}`, optional: i % 10 === 0, scored: i % 2 === 0 })) });
  await call('PUT', '/api/v1/certificates', { externalCertificateId: 'chb-cert', name: 'FC', expiration: { duration: 1, period: 'YEAR' }, courseIds: ['chb-fc'] });
  for (let i = 1; i <= 20; i++) await call('POST', `/api/v2/channels/chb-fc/users/chb-${i}`);
  const fc = [];
  for (let i = 1; i <= 20; i++) {
    const t0 = process.hrtime.bigint();
    await call('POST', `/api/v4/channels/forceComplete/channel/chb-fc/user/chb-${i}`);
    fc.push(ms(t0));
  }
  const fcMedian = median(fc);
  report({ name: 'enabley forceComplete, 200-item channel + certificate (HTTP, median of 20); budget < 50 ms', result: fmt(fcMedian), ok: fcMedian < 50 });

  // A 10,000-user group (spread over a 3-level subtree) assigned recursively to a channel.
  for (const [g, parent] of [['chb-big', undefined], ['chb-big-a', 'chb-big'], ['chb-big-b', 'chb-big-a']]) await call('PUT', '/api/v1/groups', { identifier: g, name: g, parentIdentifier: parent });
  await q(
    `INSERT INTO enabley_group_member (group_id, user_id)
     SELECT (SELECT id FROM enabley_group WHERE account_id = $1 AND identifier = (ARRAY['chb-big', 'chb-big-a', 'chb-big-b'])[1 + u.user_id % 3]), u.id
       FROM (SELECT id, user_id FROM "user" WHERE account_id = $1 AND identifier LIKE 'chb-%' ORDER BY user_id LIMIT 10000) u`,
    [accountId],
  );
  await call('PUT', '/api/v1/channels', { identifier: 'chb-grp', name: 'Group course' });
  let t0 = process.hrtime.bigint();
  await call('POST', '/api/v1/channels/chb-grp/groups/chb-big?recursive=true&userRole=LEARNER');
  const assign = ms(t0);
  const [{ n }] = await q(`SELECT count(*)::int AS n FROM enrollment e JOIN channel c ON c.id = e.channel_id WHERE c.account_id = $1 AND c.identifier = 'chb-grp' AND e.is_active`, [accountId]);
  report({ name: `enabley assign a 10,000-user group to a channel (recursive; ${n} learners); budget < 2 s`, result: fmt(assign), ok: assign < 2000 && n === 10000 });

  // GET /api/v2/performance over 50,000 enrollments of one channel, walked by paginationKey (pages of 200).
  await call('PUT', '/api/v1/channels', { identifier: 'chb-perf', name: 'Performance' });
  await q(
    `INSERT INTO enrollment (account_id, user_id, channel_id, source, progress, score, status)
     SELECT $1, u.id, (SELECT id FROM channel WHERE account_id = $1 AND identifier = 'chb-perf'), 'direct', u.user_id % 101, u.user_id % 97, 'in_progress'
       FROM "user" u WHERE u.account_id = $1 AND u.identifier LIKE 'chb-%'`,
    [accountId],
  );
  await q('ANALYZE enrollment');
  const times = [];
  let key = null;
  let items = 0;
  t0 = process.hrtime.bigint();
  do {
    const p0 = process.hrtime.bigint();
    const page = await call('GET', `/api/v2/performance?channelIdentifier=chb-perf&pageSize=200${key ? `&paginationKey=${encodeURIComponent(key)}` : ''}`);
    times.push(ms(p0));
    items += page.items.length;
    key = page.paginationKey;
  } while (key);
  const total = ms(t0);
  const head = median(times.slice(1, 11));
  const tail = median(times.slice(-10));
  report({ name: `enabley GET /api/v2/performance: ${items} enrollments in ${times.length} pages of 200, whole walk`, result: fmt(total), ok: items === 50000 });
  report({
    name: 'enabley GET /api/v2/performance: last 10 / first 10 pages (medians); budget <= 1.5',
    result: `${fmt(tail)} / ${fmt(head)} = ${(tail / head).toFixed(2)}`,
    ok: tail / head <= 1.5,
  });
}
