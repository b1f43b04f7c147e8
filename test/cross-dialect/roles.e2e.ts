import { TestContext, createTestApp } from '../support/test-app';

/** Roles granted through one dialect act in every dialect, through the one policy layer. */
describe('Cross-dialect: roles through one policy layer', () => {
  let ctx: TestContext;
  const as = (t: string) => ctx.as(t);
  type Api = ReturnType<typeof as>;
  let a: Api;
  let b: Api;
  const C1 = 'course-v1:acme+C1+2024';
  const PW = 'pass-word-123';
  let facility: string;
  let bFacility: string;
  let n = 0;

  const login = async (username: string) => as((await ctx.http().post('/api/auth/session').send({ username, password: PW }).expect(200)).body.access_token);
  /** Gives a user a password through Enabley (Triboo creates users without one). */
  const withPassword = (identifier: string) => a.put('/api/v2/users').send({ identifier, password: PW }).expect(200);

  /** Account administration in every dialect; answers the status of each call. */
  const administer = async (t: Api): Promise<Record<string, number>> => {
    n += 1;
    const out: Record<string, number> = {};
    out.kolibriFacility = (await t.post('/api/auth/facility/').send({ name: `F${n}` })).status;
    out.kolibriClassroom = (await t.post('/api/auth/classroom/').send({ name: `R${n}`, parent: facility })).status;
    out.kolibriFacilityUpdate = (await t.patch(`/api/auth/facility/${facility}/`).send({ name: 'F' })).status;
    out.orgCreate = (await t.post('/organizations').send({ code: `org${n}`, name: `Org ${n}` })).status;
    out.orgMember = (await t.post('/organization:members').send({ organization: 'acme', users: 'learner' })).status;
    out.enableyUser = (await t.put('/api/v2/users').send({ identifier: `made${n}`, username: `made${n}` })).status;
    out.enableyChannel = (await t.put('/api/v1/channels').send({ identifier: `ch${n}`, name: `Ch ${n}` })).status;
    out.enableyGroup = (await t.put('/api/v1/groups').send({ identifier: `grp${n}`, name: `G ${n}` })).status;
    out.enableyAssign = (await t.post(`/api/v2/channels/${encodeURIComponent(C1)}/users/learner`)).status;
    out.tribooUsers = (await t.get('/api/extended/v1/users/')).status;
    out.tribooCreate = (await t.post('/api/extended/v1/users/').send({ username: `tri${n}`, email: `tri${n}@example.com` })).status;
    out.tribooBulk = (await t.post('/api/bulk_enroll/v1/bulk_enroll').send({ action: 'enroll', courses: C1, identifiers: 'learner' })).status;
    out.tribooReport = (await t.get(`/api/extended/v1/course_progress_report/${C1}/`)).status;
    return out;
  };
  const ADMIN = {
    kolibriFacility: 201, kolibriClassroom: 201, kolibriFacilityUpdate: 200, orgCreate: 200, orgMember: 200, enableyUser: 201, enableyChannel: 201,
    enableyGroup: 201, enableyAssign: 200, tribooUsers: 200, tribooCreate: 201, tribooBulk: 200, tribooReport: 200,
  };
  /** Refused: 403, or 404 where the caller cannot even read the object (the guard hides it). */
  const NONE = Object.fromEntries(Object.keys(ADMIN).map((k) => [k, 'denied']));
  const denied = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === 403 || v === 404 ? 'denied' : v]));

  const probe = async (t: Api, fac: string, user: string, course: string, org: string) => ({
    facility: (await t.get(`/api/auth/facility/${fac}/`)).status,
    user: (await t.get(`/api/v2/users/${user}`)).status,
    tribooUser: (await t.get(`/api/extended/v1/users_by_username/${user}/`)).status,
    course: (await t.get(`/api/extended/v1/course_progress_report/${course}/`)).status,
    org: (await t.get(`/organization?organization=${org}`)).status,
  });
  /** Another account's objects answer 404 to admins, and to anyone exactly what a missing object answers. */
  const foreign = async (t: Api) => {
    const res = await probe(t, bFacility, 'b-user', 'course-v1:b+B+1', 'borg');
    expect(res).toEqual(await probe(t, '0123456789abcdef0123456789abcdef', 'no-such-user', 'course-v1:no+such+1', 'no-such-org'));
    return res;
  };
  const FOREIGN = { facility: 404, user: 404, tribooUser: 404, course: 404, org: 404 };

  beforeAll(async () => {
    ctx = await createTestApp();
    a = as(await ctx.clientToken());
    await a.put('/api/v1/channels').send({ identifier: C1, name: 'Course One', type: 'COURSE' }).expect(201);
    facility = (await a.post('/api/auth/facility/').send({ name: 'F' }).expect(201)).body.id;
    await a.post('/organizations').send({ code: 'acme', name: 'Acme' }).expect(200);
    await a.put('/api/v2/users').send({ identifier: 'learner', username: 'learner', email: 'learner@example.com', password: PW }).expect(201);
    b = (await ctx.newAccount('b')).api;
    bFacility = (await b.post('/api/auth/facility/').send({ name: 'BF' }).expect(201)).body.id;
    await b.put('/api/v2/users').send({ identifier: 'b-user', username: 'b-user' }).expect(201);
    await b.put('/api/v1/channels').send({ identifier: 'course-v1:b+B+1', name: 'B', type: 'COURSE' }).expect(201);
    await b.post('/organizations').send({ code: 'borg', name: 'B org' }).expect(200);
  });
  afterAll(() => ctx.close());

  it('a Triboo Platform Admin administers the account in every dialect, and nothing of another account', async () => {
    await a.post('/api/extended/v1/users/').send({ username: 'padmin', email: 'padmin@example.com', platform_role: 'Platform Admin' }).expect(201);
    await withPassword('padmin');
    const t = await login('padmin');
    expect(await administer(t)).toEqual(ADMIN);
    expect(await foreign(t)).toEqual(FOREIGN);
    // demoted through Triboo: the next request already has no admin rights
    await a.put('/update_user_by_username/padmin/').send({ platform_role: 'Learner' }).expect(200);
    expect(denied(await administer(t))).toEqual(NONE);
  });

  it('a Triboo Super Platform Admin administers its own account only (not the platform)', async () => {
    await a.post('/api/extended/v1/users/').send({ username: 'spadmin', email: 'spadmin@example.com', platform_role: 'Super Platform Admin' }).expect(201);
    await withPassword('spadmin');
    const t = await login('spadmin');
    expect(await administer(t)).toEqual(ADMIN);
    expect(await foreign(t)).toEqual(FOREIGN);
    await t.post('/api/admin/accounts').send({ name: 'nope' }).expect(403);
  });

  it('an Enabley SITE_ADMIN administers the account in every dialect', async () => {
    await a.put('/api/v2/users').send({ identifier: 'sadmin', username: 'sadmin', email: 'sadmin@example.com', password: PW, possibleRoles: ['SITE_ADMIN'] }).expect(201);
    const t = await login('sadmin');
    expect(await administer(t)).toEqual(ADMIN);
    expect(await foreign(t)).toEqual(FOREIGN);
  });

  it('a plain learner of any dialect administers nothing', async () => {
    expect(denied(await administer(await login('learner')))).toEqual(NONE);
    await a.post('/api/extended/v1/users/').send({ username: 'tlearner', email: 'tl@example.com' }).expect(201);
    await withPassword('tlearner');
    const t = await login('tlearner');
    expect(denied(await administer(t))).toEqual(NONE);
    await foreign(t);
  });

  it('a Kolibri facility admin or an organization admin administers their scope only', async () => {
    await a.put('/api/v2/users').send({ identifier: 'fadmin', username: 'fadmin', password: PW }).expect(201);
    const id = (await ctx.db.query(`SELECT id FROM "user" WHERE username = 'fadmin'`))[0].id;
    await a.post('/api/auth/role/').send({ user: id, collection: facility, kind: 'admin' }).expect(201);
    const f = await administer(await login('fadmin'));
    expect(f).toMatchObject({ kolibriClassroom: 201, kolibriFacilityUpdate: 200, enableyUser: 403, enableyChannel: 403, tribooUsers: 403, tribooBulk: 403, orgCreate: 403 });

    await a.put('/api/v2/users').send({ identifier: 'oadmin', username: 'oadmin', password: PW }).expect(201);
    await a.post('/organization:members').send({ organization: 'acme', users: 'oadmin', permission_organization: 'admin' }).expect(200);
    const o = await administer(await login('oadmin'));
    expect(o).toMatchObject({ orgMember: 200, kolibriFacility: 403, enableyUser: 403, tribooUsers: 403, tribooBulk: 403 });
  });

  it('a Triboo Studio Admin edits courses (Enabley channels) but administers nothing else', async () => {
    await a.post('/api/extended/v1/users/').send({ username: 'studio', email: 'studio@example.com', platform_role: 'Studio Admin' }).expect(201);
    await withPassword('studio');
    const t = await login('studio');
    const c = encodeURIComponent(C1);
    await t.get('/api/extended/v1/courses/').expect(200);
    await t.get(`/api/v1/channels/${c}`).expect(200);
    await t.put(`/api/v1/channels/${c}/contentItems`).send({ items: [{ identifier: 'i1', name: 'Intro' }] }).expect(200);
    await t.put(`/api/v1/channels/${c}/courses/events`).send({ identifier: 'ev', name: 'Event' }).expect(201);
    await t.get(`/api/v1/channels/${encodeURIComponent('course-v1:b+B+1')}`).expect(404);
    await t.put('/api/v1/channels').send({ identifier: 'course-v1:acme+NEW+1', name: 'New', type: 'COURSE' }).expect(201);
    expect([403, 404]).toContain((await t.post(`/api/v2/channels/${c}/users/learner`)).status);
    await t.get('/api/extended/v1/users/').expect(403);
    await t.post('/api/bulk_enroll/v1/bulk_enroll').send({ action: 'enroll', courses: C1, identifiers: 'learner' }).expect(403);
    await t.put('/api/v2/users').send({ identifier: 'x', username: 'x' }).expect(403);
  });
});

