import { Webhook } from 'standardwebhooks';
import { TestContext, createTestApp } from '../support/test-app';
import { Agent } from '../support/test-context';
import { Receiver, startReceiver } from './receiver';

const BASE = '/api/platform/v1/webhooks';

/** The platform webhook routes: CRUD, validation, account scope, rotation, test event, delivery log, redeliver. */
describe('Webhooks: platform routes', () => {
  let ctx: TestContext;
  let a: Agent;
  let hook: Receiver;

  beforeAll(async () => {
    ctx = await createTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_RETRY_SCHEDULE: '1,1,1' });
    a = ctx.as(await ctx.clientToken());
    hook = await startReceiver();
  });
  afterAll(async () => {
    await ctx.close();
    await hook.close();
  });

  it('creates, lists, reads, updates and deletes; the secret is shown once', async () => {
    const created = await a.post(BASE, { url: hook.url, events: ['user.created', 'user.created', 'course.created'], description: 'crm' }).expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      url: hook.url,
      events: ['user.created', 'course.created'],
      description: 'crm',
      active: true,
      disabled_reason: null,
      failing_since: null,
      created: expect.stringMatching(/Z$/),
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{43}=$/),
    });
    expect(Buffer.from(created.body.secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);
    const id = created.body.id;
    const listed = await a.get(BASE).expect(200);
    expect(listed.body.map((w: { id: string }) => w.id)).toContain(id);
    expect(JSON.stringify(listed.body)).not.toContain('whsec_');
    const one = await a.get(`${BASE}/${id}`).expect(200);
    expect(one.body).not.toHaveProperty('secret');
    const patched = await a.patch(`${BASE}/${id}`, { events: ['enrollment.created', '*'], description: null, active: false }).expect(200);
    expect(patched.body).toMatchObject({ events: ['*'], description: null, active: false, url: hook.url });
    await a.delete(`${BASE}/${id}`).expect(204);
    await a.get(`${BASE}/${id}`).expect(404);
    await a.delete(`${BASE}/${id}`).expect(404);
  });

  it('answers 400 in the platform error body for bad input', async () => {
    const cases: [unknown, string][] = [
      [{ url: hook.url, events: ['user.exploded'] }, 'events'],
      [{ url: 'not a url', events: ['*'] }, 'url'],
      [{ url: 'ftp://example.com/x', events: ['*'] }, 'url'],
      [{ url: 'javascript:alert(1)', events: ['*'] }, 'url'],
      [{ url: hook.url, events: [] }, 'events'],
      [{ url: hook.url }, 'events'],
      [{ events: ['*'] }, 'url'],
      [{ url: hook.url, events: ['*'], secret: 'mine' }, 'secret'],
      [{ url: 42, events: ['*'] }, 'url'],
    ];
    for (const [body, field] of cases) {
      const res = await a.post(BASE, body).expect(400);
      expect(res.body).toEqual({ error: expect.any(String), message: expect.stringContaining(field) });
    }
    const id = (await a.post(BASE, { url: hook.url, events: ['*'] }).expect(201)).body.id;
    expect((await a.patch(`${BASE}/${id}`, { url: 'gopher://x' }).expect(400)).body.error).toBe('invalid');
    expect((await a.patch(`${BASE}/${id}`, { active: 'yes' }).expect(400)).body).toMatchObject({ error: 'invalid' });
    await a.get(`${BASE}/${id}/deliveries?status=lost`).expect(400);
    await a.get(`${BASE}/${id}/deliveries?cursor=abc`).expect(400);
    await a.get(`${BASE}/${id}/deliveries?limit=0`).expect(400);
    await a.get(`${BASE}?page=2`).expect(400);
    await a.get(`${BASE}/not-a-uuid`).expect(404);
    await a.delete(`${BASE}/${id}`).expect(204);
  });

  it("another account's webhook is 404 on every route; a learner may not manage webhooks", async () => {
    const mine = (await a.post(BASE, { url: hook.url, events: ['*'] }).expect(201)).body.id;
    const other = await ctx.newAccount();
    await other.api.get(`${BASE}/${mine}`).expect(404);
    await other.api.patch(`${BASE}/${mine}`, { active: false }).expect(404);
    await other.api.delete(`${BASE}/${mine}`).expect(404);
    await other.api.post(`${BASE}/${mine}/secret`).expect(404);
    await other.api.post(`${BASE}/${mine}/test`).expect(404);
    await other.api.get(`${BASE}/${mine}/deliveries`).expect(404);
    expect((await other.api.get(BASE).expect(200)).body).toEqual([]);

    await a.put('/api/v2/users', { identifier: 'lea', username: 'lea', password: 'lea-password-1' }).expect(201);
    const learner = ctx.as(await ctx.login('lea', 'lea-password-1'));
    await learner.get(BASE).expect(403);
    await learner.post(BASE, { url: hook.url, events: ['*'] }).expect(403);
    await learner.get(`${BASE}/${mine}`).expect(404); // an unreadable object answers as a missing one
    await ctx.http().get(BASE).expect(401);
    await a.delete(`${BASE}/${mine}`).expect(204);
  });

  it('test delivery, the delivery log (filter, keyset pages) and redeliver with the same webhook-id', async () => {
    const created = (await a.post(BASE, { url: hook.url, events: ['course.created'] }).expect(201)).body;
    hook.received.length = 0;
    const test = await a.post(`${BASE}/${created.id}/test`).expect(202);
    await hook.waitFor((rs) => rs.length >= 1);
    expect(hook.received[0].event).toMatchObject({ type: 'webhook.test', data: { webhook_id: created.id } });
    expect(hook.received[0].headers['webhook-id']).toBe(test.body.id);
    hook.verifyAll(created.secret);

    for (let i = 0; i < 4; i++) await a.put('/api/v1/channels', { identifier: `log-${i}`, name: `Log ${i}`, type: 'COURSE' }).expect(201);
    await hook.waitFor((rs) => rs.length >= 5);
    // Settled in batches just after the answer: wait for the log to say so.
    const until = Date.now() + 10_000;
    let all: { results: { status: string; sequence: number; id: string; type: string }[] } = { results: [] };
    while (Date.now() < until) {
      all = (await a.get(`${BASE}/${created.id}/deliveries?status=succeeded`).expect(200)).body;
      if (all.results.length === 5) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(all.results).toHaveLength(5);
    const seqs = all.results.map((d) => d.sequence);
    expect(seqs).toEqual([...seqs].sort((x, y) => y - x)); // newest first
    expect(all.results[0]).toMatchObject({ type: 'course.created', status: 'succeeded', attempts: 1, last_status_code: 204, last_error: null, next_attempt_at: null });
    const p1 = (await a.get(`${BASE}/${created.id}/deliveries?limit=2`).expect(200)).body;
    const p2 = (await a.get(`${BASE}/${created.id}/deliveries?limit=2&cursor=${p1.next}`).expect(200)).body;
    const p3 = (await a.get(`${BASE}/${created.id}/deliveries?limit=2&cursor=${p2.next}`).expect(200)).body;
    expect([...p1.results, ...p2.results, ...p3.results].map((d: { id: string }) => d.id)).toEqual(all.results.map((d) => d.id));
    expect(p3.next).toBeNull();
    expect((await a.get(`${BASE}/${created.id}/deliveries?status=failed`).expect(200)).body.results).toEqual([]);

    const again = all.results[2];
    hook.received.length = 0;
    await a.post(`${BASE}/${created.id}/deliveries/${again.id}/redeliver`).expect(202);
    await hook.waitFor((rs) => rs.length >= 1);
    expect(hook.received.map((r) => r.headers['webhook-id'])).toEqual([again.id]);
    await a.post(`${BASE}/${created.id}/deliveries/00000000-0000-0000-0000-000000000000/redeliver`).expect(404);
    await a.post(`${BASE}/${created.id}/deliveries/nope/redeliver`).expect(404);
    await a.delete(`${BASE}/${created.id}`).expect(204);
  });

  it('rotation: for 24 h deliveries carry signatures with the new and the old secret', async () => {
    const created = (await a.post(BASE, { url: hook.url, events: ['webhook.test'] }).expect(201)).body;
    const rotated = (await a.post(`${BASE}/${created.id}/secret`).expect(200)).body;
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(created.secret);
    expect(new Date(rotated.previous_secret_expires_at).getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);
    hook.received.length = 0;
    await a.post(`${BASE}/${created.id}/test`).expect(202);
    const [got] = await hook.waitFor((rs) => rs.length >= 1);
    expect(String(got.headers['webhook-signature']).split(' ')).toHaveLength(2);
    const headers = { 'webhook-id': String(got.headers['webhook-id']), 'webhook-timestamp': String(got.headers['webhook-timestamp']), 'webhook-signature': String(got.headers['webhook-signature']) };
    expect(new Webhook(rotated.secret).verify(got.body, headers)).toMatchObject({ type: 'webhook.test' });
    expect(new Webhook(created.secret).verify(got.body, headers)).toMatchObject({ type: 'webhook.test' });

    // Past the grace period only the new secret signs.
    await ctx.db.query(`UPDATE webhook SET previous_secret_expires_at = now() - interval '1 second' WHERE id = $1`, [created.id]);
    hook.received.length = 0;
    await a.post(`${BASE}/${created.id}/test`).expect(202);
    const [later] = await hook.waitFor((rs) => rs.length >= 1);
    const h2 = { 'webhook-id': String(later.headers['webhook-id']), 'webhook-timestamp': String(later.headers['webhook-timestamp']), 'webhook-signature': String(later.headers['webhook-signature']) };
    expect(String(later.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(new Webhook(rotated.secret).verify(later.body, h2)).toMatchObject({ type: 'webhook.test' });
    expect(() => new Webhook(created.secret).verify(later.body, h2)).toThrow();
    await a.delete(`${BASE}/${created.id}`).expect(204);
  });

  it('secrets are stored encrypted, never in the clear', async () => {
    const created = (await a.post(BASE, { url: hook.url, events: ['*'] }).expect(201)).body;
    const [row] = await ctx.db.query(`SELECT * FROM webhook WHERE id = $1`, [created.id]);
    expect(JSON.stringify(row)).not.toContain(created.secret.slice(6));
    await a.delete(`${BASE}/${created.id}`).expect(204);
  });
});
