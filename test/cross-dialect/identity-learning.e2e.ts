import { TestContext, createTestApp } from '../support/test-app';

/** One platform: a user, a course and an enrollment made through one dialect are seen by the others. */
describe('Cross-dialect: users, courses, enrollments', () => {
  let ctx: TestContext;
  let token: string;
  const as = (t: string) => ctx.as(t);
  let a: ReturnType<typeof as>;
  const C1 = 'course-v1:acme+C1+2024';
  const C2 = 'course-v1:acme+C2+2024';
  const FUTURE = 'course-v1:acme+LATER+2099';

  beforeAll(async () => {
    ctx = await createTestApp();
    token = await ctx.clientToken();
    a = as(token);
    await a.put('/api/v1/channels').send({ identifier: C1, name: 'Course One', type: 'COURSE' }).expect(201);
    await a.put('/api/v1/channels').send({ identifier: C2, name: 'Course Two' }).expect(201);
    await a.put('/api/v1/channels').send({ identifier: 'stream-1', name: 'Stream', type: 'STREAM' }).expect(201);
    await a.put('/api/v1/channels').send({ identifier: FUTURE, name: 'Later', type: 'COURSE', schedule: { startDate: '2099-01-01T00:00:00.000Z' } }).expect(201);
  });
  afterAll(() => ctx.close());

  it('a Triboo user is visible and usable in Enabley, Kolibri and Organizations', async () => {
    const tri = await a.post('/api/extended/v1/users/').send({ username: 'tina', email: 'Tina@Example.com', first_name: 'Tina', last_name: 'Tri' }).expect(201);
    expect(tri.body.user_id).toEqual(expect.any(Number));
    const en = await a.get('/api/v2/users/tina').expect(200);
    expect(en.body).toMatchObject({ identifier: 'tina', username: 'tina', firstName: 'Tina', lastName: 'Tri' });
    expect(en.body.email.toLowerCase()).toBe('tina@example.com');

    // Kolibri: a classroom membership makes her a facility user.
    const uuid: string = (await ctx.db.query(`SELECT id FROM "user" WHERE username = 'tina'`))[0].id;
    const fac = await a.post('/api/auth/facility/').send({ name: 'F' }).expect(201);
    const cls = await a.post('/api/auth/classroom/').send({ name: 'Room', parent: fac.body.id }).expect(201);
    await a.post('/api/auth/membership/').send({ user: uuid, collection: cls.body.id }).expect(201);
    const fu = await a.get(`/api/auth/facilityuser/${uuid}/`).expect(200);
    expect(fu.body).toMatchObject({ username: 'tina', facility: fac.body.id });
    const members = await a.get(`/api/auth/facilityuser/?member_of=${cls.body.id}`).expect(200);
    expect(members.body.map((u: { username: string }) => u.username)).toEqual(['tina']);

    // Organizations: her code is her identifier.
    await a.post('/organizations').send({ code: 'acme', name: 'Acme' }).expect(200);
    await a.post('/organization:members').send({ organization: 'acme', users: 'tina' }).expect(200);
    const om = await a.get('/organization:members?organization=acme').expect(200);
    expect(JSON.stringify(om.body)).toContain('tina');
    const uo = await a.get('/user:organizations?user=tina').expect(200);
    expect(JSON.stringify(uo.body)).toContain('acme');

    // Enabley group.
    await a.put('/api/v1/groups').send({ identifier: 'g1', name: 'G1' }).expect(201);
    await a.post('/api/v1/groups/g1/users/tina').expect(200);
    const groups = await a.get('/api/v1/users/tina/groups').expect(200);
    expect(JSON.stringify(groups.body)).toContain('g1');
  });

  it('an Enabley user shows in Triboo with its integer user_id; emails are unique case-insensitively across dialects', async () => {
    await a.put('/api/v2/users').send({ identifier: 'ext-eve', username: 'eve', email: 'Foo@x.com', firstName: 'Eve' }).expect(201);
    const tri = await a.get('/api/extended/v1/users_by_username/eve/').expect(200);
    expect(tri.body).toMatchObject({ username: 'eve', user_id: expect.any(Number), first_name: 'Eve', is_active: true });
    const byId = await a.get(`/api/extended/v1/users/${tri.body.user_id}/`).expect(200);
    expect(byId.body.username).toBe('eve');
    const dup = await a.post('/api/extended/v1/users/').send({ username: 'other', email: 'foo@x.com' }).expect(409);
    expect(dup.body.status).toBe('email_already_used');
    const dupU = await a.post('/api/extended/v1/users/').send({ username: 'eve', email: 'new@x.com' }).expect(409);
    expect(dupU.body.status).toBe('username_already_used');
    // and the other way round: Enabley refuses a Triboo user's email
    const e2 = await a.put('/api/v2/users').send({ identifier: 'x2', username: 'x2', email: 'TINA@example.com' });
    expect(e2.status).toBeGreaterThanOrEqual(400);
    expect(e2.status).toBeLessThan(500);
  });

  it('course = channel: started COURSE channels are Triboo courses, STREAM channels never are', async () => {
    const res = await a.get('/api/extended/v1/courses/').expect(200);
    const ids = res.body.results.map((c: { id: string }) => c.id);
    expect(ids).toEqual([C1, C2]);
    expect(res.body.results[0]).toMatchObject({ id: C1, display_name: 'Course One' });
    const bulk = await a.post('/api/bulk_enroll/v1/bulk_enroll').send({ action: 'enroll', courses: 'stream-1', identifiers: 'tina' });
    expect(bulk.status).toBeGreaterThanOrEqual(400);
    expect(bulk.status).toBeLessThan(500);
    const rep = await a.get('/api/extended/v1/course_progress_report/stream-1/');
    expect(rep.status).toBe(404);
  });

  it('one enrollment table: Triboo enrollments are seen by Enabley, Enabley assignments by Triboo', async () => {
    const bulk = await a.post('/api/bulk_enroll/v1/bulk_enroll').send({ action: 'enroll', courses: C1, identifiers: 'tina,foo@x.com' }).expect(200);
    expect(bulk.body.courses[C1].results.map((r: { after: { enrollment: boolean } }) => r.after.enrollment)).toEqual([true, true]);
    expect((await a.get(`/api/v2/channels/channels/${C1}/members/count`).expect(200)).body).toMatchObject({ learners: 2 });
    const perf1 = (await a.get(`/api/v1/performance?externalChannelId=${encodeURIComponent(C1)}`).expect(200)).body;
    expect(perf1.map((p: { externalUserId: string }) => p.externalUserId).sort()).toEqual(['ext-eve', 'tina']);
    const perf2 = (await a.get(`/api/v2/performance?channelIdentifier=${encodeURIComponent(C1)}`).expect(200)).body;
    expect(perf2.items.map((p: { externalUserId?: string; userIdentifier?: string }) => p.externalUserId ?? p.userIdentifier).sort()).toEqual(['ext-eve', 'tina']);

    // POST /api/enrollment/v1/enrollment
    await a.post('/api/extended/v1/users/').send({ username: 'olly', email: 'olly@example.com' }).expect(201);
    await a.post('/api/enrollment/v1/enrollment').send({ user: 'olly', course_details: { course_id: C2 } }).expect((r) => expect([200, 201]).toContain(r.status));
    const perfO = (await a.get('/api/v1/performance?externalUserId=olly').expect(200)).body;
    expect(perfO.map((p: { externalChannelId: string }) => p.externalChannelId)).toEqual([C2]);

    // Enabley user assignment and group assignment → Triboo reports.
    await a.put('/api/v2/users').send({ identifier: 'gus', username: 'gus', email: 'gus@example.com' }).expect(201);
    await a.post('/api/v1/groups/g1/users/gus').expect(200);
    await a.post(`/api/v1/channels/${C2}/groups/g1`).expect((r) => expect([200, 201, 204]).toContain(r.status));
    await a.post(`/api/v2/channels/${C2}/users/ext-eve`).expect(200);
    const rep = (await a.get(`/api/extended/v1/course_progress_report/${C2}/`).expect(200)).body;
    expect(rep.enrollments.map((e: { username: string }) => e.username).sort()).toEqual(['eve', 'gus', 'olly', 'tina']);
    const ur = (await a.get('/api/extended/v1/user_progress_report_by_username/gus/').expect(200)).body;
    expect(ur.courses).toEqual([expect.objectContaining({ course_id: C2, status: 'not_started', progress: 0 })]);

    // forceComplete → Triboo finished / Successful
    await a.post(`/api/v4/channels/forceComplete/channel/${C2}/user/gus`).expect(200);
    const done = (await a.get('/api/extended/v1/user_progress_report_by_username/gus/').expect(200)).body;
    expect(done.courses).toEqual([expect.objectContaining({ course_id: C2, status: 'finished', progress: 100, completion_date: expect.stringMatching(/Z$/) })]);
    const cr = (await a.get(`/api/extended/v1/course_progress_report/${C2}/`).expect(200)).body;
    expect(cr.enrollments.find((e: { username: string }) => e.username === 'gus')).toMatchObject({ status: 'Successful', progress: 100, completion_date: expect.stringMatching(/Z$/) });
    const p = (await a.get('/api/v1/performance?externalUserId=gus').expect(200)).body;
    expect(p).toEqual([expect.objectContaining({ externalChannelId: C2, progress: 100, completionDate: expect.stringMatching(/Z$/) })]);
  });

  it('certifies after completion with expirationDate = certification + period', async () => {
    await a.put('/api/v1/certificates').send({ externalCertificateId: 'cert-1', name: 'Cert', courseIds: [C1], expiration: { duration: 12, period: 'MONTH' } }).expect((r) => expect([200, 201]).toContain(r.status));
    // tina was enrolled through Triboo; Enabley completes her
    await a.post(`/api/v4/channels/forceComplete/channel/${C1}/user/tina`).expect(200);
    const certs = (await a.get('/api/v1/certificates/users/tina').expect(200)).body;
    const c = certs.find((x: { externalCertificateId: string }) => x.externalCertificateId === 'cert-1');
    expect(c).toMatchObject({ state: 'CERTIFIED', certificationDate: expect.stringMatching(/Z$/) });
    const cert = new Date(c.certificationDate);
    const exp = new Date(cert);
    exp.setUTCMonth(exp.getUTCMonth() + 12);
    expect(c.expirationDate).toBe(exp.toISOString());
    const tri = (await a.get('/api/extended/v1/user_progress_report_by_username/tina/').expect(200)).body;
    expect(tri.courses.find((x: { course_id: string }) => x.course_id === C1)).toMatchObject({ status: 'finished', progress: 100 });
  });

  it('a Kolibri facility user is an Enabley user, a Triboo user and an organization member', async () => {
    const fac = await a.post('/api/auth/facility/').send({ name: 'K' }).expect(201);
    const kid = (await a.post('/api/auth/facilityuser/').send({ username: 'kid', password: 'kid-password-1', full_name: 'Kid K', facility: fac.body.id }).expect(201)).body;
    expect((await a.get('/api/v2/users/kid').expect(200)).body).toMatchObject({ identifier: 'kid', username: 'kid' });
    const tri = (await a.get('/api/extended/v1/users_by_username/kid/').expect(200)).body;
    expect(tri).toMatchObject({ username: 'kid', user_id: expect.any(Number), is_active: true });
    await a.post('/organization:members').send({ organization: 'acme', users: 'kid' }).expect(200);
    await a.post('/api/bulk_enroll/v1/bulk_enroll').send({ action: 'enroll', courses: C2, identifiers: 'kid' }).expect(200);
    await a.post(`/api/v4/channels/forceComplete/channel/${C2}/user/kid`).expect(200);
    // a certificate made after the completion certifies at once
    await a.put('/api/v1/certificates').send({ externalCertificateId: 'cert-2', name: 'Cert 2', courseIds: [C2] }).expect((r) => expect([200, 201]).toContain(r.status));
    const certs = (await a.get('/api/v1/certificates/users/kid').expect(200)).body;
    expect(certs.find((c: { externalCertificateId: string }) => c.externalCertificateId === 'cert-2')).toMatchObject({ state: 'CERTIFIED', expirationDate: null });
    // the Kolibri session of the same user
    const s = await ctx.http().post('/api/auth/session').send({ username: 'kid', password: 'kid-password-1', facility: fac.body.id }).expect(200);
    expect(s.body).toMatchObject({ id: kid.id, username: 'kid', facility_id: fac.body.id });
  });

  it('pre-enrollment: a Triboo auto_enroll for an unknown email is claimed by an Enabley or Kolibri registration', async () => {
    await a.post('/api/bulk_enroll/v1/bulk_enroll').send({ action: 'enroll', auto_enroll: true, courses: `${C1},${C2}`, identifiers: 'New.Comer@example.com,kol@example.com' }).expect(200);
    await a.put('/api/v2/users').send({ identifier: 'newcomer', username: 'newcomer', email: 'new.comer@EXAMPLE.com' }).expect(201);
    const perf = (await a.get('/api/v1/performance?externalUserId=newcomer').expect(200)).body;
    expect(perf.map((p: { externalChannelId: string }) => p.externalChannelId).sort()).toEqual([C1, C2]);
    const rep = (await a.get('/api/extended/v1/user_progress_report_by_username/newcomer/').expect(200)).body;
    expect(rep.courses).toHaveLength(2);

    // Kolibri facility users have no email in the seed; an Enabley update giving an email later claims it.
    await a.put('/api/v2/users').send({ identifier: 'kol', username: 'kol' }).expect(201);
    expect((await a.get('/api/v1/performance?externalUserId=kol').expect(200)).body).toEqual([]);
    await a.put('/api/v2/users').send({ identifier: 'kol', email: 'KOL@example.com' }).expect(200);
    expect((await a.get('/api/v1/performance?externalUserId=kol').expect(200)).body).toHaveLength(2);
  });
});
