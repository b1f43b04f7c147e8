import { NotificationsService } from '../../src/core/notifications/notifications.service';
import { UsersService } from '../../src/core/users/users.service';
import { TestContext, createTestApp } from '../support/test-app';
import { accountId, auth, course, userToken } from './helpers';

const S = (user: boolean, enrollment: boolean, allowed: boolean, auto_enroll: boolean) => ({ user, enrollment, allowed, auto_enroll });
const C1 = 'course-v1:triboo+Demo+123';
const C2 = 'course-v1:triboo+DemoX+Demo_Course';

describe('Triboo bulk enroll', () => {
  let ctx: TestContext;
  let token: string;
  let acct: string;
  let c1: string;
  let c2: string;

  const bulk = (body: Record<string, unknown>, t = token) => ctx.http().post('/api/bulk_enroll/v1/bulk_enroll').set(auth(t)).send(body);
  const mkUser = (username: string, email = `${username}@example.com`) =>
    ctx.http().post('/api/extended/v1/users').set(auth(token)).send({ username, email }).expect(201);
  const enrolled = async (username: string, channel: string) =>
    (await ctx.db.query(`SELECT e.is_active FROM enrollment e JOIN "user" u ON u.id = e.user_id WHERE u.username = $1 AND e.channel_id = $2`, [username, channel]))[0]?.is_active ?? false;
  const pending = async (email: string) => ctx.db.query(`SELECT channel_id, auto_enroll FROM pending_enrollment WHERE email = $1 ORDER BY channel_id`, [email]);
  const snapshot = async () => ({
    e: await ctx.db.query(`SELECT user_id, channel_id, is_active, mode FROM enrollment ORDER BY 1, 2`),
    p: await ctx.db.query(`SELECT email, channel_id, auto_enroll FROM pending_enrollment ORDER BY 1, 2`),
    a: await ctx.db.query(`SELECT count(*)::int AS n FROM triboo_enrollment_audit`),
    n: await ctx.db.query(`SELECT count(*)::int AS n FROM notification`),
  });

  beforeAll(async () => {
    ctx = await createTestApp();
    token = await ctx.clientToken();
    acct = await accountId(ctx);
    c1 = await course(ctx, acct, C1, { name: 'Demo 123' });
    c2 = await course(ctx, acct, C2, { name: 'Demo Course' });
    await mkUser('alice');
    await mkUser('bob');
  });
  afterAll(() => ctx.close());

  it('pre-enrolls an unregistered email, enrolls registered users, flags invalid identifiers (Open edX shape)', async () => {
    const res = await bulk({ action: 'enroll', auto_enroll: true, email_students: true, courses: `${C1},${C2}`, identifiers: 'brandon+testenroll@triboolearning.com, alice@example.com\nbob  not-an-email' }).expect(200);
    expect(res.body.action).toBe('enroll');
    expect(res.body.auto_enroll).toBe(true);
    expect(res.body.email_students).toBe(true);
    expect(Object.keys(res.body.courses)).toEqual([C1, C2]);
    expect(res.body.courses[C1]).toEqual({
      action: 'enroll',
      auto_enroll: true,
      results: [
        { identifier: 'brandon+testenroll@triboolearning.com', before: S(false, false, false, false), after: S(false, false, true, true) },
        { identifier: 'alice@example.com', before: S(true, false, false, false), after: S(true, true, false, false) },
        { identifier: 'bob', before: S(true, false, false, false), after: S(true, true, false, false) },
        { identifier: 'not-an-email', invalidIdentifier: true },
      ],
    });
    expect(await enrolled('alice', c2)).toBe(true);
    expect(await enrolled('bob', c1)).toBe(true);
    expect(await pending('brandon+testenroll@triboolearning.com')).toHaveLength(2);
    const notes = await ctx.db.query(`SELECT to_address, subject FROM notification ORDER BY to_address`);
    expect(notes).toEqual([
      { to_address: 'alice@example.com', subject: 'You have been enrolled' },
      { to_address: 'bob@example.com', subject: 'You have been enrolled' },
      { to_address: 'brandon+testenroll@triboolearning.com', subject: 'You have been invited to register' },
    ]);
    const again = await bulk({ action: 'enroll', courses: C1, identifiers: 'alice@example.com,ALICE@example.com' }).expect(200);
    expect(again.body.courses[C1].results).toEqual([
      { identifier: 'alice@example.com', before: S(true, true, false, false), after: S(true, true, false, false) },
      { identifier: 'ALICE@example.com', before: S(true, true, false, false), after: S(true, true, false, false) },
    ]);
    expect(again.body).toMatchObject({ auto_enroll: false, email_students: false });
  });

  it('turns an auto-enroll pre-enrollment into an enrollment when the user registers through Triboo', async () => {
    const reg = await mkUser('brandon', 'Brandon+TestEnroll@triboolearning.com');
    expect(reg.body.status).toBe('user_created');
    expect(await enrolled('brandon', c1)).toBe(true);
    expect(await enrolled('brandon', c2)).toBe(true);
    expect(await pending('brandon+testenroll@triboolearning.com')).toEqual([]);
    const report = await ctx.http().get('/api/extended/v1/user_progress_report_by_username/brandon').set(auth(token)).expect(200);
    expect(report.body.courses.map((c: { course_id: string }) => c.course_id).sort()).toEqual([C1, C2].sort());
  });

  it('keeps a pre-enrollment without auto_enroll as allowed only, and claims it on an email change', async () => {
    const res = await bulk({ action: 'enroll', auto_enroll: 'false', courses: C1, identifiers: 'later@example.com' }).expect(200);
    expect(res.body.courses[C1].results[0].after).toEqual(S(false, false, true, false));
    await bulk({ action: 'enroll', auto_enroll: true, courses: C2, identifiers: 'later@example.com' }).expect(200);
    await mkUser('later-user', 'someone-else@example.com');
    await ctx.http().put('/update_user_by_username/later-user').set(auth(token)).send({ email: 'later@example.com' }).expect(200);
    expect(await enrolled('later-user', c2)).toBe(true);
    expect(await enrolled('later-user', c1)).toBe(false);
  });

  it('unenrolls users and removes pre-enrollments, with audit rows', async () => {
    await bulk({ action: 'enroll', courses: C1, identifiers: 'ghost@example.com' }).expect(200);
    const res = await bulk({ action: 'unenroll', courses: C1, identifiers: 'alice, ghost@example.com, nobody@example.com' }).expect(200);
    expect(res.body.courses[C1].results).toEqual([
      { identifier: 'alice', before: S(true, true, false, false), after: S(true, false, false, false) },
      { identifier: 'ghost@example.com', before: S(false, false, true, false), after: S(false, false, false, false) },
      { identifier: 'nobody@example.com', before: S(false, false, false, false), after: S(false, false, false, false) },
    ]);
    expect(await enrolled('alice', c1)).toBe(false);
    expect(await pending('ghost@example.com')).toEqual([]);
    const audit = await ctx.http().get(`/api/bulk_enroll/v1/audit?course_id=${encodeURIComponent(C1)}&page_size=1000`).set(auth(token)).expect(200);
    const transitions = audit.body.results.map((r: { identifier: string; state_transition: string }) => `${r.identifier}: ${r.state_transition}`);
    expect(transitions).toEqual(
      expect.arrayContaining([
        'brandon+testenroll@triboolearning.com: from unenrolled to allowed to enroll',
        'alice@example.com: from unenrolled to enrolled',
        'alice@example.com: from enrolled to enrolled',
        'alice: from enrolled to unenrolled',
        'ghost@example.com: from allowed to enroll to unenrolled',
        'nobody@example.com: from unenrolled to unenrolled',
      ]),
    );
    expect(audit.body.results[0]).toMatchObject({ course_id: C1, action: 'enroll', enrolled_by: 'client:test-client', created: expect.stringMatching(/Z$/) });
    const aliceRow = audit.body.results.find((r: { identifier: string }) => r.identifier === 'alice');
    expect(aliceRow).toMatchObject({ username: 'alice', user_id: expect.any(Number), email: 'alice@example.com', action: 'unenroll' });
    // A one-identifier call for an unregistered email: its user columns are NULL, not empty arrays.
    const ghostRow = audit.body.results.find((r: { identifier: string; action: string }) => r.identifier === 'ghost@example.com' && r.action === 'enroll');
    expect(ghostRow).toMatchObject({ username: null, user_id: null, email: 'ghost@example.com', state_transition: 'from unenrolled to allowed to enroll' });
    // Every entry once, in order, walking next links and by page number alike.
    const all = (await ctx.http().get('/api/bulk_enroll/v1/audit?page_size=1000').set(auth(token)).expect(200)).body;
    const ids: string[] = [];
    let page = (await ctx.http().get('/api/bulk_enroll/v1/audit?page_size=3').set(auth(token)).expect(200)).body;
    for (;;) {
      ids.push(...page.results.map((r: { id: string }) => r.id));
      const direct = (await ctx.http().get(`/api/bulk_enroll/v1/audit?page_size=3&page=${page.current_page}`).set(auth(token)).expect(200)).body;
      expect(direct.results).toEqual(page.results);
      if (!page.next) break;
      const url = new URL(page.next);
      page = (await ctx.http().get(url.pathname + url.search).set(auth(token)).expect(200)).body;
    }
    expect(ids).toEqual(all.results.map((r: { id: string }) => r.id));
    expect(all.count).toBe(ids.length);
    const prevUrl = new URL(page.previous);
    const prev = (await ctx.http().get(prevUrl.pathname + prevUrl.search).set(auth(token)).expect(200)).body;
    expect(prev.results.map((r: { id: string }) => r.id)).toEqual(ids.slice((page.current_page - 2) * 3, (page.current_page - 1) * 3));
    await ctx.http().get('/api/bulk_enroll/v1/audit?course_id=course-v1:no+such+thing').set(auth(token)).expect(404);
  });

  it('re-enrolls from allowed: "from allowed to enroll to enrolled" for a registered user with a pending row', async () => {
    await mkUser('carol');
    await ctx.db.query(`INSERT INTO pending_enrollment (account_id, email, channel_id, auto_enroll) VALUES ($1, 'carol@example.com', $2, false)`, [acct, c1]);
    const res = await bulk({ action: 'enroll', courses: C1, identifiers: 'carol@example.com' }).expect(200);
    expect(res.body.courses[C1].results[0]).toEqual({ identifier: 'carol@example.com', before: S(true, false, true, false), after: S(true, true, true, false) });
    const audit = await ctx.http().get('/api/bulk_enroll/v1/audit?page=last&page_size=1').set(auth(token)).expect(200);
    expect(audit.body.results).toEqual([expect.objectContaining({ identifier: 'carol@example.com', username: 'carol', state_transition: 'from allowed to enroll to enrolled' })]);
  });

  it('fails the whole call on a malformed or unknown course, changing nothing', async () => {
    const before = await snapshot();
    const bad = await bulk({ action: 'enroll', email_students: true, courses: `${C1},not a course`, identifiers: 'bob,new1@example.com' }).expect(400);
    expect(bad.body).toEqual({ status: 'error', detail: expect.any(String) });
    const unknown = await bulk({ action: 'unenroll', email_students: true, courses: `${C1},course-v1:x+y+z`, identifiers: 'bob,new1@example.com' }).expect(404);
    expect(unknown.body).toEqual({ status: 'not_found', detail: expect.any(String) });
    expect(await snapshot()).toEqual(before);
  });

  it('leaves nothing half-written when a late statement fails', async () => {
    const before = await snapshot();
    const spy = jest.spyOn(ctx.app.get(NotificationsService), 'enqueue').mockRejectedValueOnce(new Error('outbox down'));
    try {
      const res = await bulk({ action: 'enroll', auto_enroll: true, email_students: true, courses: `${C1},${C2}`, identifiers: 'bob,carol,late-fail@example.com' }).expect(500);
      expect(res.body).toEqual({ status: 'error', detail: expect.any(String) });
    } finally {
      spy.mockRestore();
    }
    expect(await snapshot()).toEqual(before);
  });

  it('pre-enrolls an inactive user by email and enrolls them when reactivated', async () => {
    await mkUser('dave');
    await ctx.http().delete('/api/extended/v1/users_by_username/dave').set(auth(token)).expect(200);
    const res = await bulk({ action: 'enroll', auto_enroll: true, courses: C2, identifiers: 'dave@example.com' }).expect(200);
    expect(res.body.courses[C2].results[0]).toEqual({ identifier: 'dave@example.com', before: S(true, false, false, false), after: S(true, false, true, true) });
    expect(await enrolled('dave', c2)).toBe(false);
    const users = ctx.app.get(UsersService);
    const dave = (await users.findByUsername(acct, 'dave'))!;
    await users.update(dave, { isActive: true });
    expect(await enrolled('dave', c2)).toBe(true);
    expect(await pending('dave@example.com')).toEqual([]);
  });

  it('refuses bad input in the Triboo shape', async () => {
    for (const body of [
      { courses: C1, identifiers: 'bob' },
      { action: 'subscribe', courses: C1, identifiers: 'bob' },
      { action: 'enroll', identifiers: 'bob' },
      { action: 'enroll', courses: C1 },
      { action: 'enroll', courses: C1, identifiers: ' , \n ' },
      { action: 'enroll', courses: C1, identifiers: 'bob', auto_enroll: 'perhaps' },
      { action: 'enroll', courses: C1, identifiers: 'bob', cohorts: 'x' },
    ]) {
      const res = await bulk(body).expect(400);
      expect(res.body).toEqual({ status: 'error', detail: expect.any(String) });
    }
  });

  it('accepts a form body', async () => {
    const res = await ctx.http().post('/api/bulk_enroll/v1/bulk_enroll').set(auth(token)).type('form').send({ action: 'enroll', auto_enroll: 'true', courses: C2, identifiers: 'bob' }).expect(200);
    expect(res.body.courses[C2].results[0].after).toEqual(S(true, true, false, false));
  });

  it('is for staff only, and stays inside the account', async () => {
    await ctx.http().post('/api/extended/v1/users').set(auth(token)).send({ username: 'learner', email: 'learner@example.com' }).expect(201);
    await ctx.http().post('/api/extended/v1/users').set(auth(token)).send({ username: 'padmin', email: 'padmin@example.com', platform_role: 'Platform Admin' }).expect(201);
    const learner = await userToken(ctx, 'learner');
    await bulk({ action: 'enroll', courses: C1, identifiers: 'bob' }, learner).expect(403);
    await ctx.http().get('/api/bulk_enroll/v1/audit').set(auth(learner)).expect(403);
    await ctx.http().post('/api/bulk_enroll/v1/bulk_enroll').send({ action: 'enroll', courses: C1, identifiers: 'bob' }).expect(401);
    const admin = await userToken(ctx, 'padmin');
    const res = await bulk({ action: 'enroll', courses: C1, identifiers: 'learner' }, admin).expect(200);
    expect(res.body.courses[C1].results[0].after.enrollment).toBe(true);
    const { token: other } = await ctx.newAccount('acme-bulk');
    await bulk({ action: 'enroll', courses: C1, identifiers: 'bob' }, other).expect(404);
    expect((await ctx.http().get('/api/bulk_enroll/v1/audit').set(auth(other)).expect(200)).body.count).toBe(0);
  });

  it('runs a fixed number of statements whatever the number of identifiers', async () => {
    const count = async (n: number) => {
      const identifiers = Array.from({ length: n }, (_, i) => `fixed${n}-${i}@example.com`).join('\n');
      const queries: string[] = [];
      const qr = ctx.db.createQueryRunner();
      const proto = Object.getPrototypeOf(qr) as { query: (q: string, ...a: unknown[]) => Promise<unknown> };
      await qr.release();
      const real = proto.query;
      proto.query = function (this: unknown, q: string, ...a: unknown[]) {
        queries.push(q);
        return real.call(this, q, ...a);
      };
      try {
        await bulk({ action: 'enroll', auto_enroll: true, email_students: true, courses: `${C1},${C2}`, identifiers: `bob,${identifiers}` }).expect(200);
      } finally {
        proto.query = real;
      }
      if (process.env.DEBUG_Q) console.error(queries.map((q) => q.trim().slice(0, 80)).join('\n'));
      // The notifications worker runs beside the call; only the call's own statements count.
      return queries.filter((q) => !/^(START TRANSACTION|COMMIT|ROLLBACK|BEGIN|UPDATE notification)/i.test(q.trim())).length;
    };
    const small = await count(3);
    const large = await count(2000);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(12);
  });
  it('enrolls a user named by username and by email in one call once, and pre-enrolls an email named twice once', async () => {
    await mkUser('frank');
    const res = await bulk({ action: 'enroll', courses: C2, identifiers: 'frank,Frank@example.com,twice@example.com,TWICE@example.com' }).expect(200);
    const results = res.body.courses[C2].results;
    expect(results.map((r: { identifier: string }) => r.identifier)).toEqual(['frank', 'Frank@example.com', 'twice@example.com', 'TWICE@example.com']);
    // Two keys for one user: each reports the state before the call.
    expect(results[1]).toEqual({ identifier: 'Frank@example.com', before: S(true, false, false, false), after: S(true, true, false, false) });
    expect(await enrolled('frank', c2)).toBe(true);
    expect((await ctx.db.query(`SELECT count(*)::int AS n FROM enrollment e JOIN "user" u ON u.id = e.user_id WHERE u.username = 'frank'`))[0].n).toBe(1);
    expect(await pending('twice@example.com')).toEqual([{ channel_id: c2, auto_enroll: false }]);
  });
});
