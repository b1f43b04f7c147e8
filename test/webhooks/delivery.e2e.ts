import { TestContext, createTestApp } from '../support/test-app';
import { Agent } from '../support/test-context';
import { Receiver, startReceiver } from './receiver';

const BASE = '/api/platform/v1/webhooks';

/** At-least-once delivery: retries, Retry-After, no redirects, rollback, endpoint isolation, automatic deactivation. */
describe('Webhooks: delivery', () => {
  let ctx: TestContext;
  let a: Agent;
  const receivers: Receiver[] = [];
  const receiver = async () => {
    const r = await startReceiver();
    receivers.push(r);
    return r;
  };
  const subscribe = async (url: string, events: string[]) => (await a.post(BASE, { url, events }).expect(201)).body as { id: string; secret: string };
  const deliveries = async (id: string) => (await a.get(`${BASE}/${id}/deliveries`).expect(200)).body.results as { id: string; status: string; attempts: number; last_status_code: number | null; last_error: string | null }[];
  const settled = async (id: string, n: number, ms = 20_000) => {
    const until = Date.now() + ms;
    for (;;) {
      const list = await deliveries(id);
      if ((list.length >= n && list.every((d) => d.status === 'succeeded' || d.status === 'failed')) || Date.now() > until) return list;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  beforeAll(async () => {
    ctx = await createTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_RETRY_SCHEDULE: '1,1,1' });
    a = ctx.as(await ctx.clientToken());
  });
  afterAll(async () => {
    await ctx.close();
    for (const r of receivers) await r.close();
  });

  it('500, 500, then 200: the same webhook-id three times, then succeeded', async () => {
    const hook = await receiver();
    hook.answer = (_r, n) => ({ status: n <= 2 ? 500 : 200, body: n <= 2 ? 'try later' : 'ok' });
    const w = await subscribe(hook.url, ['user.created']);
    await a.post('/api/extended/v1/users/', { username: 'retry', email: 'retry@example.com' }).expect(201);
    await hook.waitFor((rs) => rs.length >= 3);
    expect(new Set(hook.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(new Set(hook.received.map((r) => r.body)).size).toBe(1); // the same bytes each time
    hook.verifyAll(w.secret);
    const [d] = await settled(w.id, 1);
    expect(d).toMatchObject({ id: hook.received[0].headers['webhook-id'], status: 'succeeded', attempts: 3, last_status_code: 200 });
    // backoff: about a second between attempts (schedule 1 s with jitter)
    expect(hook.received[1].at - hook.received[0].at).toBeGreaterThanOrEqual(650);
  });

  it('fails for good after the last retry; the log keeps the status and error', async () => {
    const hook = await receiver();
    hook.answer = () => ({ status: 503, body: 'x'.repeat(100_000) });
    const w = await subscribe(hook.url, ['webhook.test']);
    await a.post(`${BASE}/${w.id}/test`).expect(202);
    const [d] = await settled(w.id, 1);
    expect(d).toMatchObject({ status: 'failed', attempts: 4, last_status_code: 503, last_error: 'HTTP 503' });
    expect(hook.received).toHaveLength(4);
    const [row] = await ctx.db.query(`SELECT length(last_response) AS kept FROM webhook_delivery WHERE id = $1`, [d.id]);
    expect(row.kept).toBe(1024);
    expect((await a.get(`${BASE}/${w.id}`).expect(200)).body).toMatchObject({ active: true, failing_since: expect.stringMatching(/Z$/) });
  });

  it('honours Retry-After on 429', async () => {
    const hook = await receiver();
    hook.answer = (_r, n) => (n === 1 ? { status: 429, headers: { 'retry-after': '3' } } : { status: 200 });
    const w = await subscribe(hook.url, ['webhook.test']);
    await a.post(`${BASE}/${w.id}/test`).expect(202);
    await hook.waitFor((rs) => rs.length >= 2);
    expect(hook.received[1].at - hook.received[0].at).toBeGreaterThanOrEqual(2800);
  });

  it('follows no redirect', async () => {
    const target = await receiver();
    const hook = await receiver();
    hook.answer = () => ({ status: 302, headers: { location: target.url } });
    const w = await subscribe(hook.url, ['webhook.test']);
    await a.post(`${BASE}/${w.id}/test`).expect(202);
    const [d] = await settled(w.id, 1);
    expect(d).toMatchObject({ status: 'failed', last_status_code: 302 });
    expect(target.received).toHaveLength(0);
  });

  it('a rolled-back change emits nothing; a committed one is delivered', async () => {
    const hook = await receiver();
    const w = await subscribe(hook.url, ['user.created']);
    const account = await ctx.defaultAccountId();
    const qr = ctx.db.createQueryRunner();
    await qr.startTransaction();
    await qr.query(`INSERT INTO "user" (account_id, identifier, username, username_key) VALUES ($1, 'ghost', 'ghost', 'ghost')`, [account]);
    // Captured inside the transaction, with the change.
    expect((await qr.query(`SELECT count(*)::int AS n FROM webhook_event_batch WHERE events::jsonb @> '[{"data": {"username": "ghost"}}]'`))[0].n).toBe(1);
    await qr.rollbackTransaction();
    await qr.release();
    await a.post('/api/extended/v1/users/', { username: 'real', email: 'real@example.com' }).expect(201);
    await hook.waitFor((rs) => rs.length >= 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(hook.received.map((r) => (r.event.data as { username: string }).username)).toEqual(['real']);
    expect((await ctx.db.query(`SELECT count(*)::int AS n FROM webhook_delivery WHERE webhook_id = $1`, [w.id]))[0].n).toBe(1);
  });

  it('a slow endpoint holds at most 16 deliveries in flight and never delays another endpoint', async () => {
    const slow = await receiver();
    slow.answer = () => ({ status: 200, delayMs: 4000 });
    const fast = await receiver();
    await subscribe(slow.url, ['course.created']);
    await subscribe(fast.url, ['course.created']);
    const account = await ctx.defaultAccountId();
    const started = Date.now();
    // One statement, 40 courses: 80 deliveries.
    await ctx.db.query(`INSERT INTO channel (account_id, identifier, name, type) SELECT $1, 'slow-' || i, 'Slow ' || i, 'COURSE' FROM generate_series(1, 40) i`, [account]);
    await fast.waitFor((rs) => rs.length >= 40);
    expect(fast.received).toHaveLength(40);
    expect(Date.now() - started).toBeLessThan(3500);
    expect(slow.received.length).toBeLessThanOrEqual(16);
    await slow.waitFor((rs) => rs.length >= 40, 30_000);
    expect(slow.received).toHaveLength(40);
  }, 60_000);

  it('an endpoint failing for 3 days is set inactive (shown by GET); PATCH active: true resumes it', async () => {
    const hook = await receiver();
    hook.answer = () => ({ status: 500 });
    const w = await subscribe(hook.url, ['webhook.test']);
    await ctx.db.query(`UPDATE webhook SET failing_since = now() - interval '3 days 1 minute' WHERE id = $1`, [w.id]);
    await a.post(`${BASE}/${w.id}/test`).expect(202);
    await hook.waitFor((rs) => rs.length >= 1);
    const until = Date.now() + 10_000;
    let got = (await a.get(`${BASE}/${w.id}`).expect(200)).body;
    while (got.active && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 100));
      got = (await a.get(`${BASE}/${w.id}`).expect(200)).body;
    }
    expect(got).toMatchObject({ active: false, disabled_reason: expect.stringContaining('3 days') });
    // Inactive: the pending retry waits.
    await new Promise((r) => setTimeout(r, 2000));
    expect(hook.received).toHaveLength(1);
    expect((await deliveries(w.id))[0]).toMatchObject({ status: 'pending' });
    hook.answer = () => ({ status: 200 });
    expect((await a.patch(`${BASE}/${w.id}`, { active: true }).expect(200)).body).toMatchObject({ active: true, disabled_reason: null, failing_since: null });
    await hook.waitFor((rs) => rs.length >= 2);
    expect((await settled(w.id, 1))[0]).toMatchObject({ status: 'succeeded', attempts: 2 });
  });
});
