import { TestContext, createTestApp } from '../support/test-app';
import { accountId, auth, course, userToken } from './helpers';

const CID = 'course-v1:triboo+Demo+123';

describe('Triboo enrollment API', () => {
  let ctx: TestContext;
  let token: string;
  let acct: string;
  let channel: string;
  const post = (body: unknown, t = token) => ctx.http().post('/api/enrollment/v1/enrollment').set(auth(t)).send(body as object);

  beforeAll(async () => {
    ctx = await createTestApp();
    token = await ctx.clientToken();
    acct = await accountId(ctx);
    channel = await course(ctx, acct, CID, { name: 'Demo course', start: '2021-01-01T00:00:00Z' });
    await ctx.http().post('/api/extended/v1/users').set(auth(token)).send({ username: 'bdero', email: 'bdero@example.com' }).expect(201);
  });
  afterAll(() => ctx.close());

  it('enrolls one user in one course and answers the enrollment', async () => {
    const res = await post({ mode: 'honor', course_details: { 'course id': CID }, is_active: true, username: 'bdero' }).expect(200);
    expect(res.body).toEqual({
      created: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
      mode: 'honor',
      is_active: true,
      user: 'bdero',
      course_details: { course_id: CID, course_name: 'Demo course', course_start: '2021-01-01T00:00:00.000Z', course_end: null },
    });
    const again = await post({ user: 'bdero', course_details: { course_id: CID } }).expect(200);
    expect(again.body).toEqual(res.body);
    const rows = await ctx.db.query(`SELECT is_active, mode FROM enrollment WHERE channel_id = $1`, [channel]);
    expect(rows).toEqual([{ is_active: true, mode: 'honor' }]);
  });

  it('changes the mode and unenrolls with is_active false', async () => {
    expect((await post({ user: 'bdero', mode: 'verified', course_details: { course_id: CID } }).expect(200)).body.mode).toBe('verified');
    const off = await post({ user: 'bdero', is_active: false, course_details: { course_id: CID } }).expect(200);
    expect(off.body).toMatchObject({ is_active: false, user: 'bdero' });
    const report = await ctx.http().get('/api/extended/v1/user_progress_report_by_username/bdero').set(auth(token)).expect(200);
    expect(report.body.courses).toEqual([]);
    expect((await post({ user: 'bdero', course_details: { course_id: CID } }).expect(200)).body.is_active).toBe(true);
  });

  it('answers 406 for an unknown user and 400 for a missing or unknown course or bad input', async () => {
    const nf = await post({ user: 'ghost', course_details: { course_id: CID } }).expect(406);
    expect(nf.body).toMatchObject({ status: 'user_not_found', detail: 'The user ghost does not exist.', message: 'The user ghost does not exist.' });
    for (const body of [
      { user: 'bdero', course_details: {} },
      { user: 'bdero', course_details: { course_id: 'course-v1:no+such+course' } },
      { user: 'bdero' },
      { user: 'bdero', is_active: 'sometimes', course_details: { course_id: CID } },
      { user: 'bdero', is_active: 3, course_details: { course_id: CID } },
      { user: 'bdero', course_details: { course_id: CID }, extra: 1 },
      { course_details: { course_id: CID } },
    ]) {
      const res = await post(body).expect(400);
      expect(res.body).toEqual({ status: 'error', detail: expect.any(String) });
    }
  });

  it('is for staff only and stays inside the account', async () => {
    const learner = await userToken(ctx, 'bdero');
    await post({ user: 'bdero', course_details: { course_id: CID } }, learner).expect(403);
    const { token: other } = await ctx.newAccount('acme-enroll');
    await post({ user: 'bdero', course_details: { course_id: CID } }, other).expect(406);
  });
});
