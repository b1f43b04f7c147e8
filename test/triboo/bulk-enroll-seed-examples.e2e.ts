import { TestContext, createTestApp } from '../support/test-app';
import { accountId, auth, course } from './helpers';

/** Bulk enroll and the enrollment API driven as the seed documents them. */
describe('Triboo: bulk enroll and enrollment', () => {
  let ctx: TestContext;
  let token: string;
  const COURSE = 'course-v1:triboo+DemoX+Demo_Course';
  beforeAll(async () => {
    ctx = await createTestApp();
    token = await ctx.clientToken();
    await course(ctx, await accountId(ctx), COURSE, { name: 'Demo Course' });
    await ctx.http().post('/api/extended/v1/users/').set(auth(token)).send({ username: 'bdero', email: 'bdero@example.com' }).expect(201);
  });
  afterAll(() => ctx.close());

  it('answers the seed example request with the seed example response', async () => {
    const res = await ctx
      .http()
      .post('/api/bulk_enroll/v1/bulk_enroll')
      .set('Authorization', `JWT ${token}`)
      .set('Content-Type', 'application/json')
      .send('{"action": "enroll", "auto_enroll": true, "email_students": true, "courses": "course-v1:triboo+DemoX+Demo_Course", "identifiers": "brandon+testenroll@triboolearning.com"}')
      .expect(200);
    expect(res.body).toEqual({
      action: 'enroll',
      courses: {
        'course-v1:triboo+DemoX+Demo_Course': {
          action: 'enroll',
          results: [
            {
              identifier: 'brandon+testenroll@triboolearning.com',
              after: { enrollment: false, allowed: true, user: false, auto_enroll: true },
              before: { enrollment: false, allowed: false, user: false, auto_enroll: false },
            },
          ],
          auto_enroll: true,
        },
      },
      email_students: true,
      auto_enroll: true,
    });
  });

  it('reads a course key whose + was decoded to a space by an unencoded form body', async () => {
    const res = await ctx
      .http()
      .post('/api/bulk_enroll/v1/bulk_enroll/')
      .set(auth(token))
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send('action=enroll&auto_enroll=true&email_students=false&courses=course-v1:triboo+DemoX+Demo_Course&identifiers=bdero')
      .expect(200);
    expect(Object.keys(res.body.courses)).toEqual([COURSE]);
    expect(res.body.courses[COURSE].results).toEqual([{ identifier: 'bdero', before: expect.objectContaining({ enrollment: false }), after: expect.objectContaining({ enrollment: true, user: true }) }]);
    // Both spellings of one course in one call are one course.
    const twice = await ctx.http().post('/api/bulk_enroll/v1/bulk_enroll').set(auth(token)).type('form').send({ action: 'unenroll', courses: `${COURSE},course-v1:triboo DemoX Demo_Course`, identifiers: 'bdero' }).expect(200);
    expect(Object.keys(twice.body.courses)).toEqual([COURSE]);
    const bad = await ctx.http().post('/api/bulk_enroll/v1/bulk_enroll').set(auth(token)).type('form').send({ action: 'enroll', courses: 'course-v1:no such course', identifiers: 'bdero' }).expect(404);
    expect(bad.body).toEqual({ status: 'not_found', detail: expect.any(String) });
  });

  it('answers the enrollment API example (the seed spells the key "course id") and 406 for an unknown user', async () => {
    const res = await ctx
      .http()
      .post('/api/enrollment/v1/enrollment')
      .set(auth(token))
      .send({ mode: 'honor', course_details: { 'course id': COURSE }, is_active: true, username: 'bdero' })
      .expect(200);
    expect(res.body).toMatchObject({ mode: 'honor', is_active: true, user: 'bdero', course_details: { course_id: COURSE, course_name: 'Demo Course' } });
    const nf = await ctx.http().post('/api/enrollment/v1/enrollment/').set(auth(token)).send({ mode: 'honor', course_details: { course_id: COURSE }, is_active: true, username: 'nobody' }).expect(406);
    expect(nf.body).toMatchObject({ status: expect.any(String), detail: 'The user nobody does not exist.' });
    await ctx.http().post('/api/enrollment/v1/enrollment').set(auth(token)).send({ course_details: { course_id: 'course-v1:x+y+z' }, user: 'bdero' }).expect(400);
    await ctx.http().post('/api/enrollment/v1/enrollment').set(auth(token)).send({ course_details: {}, user: 'bdero' }).expect(400);
    for (const isActive of ['perhaps', 'yes', 'true', 'false', 1, 0]) {
      const bad = await ctx.http().post('/api/enrollment/v1/enrollment').set(auth(token)).send({ course_details: { course_id: COURSE }, user: 'bdero', is_active: isActive });
      expect([bad.status, bad.body]).toEqual([400, { status: 'error', detail: expect.any(String) }]);
    }
  });
});