describe('Cross-dialect: a scoped admin cannot reach users outside their scope', () => {
  let ctx: TestContext;
  const PW = 'pass-word-123';
  const h = (t: string) => ({
    get: (u: string) => ctx.http().get(u).set('Authorization', `Bearer ${t}`),
    post: (u: string) => ctx.http().post(u).set('Authorization', `Bearer ${t}`),
    put: (u: string) => ctx.http().put(u).set('Authorization', `Bearer ${t}`),
    patch: (u: string) => ctx.http().patch(u).set('Authorization', `Bearer ${t}`),
    delete: (u: string) => ctx.http().delete(u).set('Authorization', `Bearer ${t}`),
  });
  const idOf = async (username: string): Promise<string> => (await ctx.db.query(`SELECT id FROM "user" WHERE username = $1`, [username]))[0].id;

  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.close());

  it('a Kolibri facility admin cannot pull an account user (here an Enabley SITE_ADMIN) into the facility and take it over', async () => {
    const a = h(await ctx.clientToken());
    const facility = (await a.post('/api/auth/facility/').send({ name: 'F' }).expect(201)).body.id;
    const classroom = (await a.post('/api/auth/classroom/').send({ name: 'R', parent: facility }).expect(201)).body.id;
    await a.put('/api/v2/users').send({ identifier: 'boss', username: 'boss', password: PW, possibleRoles: ['SITE_ADMIN'] }).expect(201);
    await a.post('/api/extended/v1/users/').send({ username: 'plain', email: 'plain@example.com' }).expect(201);
    const fadmin = (await a.post('/api/auth/facilityuser/').send({ username: 'fadmin', password: PW, facility }).expect(201)).body.id;
    await a.post('/api/auth/role/').send({ user: fadmin, collection: facility, kind: 'admin' }).expect(201);
    const f = h((await ctx.http().post('/api/auth/session').send({ username: 'fadmin', password: PW }).expect(200)).body.access_token);
    const boss = await idOf('boss');
    const plain = await idOf('plain');
    // linking someone from outside the facility is account administration
    for (const [u, route, body] of [
      [boss, '/api/auth/membership/', { user: boss, collection: classroom }],
      [boss, '/api/auth/role/', { user: boss, collection: classroom, kind: 'coach' }],
      [plain, '/api/auth/membership/', { user: plain, collection: classroom }],
    ] as const) {
      const res = await f.post(route).send(body);
      expect([u, route, res.status]).toEqual([u, route, 403]);
    }
    await f.patch(`/api/auth/facilityuser/${boss}/`).send({ password: 'taken-over-1' }).expect((r) => expect([403, 404]).toContain(r.status));
    await ctx.http().post('/api/auth/session').send({ username: 'boss', password: PW }).expect(200);
    // within the facility the admin still manages memberships and users it created
    const kid = (await f.post('/api/auth/facilityuser/').send({ username: 'kid', password: PW, facility }).expect(201)).body.id;
    await f.post('/api/auth/membership/').send({ user: kid, collection: classroom }).expect(201);
    // the API client (account administrator) may still link anyone
    await a.post('/api/auth/membership/').send({ user: plain, collection: classroom }).expect(201);
  });
});

