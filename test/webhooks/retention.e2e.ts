import { EnvError, loadEnv } from '../../src/core/config/env';
import { SWEEP_BATCH, WebhookRetention } from '../../src/core/webhooks/webhook-retention';
import { TestContext, createTestApp } from '../support/test-app';
import { Agent } from '../support/test-context';
import { Receiver, startReceiver } from './receiver';

const BASE = '/api/platform/v1/webhooks';

/** WEBHOOK_DELIVERY_RETENTION_DAYS: finished deliveries past it are deleted in batches; pending and sending never. */
describe('Webhooks: delivery retention', () => {
  let ctx: TestContext;
  let a: Agent;
  let retention: WebhookRetention;
  let hook: Receiver;
  let webhookId: string;
  let accountId: string;

  /**
   * Deliveries of the test webhook made by SQL, finished (and created) `age` ago; tagged in `data` to count them.
   * Pending ones are not due for a day and sending ones hold a lease for an hour, so the worker leaves them alone.
   */
  const insert = (n: number, status: string, age: string, tag: string) =>
    ctx.db.query(
      `INSERT INTO webhook_delivery (webhook_id, account_id, type, sequence, occurred_at, data, status, attempts, next_attempt_at, lease_until, finished_at, created_at)
       SELECT $1, $2, 'webhook.test', nextval('webhook_event_sequence'), now() - $4::interval, jsonb_build_object('tag', $5::text, 'i', g), $3, 1,
              ${status === 'pending' ? "now() + interval '1 day'" : 'now()'}, ${status === 'sending' ? "now() + interval '1 hour'" : 'NULL'},
              CASE WHEN $3 IN ('succeeded', 'failed') THEN now() - $4::interval END, now() - $4::interval
         FROM generate_series(1, $6::int) g`,
      [webhookId, accountId, status, age, tag, n],
    );
  const count = async (tag: string) => (await ctx.db.query(`SELECT count(*)::int AS n FROM webhook_delivery WHERE data->>'tag' = $1`, [tag]))[0].n as number;

  beforeAll(async () => {
    ctx = await createTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_RETRY_SCHEDULE: '1', WEBHOOK_DELIVERY_RETENTION_DAYS: '7' });
    a = ctx.as(await ctx.clientToken());
    retention = ctx.app.get(WebhookRetention);
    hook = await startReceiver();
    accountId = await ctx.defaultAccountId();
    webhookId = (await a.post(BASE, { url: hook.url, events: ['webhook.test'] }).expect(201)).body.id;
  });
  afterAll(async () => {
    await ctx.close();
    await hook.close();
  });

  it('is validated like the other WEBHOOK_* settings (default 30 days)', () => {
    expect(loadEnv({}).webhookDeliveryRetentionDays).toBe(30);
    expect(loadEnv({ WEBHOOK_DELIVERY_RETENTION_DAYS: '90' }).webhookDeliveryRetentionDays).toBe(90);
    for (const bad of ['0', '-1', '1.5', 'week', '3651']) {
      expect(() => loadEnv({ WEBHOOK_DELIVERY_RETENTION_DAYS: bad })).toThrow(EnvError);
      expect(() => loadEnv({ WEBHOOK_DELIVERY_RETENTION_DAYS: bad })).toThrow(/^WEBHOOK_DELIVERY_RETENTION_DAYS must be an integer between 1 and 3650/);
    }
  });

  it('deletes finished deliveries older than the retention in batches; keeps recent ones, pending and sending', async () => {
    // More old rows than one batch: the sweep goes on until they are all gone.
    await insert(SWEEP_BATCH + 1500, 'succeeded', '8 days', 'old-ok');
    await insert(30, 'failed', '7 days 1 hour', 'old-failed');
    await insert(20, 'succeeded', '6 days 23 hours', 'recent-ok');
    await insert(20, 'failed', '1 day', 'recent-failed');
    // Never deleted, however old: waiting for a retry (not due, so the worker leaves them), or in flight.
    await insert(10, 'pending', '60 days', 'old-pending');
    await insert(10, 'sending', '60 days', 'old-sending');
    const listed = async () => (await a.get(`${BASE}/${webhookId}/deliveries?status=succeeded&limit=100`).expect(200)).body.results as { id: string }[];
    expect((await listed()).length).toBe(100);

    expect(await retention.sweep()).toBe(SWEEP_BATCH + 1500 + 30);
    expect(await count('old-ok')).toBe(0);
    expect(await count('old-failed')).toBe(0);
    expect(await count('recent-ok')).toBe(20);
    expect(await count('recent-failed')).toBe(20);
    expect(await count('old-pending')).toBe(10);
    expect(await count('old-sending')).toBe(10);
    expect((await listed()).length).toBe(20);
    expect(await retention.sweep()).toBe(0);
  });

  it("skips rows another process's sweep holds, without waiting on them, and deletes them next time", async () => {
    await insert(50, 'succeeded', '30 days', 'locked');
    const other = ctx.db.createQueryRunner();
    await other.connect();
    try {
      await other.startTransaction();
      // Another sweep's batch: the same SKIP LOCKED claim on 20 of them.
      await other.query(`SELECT id FROM webhook_delivery WHERE data->>'tag' = 'locked' ORDER BY id LIMIT 20 FOR UPDATE`);
      const started = Date.now();
      expect(await retention.sweep()).toBe(30);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(await count('locked')).toBe(20);
      await other.commitTransaction();
    } finally {
      await other.release();
    }
    expect(await retention.sweep()).toBe(20);
    expect(await count('locked')).toBe(0);
  });

  it('a delivery whose lease ran out on its last attempt (its process died) is failed with the clock started', async () => {
    // Schedule `1`: at most 2 attempts; this one was claimed for its second and its lease has run out.
    const [{ id }] = await ctx.db.query(
      `INSERT INTO webhook_delivery (webhook_id, account_id, type, sequence, occurred_at, data, status, attempts, lease_until)
       VALUES ($1, $2, 'webhook.test', nextval('webhook_event_sequence'), now(), '{"tag": "lost"}', 'sending', 2, now() - interval '1 second') RETURNING id`,
      [webhookId, accountId],
    );
    const until = Date.now() + 15_000;
    let row: { status: string; finished_at: Date | null } | undefined;
    while (Date.now() < until) {
      [row] = await ctx.db.query(`SELECT status, finished_at FROM webhook_delivery WHERE id = $1`, [id]);
      if (row?.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(row).toMatchObject({ status: 'failed', finished_at: expect.any(Date) });
  });

  it('the worker starts the clock when a delivery succeeds or fails for good; a redelivery restarts it', async () => {
    hook.answer = (r) => ({ status: (r.event.data as { fail?: boolean }).fail ? 500 : 204 });
    await a.post(`${BASE}/${webhookId}/test`).expect(202);
    const finished = async (status: string) => {
      const until = Date.now() + 15_000;
      for (;;) {
        const found = await ctx.db.query(`SELECT id, finished_at FROM webhook_delivery WHERE webhook_id = $1 AND type = 'webhook.test' AND NOT data ? 'tag' AND (data ? 'fail') = $2 AND status = $3`, [
          webhookId,
          status === 'failed',
          status,
        ]);
        if (found.length || Date.now() > until) return found as { id: string; finished_at: Date | null }[];
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const [ok] = await finished('succeeded');
    expect(Date.now() - ok.finished_at!.getTime()).toBeLessThan(15_000);
    // A failing one (schedule `1`: two attempts, then failed), queued as the test route does, with a marker.
    await ctx.db.query(
      `INSERT INTO webhook_delivery (webhook_id, account_id, type, sequence, occurred_at, data) VALUES ($1, $2, 'webhook.test', nextval('webhook_event_sequence'), now(), '{"fail": true}')`,
      [webhookId, accountId],
    );
    const [bad] = await finished('failed');
    expect(Date.now() - bad.finished_at!.getTime()).toBeLessThan(15_000);

    // Back-dated past the retention: the redelivered one is pending again (no clock) and survives the sweep.
    await ctx.db.query(`UPDATE webhook_delivery SET finished_at = now() - interval '8 days' WHERE id = ANY($1)`, [[ok.id, bad.id]]);
    hook.answer = () => ({ status: 500, delayMs: 2000 });
    await a.post(`${BASE}/${webhookId}/deliveries/${bad.id}/redeliver`).expect(202);
    expect(await retention.sweep()).toBe(1);
    const left = (await ctx.db.query(`SELECT id, finished_at FROM webhook_delivery WHERE id = ANY($1)`, [[ok.id, bad.id]])) as { id: string; finished_at: Date | null }[];
    expect(left.map((r) => r.id)).toEqual([bad.id]);
    // NULL while it is tried again, or a fresh clock if it already failed again.
    expect(left[0].finished_at === null || Date.now() - left[0].finished_at.getTime() < 60_000).toBe(true);
  });

  it('a redelivery racing the sweep that deletes its row is answered 404, not accepted', async () => {
    await insert(1, 'succeeded', '30 days', 'race');
    const [{ id }] = (await ctx.db.query(`SELECT id FROM webhook_delivery WHERE data->>'tag' = 'race'`)) as { id: string }[];
    const sweep = ctx.db.createQueryRunner();
    await sweep.connect();
    try {
      // The sweep's batch holds the row (FOR UPDATE) and deletes it; the redelivery's UPDATE waits for that commit.
      await sweep.startTransaction();
      await sweep.query(`DELETE FROM webhook_delivery WHERE id IN (SELECT id FROM webhook_delivery WHERE id = $1 FOR UPDATE)`, [id]);
      const answer = a.post(`${BASE}/${webhookId}/deliveries/${id}/redeliver`).then((r) => r.status);
      await new Promise((r) => setTimeout(r, 300));
      await sweep.commitTransaction();
      expect(await answer).toBe(404);
    } finally {
      if (sweep.isTransactionActive) await sweep.rollbackTransaction();
      await sweep.release();
    }
  });
});
