import { TestContext, createTestApp } from '../support/test-app';
import { accountId, auth, course, userToken } from './helpers';

describe('Triboo courses and progress reports', () => {
  let ctx: TestContext;
  let token: string;
  let acct: string;
  const users: Record<string, { user_id: number; id: string }> = {};

  const mkUser = async (username: string, extra: Record<string, unknown> = {}) => {
    const res = await ctx.http().post('/api/extended/v1/users').set(auth(token)).send({ username, email: `${username}@example.com`, ...extra }).expect(201);
    const [{ id }] = await ctx.db.query(`SELECT id FROM "user" WHERE user_id = $1`, [res.body.user_id]);
    users[username] = { user_id: res.body.user_id, id };
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    token = await ctx.clientToken();
    acct = await accountId(ctx);
  });
  afterAll(() => ctx.close());

  describe('GET /api/extended/v1/courses/', () => {
    it('lists started COURSE channels only, with the seed fields, paginated', async () => {
      const demo = await course(ctx, acct, 'course-v1:edX+DemoX+Demo_Course', { name: 'Demonstration Course', start: '2013-02-05T05:00:00Z' });
      await ctx.db.query(`UPDATE channel SET description = 'Short', language = 'en', categories = '{Security}', tags = '{a,b}', image_url = 'https://img/x.jpg', duration = 150 WHERE id = $1`, [demo]);
      await ctx.db.query(`INSERT INTO triboo_course_catalog (channel_id, instructors, countries, learning_groups, banner_image_url) VALUES ($1, '{Ann}', '{FR}', '{lg1}', 'https://img/banner.jpg')`, [demo]);
      await course(ctx, acct, 'course-v1:edX+E2E-101+course', { name: 'E2E Test Course', start: '2016-01-01T00:00:00Z' });
      await course(ctx, acct, 'course-v1:edX+Future+2999', { start: '2999-01-01T00:00:00Z' });
      await course(ctx, acct, 'stream-1', { type: 'STREAM' });
      const res = await ctx.http().get('/api/extended/v1/courses/').set(auth(token)).expect(200);
      expect(res.body).toMatchObject({ count: 2, num_pages: 1, current_page: 1, next: null, previous: null, start: 0 });
      expect(res.body.results[0]).toEqual({
        id: 'course-v1:edX+DemoX+Demo_Course',
        display_name: 'Demonstration Course',
        overview_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/courses\/course-v1:edX\+DemoX\+Demo_Course\/about$/),
        start: '2013-02-05T05:00:00.000Z',
        card_image_url: 'https://img/x.jpg',
        banner_image_url: 'https://img/banner.jpg',
        short_description: 'Short',
        instructors: ['Ann'],
        effort: '02:30',
        language: 'en',
        course_category: 'Security',
        tags: ['a', 'b'],
        countries: ['FR'],
        learning_groups: ['lg1'],
        modified: expect.stringMatching(/Z$/),
      });
      expect(res.body.results[1]).toMatchObject({ id: 'course-v1:edX+E2E-101+course', instructors: [], countries: [], learning_groups: [], effort: null, short_description: null });
      const p2 = await ctx.http().get('/api/extended/v1/courses?page_size=1&page=2').set(auth(token)).expect(200);
      expect(p2.body.results.map((c: { id: string }) => c.id)).toEqual(['course-v1:edX+E2E-101+course']);
      expect(p2.body.previous).toContain('before=');
      const p1 = await ctx.http().get('/api/extended/v1/courses?page_size=1').set(auth(token)).expect(200);
      const next = new URL(p1.body.next);
      expect((await ctx.http().get(next.pathname + next.search).set(auth(token)).expect(200)).body.results.map((c: { id: string }) => c.id)).toEqual(['course-v1:edX+E2E-101+course']);
      await ctx.http().get('/api/extended/v1/courses?page=3&page_size=1').set(auth(token)).expect(404);
      await ctx.http().get('/api/extended/v1/courses?page_size=abc').set(auth(token)).expect(400);
    });

    it('is empty for another account and refused to learners', async () => {
      const { token: other } = await ctx.newAccount('acme-courses');
      expect((await ctx.http().get('/api/extended/v1/courses/').set(auth(other)).expect(200)).body.count).toBe(0);
      await mkUser('plainlearner');
      const t = await userToken(ctx, 'plainlearner');
      await ctx.http().get('/api/extended/v1/courses/').set(auth(t)).expect(403);
    });
  });

  describe('progress reports', () => {
    let c1: string;
    let c2: string;
    beforeAll(async () => {
      c1 = await course(ctx, acct, 'course-v1:demo+F07+2020_T2', { name: 'My First Course' });
      c2 = await course(ctx, acct, 'course-v1:edX+AGT101+2020_T1', { name: 'Global Security Awareness (English)' });
      await mkUser('janedeer', { name: 'Jane Deer', lt_supervisor: 'boss' });
      await mkUser('john', { lt_supervisor: 'boss' });
      await mkUser('other', { lt_supervisor: 'someone' });
      await mkUser('gone', { lt_supervisor: 'boss' });
      const items = await ctx.db.query(
        `INSERT INTO content_item (channel_id, identifier, name, scored, position) VALUES ($1, 'b1', 'Section 1 - badge 1', true, 1), ($1, 'b2', 'Section 2 - badge 2', true, 2), ($1, 'x', 'Reading', false, 3) RETURNING id`,
        [c1],
      );
      const enroll = (u: string, c: string, extra: string) =>
        ctx.db.query(`INSERT INTO enrollment (account_id, user_id, channel_id, ${extra.split('|')[0]}) VALUES ($1, $2, $3, ${extra.split('|')[1]})`, [acct, users[u].id, c]);
      await enroll('janedeer', c1, `status, progress, score, time_spent_seconds, enrolled_at, completed_at|'finished', 100, 89, 1403094, '2021-08-01T01:00:00Z', '2021-08-08T01:00:00Z'`);
      await enroll('janedeer', c2, `status, progress, enrolled_at|'in_progress', 40, '2021-10-01T00:00:00Z'`);
      await enroll('john', c2, `status, progress, score, enrolled_at, completed_at|'failed', 100, 20, '2022-02-01T00:00:00Z', '2022-02-02T00:00:00Z'`);
      await enroll('other', c2, `is_active, enrolled_at|false, '2021-10-01T00:00:00Z'`);
      await enroll('gone', c2, `enrolled_at|'2021-10-01T00:00:00Z'`);
      await ctx.db.query(`INSERT INTO content_progress (user_id, content_item_id, completed, score, completed_at) VALUES ($1, $2, true, 90, '2021-08-08T00:30:00Z')`, [users.janedeer.id, items[0].id]);
      await ctx.http().delete('/api/extended/v1/users_by_username/gone').set(auth(token)).expect(200);
    });

    const janeReport = () => ({
      username: 'janedeer',
      user_id: users.janedeer.user_id,
      name: 'Jane Deer',
      courses: [
        {
          course_id: 'course-v1:demo+F07+2020_T2',
          course_title: 'My First Course',
          status: 'finished',
          progress: 100,
          current_score: 89,
          total_time_spent: 1403094,
          enrollment_date: '2021-08-01T01:00:00.000Z',
          completion_date: '2021-08-08T01:00:00.000Z',
          badges: [
            { badge: 'Section 1 - badge 1', score: 90, success: true, success_date: '2021-08-08T00:30:00.000Z' },
            { badge: 'Section 2 - badge 2', score: 0, success: false, success_date: null },
          ],
        },
        { course_id: 'course-v1:edX+AGT101+2020_T1', course_title: 'Global Security Awareness (English)', status: 'in_progress', progress: 40, current_score: 0, total_time_spent: 0, enrollment_date: '2021-10-01T00:00:00.000Z', completion_date: null, badges: [] },
      ],
    });

    it('answers one user by id, username and email', async () => {
      expect((await ctx.http().get(`/api/extended/v1/user_progress_report/${users.janedeer.user_id}/`).set(auth(token)).expect(200)).body).toEqual(janeReport());
      expect((await ctx.http().get('/api/extended/v1/user_progress_report_by_username/janedeer/').set(auth(token)).expect(200)).body).toEqual(janeReport());
      expect((await ctx.http().get('/api/extended/v1/user_progress_report_by_email/JaneDeer@example.com/').set(auth(token)).expect(200)).body).toEqual(janeReport());
      expect((await ctx.http().get('/api/extended/v1/user_progress_report_by_username/nobody/').set(auth(token)).expect(404)).body).toEqual({ status: 'user_not_found', detail: expect.any(String) });
      expect((await ctx.http().get('/api/extended/v1/user_progress_report_by_username/gone/').set(auth(token)).expect(409)).body.status).toBe('user_inactive');
      await ctx.http().get('/api/extended/v1/user_progress_report/xyz/').set(auth(token)).expect(400);
    });

    it('answers lists by ids, usernames and emails, active users only', async () => {
      const ids = `${users.john.user_id},${users.janedeer.user_id},${users.gone.user_id},999999`;
      const byIds = await ctx.http().get(`/api/extended/v1/user_progress_report/?user_id=${ids}/`).set(auth(token)).expect(200);
      expect(byIds.body).toMatchObject({ count: 2, num_pages: 1, current_page: 1, next: null, previous: null, start: 0 });
      expect(byIds.body.results).toEqual([janeReport(), expect.objectContaining({ username: 'john' })]);
      expect(byIds.body.results[1].courses).toEqual([expect.objectContaining({ status: 'failed', completion_date: '2022-02-02T00:00:00.000Z' })]);
      const byNames = await ctx.http().get('/api/extended/v1/user_progress_report_by_username/?username=john,janedeer,gone').set(auth(token)).expect(200);
      expect(byNames.body.results.map((r: { username: string }) => r.username)).toEqual(['janedeer', 'john']);
      const byEmails = await ctx.http().get('/api/extended/v1/user_progress_report_by_email/?email=JOHN@example.com,other@example.com').set(auth(token)).expect(200);
      expect(byEmails.body.results).toEqual([expect.objectContaining({ username: 'john' }), { username: 'other', user_id: users.other.user_id, name: '', courses: [] }]);
    });

    it('filters by supervisor=', async () => {
      const res = await ctx.http().get('/api/extended/v1/user_progress_report/?supervisor=boss').set(auth(token)).expect(200);
      expect(res.body.results.map((r: { username: string }) => r.username)).toEqual(['janedeer', 'john']);
      const paged = await ctx.http().get('/api/extended/v1/user_progress_report_by_username/?supervisor=boss&page_size=1&page=2').set(auth(token)).expect(200);
      expect(paged.body).toMatchObject({ count: 2, num_pages: 2, current_page: 2 });
      expect(paged.body.results.map((r: { username: string }) => r.username)).toEqual(['john']);
      const narrowed = await ctx.http().get('/api/extended/v1/user_progress_report_by_email/?supervisor=boss&email=other@example.com,john@example.com').set(auth(token)).expect(200);
      expect(narrowed.body.results.map((r: { username: string }) => r.username)).toEqual(['john']);
      await ctx.http().get('/api/extended/v1/user_progress_report_by_username/other/?supervisor=boss').set(auth(token)).expect(404);
      const all = await ctx.http().get('/api/extended/v1/user_progress_report/').set(auth(token)).expect(200);
      expect(all.body.results.map((r: { username: string }) => r.username)).not.toContain('gone');
    });

    it('reports a course by its key with : and + in the path, with from/to', async () => {
      const res = await ctx.http().get('/api/extended/v1/course_progress_report/course-v1:edX+AGT101+2020_T1/').set(auth(token)).expect(200);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.body).toEqual({
        course_id: 'course-v1:edX+AGT101+2020_T1',
        course_title: 'Global Security Awareness (English)',
        enrollments: [
          { username: 'janedeer', user_id: users.janedeer.user_id, name: 'Jane Deer', status: 'In Progress', progress: 40, current_score: 0, total_time_spent: 0, enrollment_date: '2021-10-01T00:00:00.000Z', completion_date: null },
          { username: 'john', user_id: users.john.user_id, name: '', status: 'Unsuccessful', progress: 100, current_score: 20, total_time_spent: 0, enrollment_date: '2022-02-01T00:00:00.000Z', completion_date: '2022-02-02T00:00:00.000Z' },
        ],
      });
      const encoded = await ctx.http().get(`/api/extended/v1/course_progress_report/${encodeURIComponent('course-v1:edX+AGT101+2020_T1')}`).set(auth(token)).expect(200);
      expect(encoded.body.enrollments).toHaveLength(2);
      const win = await ctx.http().get('/api/extended/v1/course_progress_report/course-v1:edX+AGT101+2020_T1/?from=2021-09-15&to=2022-01-01').set(auth(token)).expect(200);
      expect(win.body.enrollments.map((e: { username: string }) => e.username)).toEqual(['janedeer']);
      const from = await ctx.http().get('/api/extended/v1/course_progress_report/course-v1:edX+AGT101+2020_T1/?from=2022-02-01').set(auth(token)).expect(200);
      expect(from.body.enrollments.map((e: { username: string }) => e.username)).toEqual(['john']);
      const finished = await ctx.http().get('/api/extended/v1/course_progress_report/course-v1:demo+F07+2020_T2').set(auth(token)).expect(200);
      expect(finished.body.enrollments[0].status).toBe('Successful');
      for (const qs of ['to=2022-01-01', 'from=2021-13-01', 'from=2021-02-30', 'from=yesterday', 'from=2022-01-02&to=2022-01-01', 'bogus=1']) {
        const bad = await ctx.http().get(`/api/extended/v1/course_progress_report/course-v1:edX+AGT101+2020_T1/?${qs}`).set(auth(token)).expect(400);
        expect(bad.body).toEqual({ status: 'error', detail: expect.any(String) });
      }
      const nf = await ctx.http().get('/api/extended/v1/course_progress_report/course-v1:no+such+course/').set(auth(token)).expect(404);
      expect(nf.body).toEqual({ status: 'not_found', detail: expect.any(String) });
    });

    it('writes the course report byte for byte as json_build_object/json_agg over its rows would', async () => {
      // The reference is the statement the route used before it built the JSON with concat().
      const reference = (channelId: string) =>
        ctx.db.query(
          `SELECT json_build_object('course_id', c.identifier, 'course_title', c.name, 'enrollments', coalesce(json_agg(r ORDER BY r.user_id) FILTER (WHERE r.user_id IS NOT NULL), '[]'::json))::text AS body
             FROM channel c LEFT JOIN LATERAL (
               SELECT u.username, u.user_id, u.full_name AS name,
                      CASE e.status WHEN 'not_started' THEN 'Not Started' WHEN 'in_progress' THEN 'In Progress' WHEN 'finished' THEN 'Successful' ELSE 'Unsuccessful' END AS status,
                      e.progress, coalesce(e.score, 0) AS current_score, e.time_spent_seconds AS total_time_spent,
                      to_char(e.enrolled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS enrollment_date,
                      to_char(e.completed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS completion_date
                 FROM enrollment e JOIN "user" u ON u.id = e.user_id WHERE e.channel_id = c.id AND e.is_active AND u.is_active
             ) r ON true WHERE c.id = $1 GROUP BY c.identifier, c.name`,
          [channelId],
        ) as Promise<{ body: string }[]>;
      const odd = await course(ctx, acct, 'course-v1:odd+Q1+2024', { name: 'Quotes "and" \\ back\tslash — é 😀' });
      const names = ['Ann "the" \\ Tab\tNew\nline', 'Zoë 😀 \u0001', ''];
      for (const [i, name] of names.entries()) {
        const [{ id }] = await ctx.db.query(
          `INSERT INTO "user" (account_id, identifier, username, username_key, email, full_name) VALUES ($1, $2, $2, $2, $3, $4) RETURNING id`,
          [acct, `odd-${i}`, `odd-${i}@example.com`, name],
        );
        await ctx.db.query(`INSERT INTO enrollment (account_id, user_id, channel_id, status, progress, score, completed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
          acct, id, odd, ['finished', 'failed', 'not_started'][i], 10 * i, i ? null : 77, i === 1 ? null : '2024-03-04T05:06:07.891234Z',
        ]);
      }
      for (const channelId of [odd, c1, c2]) {
        const [{ identifier }] = await ctx.db.query(`SELECT identifier FROM channel WHERE id = $1`, [channelId]);
        const res = await ctx.http().get(`/api/extended/v1/course_progress_report/${encodeURIComponent(identifier)}`).set(auth(token)).expect(200);
        expect(res.text).toBe((await reference(channelId))[0].body);
      }
      const empty = await course(ctx, acct, 'course-v1:odd+Empty+2024', { name: 'Empty' });
      const res = await ctx.http().get('/api/extended/v1/course_progress_report/course-v1:odd+Empty+2024').set(auth(token)).expect(200);
      expect(res.text).toBe((await reference(empty))[0].body);
      expect(res.body.enrollments).toEqual([]);

      // 5,600 active rows: more than one FETCH of 5 chunks of 1,000, so the answer streams (chunked, no Content-Length).
      const big = await course(ctx, acct, 'course-v1:odd+Big+2024', { name: 'Big' });
      await ctx.db.query(
        `INSERT INTO "user" (account_id, identifier, username, username_key, email, full_name, is_active)
         SELECT $1, 'big-' || g, 'big-' || g, 'big-' || g, 'big-' || g || '@example.com', CASE WHEN g % 3 = 0 THEN '' ELSE 'Big "' || g || '"' END, g % 101 <> 0
           FROM generate_series(1, 5800) g`,
        [acct],
      );
      await ctx.db.query(
        `INSERT INTO enrollment (account_id, user_id, channel_id, status, progress, score, time_spent_seconds, enrolled_at, completed_at, is_active)
         SELECT $1, u.id, $2, (ARRAY['not_started', 'in_progress', 'finished', 'failed'])[u.user_id % 4 + 1], u.user_id % 101, CASE WHEN u.user_id % 5 = 0 THEN NULL ELSE u.user_id % 97 END,
                u.user_id, timestamptz '2024-01-01' + u.user_id * interval '1 minute 0.0123 s', CASE WHEN u.user_id % 2 = 0 THEN timestamptz '2024-06-01 00:00:00.9999Z' END, u.user_id % 89 <> 0
           FROM "user" u WHERE u.account_id = $1 AND u.identifier LIKE 'big-%'`,
        [acct, big],
      );
      const streamed = await ctx.http().get('/api/extended/v1/course_progress_report/course-v1:odd+Big+2024/').set(auth(token)).expect(200);
      expect(streamed.headers['content-length']).toBeUndefined();
      expect(streamed.text).toBe((await reference(big))[0].body);
      expect(streamed.body.enrollments.length).toBeGreaterThan(5000);
      const windowed = await ctx.http().get('/api/extended/v1/course_progress_report/course-v1:odd+Big+2024/?from=2024-01-02&to=2024-01-03').set(auth(token)).expect(200);
      const [{ n }] = await ctx.db.query(
        `SELECT count(*)::int AS n FROM enrollment e JOIN "user" u ON u.id = e.user_id WHERE e.channel_id = $1 AND e.is_active AND u.is_active AND e.enrolled_at >= '2024-01-02Z' AND e.enrolled_at < '2024-01-04Z'`,
        [big],
      );
      expect(windowed.body.enrollments).toHaveLength(n);
    });

    it('keeps reports inside the account', async () => {
      const { token: other } = await ctx.newAccount('acme-reports');
      await ctx.http().get(`/api/extended/v1/user_progress_report/${users.janedeer.user_id}/`).set(auth(other)).expect(404);
      await ctx.http().get('/api/extended/v1/course_progress_report/course-v1:edX+AGT101+2020_T1/').set(auth(other)).expect(404);
      expect((await ctx.http().get('/api/extended/v1/user_progress_report/?supervisor=boss').set(auth(other)).expect(200)).body.count).toBe(0);
    });
  });
});
