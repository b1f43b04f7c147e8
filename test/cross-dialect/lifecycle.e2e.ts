import { hashSecret } from '../../src/core/auth/password-hasher';
import { TestContext, createTestApp } from '../support/test-app';

/** A user's deactivation and deletion, made through one dialect, hold in every dialect. */
describe('Cross-dialect: deactivation and deletion', () => {
  let ctx: TestContext;
  const as = (t: string) => ctx.as(t);
  let a: ReturnType<typeof as>;
  const C1 = 'course-v1:acme+C1+2024';
  let facility: string;
  let classroom: string;

  const login = async (username: string, password = 'pass-word-123') => {
    await ctx.db.query(`UPDATE "user" SET password_hash = $2 WHERE username = $1`, [username, await hashSecret(password)]);
    return (await ctx.http().post('/api/auth/session').send({ username, password }).expect(200)).body.access_token as string;
  };
  const uuidOf = async (username: string): Promise<string> => (await ctx.db.query(`SELECT id FROM "user" WHERE username = $1`, [username]))[0].id;

  /** Puts a user in every dialect: classroom, organization, Enabley group, a course. */
  const everywhere = async (username: string) => {
    await a.post('/api/auth/membership/').send({ user: await uuidOf(username), collection: classroom }).expect(201);
    await a.post('/organization:members').send({ organization: 'acme', users: username }).expect(200);
    await a.post(`/api/v1/groups/g1/users/${username}`).expect(200);
    await a.post('/api/bulk_enroll/v1/bulk_enroll').send({ action: 'enroll', courses: C1, identifiers: username }).expect(200);
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    a = as(await ctx.clientToken());
    await a.put('/api/v1/channels').send({ identifier: C1, name: 'Course One', type: 'COURSE' }).expect(201);
    facility = (await a.post('/api/auth/facility/').send({ name: 'F' }).expect(201)).body.id;
    classroom = (await a.post('/api/auth/classroom/').send({ name: 'Room', parent: facility }).expect(201)).body.id;
    await a.post('/organizations').send({ code: 'acme', name: 'Acme' }).expect(200);
    await a.put('/api/v1/groups').send({ identifier: 'g1', name: 'G1' }).expect(201);
  });
  afterAll(() => ctx.close());

  it('a Triboo DELETE makes the user’s session token answer 401 in every dialect', async () => {
    await a.post('/api/extended/v1/users/').send({ username: 'dora', email: 'dora@example.com' }).expect(201);
    await everywhere('dora');
    const t = as(await login('dora'));
    await t.get(`/api/auth/classroom/${classroom}/`).expect(200);
    await a.delete('/api/extended/v1/users_by_username/dora/').expect(200);
    await t.get(`/api/auth/classroom/${classroom}/`).expect(401);
    await t.get('/api/auth/facility/').expect(401);
    await t.get('/user:organizations?user=dora').expect(401);
    await t.get('/organizations').expect(401);
    await t.get('/api/v2/users/dora').expect(401);
    await t.get('/api/v1/users/dora/groups').expect(401);
    await t.get('/api/extended/v1/user_progress_report_by_username/dora/').expect(401);
    await t.get('/api/extended/v1/courses/').expect(401);
    // and cannot log in again
    await ctx.http().post('/api/auth/session').send({ username: 'dora', password: 'pass-word-123' }).expect(401);
    // the others see an inactive user
    expect((await a.get('/api/v2/users/dora').expect(200)).body.isActive).toBe(false);
  });

  it('an Enabley deactivation (isActive=false) also revokes the session', async () => {
    await a.put('/api/v2/users').send({ identifier: 'ivy', username: 'ivy', email: 'ivy@example.com' }).expect(201);
    await everywhere('ivy');
    const t = as(await login('ivy'));
    await t.get('/user:organizations?user=ivy').expect(200);
    await a.put('/api/v2/users/ivy?isActive=false').expect(200);
    await t.get('/user:organizations?user=ivy').expect(401);
    await t.get(`/api/auth/classroom/${classroom}/`).expect(401);
    const tri = await a.get('/api/extended/v1/users_by_username/ivy/').expect(200);
    expect(tri.body.is_active).toBe(false);
  });

  it('an Enabley DELETE really deletes: gone from Triboo, Kolibri and Organizations with its memberships and enrollments', async () => {
    await a.post('/api/extended/v1/users/').send({ username: 'zed', email: 'zed@example.com' }).expect(201);
    await everywhere('zed');
    const id = await uuidOf('zed');
    const hex = id.replace(/-/g, '');
    const userId = (await a.get('/api/extended/v1/users_by_username/zed/').expect(200)).body.user_id;
    const t = as(await login('zed'));
    await a.delete('/api/v2/users/zed').expect((r) => expect([200, 204]).toContain(r.status));
    await t.get('/api/v2/users/zed').expect(401);
    await a.get('/api/v2/users/zed').expect(404);
    await a.get('/api/extended/v1/users_by_username/zed/').expect(404);
    await a.get(`/api/extended/v1/users/${userId}/`).expect(404);
    await a.get('/api/extended/v1/user_progress_report_by_username/zed/').expect(404);
    const rep = (await a.get(`/api/extended/v1/course_progress_report/${C1}/`).expect(200)).body;
    expect(rep.enrollments.map((e: { username: string }) => e.username)).not.toContain('zed');
    expect((await a.get(`/api/v2/channels/channels/${C1}/members/count`).expect(200)).body.learners).toBe(2); // dora and ivy, inactive
    await a.get(`/api/auth/facilityuser/${hex}/`).expect(404);
    const mem = (await a.get(`/api/auth/membership/?collection=${classroom}`).expect(200)).body;
    expect(mem.map((m: { user: string }) => m.user)).not.toContain(hex);
    const om = (await a.get('/organization:members?organization=acme').expect(200)).body;
    expect(JSON.stringify(om)).not.toContain('zed');
    await a.get('/user:organizations?user=zed').expect(404);
    const g = (await a.get('/api/v1/groups/g1').expect(200)).body;
    expect(JSON.stringify(g)).not.toContain('zed');
    expect(await ctx.db.query(`SELECT 1 FROM enrollment WHERE user_id = $1`, [id])).toEqual([]);
    // the identifiers are free again in every dialect
    await a.post('/api/extended/v1/users/').send({ username: 'zed', email: 'zed@example.com' }).expect(201);
  });
});
