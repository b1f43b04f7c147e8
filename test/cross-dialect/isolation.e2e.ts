import request from 'supertest';
import { TestContext, createTestApp } from '../support/test-app';

/** Account isolation across every dialect: B never sees, changes or collides with A's objects. */
describe('Cross-dialect: account isolation', () => {
  let ctx: TestContext;
  const as = (t: string) => ctx.as(t);
  type Api = ReturnType<typeof as>;
  let a: Api;
  let b: Api;
  const C1 = 'course-v1:acme+C1+2024';
  const ids: Record<string, string> = {};

  /** The same world, built in an account through every dialect. */
  const build = async (t: Api) => {
    await t.put('/api/v1/channels').send({ identifier: C1, name: 'Course One', type: 'COURSE' }).expect(201);
    await t.put('/api/v1/channels/' + encodeURIComponent(C1) + '/contentItems').send({ items: [{ identifier: 'i1', name: 'I1' }] }).expect(200);
    const tri = await t.post('/api/extended/v1/users/').send({ username: 'tina', email: 'tina@example.com' }).expect(201);
    await t.put('/api/v2/users').send({ identifier: 'eve', username: 'eve', email: 'Eve@example.com', password: 'eve-password-1' }).expect(201);
    const fac = await t.post('/api/auth/facility/').send({ name: 'F' }).expect(201);
    const cls = await t.post('/api/auth/classroom/').send({ name: 'Room', parent: fac.body.id }).expect(201);
    const lg = await t.post('/api/auth/learnergroup/').send({ name: 'LG', parent: cls.body.id }).expect(201);
    const fu = await t.post('/api/auth/facilityuser/').send({ username: 'kid', password: 'kid-password-1', facility: fac.body.id }).expect(201);
    const tina: string = (await t.get('/api/v2/users/tina').expect(200)).body.id ?? '';
    void tina;
    const mem = await t.post('/api/auth/membership/').send({ user: fu.body.id, collection: cls.body.id }).expect(201);
    const role = await t.post('/api/auth/role/').send({ user: fu.body.id, collection: cls.body.id, kind: 'coach' }).expect(201);
    await t.post('/organizations').send({ code: 'acme', name: 'Acme' }).expect(200);
    await t.post('/organization:departments').send({ organization: 'acme', name: 'Sales' }).expect(200);
    await t.post('/organization:members').send({ organization: 'acme', users: 'tina' }).expect(200);
    await t.put('/api/v1/groups').send({ identifier: 'g1', name: 'G1' }).expect(201);
    await t.post('/api/v1/groups/g1/users/tina').expect(200);
    await t.post('/api/bulk_enroll/v1/bulk_enroll').send({ action: 'enroll', courses: C1, identifiers: 'tina,eve@example.com' }).expect(200);
    await t.put('/api/v1/certificates').send({ externalCertificateId: 'cert-1', name: 'Cert', courseIds: [C1] }).expect((r) => expect([200, 201]).toContain(r.status));
    await t.put('/api/v2/userProfiles').send({ identifier: 'p1', name: 'P1' }).expect((r) => expect([200, 201]).toContain(r.status));
    return { userId: tri.body.user_id as number, facility: fac.body.id, classroom: cls.body.id, group: lg.body.id, fu: fu.body.id, membership: mem.body.id, role: role.body.id };
  };

  type World = Awaited<ReturnType<typeof build>>;
  let A: World;
  /** B's twin of A's world, built by the reuse test. */
  let B: World | undefined;
  const accountIds: Record<'a' | 'b', string> = { a: '', b: '' };

  beforeAll(async () => {
    ctx = await createTestApp();
    const [acctA, acctB] = [await ctx.newAccount('acct-a'), await ctx.newAccount('acct-b')];
    [a, b] = [acctA.api, acctB.api];
    Object.assign(accountIds, { a: acctA.id, b: acctB.id });
    A = await build(a);
    Object.assign(ids, A);
  });
  afterAll(() => ctx.close());

  it('B reading A’s objects answers 404 in every dialect', async () => {
    const reads = [
      `/api/auth/facility/${A.facility}/`,
      `/api/auth/classroom/${A.classroom}/`,
      `/api/auth/learnergroup/${A.group}/`,
      `/api/auth/facilityuser/${A.fu}/`,
      '/organization?organization=acme',
      '/organization:departments?organization=acme',
      '/organization:members?organization=acme',
      '/user:organizations?user=tina',
      '/api/v2/users/tina',
      '/api/v2/users/eve',
      '/api/v1/users/tina/groups',
      '/api/v1/groups/g1',
      `/api/v1/channels/${encodeURIComponent(C1)}`,
      `/api/v1/channels/${encodeURIComponent(C1)}/contentItems`,
      `/api/v2/channels/channels/${encodeURIComponent(C1)}/members/count`,
      '/api/v2/certificates/cert-1',
      '/api/v1/certificates/users/tina',
      `/api/extended/v1/users/${A.userId}/`,
      '/api/extended/v1/users_by_username/tina/',
      `/api/extended/v1/user_progress_report/${A.userId}/`,
      '/api/extended/v1/user_progress_report_by_username/tina/',
      '/api/extended/v1/user_progress_report_by_email/tina@example.com/',
      `/api/extended/v1/course_progress_report/${C1}/`,
    ];
    const wrong: string[] = [];
    for (const url of reads) {
      const res = await b.get(url);
      if (res.status !== 404) wrong.push(`${url} → ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('B changing or deleting A’s objects answers 404 and changes nothing', async () => {
    const cU = encodeURIComponent(C1);
    const writes: [string, () => request.Test][] = [
      ['patch facility', () => b.patch(`/api/auth/facility/${A.facility}/`).send({ name: 'x' })],
      ['patch classroom', () => b.patch(`/api/auth/classroom/${A.classroom}/`).send({ name: 'x' })],
      ['patch learnergroup', () => b.patch(`/api/auth/learnergroup/${A.group}/`).send({ name: 'x' })],
      ['patch facilityuser', () => b.patch(`/api/auth/facilityuser/${A.fu}/`).send({ full_name: 'x' })],
      ['delete membership', () => b.delete(`/api/auth/membership/${A.membership}/`)],
      ['delete role', () => b.delete(`/api/auth/role/${A.role}/`)],
      ['delete classroom', () => b.delete(`/api/auth/classroom/${A.classroom}/`)],
      ['delete facilityuser', () => b.delete(`/api/auth/facilityuser/${A.fu}/`)],
      ['delete facility', () => b.delete(`/api/auth/facility/${A.facility}/`)],
      ['patch organization', () => b.patch('/organization').send({ organization: 'acme', name: 'x' })],
      ['add org member', () => b.post('/organization:members').send({ organization: 'acme', users: 'tina' })],
      ['remove org member', () => b.delete('/organization:members?organization=acme&users=tina')],
      ['delete department', () => b.delete('/organization:departments?organization=acme&name=Sales')],
      ['delete organization', () => b.delete('/organization?organization=acme')],
      ['deactivate enabley user', () => b.put('/api/v2/users/tina?isActive=false')],
      ['delete enabley user', () => b.delete('/api/v2/users/eve')],
      ['enabley identity change', () => b.put('/api/v2/users/identityManagement').send({ currentUserIdentifier: 'eve', newUserIdentifier: 'eve2' })],
      ['add to A group', () => b.post('/api/v1/groups/g1/users/tina')],
      ['remove from A group', () => b.delete('/api/v1/groups/g1/users/tina')],
      ['delete group', () => b.delete('/api/v1/groups/g1')],
      ['assign to A channel', () => b.post(`/api/v2/channels/${cU}/users/tina`)],
      ['unassign from A channel', () => b.delete(`/api/v1/channels/${cU}/users/tina`)],
      ['force complete', () => b.post(`/api/v4/channels/forceComplete/channel/${cU}/user/tina`)],
      ['progress', () => b.put(`/api/v1/channels/${cU}/contentItems/i1/users/tina/progress`).send({ completed: true })],
      ['update triboo user', () => b.put(`/update_user/${A.userId}/`).send({ first_name: 'x' })],
      ['update triboo user by username', () => b.put('/update_user_by_username/tina/').send({ first_name: 'x' })],
      ['deactivate triboo user', () => b.delete(`/api/extended/v1/users/${A.userId}/`)],
      ['deactivate triboo user by username', () => b.delete('/api/extended/v1/users_by_username/tina/')],
      ['delete profile', () => b.delete('/api/v2/userProfiles/p1/users/tina')],
    ];
    const wrong: string[] = [];
    for (const [name, call] of writes) {
      const res = await call();
      if (res.status !== 404) wrong.push(`${name} → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
    }
    expect(wrong).toEqual([]);
    // A reference to A's object in B's body reads exactly as a reference to nothing (Kolibri: 400 invalid pk).
    const ghost = '0123456789abcdef0123456789abcdef';
    const refs: [(id: string) => request.Test, string][] = [
      [(id) => b.post('/api/auth/membership/').send({ user: A.fu, collection: id }), A.classroom],
      [(id) => b.post('/api/auth/classroom/').send({ name: 'x', parent: id }), A.facility],
      [(id) => b.post('/api/auth/learnergroup/').send({ name: 'x', parent: id }), A.classroom],
    ];
    for (const [call, id] of refs) {
      const foreign = await call(id);
      const none = await call(ghost);
      expect(foreign.status).toBe(none.status);
      expect(JSON.stringify(foreign.body).replace(id, ghost)).toBe(JSON.stringify(none.body));
    }
    // A's world is intact
    await a.get(`/api/auth/facility/${A.facility}/`).expect(200);
    await a.get(`/api/auth/classroom/${A.classroom}/`).expect(200);
    expect((await a.get(`/api/auth/membership/?collection=${A.classroom}`).expect(200)).body).toHaveLength(1);
    expect((await a.get('/api/v2/users/tina').expect(200)).body).toMatchObject({ isActive: true, firstName: '' });
    await a.get('/api/v2/users/eve').expect(200);
    await a.get('/api/v1/groups/g1').expect(200);
    expect(JSON.stringify((await a.get('/organization:members?organization=acme').expect(200)).body)).toContain('tina');
    expect((await a.get(`/api/extended/v1/course_progress_report/${C1}/`).expect(200)).body.enrollments).toHaveLength(2);
    expect((await a.get('/api/extended/v1/user_progress_report_by_username/tina/').expect(200)).body.courses[0]).toMatchObject({ progress: 0 });
  });

  it('B’s bulk calls naming A’s users or courses touch nothing of A', async () => {
    const res = await b.post('/api/bulk_enroll/v1/bulk_enroll').send({ action: 'enroll', courses: C1, identifiers: 'tina' });
    expect(res.status).not.toBe(200);
    expect(res.status).toBeLessThan(500);
    await b.put('/api/v1/channels').send({ identifier: 'course-v1:b+only+1', name: 'B only', type: 'COURSE' }).expect(201);
    const en = await b.post('/api/enrollment/v1/enrollment').send({ user: 'tina', course_details: { course_id: 'course-v1:b+only+1' } });
    const none = await b.post('/api/enrollment/v1/enrollment').send({ user: 'nobody', course_details: { course_id: 'course-v1:b+only+1' } });
    expect([en.status, en.body.status]).toEqual([none.status, none.body.status]);
    expect(en.status).toBe(406);
    const ec = await b.post('/api/enrollment/v1/enrollment').send({ user: 'tina', course_details: { course_id: C1 } });
    expect(ec.status).toBeGreaterThanOrEqual(400);
    expect(ec.status).toBeLessThan(500);
    const dm = await b.delete(`/api/extended/v1/users?user_id=${A.userId}`);
    if (dm.status === 200) expect(dm.body.every?.((r: { status: string }) => r.status === 'user_not_found') ?? true).toBe(true);
    expect((await a.get('/api/extended/v1/users_by_username/tina/').expect(200)).body.is_active).toBe(true);
    const om = await b.post('/organizations:members').send({ organizations: 'acme', users: 'tina' });
    expect(om.status).not.toBe(200);
  });

  it('B’s lists never show A’s objects', async () => {
    const lists: [string, (body: unknown) => unknown[]][] = [
      ['/api/auth/facility/', (x) => x as unknown[]],
      ['/api/auth/classroom/', (x) => x as unknown[]],
      ['/api/auth/learnergroup/', (x) => x as unknown[]],
      ['/api/auth/facilityuser/', (x) => x as unknown[]],
      ['/api/auth/membership/', (x) => x as unknown[]],
      ['/api/auth/role/', (x) => x as unknown[]],
      [`/api/auth/facilitydataset/?facility_id=${A.facility}`, (x) => x as unknown[]],
      [`/api/auth/facilityuser/?member_of=${A.classroom}`, (x) => x as unknown[]],
      [`/api/auth/membership/?collection=${A.classroom}`, (x) => x as unknown[]],
      [`/api/auth/classroom/?parent=${A.facility}`, (x) => x as unknown[]],
      ['/organizations', (x) => x as unknown[]],
      ['/api/v2/users', (x) => x as unknown[]],
      ['/api/v3/users', (x) => (x as { items: unknown[] }).items],
      ['/api/v1/groups/list', (x) => x as unknown[]],
      ['/api/v1/channels', (x) => x as unknown[]],
      ['/api/v3/channels', (x) => (x as { items: unknown[] }).items],
      ['/api/v1/certificates', (x) => x as unknown[]],
      ['/api/v2/certificates', (x) => (x as { items: unknown[] }).items],
      ['/api/v1/performance', (x) => x as unknown[]],
      ['/api/v1/performance?externalUserId=tina', (x) => x as unknown[]],
      [`/api/v1/performance?externalChannelId=${encodeURIComponent(C1)}`, (x) => x as unknown[]],
      ['/api/v2/performance?userIdentifier=tina', (x) => (x as { items: unknown[] }).items],
      [`/api/v2/performance?channelIdentifier=${encodeURIComponent(C1)}`, (x) => (x as { items: unknown[] }).items],
      ['/api/v2/users?identifier=tina', (x) => x as unknown[]],
      ['/api/extended/v1/users_by_username/?username=tina', (x) => (x as { results: unknown[] }).results],
      [`/api/extended/v1/users/?user_id=${A.userId}`, (x) => (x as { results: unknown[] }).results],
      ['/api/extended/v1/user_progress_report_by_username/?username=tina', (x) => (x as { results: unknown[] }).results],
      [`/api/bulk_enroll/v1/audit?course_id=${encodeURIComponent(C1)}`, (x) => (x as { results: unknown[] }).results],
      ['/api/v2/channels/channels/masters', (x) => x as unknown[]],
      ['/api/extended/v1/users/', (x) => (x as { results: unknown[] }).results],
      ['/api/extended/v1/courses/', (x) => (x as { results: unknown[] }).results],
      ['/api/extended/v1/user_progress_report/', (x) => (x as { results: unknown[] }).results],
      ['/api/bulk_enroll/v1/audit', (x) => (x as { results: unknown[] }).results],
    ];
    const wrong: string[] = [];
    for (const [url, items] of lists) {
      const res = await b.get(url);
      // A filter naming A's object answers like one naming nothing: an empty list, or the dialect's answer to an
      // unknown filter value (Kolibri's filters answer 400, others 404).
      if ((res.status === 404 || (res.status === 400 && url.startsWith('/api/auth/'))) && url.includes('?')) {
        const unknown = await b.get(url.replace(/=[0-9a-f-]{32,36}/, '=00000000000040008000000000000000'));
        expect(unknown.status).toBe(res.status);
        continue;
      }
      const text = JSON.stringify(res.body);
      const leaked = [C1, 'tina', 'Eve@', 'acme', 'g1', 'cert-1', A.facility, A.classroom, A.fu].filter((m) => text.includes(m));
      if (res.status !== 200) wrong.push(`${url} → ${res.status}`);
      else if (leaked.length || items(res.body).some((x) => JSON.stringify(x).includes('"Course One"'))) wrong.push(`${url} shows ${leaked.join(',')} ${text.slice(0, 160)}`);
    }
    expect(wrong).toEqual([]);
    const hierarchy = await b.get('/api/v1/groups/hierarchy').expect(200);
    expect(JSON.stringify(hierarchy.body)).not.toContain('g1');
  });

  it('identifiers, usernames, emails, codes and course ids are reused in B without conflict', async () => {
    B = await build(b);
    expect(B.userId).not.toBe(A.userId);
    expect((await b.get(`/api/extended/v1/course_progress_report/${C1}/`).expect(200)).body.enrollments).toHaveLength(2);
    expect((await a.get(`/api/extended/v1/course_progress_report/${C1}/`).expect(200)).body.enrollments).toHaveLength(2);
    // each account's token sees its own twin only
    await a.get(`/api/auth/classroom/${B.classroom}/`).expect(404);
    await b.get(`/api/auth/classroom/${A.classroom}/`).expect(404);
    // pending enrollments too
    await a.post('/api/bulk_enroll/v1/bulk_enroll').send({ action: 'enroll', auto_enroll: true, courses: C1, identifiers: 'late@example.com' }).expect(200);
    await b.put('/api/v2/users').send({ identifier: 'late', username: 'late', email: 'late@example.com' }).expect(201);
    expect((await b.get('/api/v1/performance?externalUserId=late').expect(200)).body).toEqual([]);
    await a.put('/api/v2/users').send({ identifier: 'late', username: 'late', email: 'late@example.com' }).expect(201);
    expect((await a.get('/api/v1/performance?externalUserId=late').expect(200)).body).toHaveLength(1);
  });

  it('a user of A logging in acts in A only', async () => {
    const eve = (await ctx.http().post('/api/auth/session').send({ username: 'eve', password: 'eve-password-1' }).expect(200)).body;
    // eve exists in both accounts with the same password: the login resolves to one, and its token never reaches the other.
    const claims = JSON.parse(Buffer.from(eve.access_token.split('.')[1], 'base64url').toString()) as { acct: string };
    expect([accountIds.a, accountIds.b]).toContain(claims.acct);
    expect(B).toBeDefined(); // built by the reuse test above: eve then exists in both accounts
    const other = claims.acct === accountIds.a ? B! : A;
    const t = as(eve.access_token);
    for (const url of [`/api/auth/facility/${other.facility}/`, `/api/auth/classroom/${other.classroom}/`, `/api/auth/facilityuser/${other.fu}/`]) {
      expect(`${url} → ${(await t.get(url)).status}`).toBe(`${url} → 404`);
    }
    // Triboo's user routes load the user in the caller's account before any role check: another account's
    // user is missing, answered exactly like no user at all, in the seed's words.
    const foreign = await t.get(`/api/extended/v1/users/${other.userId}/`);
    const none = await t.get('/api/extended/v1/users/999999/');
    expect([foreign.status, foreign.body]).toEqual([404, none.body]);
    expect(none.body).toEqual({ status: 'user_not_found', detail: expect.any(String) });
  });

  it('a plain user reading another account\'s Triboo user by id answers 404', async () => {
    const eve = (await ctx.http().post('/api/auth/session').send({ username: 'eve', password: 'eve-password-1' }).expect(200)).body;
    const claims = JSON.parse(Buffer.from(eve.access_token.split('.')[1], 'base64url').toString()) as { acct: string };
    const other = claims.acct === accountIds.a ? B! : A;
    const t = as(eve.access_token);
    const answers: string[] = [];
    for (const [what, send] of [
      ['read by id', () => t.get(`/api/extended/v1/users/${other.userId}/`)],
      ['update by id', () => t.put(`/update_user/${other.userId}/`).send({ first_name: 'x' })],
      ['deactivate by id', () => t.delete(`/api/extended/v1/users/${other.userId}/`)],
      ['read by username', () => t.get('/api/extended/v1/users_by_username/tina/')],
      ['update by username', () => t.put('/update_user_by_username/tina/').send({ first_name: 'x' })],
      ['deactivate by username', () => t.delete('/api/extended/v1/users_by_username/tina/')],
      ['report by id', () => t.get(`/api/extended/v1/user_progress_report/${other.userId}/`)],
      ['report by username', () => t.get('/api/extended/v1/user_progress_report_by_username/tina/')],
      ['report by email', () => t.get('/api/extended/v1/user_progress_report_by_email/tina@example.com/')],
    ] as const) {
      const res = await send();
      answers.push(`${what} → ${res.status} ${res.body.status}`);
    }
    expect(answers).toEqual(answers.map((a) => a.replace(/→.*/, '→ 404 user_not_found')));
    // A course report answers like the report of a course that does not exist.
    const course = await t.get(`/api/extended/v1/course_progress_report/${C1}/`);
    const noCourse = await t.get('/api/extended/v1/course_progress_report/course-v1:none+none+none/');
    expect([course.status, course.body.status]).toEqual([404, 'not_found']);
    expect(noCourse.status).toBe(404);
  });
});
