// Webhook rows (issue 15): deliveries/s to one local endpoint; the Triboo bulk enroll 10,000 emails
// (half registered) x 5 courses without and with an `enrollment.created` subscription, side by side; and
// 50,000 enrollment.created events from one bulk enroll, timed until the endpoint has all of them.
// (bench/rows/triboo.mjs exports no reusable step, so its bulk-enroll row is rebuilt here on fresh accounts.)
import { createServer } from 'node:http';
import { call, timed } from '../lib.mjs';

const THROUGHPUT_EVENTS = 10_000;

function receiver() {
  const seen = new Set();
  let requests = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests++;
      seen.add(req.headers['webhook-id']);
      res.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({ url: `http://127.0.0.1:${server.address().port}/hook`, seen, requests: () => requests, close: () => new Promise((r) => server.close(r)) }),
    ),
  );
}

async function until(probe, ms) {
  const deadline = Date.now() + ms;
  while (!probe() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return probe();
}

const subscribe = (base, token, url, events) => call(base, 'POST', '/api/platform/v1/webhooks', { token, json: { url, events }, expect: 201 });

/** 10,000 emails, the first `registered` of them users, x 5 courses, in one request of `account`. */
async function bulkEnroll({ base, sql }, account, tag, registered) {
  const courses = [];
  for (let i = 1; i <= 5; i++) {
    const id = `course-v1:${tag}+bulk${i}+run`;
    await call(base, 'PUT', '/api/v1/channels', { token: account.token, json: { identifier: id, name: `Bulk ${i}`, type: 'COURSE' }, expect: 201 });
    courses.push(id);
  }
  await sql.query(
    `INSERT INTO "user" (account_id, identifier, username, username_key, email) SELECT $1, $2 || g, $2 || g, $2 || g, $2 || g || '@bench.example.com' FROM generate_series(1, $3::int) g`,
    [account.accountId, `${tag}-`, registered],
  );
  const emails = Array.from({ length: 10_000 }, (_, i) => `${tag}-${i + 1}@bench.example.com`);
  // As the triboo row: timed to the answer's last byte, the 10 MB answer parsed after the clock stops.
  const bulk = await timed(async () => {
    const res = await fetch(`${base}/api/bulk_enroll/v1/bulk_enroll`, {
      method: 'POST',
      headers: { authorization: `Bearer ${account.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'enroll', auto_enroll: true, email_students: false, courses: courses.join(','), identifiers: emails.join(',') }),
    });
    return { status: res.status, text: Buffer.from(await res.arrayBuffer()).toString('utf8') };
  });
  if (bulk.value.status !== 200) throw new Error(`bulk enroll -> ${bulk.value.status} ${bulk.value.text.slice(0, 300)}`);
  JSON.parse(bulk.value.text);
  return bulk;
}

export default async function webhooksRows(ctx) {
  const { base, sql, report, newAccount } = ctx;
  const hook = await receiver();
  try {
    // Deliveries/s: 10,000 course.created events written by one statement, delivered to one endpoint.
    const a = await newAccount('bench-webhooks-rate');
    await subscribe(base, a.token, hook.url, ['course.created']);
    const started = Date.now();
    await sql.query(`INSERT INTO channel (account_id, identifier, name, type) SELECT $1, 'rate-' || i, 'Rate ' || i, 'COURSE' FROM generate_series(1, $2::int) i`, [a.accountId, THROUGHPUT_EVENTS]);
    await until(() => hook.seen.size >= THROUGHPUT_EVENTS, 120_000);
    const rate = hook.seen.size / ((Date.now() - started) / 1000);
    report({
      name: `webhooks: deliveries/s to one endpoint on 127.0.0.1 (${hook.seen.size} of ${THROUGHPUT_EVENTS} delivered, ${hook.requests()} requests)`,
      result: `${rate.toFixed(0)}/s`,
      budget: '>= 500/s',
      ok: rate >= 500 && hook.seen.size === THROUGHPUT_EVENTS,
    });

    // The Triboo bulk-enroll row, without and with an enrollment.created subscription in the account.
    const plain = await newAccount('bench-webhooks-plain');
    const without = await bulkEnroll(ctx, plain, 'whplain', 5000);
    const subscribed = await newAccount('bench-webhooks-sub');
    await subscribe(base, subscribed.token, hook.url, ['enrollment.created']);
    const before = hook.seen.size;
    const withSub = await bulkEnroll(ctx, subscribed, 'whsub', 5000);
    // Captured events, whether still in their batch or already fanned out (one snapshot sees one or the other).
    const [{ n: queued }] = (
      await sql.query(
        `SELECT (SELECT coalesce(sum(coalesce(json_array_length(events), cardinality(ids))), 0) FROM webhook_event_batch WHERE account_id = $1)
              + (SELECT count(*) FROM webhook_delivery WHERE account_id = $1 AND type = 'enrollment.created') AS n`,
        [subscribed.accountId],
      )
    ).rows;
    report({
      name: `webhooks: triboo bulk enroll 10,000 emails x 5 courses, no subscription | enrollment.created subscribed (${queued} events queued)`,
      result: `${without.ms.toFixed(0)} ms | ${withSub.ms.toFixed(0)} ms`,
      budget: '< 600 ms each',
      ok: without.ms < 600 && withSub.ms < 600 && Number(queued) === 25_000,
    });
    await until(() => hook.seen.size >= before + 25_000, 120_000);

    // 50,000 events from one bulk enroll (10,000 registered users x 5 courses), until all are delivered.
    const big = await newAccount('bench-webhooks-big');
    await subscribe(base, big.token, hook.url, ['enrollment.created']);
    const mark = hook.seen.size;
    const t0 = Date.now();
    const bulk = await bulkEnroll(ctx, big, 'whbig', 10_000);
    await until(() => hook.seen.size >= mark + 50_000, 180_000);
    const delivered = hook.seen.size - mark;
    const seconds = (Date.now() - t0) / 1000;
    report({
      name: `webhooks: 50,000 enrollment.created from one bulk enroll (request ${bulk.ms.toFixed(0)} ms), all delivered (${delivered})`,
      result: `${seconds.toFixed(1)} s`,
      budget: '< 120 s',
      ok: delivered === 50_000 && seconds < 120,
    });
  } finally {
    await hook.close();
  }
}
