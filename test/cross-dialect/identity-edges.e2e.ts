import { TestContext, createTestApp } from '../support/test-app';

/** Changes made through one dialect to a shared user or enrollment, read back through the others. */
describe('Cross-dialect: renames, unenrollments, deletions', () => {
  let ctx: TestContext;
  const as = (t: string) => ctx.as(t);
  let a: ReturnType<typeof as>;
  const C1 = 'course-v1:acme+C1+2024';
  let facility: string;
  let classroom: string;
  const uuidOf = async (username: string): Promise<string> => (await ctx.db.query(`SELECT id FROM "user" WHERE username = $1`, [username]))[0].id;

  beforeAll(async () => {
    ctx = await createTestApp();
    a = as(await ctx.clientToken());
    await a.put('/api/v1/channels').send({ identifier: C1, name: 'Course One', type: 'COURSE' }).expect(201);
    facility = (await a.post('/api/auth/facility/').send({ name: 'F' }).expect(201)).body.id;
    classroom = (await a.post('/api/auth/classroom/').send({ name: 'Room', parent: facility }).expect(201)).body.id;
    await a.post('/organizations').send({ code: 'acme', name: 'Acme' }).expect(200);
  });
  afterAll(() => ctx.close());

  it('a Triboo username equal to another user’s Enabley identifier is a 4xx conflict, never a 500', async () => {
    await a.put('/api/v2/users').send({ identifier: 'carl', username: 'c1', email: 'c1@example.com' }).expect(201);
    const res = await a.post('/api/extended/v1/users/').send({ username: 'carl', email: 'carl@example.com' });
    expect(res.status).toBe(409);
    expect(res.body.status).toBe('username_already_used');
    const k = await a.post('/api/auth/facilityuser/').send({ username: 'carl', password: 'carl-password-1', facility });
    expect(k.status).toBe(400);
  });

  it('a rename through Enabley or Triboo is what Kolibri shows, and frees the old name there', async () => {
    await a.post('/api/extended/v1/users/').send({ username: 'alice', email: 'alice@example.com' }).expect(201);
    const id = await uuidOf('alice');
    await a.post('/api/auth/membership/').send({ user: id, collection: classroom }).expect(201);
    await a.put('/api/v2/users').send({ identifier: 'alice', username: 'alicia' }).expect(200);
    expect((await a.get(`/api/auth/facilityuser/${id}/`).expect(200)).body.username).toBe('alicia');
    const list = (await a.get(`/api/auth/facilityuser/?member_of=${classroom}`).expect(200)).body;
    expect(list.map((u: { username: string }) => u.username)).toEqual(['alicia']);
    // Enabley keeps her identifier 'alice', so a new 'alice' collides on the identifier (reported as a username conflict)
    const r = await a.post('/api/auth/facilityuser/').send({ username: 'alice', password: 'alice-password-1', facility }).expect(400);
    expect(r.body[0].id).toBe('UNIQUE');
    // Triboo rename
    await a.put('/update_user_by_username/alicia/').send({ username: 'ally' }).expect(200);
    expect((await a.get(`/api/auth/facilityuser/${id}/`).expect(200)).body.username).toBe('ally');
    await a.post('/api/auth/facilityuser/').send({ username: 'alicia', password: 'alicia-password-1', facility }).expect(201);
    // a Kolibri user renamed through Triboo (its identifier follows the username) frees its old name in the facility
    const kate = (await a.post('/api/auth/facilityuser/').send({ username: 'kate', password: 'kate-password-1', facility }).expect(201)).body.id;
    await a.put('/update_user_by_username/kate/').send({ username: 'katie' }).expect(200);
    expect((await a.get(`/api/auth/facilityuser/${kate}/`).expect(200)).body.username).toBe('katie');
    await a.post('/api/auth/facilityuser/').send({ username: 'kate', password: 'kate-password-1', facility }).expect(201);
    await a.post('/api/auth/facilityuser/').send({ username: 'KATIE', password: 'katie-password-1', facility }).expect(400);
    // and she logs in to the facility under her new name
    await a.put('/api/v2/users').send({ identifier: 'alice', password: 'ally-password-1' }).expect(200);
    await ctx.http().post('/api/auth/session').send({ username: 'ally', password: 'ally-password-1', facility }).expect(200);
  });

  it('a rename to a name taken in the facility (case-insensitively) is refused, not a 500', async () => {
    await a.post('/api/auth/facilityuser/').send({ username: 'Bobby', password: 'bobby-password-1', facility }).expect(201);
    await a.post('/api/extended/v1/users/').send({ username: 'rob', email: 'rob@example.com' }).expect(201);
    await a.post('/api/auth/membership/').send({ user: await uuidOf('rob'), collection: classroom }).expect(201);
    const en = await a.put('/api/v2/users').send({ identifier: 'rob', username: 'bobby' });
    expect(en.status).toBeGreaterThanOrEqual(400);
    expect(en.status).toBeLessThan(500);
    const tri = await a.put('/update_user_by_username/rob/').send({ username: 'BOBBY' });
    expect(tri.status).toBe(409);
    expect(tri.body.status).toBe('username_already_used');
    expect((await a.get(`/api/auth/facilityuser/${await uuidOf('rob')}/`).expect(200)).body.username).toBe('rob');
  });

  it('an Enabley identifier change is the Organizations code', async () => {
    await a.put('/api/v2/users').send({ identifier: 'emp-1', username: 'dan', email: 'dan@example.com' }).expect(201);
    await a.post('/organization:members').send({ organization: 'acme', users: 'emp-1' }).expect(200);
    await a.put('/api/v2/users/identityManagement').send({ currentUserIdentifier: 'emp-1', newUserIdentifier: 'emp-2' }).expect(200);
    expect(JSON.stringify((await a.get('/user:organizations?user=emp-2').expect(200)).body)).toContain('acme');
    await a.get('/user:organizations?user=emp-1').expect(404);
    expect(JSON.stringify((await a.get('/organization:members?organization=acme').expect(200)).body)).toContain('emp-2');
  });

  it('email changes through Triboo are unique case-insensitively and claim pre-enrollments', async () => {
    await a.put('/api/v2/users').send({ identifier: 'fay', username: 'fay', email: 'Fay@Example.com' }).expect(201);
    await a.post('/api/extended/v1/users/').send({ username: 'gil', email: 'gil@example.com' }).expect(201);
    const dup = await a.put('/update_user_by_username/gil/').send({ email: 'fay@example.COM' }).expect(409);
    expect(dup.body.status).toBe('email_already_used');
    const dupE = await a.put('/api/v2/users').send({ identifier: 'fay', email: 'GIL@example.com' });
    expect(dupE.status).toBe(409);
    await a.post('/api/bulk_enroll/v1/bulk_enroll').send({ action: 'enroll', auto_enroll: true, courses: C1, identifiers: 'gil.new@example.com' }).expect(200);
    await a.put('/update_user_by_username/gil/').send({ email: 'Gil.New@example.com' }).expect(200);
    expect((await a.get('/api/v1/performance?externalUserId=gil').expect(200)).body.map((p: { externalChannelId: string }) => p.externalChannelId)).toEqual([C1]);
  });

  it('a user registered inactive claims its Triboo pre-enrollments when activated through Enabley', async () => {
    await a.post('/api/bulk_enroll/v1/bulk_enroll').send({ action: 'enroll', auto_enroll: true, courses: C1, identifiers: 'later@example.com,later2@example.com' }).expect(200);
    await a.put('/api/v2/users').send({ identifier: 'later', username: 'later', email: 'later@example.com', isActive: false }).expect(201);
    await a.put('/api/v2/users').send({ identifier: 'later2', username: 'later2', email: 'later2@example.com', isActive: false }).expect(201);
    expect((await a.get('/api/v1/performance?externalUserId=later').expect(200)).body).toEqual([]);
    await a.put('/api/v2/users/later?isActive=true').expect(200);
    await a.put('/api/v2/users').send({ identifier: 'later2', isActive: true }).expect(200);
    for (const u of ['later', 'later2']) {
      const perf = (await a.get(`/api/v1/performance?externalUserId=${u}`).expect(200)).body;
      expect([u, perf.map((p: { externalChannelId: string }) => p.externalChannelId)]).toEqual([u, [C1]]);
    }
  });

  it('unenrolling through either dialect is seen by the other', async () => {
    for (const u of ['hal', 'ian']) await a.post('/api/extended/v1/users/').send({ username: u, email: `${u}@example.com` }).expect(201);
    const c = encodeURIComponent(C1);
    await a.post(`/api/v2/channels/${c}/users/hal`).expect(200);
    await a.post('/api/bulk_enroll/v1/bulk_enroll').send({ action: 'enroll', courses: C1, identifiers: 'ian' }).expect(200);
    const before = (await a.get(`/api/v2/channels/channels/${c}/members/count`).expect(200)).body.learners;
    await a.post('/api/bulk_enroll/v1/bulk_enroll').send({ action: 'unenroll', courses: C1, identifiers: 'hal' }).expect(200);
    await a.delete(`/api/v1/channels/${c}/users/ian`).expect((r) => expect([200, 204]).toContain(r.status));
    expect((await a.get(`/api/v2/channels/channels/${c}/members/count`).expect(200)).body.learners).toBe(before - 2);
    const rep = (await a.get(`/api/extended/v1/course_progress_report/${C1}/`).expect(200)).body;
    expect(rep.enrollments.map((e: { username: string }) => e.username)).not.toEqual(expect.arrayContaining(['hal']));
    expect(rep.enrollments.map((e: { username: string }) => e.username)).not.toEqual(expect.arrayContaining(['ian']));
    expect((await a.get('/api/v1/performance?externalUserId=hal').expect(200)).body).toEqual([]);
    expect((await a.get('/api/extended/v1/user_progress_report_by_username/ian/').expect(200)).body.courses).toEqual([]);
  });

  it('a later group member of an assigned group is enrolled, and seen by Triboo', async () => {
    await a.put('/api/v1/groups').send({ identifier: 'team', name: 'Team' }).expect(201);
    await a.post(`/api/v1/channels/${encodeURIComponent(C1)}/groups/team`).expect((r) => expect([200, 201, 204]).toContain(r.status));
    await a.post('/api/extended/v1/users/').send({ username: 'jan', email: 'jan@example.com' }).expect(201);
    await a.post('/api/v1/groups/team/users/jan').expect(200);
    const rep = (await a.get('/api/extended/v1/user_progress_report_by_username/jan/').expect(200)).body;
    expect(rep.courses.map((c: { course_id: string }) => c.course_id)).toEqual([C1]);
  });

  it('a Kolibri DELETE of a facility user deletes the one user everywhere', async () => {
    await a.post('/api/extended/v1/users/').send({ username: 'kim', email: 'kim@example.com' }).expect(201);
    const id = await uuidOf('kim');
    await a.post('/api/auth/membership/').send({ user: id, collection: classroom }).expect(201);
    await a.post('/organization:members').send({ organization: 'acme', users: 'kim' }).expect(200);
    await a.post('/api/bulk_enroll/v1/bulk_enroll').send({ action: 'enroll', courses: C1, identifiers: 'kim' }).expect(200);
    await a.delete(`/api/auth/facilityuser/${id}/`).expect(204);
    await a.get('/api/extended/v1/users_by_username/kim/').expect(404);
    await a.get('/api/v2/users/kim').expect(404);
    await a.get('/user:organizations?user=kim').expect(404);
    expect(JSON.stringify((await a.get('/organization:members?organization=acme').expect(200)).body)).not.toContain('kim');
    await a.post('/api/extended/v1/users/').send({ username: 'kim', email: 'kim@example.com' }).expect(201);
  });
});
