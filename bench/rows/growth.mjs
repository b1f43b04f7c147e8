// Growth rows (issue 13): the same requests at 20,000 and at 100,000 users of one account. A cost that
// grows with the table (a count per request, a scan in a role provider, a missing index) shows here.
// Also paging through all 100,000 users, last page / first page, for Enabley v3 and Triboo.
import { call, freePort, load, startProcess, stopProcess, timed } from '../lib.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function seedUsers(sql, accountId, from, to) {
  await sql.query(
    `INSERT INTO "user" (account_id, identifier, username, username_key, email, first_name, last_name, full_name)
     SELECT $1, 'gr-' || lpad(g::text, 6, '0'), 'gr-' || g, 'gr-' || g, 'gr-' || g || '@bench.example.com', 'First', 'Last', 'First Last'
       FROM generate_series($2::int, $3::int) g`,
    [accountId, from, to],
  );
  await sql.query('VACUUM ANALYZE "user"');
}

async function measure(base, token, barePort, users) {
  const ids = Array.from({ length: 100 }, (_, i) => `gr-${String(((i * 7919) % users) + 1).padStart(6, '0')}`);
  const ours = await load({ url: base, headers: { authorization: `Bearer ${token}` }, requests: ids.map((id) => ({ path: `/api/v2/users/${id}` })) });
  const bare = await load({ url: `http://127.0.0.1:${barePort}`, requests: ids.map((id) => ({ path: `/users/${id}` })) });
  const page = async (path) => {
    const times = [];
    for (let i = 0; i < 15; i++) times.push((await timed(() => call(base, 'GET', path, { token, expect: 200 }))).ms);
    return median(times);
  };
  return {
    rps: ours.rps,
    ratio: ours.rps / bare.rps,
    triboo: await page('/api/extended/v1/users/?page=1&page_size=100'),
    v3: await page('/api/v3/users?pageSize=100'),
  };
}

async function pageThrough(base, token, first, next) {
  const times = [];
  let res = await timed(() => call(base, 'GET', first, { token, expect: 200 }));
  times.push(res.ms);
  for (let path = next(res.value.body); path; path = next(res.value.body)) {
    res = await timed(() => call(base, 'GET', path, { token, expect: 200 }));
    times.push(res.ms);
  }
  return { pages: times.length, first: median(times.slice(1, 11)), last: median(times.slice(-10)) };
}

export default async function growthRows({ base, sql, db, report, newAccount }) {
  const { accountId, token } = await newAccount('bench-growth');
  await seedUsers(sql, accountId, 1, 20_000);
  const barePort = await freePort();
  const bare = await startProcess(['bench/bare-server.mjs', db.url, String(barePort), accountId], { readyLine: 'ready' });
  try {
    const small = await measure(base, token, barePort, 20_000);
    await seedUsers(sql, accountId, 20_001, 100_000);
    const big = await measure(base, token, barePort, 100_000);
    const rows = [
      ['GET /api/v2/users/{identifier} req/s', small.rps / big.rps, `${Math.round(small.rps)} -> ${Math.round(big.rps)} req/s (ratio to bare ${small.ratio.toFixed(2)} -> ${big.ratio.toFixed(2)})`],
      ['triboo GET users page 1', big.triboo / small.triboo, `${small.triboo.toFixed(1)} -> ${big.triboo.toFixed(1)} ms`],
      ['enabley GET /api/v3/users first page', big.v3 / small.v3, `${small.v3.toFixed(1)} -> ${big.v3.toFixed(1)} ms`],
    ];
    for (const [name, growth, detail] of rows) {
      report({ name: `growth 20,000 -> 100,000 users: ${name}`, result: `${detail}, cost x${growth.toFixed(2)}`, budget: '<= 1.3', ok: growth <= 1.3 });
    }
  } finally {
    await stopProcess(bare);
  }

  const v3 = await pageThrough(base, token, '/api/v3/users?pageSize=100', (b) => (b.paginationKey ? `/api/v3/users?paginationKey=${encodeURIComponent(b.paginationKey)}` : null));
  const triboo = await pageThrough(base, token, '/api/extended/v1/users/?page=1&page_size=100', (b) => (b.next ? new URL(b.next).pathname + new URL(b.next).search : null));
  for (const [name, r] of [['enabley v3 users', v3], ['triboo GET users', triboo]]) {
    const ratio = r.last / r.first;
    report({
      name: `paging ${name} over 100,000 users (${r.pages} pages): last 10 / first 10 (medians)`,
      result: `${r.last.toFixed(1)} / ${r.first.toFixed(1)} ms = ${ratio.toFixed(2)}`,
      budget: '<= 1.3',
      ok: ratio <= 1.3,
    });
  }
}
