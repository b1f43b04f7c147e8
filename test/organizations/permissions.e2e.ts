import { TestContext, createTestApp } from '../support/test-app';
import { OrgFactory } from './helpers';

/** The role matrix: account admin (API client), owner, admin, supervisor, teacher, member, outsider. */
describe('Organizations: permissions', () => {
  let ctx: TestContext;
  let f: OrgFactory;
  let client: string;
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${who === 'client' ? client : tokens[who]}` });
  const levelOf = async (org: string, user: string) =>
    (
      await ctx.db.query(
        `SELECT m.permission_organization::text AS level FROM organization_member m JOIN organization o ON o.id = m.organization_id
          JOIN "user" u ON u.id = m.user_id WHERE o.code = $1 AND u.identifier = $2`,
        [org, user],
      )
    )[0]?.level ?? null;

  beforeAll(async () => {
    ctx = await createTestApp();
    f = new OrgFactory(ctx);
    client = await ctx.clientToken();
    for (const u of ['adm', 'sup', 'tea', 'mem', 'out', 'own', 'tgt1', 'tgt2']) await f.user(u);
    await f.org('lab', 'Lab');
    await f.org('far', 'Far');
    await f.org('tmp', 'Temporary');
    const assign = (org: string, users: string, level: string) =>
      ctx.http().post('/organization:members').set(as('client')).send({ organization: org, users, permission_organization: level }).expect(200);
    await assign('lab', 'adm', 'admin');
    await assign('lab', 'sup', 'supervisor');
    await assign('lab', 'tea', 'teacher');
    await assign('lab', 'mem,tgt1', 'member');
    await assign('far', 'sup,tgt1', 'member');
    await ctx.db.query(`UPDATE organization SET owner_id = (SELECT id FROM "user" WHERE identifier = 'own') WHERE code = 'tmp'`);
    for (const u of ['adm', 'sup', 'tea', 'mem', 'out', 'own']) tokens[u] = await f.userToken(u);
  });
  afterAll(() => ctx.close());

  it('GET /organizations lists what the caller owns or manages', async () => {
    const codes = async (who: string) => (await ctx.http().get('/organizations').set(as(who)).expect(200)).body.map((o: { code: string }) => o.code);
    expect(await codes('client')).toEqual(['far', 'lab', 'tmp']);
    expect(await codes('adm')).toEqual(['lab']);
    expect(await codes('sup')).toEqual(['lab']);
    expect(await codes('tea')).toEqual([]);
    expect(await codes('mem')).toEqual([]);
    expect(await codes('out')).toEqual([]);
    expect(await codes('own')).toEqual(['tmp']);
  });

  it('members of every level read the organization, its members and departments; outsiders get 404', async () => {
    for (const who of ['adm', 'sup', 'tea', 'mem']) {
      await ctx.http().get('/organization?organization=lab').set(as(who)).expect(200);
      await ctx.http().get('/organization:members?organization=lab').set(as(who)).expect(200);
      await ctx.http().get('/organization:departments?organization=lab').set(as(who)).expect(200);
    }
    for (const path of ['/organization', '/organization:members', '/organization:departments']) {
      const res = await ctx.http().get(`${path}?organization=lab`).set(as('out')).expect(404);
      expect(res.body.error).toBe('not_found');
    }
  });

  it('teachers and members cannot manage members (403); outsiders get 404', async () => {
    for (const who of ['tea', 'mem']) {
      const res = await ctx.http().post('/organization:members').set(as(who)).send({ organization: 'lab', users: 'tgt2' }).expect(403);
      expect(res.body).toEqual({ error: 'forbidden', message: expect.any(String) });
      await ctx.http().delete('/organization:members?organization=lab&users=tgt1').set(as(who)).expect(403);
      await ctx.http().post('/organizations:members').set(as(who)).send({ organizations: 'lab', users: 'tgt2' }).expect(403);
      await ctx.http().post('/user:organizations').set(as(who)).send({ user: 'tgt2', organizations: 'lab' }).expect(403);
    }
    await ctx.http().post('/organization:members').set(as('out')).send({ organization: 'lab', users: 'tgt2' }).expect(404);
    expect(await levelOf('lab', 'tgt2')).toBeNull();
  });

  it('a supervisor manages members below admin but cannot grant, change or remove admin', async () => {
    await ctx.http().post('/organization:members').set(as('sup')).send({ organization: 'lab', users: 'tgt2', permission_organization: 'supervisor' }).expect(200);
    expect(await levelOf('lab', 'tgt2')).toBe('supervisor');
    let res = await ctx.http().post('/organization:members').set(as('sup')).send({ organization: 'lab', users: 'tgt2', permission_organization: 'admin' }).expect(403);
    expect(res.body.message).toContain('admin');
    expect(await levelOf('lab', 'tgt2')).toBe('supervisor');
    // not through a department either
    await ctx.http().post('/organization:departments').set(as('client')).send({ organization: 'lab', name: 'Heads', permission_organization: 'admin' }).expect(200);
    await ctx.http().post('/organization:members').set(as('sup')).send({ organization: 'lab', users: 'tgt2', department: 'Heads' }).expect(403);
    // nor demote or remove an admin
    res = await ctx.http().post('/organization:members').set(as('sup')).send({ organization: 'lab', users: 'adm', permission_organization: 'member' }).expect(403);
    await ctx.http().delete('/organization:members?organization=lab&users=adm').set(as('sup')).expect(403);
    expect(await levelOf('lab', 'adm')).toBe('admin');
    await ctx.http().delete('/organization:members?organization=lab&users=tgt2').set(as('sup')).expect(200);
    expect(await levelOf('lab', 'tgt2')).toBeNull();
  });

  it('an admin grants admin and manages departments; supervisors cannot manage departments', async () => {
    await ctx.http().post('/organization:members').set(as('adm')).send({ organization: 'lab', users: 'tgt2', permission_organization: 'admin' }).expect(200);
    expect(await levelOf('lab', 'tgt2')).toBe('admin');
    await ctx.http().post('/organization:departments').set(as('adm')).send({ organization: 'lab', name: 'Crew' }).expect(200);
    await ctx.http().post('/organization:departments').set(as('sup')).send({ organization: 'lab', name: 'Mine' }).expect(403);
    await ctx.http().delete('/organization:departments?organization=lab&name=Crew').set(as('sup')).expect(403);
    await ctx.http().delete('/organization:departments?organization=lab&name=Crew').set(as('adm')).expect(200);
  });

  it('admins rename; only the owner and account admins delete', async () => {
    await ctx.http().patch('/organization').set(as('adm')).send({ organization: 'lab', name: 'The Lab' }).expect(200);
    await ctx.http().patch('/organization').set(as('sup')).send({ organization: 'lab', name: 'Sup Lab' }).expect(403);
    await ctx.http().delete('/organization?organization=lab').set(as('adm')).expect(403);
    // the organization checked by the policy is the one acted on: a different one in the body is refused
    let res = await ctx.http().patch('/organization?organization=lab').set(as('adm')).send({ organization: 'far', name: 'Taken over' }).expect(400);
    expect(res.body.message).toContain('organization');
    res = await ctx.http().post('/organization:members?organization=lab').set(as('adm')).send({ organization: 'far', users: 'adm', permission_organization: 'admin' }).expect(400);
    expect((await ctx.http().get('/organization?organization=far').set(as('client')).expect(200)).body.name).toBe('Far');
    expect(await levelOf('far', 'adm')).toBeNull();
    await ctx.http().patch('/organization?organization=lab').set(as('adm')).send({ organization: 'lab', name: 'The Lab' }).expect(200);
    await ctx.http().patch('/organization').set(as('own')).send({ organization: 'tmp', name: 'Owned' }).expect(200);
    await ctx.http().post('/organization:members').set(as('own')).send({ organization: 'tmp', users: 'tgt1', permission_organization: 'admin' }).expect(200);
    await ctx.http().delete('/organization?organization=tmp').set(as('own')).expect(200);
    expect((await ctx.http().get('/organization?organization=lab').set(as('client')).expect(200)).body.name).toBe('The Lab');
  });

  it('bulk calls check every organization: one not managed writes nothing', async () => {
    const before = await ctx.db.query(`SELECT count(*)::int AS n FROM organization_member`);
    // sup is a plain member of "far": 403
    await ctx.http().post('/organizations:members').set(as('sup')).send({ organizations: 'lab,far', users: 'mem' }).expect(403);
    await ctx.http().post('/user:organizations').set(as('sup')).send({ user: 'out', organizations: 'lab,far' }).expect(403);
    // adm is not in "far" at all: 404, as if it did not exist
    const res = await ctx.http().post('/organizations:members').set(as('adm')).send({ organizations: 'lab,far', users: 'out' }).expect(404);
    expect(res.body.message).toContain('far');
    expect(await ctx.db.query(`SELECT count(*)::int AS n FROM organization_member`)).toEqual(before);
    await ctx.http().post('/organizations:members').set(as('sup')).send({ organizations: 'lab', users: 'out' }).expect(200);
    expect(await levelOf('lab', 'out')).toBe('member');
  });

  it('/user:organizations: self reads all of it, managers see only what they may read, others 404', async () => {
    const mine = await ctx.http().get('/user:organizations?user=mem').set(as('mem')).expect(200);
    expect(mine.body.map((o: { code: string }) => o.code)).toEqual(['lab']);
    await ctx.http().get('/user:organizations?user=tgt1').set(as('mem')).expect(404);
    const own = await ctx.http().get('/user:organizations?user=sup').set(as('sup')).expect(200);
    expect(own.body.map((o: { code: string }) => o.code)).toEqual(['far', 'lab']);
    // tgt1 is in lab and far; adm manages only lab
    const seen = await ctx.http().get('/user:organizations?user=tgt1').set(as('adm')).expect(200);
    expect(seen.body.map((o: { code: string }) => o.code)).toEqual(['lab']);
    const all = await ctx.http().get('/user:organizations?user=tgt1').set(as('client')).expect(200);
    expect(all.body.map((o: { code: string }) => o.code)).toEqual(['far', 'lab']);
  });
});
