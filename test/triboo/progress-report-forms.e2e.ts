import { TestContext, createTestApp } from '../support/test-app';
import { accountId, auth, course } from './helpers';

/** Progress reports in every documented form. */
describe('Triboo: progress reports', () => {
  let ctx: TestContext;
  let token: string;
  const ids: Record<string, number> = {};
  const COURSE = 'course-v1:demo+F07+2020_T2';
  beforeAll(async () => {
    ctx = await createTestApp();
    token = await ctx.clientToken();
    const acct = await accountId(ctx);
    const channel = await course(ctx, acct, COURSE, { name: 'My First Course' });
    for (const [username, email] of [['janedeer', 'jane+deer@example.com'], ['edx', 'edx@example.com']]) {
      const res = await ctx.http().post('/api/extended/v1/users/').set(auth(token)).send({ username, email, name: username === 'janedeer' ? 'Jane Deer' : '', lt_supervisor: 'boss' }).expect(201);
      ids[username] = res.body.user_id;
    }
    await ctx.db.query(
      `INSERT INTO enrollment (account_id, user_id, channel_id, status, progress, score, time_spent_seconds, enrolled_at) SELECT $1, id, $2, 'in_progress', 50, 60, 10, '2021-09-20T00:00:00Z' FROM "user" WHERE username = 'janedeer'`,
      [acct, channel],
    );
  });
  afterAll(() => ctx.close());

  it('answers all six user report forms with the same report', async () => {
    const jane = { username: 'janedeer', user_id: ids.janedeer, name: 'Jane Deer', courses: [expect.objectContaining({ course_id: COURSE, course_title: 'My First Course', status: 'in_progress', progress: 50, current_score: 60, total_time_spent: 10, badges: [] })] };
    const singles = [
      `/api/extended/v1/user_progress_report/${ids.janedeer}/`,
      `/api/extended/v1/user_progress_report/${ids.janedeer}`,
      '/api/extended/v1/user_progress_report_by_username/janedeer/',
      '/api/extended/v1/user_progress_report_by_email/jane+deer@example.com/',
    ];
    for (const path of singles) expect((await ctx.http().get(path).set(auth(token)).expect(200)).body).toEqual(jane);
    const lists = [
      `/api/extended/v1/user_progress_report/?user_id=${ids.janedeer},${ids.edx}/`,
      `/api/extended/v1/user_progress_report_by_username/?username=janedeer,edx`,
      `/api/extended/v1/user_progress_report_by_email/?email=${encodeURIComponent('jane+deer@example.com')},edx@example.com`,
      // A `+` left unencoded in the query string arrives as a space.
      '/api/extended/v1/user_progress_report_by_email/?email=jane+deer@example.com,edx@example.com',
      '/api/extended/v1/user_progress_report/?supervisor=boss',
    ];
    for (const path of lists) {
      const res = await ctx.http().get(path).set(auth(token)).expect(200);
      expect(res.body).toEqual({ count: 2, num_pages: 1, current_page: 1, results: [jane, { username: 'edx', user_id: ids.edx, name: '', courses: [] }], next: null, start: 0, previous: null });
    }
  });

  it('answers the course report with from/to and refuses bad dates in the Triboo shape', async () => {
    const res = await ctx.http().get(`/api/extended/v1/course_progress_report/${COURSE}/?from=2021-09-15&to=2022-01-01`).set(auth(token)).expect(200);
    expect(res.body).toEqual({
      course_id: COURSE,
      course_title: 'My First Course',
      enrollments: [{ username: 'janedeer', user_id: ids.janedeer, name: 'Jane Deer', status: 'In Progress', progress: 50, current_score: 60, total_time_spent: 10, enrollment_date: '2021-09-20T00:00:00.000Z', completion_date: null }],
    });
    for (const qs of ['from=2021-9-15', 'from=15-09-2021', 'from=2021-09-15T00:00:00Z', 'to=2021-02-30&from=2021-01-01', 'from=']) {
      const bad = await ctx.http().get(`/api/extended/v1/course_progress_report/${COURSE}/?${qs}`).set(auth(token)).expect(400);
      expect(bad.body).toEqual({ status: 'error', detail: expect.any(String) });
    }
  });
});
