import { TestContext, createTestApp } from '../support/test-app';
import { Agent } from '../support/test-context';
import { Receiver, startReceiver } from './receiver';

const BASE = '/api/platform/v1/webhooks';
/** WEBHOOK_TIMEOUT_MS for this suite: 10 s in production, 2 s here (long enough to see the other endpoint served meanwhile). */
const TIMEOUT_MS = 2000;

/** The send timeout, with a receiver that accepts the request and never answers. */
describe('Webhooks: an endpoint that never answers', () => {
  let ctx: TestContext;
  let a: Agent;
  const receivers: Receiver[] = [];
  const receiver = async () => {
    const r = await startReceiver();
    receivers.push(r);
    return r;
  };

  beforeAll(async () => {
    ctx = await createTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_RETRY_SCHEDULE: '1,1', WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS) });
    a = ctx.as(await ctx.clientToken());
  });
  afterAll(async () => {
    await ctx.close();
    for (const r of receivers) await r.close();
  });

  it('is cut at WEBHOOK_TIMEOUT_MS, retried with the same webhook-id, failed as a timeout; the account\'s other endpoint is served meanwhile', async () => {
    const dead = await receiver();
    dead.answer = () => ({ status: 0, hang: true });
    const live = await receiver();
    const deadHook = (await a.post(BASE, { url: dead.url, events: ['course.created'] }).expect(201)).body as { id: string; secret: string };
    const liveHook = (await a.post(BASE, { url: live.url, events: ['course.created'] }).expect(201)).body as { id: string; secret: string };
    const account = await ctx.defaultAccountId();
    const courses = (prefix: string, n: number) =>
      ctx.db.query(`INSERT INTO channel (account_id, identifier, name, type) SELECT $1, $2 || i, $2 || i, 'COURSE' FROM generate_series(1, $3::int) i`, [account, prefix, n]);

    await courses('hang-', 3);
    await dead.waitFor((rs) => rs.length >= 3);
    const firstSent = Math.min(...dead.received.map((r) => r.at));
    // The live endpoint has all three while the dead one's first attempts still hang.
    await live.waitFor((rs) => rs.length >= 3);
    expect(live.received).toHaveLength(3);
    expect(Date.now() - firstSent).toBeLessThan(TIMEOUT_MS);
    const inFlight = (await a.get(`${BASE}/${deadHook.id}/deliveries`).expect(200)).body.results as { status: string; attempts: number }[];
    expect(inFlight.map((d) => d.status)).toEqual(['sending', 'sending', 'sending']);

    // And while the dead one is being retried, new events still reach the live one at once.
    await dead.waitFor((rs) => rs.length >= 4, 10_000);
    const written = Date.now();
    await courses('later-', 2);
    await live.waitFor((rs) => rs.length >= 5);
    expect(live.received).toHaveLength(5);
    expect(Date.now() - written).toBeLessThan(TIMEOUT_MS);
    live.verifyAll(liveHook.secret);

    // Three attempts per event (schedule `1,1`), each cut at the timeout, then failed.
    const until = Date.now() + 30_000;
    let log = (await a.get(`${BASE}/${deadHook.id}/deliveries`).expect(200)).body.results as { id: string; status: string; attempts: number; last_status_code: number | null; last_error: string | null }[];
    while (log.some((d) => d.status !== 'failed') && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 200));
      log = (await a.get(`${BASE}/${deadHook.id}/deliveries`).expect(200)).body.results;
    }
    expect(log).toHaveLength(5);
    for (const d of log) expect(d).toMatchObject({ status: 'failed', attempts: 3, last_status_code: null, last_error: `timeout: no answer within ${TIMEOUT_MS / 1000} s` });

    expect(dead.received).toHaveLength(15);
    const byId = new Map<string, number[]>();
    for (const r of dead.received) byId.set(String(r.headers['webhook-id']), [...(byId.get(String(r.headers['webhook-id'])) ?? []), r.at]);
    expect(new Set(byId.keys())).toEqual(new Set(log.map((d) => d.id)));
    for (const times of byId.values()) {
      expect(times).toHaveLength(3);
      // The next attempt only after the previous one was cut (2 s) and the backoff (1 s, jitter down to 0.75 s).
      for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(TIMEOUT_MS + 700);
    }
    dead.verifyAll(deadHook.secret);
    // The same bytes every attempt.
    expect(new Set(dead.received.map((r) => r.body)).size).toBe(5);
  }, 60_000);
});
