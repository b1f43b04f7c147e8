import { NotificationsService } from '../../src/core/notifications/notifications.service';
import { NotificationsWorker } from '../../src/core/notifications/notifications.worker';
import { fakeSmtp } from '../support/fake-smtp';
import { TestContext, createTestApp } from '../support/test-app';
import { OrgFactory } from './helpers';

interface OutboxRow {
  id: string;
  key: string;
  user_id: string;
  to_address: string | null;
  subject: string;
  body: string;
  status: string;
  attempts: number;
}

async function waitFor<T>(probe: () => Promise<T>, done: (v: T) => boolean, ms = 8000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (done(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('Organizations: notify and the notifications outbox', () => {
  let ctx: TestContext;
  let f: OrgFactory;
  let token: string;
  let worker: NotificationsWorker;
  const auth = () => ({ Authorization: `Bearer ${token}` });
  const outbox = (): Promise<OutboxRow[]> => ctx.db.query(`SELECT * FROM notification ORDER BY created_at, key`);

  beforeAll(async () => {
    ctx = await createTestApp();
    f = new OrgFactory(ctx);
    token = await ctx.clientToken();
    worker = ctx.app.get(NotificationsWorker);
    await f.user('ann');
    await f.user('ben');
    await f.user('noemail', { email: null });
    await f.org('red', 'Red team');
    await f.org('blue', 'Blue team');
  });
  afterAll(() => ctx.close());
  afterEach(() => jest.restoreAllMocks());

  it('notify=false (the default) queues nothing', async () => {
    await ctx.http().post('/organization:members').set(auth()).send({ organization: 'red', users: 'ann' }).expect(200);
    await ctx.http().post('/organization:members').set(auth()).type('form').send({ organization: 'red', users: 'ann', notify: 'false' }).expect(200);
    expect(await outbox()).toEqual([]);
  });

  it('notify=true queues exactly one message per affected user, and the worker sends each once', async () => {
    const send = jest.spyOn(worker.transport, 'send');
    const res = await ctx.http().post('/organizations:members').set(auth()).type('form').send({ organizations: 'red,blue', users: 'ann,ben,ghost', notify: 'true' }).expect(200);
    expect(res.body.notified).toBe(2);
    expect(res.body.unknown_users).toEqual(['ghost']);
    const rows = await outbox();
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.to_address).sort()).toEqual(['ann@example.com', 'ben@example.com']);
    expect(rows[0].subject).toBe('Your membership in 2 organizations');
    expect(rows[0].body).toContain('Red team (red): member, content none');
    expect(rows[0].body).toContain('Blue team (blue)');
    const done = await waitFor(outbox, (rs) => rs.every((r) => r.status === 'sent'));
    expect(done.map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
    ]);
    expect(send).toHaveBeenCalledTimes(2);
    expect(new Set(send.mock.calls.map(([m]) => m.id)).size).toBe(2);
    await worker.runOnce();
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('the single-organization and single-user routes notify too (JSON and query string)', async () => {
    await ctx.db.query('DELETE FROM notification');
    await ctx.http().post('/organization:members?notify=true').set(auth()).send({ organization: 'blue', users: 'ann', permission_organization: 'teacher' }).expect(200);
    await ctx.http().post('/user:organizations').set(auth()).send({ user: 'ben', organizations: 'blue', notify: true }).expect(200);
    const rows = await outbox();
    expect(rows.map((r) => r.to_address)).toEqual(['ann@example.com', 'ben@example.com']);
    expect(rows[0].subject).toBe('Your membership in Blue team');
    expect(rows[0].body).toContain('Blue team (blue): teacher, content none');
  });

  it('a failed call queues nothing (the outbox is written in the same transaction)', async () => {
    await ctx.db.query('DELETE FROM notification');
    await ctx.http().post('/organizations:members').set(auth()).send({ organizations: 'red,nowhere', users: 'ann', notify: true }).expect(404);
    expect(await outbox()).toEqual([]);
  });

  it('the same key is never queued twice', async () => {
    await ctx.db.query('DELETE FROM notification');
    const svc = ctx.app.get(NotificationsService);
    const accountId = await f.defaultAccountId();
    const msg = { key: 'test:dedupe:1', accountId, to: 'x@example.com', subject: 's', body: 'b' };
    expect(await ctx.db.transaction((m) => svc.enqueue(m, [msg, { ...msg, key: 'test:dedupe:2' }]))).toBe(2);
    expect(await ctx.db.transaction((m) => svc.enqueue(m, [msg]))).toBe(0);
    expect((await outbox()).map((r) => r.key)).toEqual(['test:dedupe:1', 'test:dedupe:2']);
  });

  it('concurrent workers claim each row once: every message is sent exactly once', async () => {
    await ctx.db.query('DELETE FROM notification');
    const send = jest.spyOn(worker.transport, 'send').mockImplementation(() => new Promise((r) => setTimeout(r, 5)));
    const svc = ctx.app.get(NotificationsService);
    const accountId = await f.defaultAccountId();
    const messages = Array.from({ length: 120 }, (_, i) => ({ key: `test:race:${i}`, accountId, to: `u${i}@example.com`, subject: 's', body: 'b' }));
    await ctx.db.transaction((m) => svc.enqueue(m, messages));
    await Promise.all([worker.runOnce(), worker.runOnce(), worker.runOnce(), worker.runOnce()]);
    const sent = await waitFor(outbox, (rs) => rs.every((r) => r.status === 'sent'));
    // Only this test's rows: the background worker may still be delivering a row of an earlier test that it
    // claimed before the DELETE above, and that send lands on this spy (the 121-vs-120 flake under load).
    const ours = new Set(sent.map((r) => r.id));
    const ids = send.mock.calls.map(([m]) => m.id).filter((id) => ours.has(id));
    expect(ours.size).toBe(120);
    expect(ids).toHaveLength(120);
    expect(new Set(ids).size).toBe(120);
    const rows = await outbox();
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('a transport error never fails the request; the row is retried later, and a user without email is skipped', async () => {
    await ctx.db.query('DELETE FROM notification');
    jest.spyOn(worker.transport, 'send').mockRejectedValue(new Error('SMTP down'));
    await ctx.http().post('/organization:members').set(auth()).send({ organization: 'red', users: 'ben,noemail', notify: true }).expect(200);
    const rows = await waitFor(outbox, (rs) => rs.length === 2 && rs.every((r) => r.attempts > 0 && r.status !== 'sending'));
    const byAddress = new Map(rows.map((r) => [r.to_address, r]));
    expect(byAddress.get('ben@example.com')).toMatchObject({ status: 'pending', attempts: 1, last_error: 'SMTP down' });
    expect(byAddress.get(null)).toMatchObject({ status: 'skipped' });
  });

  it('delivers through SMTP with nodemailer when SMTP_URL is set', async () => {
    const smtp = await fakeSmtp();
    const other = await createTestApp({ SMTP_URL: smtp.url });
    try {
      const g = new OrgFactory(other);
      await g.user('sam');
      await g.org('green', 'Green team');
      const t = await other.clientToken();
      await other.http().post('/organization:members').set('Authorization', `Bearer ${t}`).send({ organization: 'green', users: 'sam', notify: 'true' }).expect(200);
      const rows = await waitFor(
        () => other.db.query(`SELECT status FROM notification`) as Promise<{ status: string }[]>,
        (rs) => rs.length === 1 && rs[0].status === 'sent',
      );
      expect(rows).toEqual([{ status: 'sent' }]);
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0].raw).toContain('sam@example.com');
      expect(smtp.received[0].raw).toContain('Subject: Your membership in Green team');
      await other.app.get(NotificationsWorker).runOnce();
      expect(smtp.received).toHaveLength(1);
    } finally {
      await other.close();
      smtp.server.close();
    }
  });
});
