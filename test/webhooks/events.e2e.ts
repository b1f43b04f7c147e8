import { TestContext, createTestApp } from '../support/test-app';
import { Agent } from '../support/test-context';
import { Received, Receiver, startReceiver } from './receiver';

const C1 = 'course-v1:acme+W1+2024';
const C2 = 'course-v1:acme+W2+2024';

/** Every event type, fired through each dialect that can cause it, delivered signed (Standard Webhooks). */
describe('Webhooks: events from every dialect', () => {
  let ctx: TestContext;
  let a: Agent;
  let hook: Receiver;
  let secret: string;

  const user = (r: Received) => (r.event.data.user ?? r.event.data) as { username: string };
  const course = (r: Received) => (r.event.data.course ?? r.event.data) as { identifier: string };
  /** Waits for `n` events of `type` matching `where`, and returns them. */
  const events = async (type: string, where: (r: Received) => boolean, n = 1) => {
    await hook.waitFor(() => hook.ofType(type).filter(where).length >= n);
    return hook.ofType(type).filter(where);
  };
  const of = (username: string) => (r: Received) => user(r).username === username;

  beforeAll(async () => {
    ctx = await createTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_RETRY_SCHEDULE: '1,1,1' });
    a = ctx.as(await ctx.clientToken());
    hook = await startReceiver();
    const created = await a.post('/api/platform/v1/webhooks', { url: hook.url, events: ['*'], description: 'everything' }).expect(201);
    secret = created.body.secret;
  });
  afterAll(async () => {
    await ctx.close();
    await hook.close();
  });

  it('course.created and course.updated for COURSE channels only', async () => {
    await a.put('/api/v1/channels', { identifier: C1, name: 'One', type: 'COURSE' }).expect(201);
    await a.put('/api/v1/channels', { identifier: C2, name: 'Two', type: 'COURSE' }).expect(201);
    await a.put('/api/v1/channels', { identifier: 'stream-w', name: 'Stream', type: 'STREAM' }).expect(201);
    await a.put('/api/v1/channels', { identifier: C1, name: 'One, renamed' }).expect(200);
    const [createdEvent] = await events('course.created', (r) => course(r).identifier === C1);
    expect(createdEvent.event.data).toMatchObject({ identifier: C1, name: 'One', id: expect.any(String) });
    const [updated] = await events('course.updated', (r) => course(r).identifier === C1);
    expect(updated.event.data).toMatchObject({ name: 'One, renamed', changed: ['name'] });
    expect(hook.received.some((r) => JSON.stringify(r.event.data).includes('stream-w'))).toBe(false);
  });

  it('user.created through Triboo, Enabley and Kolibri', async () => {
    await a.post('/api/extended/v1/users/', { username: 'tina', email: 'tina@example.com', first_name: 'Tina' }).expect(201);
    await a.put('/api/v2/users', { identifier: 'ext-eve', username: 'eve', email: 'eve@example.com', firstName: 'Eve' }).expect(201);
    const fac = await a.post('/api/auth/facility/', { name: 'WF' }).expect(201);
    await a.post('/api/auth/facilityuser/', { username: 'kid', password: 'kid-password-1', full_name: 'Kid K', facility: fac.body.id }).expect(201);
    const [tina] = await events('user.created', of('tina'));
    expect(tina.event.data).toMatchObject({ username: 'tina', identifier: 'tina', email: 'tina@example.com', first_name: 'Tina', user_id: expect.any(Number), id: expect.any(String) });
    const [eve] = await events('user.created', of('eve'));
    expect(eve.event.data).toMatchObject({ identifier: 'ext-eve', username: 'eve' });
    const [kid] = await events('user.created', of('kid'));
    expect(kid.event.data).toMatchObject({ username: 'kid', full_name: 'Kid K' });
  });

  it('user.updated names the changed fields; deactivation and reactivation are their own events', async () => {
    await a.put('/api/v2/users', { identifier: 'ext-eve', firstName: 'Evelyn' }).expect(200);
    const [upd] = await events('user.updated', of('eve'));
    expect(upd.event.data).toMatchObject({ first_name: 'Evelyn' });
    expect(upd.event.data.changed).toContain('first_name');
    const tinaId = (await a.get('/api/extended/v1/users_by_username/tina/').expect(200)).body.user_id;
    await a.delete(`/api/extended/v1/users/${tinaId}`).expect(200);
    const [off] = await events('user.deactivated', of('tina'));
    expect(off.event.data).toMatchObject({ is_active: false });
    await ctx.http().put('/api/v2/users/tina?isActive=true').set('Authorization', `Bearer ${await ctx.clientToken()}`).expect(200);
    const [on] = await events('user.reactivated', of('tina'));
    expect(on.event.data).toMatchObject({ is_active: true });
    expect(hook.ofType('user.updated').filter(of('tina'))).toHaveLength(0); // activation is not an "update"
  });

  it('enrollment.created by the Triboo enrollment API, bulk enroll, Enabley user and group assignment, and a claimed pre-enrollment', async () => {
    await a.post('/api/enrollment/v1/enrollment', { user: 'tina', course_details: { course_id: C1 } }).expect((r) => expect([200, 201]).toContain(r.status));
    await a.post('/api/bulk_enroll/v1/bulk_enroll', { action: 'enroll', courses: `${C1},${C2}`, identifiers: 'kid' }).expect(200);
    await a.post(`/api/v2/channels/${C1}/users/ext-eve`).expect(200);
    await a.put('/api/v2/users', { identifier: 'gus', username: 'gus', email: 'gus@example.com' }).expect(201);
    await a.put('/api/v1/groups', { identifier: 'wg', name: 'WG' }).expect(201);
    await a.post('/api/v1/groups/wg/users/gus').expect(200);
    await a.post(`/api/v1/channels/${C2}/groups/wg`).expect((r) => expect([200, 201, 204]).toContain(r.status));
    await a.post('/api/bulk_enroll/v1/bulk_enroll', { action: 'enroll', auto_enroll: true, courses: C2, identifiers: 'new.comer@example.com' }).expect(200);
    await a.put('/api/v2/users', { identifier: 'newcomer', username: 'newcomer', email: 'New.Comer@example.com' }).expect(201);

    const [t] = await events('enrollment.created', of('tina'));
    expect(t.event.data).toMatchObject({ course: { identifier: C1 }, user: { username: 'tina', identifier: 'tina', user_id: expect.any(Number) }, status: 'not_started' });
    expect((await events('enrollment.created', of('kid'), 2)).map((r) => course(r).identifier).sort()).toEqual([C1, C2]);
    expect((await events('enrollment.created', of('eve')))[0].event.data).toMatchObject({ course: { identifier: C1 } });
    expect((await events('enrollment.created', of('gus')))[0].event.data).toMatchObject({ course: { identifier: C2 }, source: 'group' });
    expect((await events('enrollment.created', of('newcomer')))[0].event.data).toMatchObject({ course: { identifier: C2 } });

    const [summary] = await events('bulk_enroll.completed', (r) => JSON.stringify(r.event.data).includes(C1));
    expect(summary.event.data).toMatchObject({ action: 'enroll', entries: 1, audit_id: expect.any(Number), counts: { 'from unenrolled to enrolled': 2 } });
    expect((summary.event.data.courses as { identifier: string }[]).map((c) => c.identifier).sort()).toEqual([C1, C2]);
  });

  it('enrollment.completed (forceComplete, content progress) and certificate.issued', async () => {
    await a.put('/api/v1/certificates', { externalCertificateId: 'w-cert', name: 'W Cert', courseIds: [C1] }).expect((r) => expect([200, 201]).toContain(r.status));
    await a.post(`/api/v4/channels/forceComplete/channel/${C1}/user/tina`).expect(200);
    const [done] = await events('enrollment.completed', of('tina'));
    expect(done.event.data).toMatchObject({ status: 'finished', progress: 100, course: { identifier: C1 }, completed_at: expect.stringMatching(/Z$/) });
    const [cert] = await events('certificate.issued', of('tina'));
    expect(cert.event.data).toMatchObject({ certificate: { external_certificate_id: 'w-cert', name: 'W Cert' }, certification_date: expect.stringMatching(/Z$/) });

    await a.put(`/api/v1/channels/${C2}/contentItems`, { items: [{ identifier: 'only', name: 'Only item' }] }).expect(200);
    await a.put(`/api/v1/channels/${C2}/contentItems/only/users/gus/progress`, { completed: true, score: 90 }).expect(200);
    const [byProgress] = await events('enrollment.completed', of('gus'));
    expect(byProgress.event.data).toMatchObject({ course: { identifier: C2 }, status: 'finished' });
  });

  it('enrollment.ended by Triboo unenroll and Enabley removal; user.deleted', async () => {
    await a.post('/api/bulk_enroll/v1/bulk_enroll', { action: 'unenroll', courses: C2, identifiers: 'kid' }).expect(200);
    await a.delete(`/api/v1/channels/${C1}/users/ext-eve`).expect((r) => expect(r.status).toBeLessThan(300));
    expect((await events('enrollment.ended', of('kid')))[0].event.data).toMatchObject({ course: { identifier: C2 } });
    expect((await events('enrollment.ended', of('eve')))[0].event.data).toMatchObject({ course: { identifier: C1 } });
    await a.delete('/api/v2/users/gus').expect(200);
    const [gone] = await events('user.deleted', of('gus'));
    expect(gone.event.data).toMatchObject({ username: 'gus', identifier: 'gus' });
    // The cascade of a deleted user's enrollments is said by user.deleted, not by an enrollment.ended each.
    expect(hook.ofType('enrollment.ended').filter(of('gus'))).toHaveLength(0);
  });

  it('every delivery verifies with standardwebhooks; bodies carry type, ISO timestamp and a strictly increasing sequence', async () => {
    await a.post('/api/extended/v1/users/', { username: 'last', email: 'last@example.com' }).expect(201);
    await events('user.created', of('last'));
    hook.verifyAll(secret);
    const ids = new Set(hook.received.map((r) => r.headers['webhook-id']));
    expect(ids.size).toBe(hook.received.length);
    for (const r of hook.received) {
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.event.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    const seqs = hook.received.map((r) => r.event.sequence);
    expect(new Set(seqs).size).toBe(seqs.length);
    // Events of successive requests: the later change has the larger number.
    const first = hook.ofType('course.created')[0].event.sequence;
    const lastSeq = hook.ofType('user.created').filter(of('last'))[0].event.sequence;
    expect(lastSeq).toBeGreaterThan(first);
  });

  it('another account sees neither these events nor this webhook', async () => {
    const other = await ctx.newAccount();
    const otherHook = await startReceiver();
    try {
      const mine = (await a.get('/api/platform/v1/webhooks').expect(200)).body[0];
      await other.api.get(`/api/platform/v1/webhooks/${mine.id}`).expect(404);
      await other.api.post('/api/platform/v1/webhooks', { url: otherHook.url, events: ['user.created'] }).expect(201);
      await other.api.post('/api/extended/v1/users/', { username: 'theirs', email: 'theirs@example.com' }).expect(201);
      await a.post('/api/extended/v1/users/', { username: 'ours', email: 'ours@example.com' }).expect(201);
      await otherHook.waitFor((rs) => rs.length >= 1);
      await events('user.created', of('ours'));
      expect(otherHook.received.map((r) => user(r).username)).toEqual(['theirs']);
      expect(hook.received.some((r) => user(r).username === 'theirs')).toBe(false);
    } finally {
      await otherHook.close();
    }
  });
});