describe('Cross-dialect: a facility admin cannot change an account administrator placed in the facility', () => {
  let ctx: TestContext;
  const PW = 'pass-word-123';
  const h = (t: string) => ({
    post: (u: string) => ctx.http().post(u).set('Authorization', `Bearer ${t}`),
    put: (u: string) => ctx.http().put(u).set('Authorization', `Bearer ${t}`),
    get: (u: string) => ctx.http().get(u).set('Authorization', `Bearer ${t}`),
    patch: (u: string) => ctx.http().patch(u).set('Authorization', `Bearer ${t}`),
    delete: (u: string) => ctx.http().delete(u).set('Authorization', `Bearer ${t}`),
  });
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.close());

  it('refuses password resets and deletes of SITE_ADMINs and Platform Admins, allows them for learners', async () => {
    const a = h(await ctx.clientToken());
    const facility = (await a.post('/api/auth/facility/').send({ name: 'F' }).expect(201)).body.id;
    const classroom = (await a.post('/api/auth/classroom/').send({ name: 'R', parent: facility }).expect(201)).body.id;
    await a.put('/api/v2/users').send({ identifier: 'boss', username: 'boss', password: PW, possibleRoles: ['SITE_ADMIN'] }).expect(201);
    await a.post('/api/extended/v1/users/').send({ username: 'padmin', email: 'padmin@example.com', platform_role: 'Platform Admin' }).expect(201);
    await a.post('/api/extended/v1/users/').send({ username: 'pupil', email: 'pupil@example.com' }).expect(201);
    const ids: Record<string, string> = {};
    for (const u of ['boss', 'padmin', 'pupil']) {
      ids[u] = (await ctx.db.query(`SELECT id FROM "user" WHERE username = $1`, [u]))[0].id;
      await a.post('/api/auth/membership/').send({ user: ids[u], collection: classroom }).expect(201);
    }
    const fadmin = (await a.post('/api/auth/facilityuser/').send({ username: 'fadmin', password: PW, facility }).expect(201)).body.id;
    await a.post('/api/auth/role/').send({ user: fadmin, collection: facility, kind: 'admin' }).expect(201);
    const f = h((await ctx.http().post('/api/auth/session').send({ username: 'fadmin', password: PW }).expect(200)).body.access_token);
    for (const u of ['boss', 'padmin']) {
      await f.get(`/api/auth/facilityuser/${ids[u]}/`).expect(200);
      await f.patch(`/api/auth/facilityuser/${ids[u]}/`).send({ password: 'taken-over-1' }).expect(403);
      await f.delete(`/api/auth/facilityuser/${ids[u]}/`).expect(403);
    }
    await ctx.http().post('/api/auth/session').send({ username: 'boss', password: PW }).expect(200);
    await f.patch(`/api/auth/facilityuser/${ids.pupil}/`).send({ full_name: 'Pupil' }).expect(200);
    await f.delete(`/api/auth/facilityuser/${ids.pupil}/`).expect(204);
    // the account's own client still manages everyone
    await a.patch(`/api/auth/facilityuser/${ids.boss}/`).send({ full_name: 'The Boss' }).expect(200);
    // and a demoted admin is an ordinary facility user again
    await a.put('/update_user_by_username/padmin/').send({ platform_role: 'Learner' }).expect(200);
    await f.patch(`/api/auth/facilityuser/${ids.padmin}/`).send({ full_name: 'P' }).expect(200);
  });
});
