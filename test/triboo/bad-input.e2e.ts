import { TestContext, createTestApp } from '../support/test-app';
import { accountId, auth, course } from './helpers';

/** Bad input anywhere in the Triboo dialect answers 4xx in {"status", "detail"}, never a 500. */
describe('Triboo: bad input', () => {
  let ctx: TestContext;
  let token: string;
  const COURSE = 'course-v1:edX+DemoX+Demo_Course';
  beforeAll(async () => {
    ctx = await createTestApp();
    token = await ctx.clientToken();
    await course(ctx, await accountId(ctx), COURSE);
    await ctx.http().post('/api/extended/v1/users/').set(auth(token)).send({ username: 'user8', email: 'user8@example.com' }).expect(201);
  });
  afterAll(() => ctx.close());

  const tribooError = (res: { status: number; body: unknown }, status = 400) => {
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ status: expect.any(String), detail: expect.any(String) });
  };

  it('answers 400, not 500, to a NUL character in paths, queries and bodies', async () => {
    const h = () => ctx.http();
    const calls = [
      h().get('/api/extended/v1/users_by_username/a%00b/'),
      h().get('/api/extended/v1/users_by_username/?username=a%00b'),
      h().delete('/api/extended/v1/users_by_username/?username=a%00b'),
      h().get('/api/extended/v1/user_progress_report_by_email/a%00b@x.com/'),
      h().get('/api/extended/v1/user_progress_report/?supervisor=a%00b'),
      h().get('/api/extended/v1/course_progress_report/a%00b/'),
      h().get('/api/bulk_enroll/v1/audit?course_id=a%00'),
      h().post('/api/extended/v1/users/').send({ username: 'u20', email: 'u20@example.com', city: 'a\u0000b' }),
      h().put('/update_user_by_username/user8').send({ lt_area: 'a\u0000' }),
      h().post('/api/bulk_enroll/v1/bulk_enroll').send({ action: 'enroll', courses: COURSE, identifiers: 'a\u0000b@x.com' }),
      h().post('/api/bulk_enroll/v1/bulk_enroll').send({ action: 'enroll', courses: 'course-v1:a\u0000+b+c', identifiers: 'a@x.com' }),
      h().post('/api/enrollment/v1/enrollment').send({ user: 'a\u0000', course_details: { course_id: COURSE } }),
    ];
    for (const call of calls) tribooError(await call.set(auth(token)));
  });

  it('names a left-out username or email "This field is required.", not every format rule it fails', async () => {
    const none = await ctx.http().post('/api/extended/v1/users/').set(auth(token)).send({}).expect(400);
    expect(none.body).toEqual({ status: 'error', detail: 'username: This field is required. email: This field is required.' });
    const noEmail = await ctx.http().post('/api/extended/v1/users/').set(auth(token)).send({ username: 'user21' }).expect(400);
    expect(noEmail.body).toEqual({ status: 'error', detail: 'email: This field is required.' });
    // A value given but wrong still gets its format rule.
    const bad = await ctx.http().post('/api/extended/v1/users/').set(auth(token)).send({ username: 'a b', email: 'x@example.com' }).expect(400);
    expect(bad.body.detail).toBe('username: username may contain only letters, digits and @/./+/-/_ characters.');
  });

  it('answers malformed URLs and over-long path parameters in the Triboo shape', async () => {
    const bad = await ctx.http().get('/api/extended/v1/users_by_username/%ZZ/').set(auth(token));
    tribooError(bad, 400);
    const long = await ctx.http().get(`/api/extended/v1/users_by_username/${'a'.repeat(600)}/`).set(auth(token));
    expect(long.status).toBeGreaterThanOrEqual(400);
    expect(long.status).toBeLessThan(500);
    expect(long.body).toEqual({ status: expect.any(String), detail: expect.any(String) });
  });

  it('refuses an impossible calendar date in lt_hire_date', async () => {
    for (const d of ['2021-02-30', '2021-04-31', '2023-02-29']) {
      tribooError(await ctx.http().post('/api/extended/v1/users/').set(auth(token)).send({ username: 'hire', email: 'hire@example.com', lt_hire_date: d }));
    }
    const leap = await ctx.http().post('/api/extended/v1/users/').set(auth(token)).type('form').send({ username: 'hire', email: 'hire@example.com', lt_hire_date: '2024-02-29' }).expect(201);
    expect(leap.body.lt_hire_date).toBe('2024-02-29');
  });

  it('answers page_size over 1000 with 400 and pages out of range with 404, on every list', async () => {
    for (const path of ['/api/extended/v1/users/', '/api/extended/v1/users_by_username/?username=user8&', '/api/extended/v1/courses/', '/api/extended/v1/user_progress_report/', '/api/bulk_enroll/v1/audit']) {
      const sep = path.endsWith('&') ? '' : '?';
      tribooError(await ctx.http().get(`${path}${sep}page_size=1001`).set(auth(token)), 400);
      tribooError(await ctx.http().get(`${path}${sep}page_size=abc`).set(auth(token)), 400);
      expect((await ctx.http().get(`${path}${sep}page_size=1000`).set(auth(token))).status).toBe(200);
      for (const page of ['0', '999']) {
        const res = await ctx.http().get(`${path}${sep}page=${page}`).set(auth(token));
        tribooError(res, 404);
        expect(res.body.detail).toBe('Invalid page.');
      }
    }
  });

  it('refuses keyset hints beyond the integer range instead of failing', async () => {
    for (const path of ['/api/extended/v1/users/', '/api/extended/v1/user_progress_report/']) {
      for (const q of ['after=9999999999', 'before=9999999999', 'after=2147483648']) {
        tribooError(await ctx.http().get(`${path}?${q}`).set(auth(token)), 400);
      }
      expect((await ctx.http().get(`${path}?after=2147483647`).set(auth(token))).status).toBe(200);
    }
  });
});
