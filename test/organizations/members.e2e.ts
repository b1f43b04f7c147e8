import { TestContext, createTestApp } from '../support/test-app';
import { OrgFactory } from './helpers';

const ALL_ORG = ['member', 'teacher', 'supervisor', 'admin'];
const ALL_CONTENT = ['view', 'control', 'modify', 'grant', 'admin'];

describe('Organizations: members and departments', () => {
  let ctx: TestContext;
  let f: OrgFactory;
  let token: string;
  const auth = () => ({ Authorization: `Bearer ${token}` });
  const members = async (org: string) => (await ctx.http().get(`/organization:members?organization=${org}`).set(auth()).expect(200)).body;
  const count = async (sql: string) => (await ctx.db.query(sql))[0].n as number;

  beforeAll(async () => {
    ctx = await createTestApp();
    f = new OrgFactory(ctx);
    token = await ctx.clientToken();
    for (const code of ['alice', 'bob', 'carol', 'dave']) await f.user(code);
    await f.org('north', 'North');
    await f.org('south', 'South');
    await f.org('east', 'East');
  });
  afterAll(() => ctx.close());

  describe('departments', () => {
    it('creates, lists, updates and deletes departments (query, form, JSON)', async () => {
      let res = await ctx.http().post('/organization:departments').set(auth()).send({ organization: 'north', name: 'Teachers', permission_organization: 'teacher', permission_content: 'modify' }).expect(200);
      expect(res.body).toEqual({ name: 'Teachers', permission: { organization: ['member', 'teacher'], content: ['view', 'control', 'modify'] } });
      res = await ctx.http().post('/organization:departments/').set(auth()).type('form').send({ organization: 'north', name: 'Staff' }).expect(200);
      expect(res.body).toEqual({ name: 'Staff', permission: { organization: ['member'], content: ['none'] } });
      await ctx.http().post('/organization:departments?organization=south&name=Teachers&permission_organization=supervisor').set(auth()).expect(200);
      await ctx.http().post('/organization:departments').set(auth()).send({ organization: 'north', name: 'Gone' }).expect(200);
      res = await ctx.http().get('/organization:departments?organization=north').set(auth()).expect(200);
      expect(res.body.map((d: { name: string }) => d.name)).toEqual(['Gone', 'Staff', 'Teachers']);
      res = await ctx.http().delete('/organization:departments?organization=north&name=Gone').set(auth()).expect(200);
      expect(res.body.name).toBe('Gone');
      await ctx.http().delete('/organization:departments').set(auth()).send({ organization: 'north', name: 'Gone' }).expect(404);
      res = await ctx.http().get('/organization:departments/?organization=north').set(auth()).expect(200);
      expect(res.body).toHaveLength(2);
    });

    it('rejects unknown levels listing the allowed values', async () => {
      let res = await ctx.http().post('/organization:departments').set(auth()).send({ organization: 'north', name: 'X', permission_organization: 'boss' }).expect(400);
      expect(res.body.error).toBe('invalid_parameter');
      expect(res.body.message).toContain('member, teacher, supervisor, admin');
      res = await ctx.http().post('/organization:departments').set(auth()).send({ organization: 'north', name: 'X', permission_content: 'write' }).expect(400);
      expect(res.body.message).toContain('none, view, control, modify, grant, admin');
    });
  });

  describe('POST/GET/DELETE /organization:members', () => {
    it('assigns users with defaults member/none and lists them (with and without trailing slash)', async () => {
      const res = await ctx.http().post('/organization:members').set(auth()).send({ organization: 'north', users: 'alice, bob' }).expect(200);
      expect(res.body.unknown_users).toEqual([]);
      expect(res.body.notified).toBe(0);
      expect(res.body.members).toEqual([
        { organization: 'north', code: 'alice', name: 'Alice Tester', department: null, permission: { organization: ['member'], content: ['none'] } },
        { organization: 'north', code: 'bob', name: 'Bob Tester', department: null, permission: { organization: ['member'], content: ['none'] } },
      ]);
      const list = await members('north');
      expect(list).toEqual([
        { code: 'alice', name: 'Alice Tester', department: null, permission: { organization: ['member'], content: ['none'] } },
        { code: 'bob', name: 'Bob Tester', department: null, permission: { organization: ['member'], content: ['none'] } },
      ]);
      expect((await ctx.http().get('/organization:members/?organization=north').set(auth()).expect(200)).body).toEqual(list);
    });

    it('updates existing members; form and query string inputs work alike', async () => {
      await ctx.http().post('/organization:members').set(auth()).type('form').send({ organization: 'north', users: 'alice', permission_organization: 'admin', permission_content: 'admin' }).expect(200);
      await ctx.http().post('/organization:members/?organization=north&users=bob&permission_organization=supervisor&permission_content=control').set(auth()).expect(200);
      const list = await members('north');
      expect(list[0].permission).toEqual({ organization: ALL_ORG, content: ALL_CONTENT });
      expect(list[1].permission).toEqual({ organization: ['member', 'teacher', 'supervisor'], content: ['view', 'control'] });
      expect(await count(`SELECT count(*)::int AS n FROM organization_member`)).toBe(2);
    });

    it('reports every permission list lowest first', async () => {
      const cases: [string, string, string[], string[]][] = [
        ['member', 'none', ['member'], ['none']],
        ['teacher', 'view', ['member', 'teacher'], ['view']],
        ['supervisor', 'grant', ['member', 'teacher', 'supervisor'], ['view', 'control', 'modify', 'grant']],
      ];
      for (const [po, pc, eo, ec] of cases) {
        const res = await ctx.http().post('/organization:members').set(auth()).send({ organization: 'east', users: 'carol', permission_organization: po, permission_content: pc }).expect(200);
        expect(res.body.members[0].permission).toEqual({ organization: eo, content: ec });
        expect((await members('east'))[0].permission).toEqual({ organization: eo, content: ec });
      }
    });

    it('assigns through a department; department and permission_ together is a 400', async () => {
      let res = await ctx.http().post('/organization:members').set(auth()).send({ organization: 'north', users: 'carol', department: 'Teachers' }).expect(200);
      expect(res.body.members[0]).toMatchObject({ code: 'carol', department: 'Teachers', permission: { organization: ['member', 'teacher'], content: ['view', 'control', 'modify'] } });
      res = await ctx.http().post('/organization:members').set(auth()).send({ organization: 'north', users: 'dave', department: 'Teachers', permission_organization: 'admin' }).expect(400);
      expect(res.body).toEqual({ error: 'invalid_parameter', message: expect.stringContaining('together') });
      res = await ctx.http().post('/organization:members').set(auth()).send({ organization: 'north', users: 'dave', department: 'Nope' }).expect(400);
      expect(res.body.message).toContain('Nope');
      expect(await count(`SELECT count(*)::int AS n FROM organization_member m JOIN "user" u ON u.id = m.user_id WHERE u.identifier = 'dave'`)).toBe(0);
    });

    it('keeps department members in step with the department and detaches them when it is deleted', async () => {
      await ctx.http().post('/organization:departments').set(auth()).send({ organization: 'north', name: 'Teachers', permission_organization: 'supervisor', permission_content: 'view' }).expect(200);
      let carol = (await members('north')).find((m: { code: string }) => m.code === 'carol');
      expect(carol.permission).toEqual({ organization: ['member', 'teacher', 'supervisor'], content: ['view'] });
      await ctx.http().delete('/organization:departments?organization=north&name=Teachers').set(auth()).expect(200);
      carol = (await members('north')).find((m: { code: string }) => m.code === 'carol');
      expect(carol).toEqual({ code: 'carol', name: 'Carol Tester', department: null, permission: { organization: ['member', 'teacher', 'supervisor'], content: ['view'] } });
    });

    it('reports unknown users instead of skipping them silently', async () => {
      const res = await ctx.http().post('/organization:members').set(auth()).send({ organization: 'south', users: 'dave,ghost,phantom' }).expect(200);
      expect(res.body.unknown_users).toEqual(['ghost', 'phantom']);
      expect(res.body.members.map((m: { code: string }) => m.code)).toEqual(['dave']);
      expect((await members('south')).map((m: { code: string }) => m.code)).toEqual(['dave']);
    });

    it('validates input: missing, unknown field, bad level, bad notify', async () => {
      let res = await ctx.http().post('/organization:members').set(auth()).send({ organization: 'north' }).expect(400);
      expect(res.body.error).toBe('missing_parameter');
      res = await ctx.http().post('/organization:members').set(auth()).send({ organization: 'north', users: 'alice', role: 'x' }).expect(400);
      expect(res.body.message).toContain('role');
      res = await ctx.http().post('/organization:members').set(auth()).send({ organization: 'north', users: 'alice', permission_organization: 'owner' }).expect(400);
      expect(res.body.message).toContain('member, teacher, supervisor, admin');
      res = await ctx.http().post('/organization:members').set(auth()).send({ organization: 'north', users: 'alice', notify: 'maybe' }).expect(400);
      expect(res.body.message).toContain('notify');
      res = await ctx.http().post('/organization:members').set(auth()).send({ organization: 'north', users: ' , ' }).expect(400);
      expect(res.body.error).toBe('missing_parameter');
      await ctx.http().post('/organization:members').set(auth()).send({ organization: 'nowhere', users: 'alice' }).expect(404);
      await ctx.http().get('/organization:members').set(auth()).expect(400);
      res = await ctx.http().get('/organization:members?organization=north&organization=south').set(auth()).expect(400);
      expect(res.body.error).toBe('invalid_parameter');
    });

    it('removes members (query string and JSON body)', async () => {
      let res = await ctx.http().delete('/organization:members?organization=south&users=dave,ghost').set(auth()).expect(200);
      expect(res.body).toEqual({ removed: [{ organization: 'south', code: 'dave' }], unknown_users: ['ghost'] });
      res = await ctx.http().delete('/organization:members/').set(auth()).send({ organization: 'south', users: 'dave' }).expect(200);
      expect(res.body).toEqual({ removed: [], unknown_users: [] });
      expect(await members('south')).toEqual([]);
    });
  });

  describe('POST /organizations:members (bulk)', () => {
    it('assigns many users to many organizations; a missing department falls back to the permission_ fields', async () => {
      const res = await ctx
        .http()
        .post('/organizations:members')
        .set(auth())
        .send({ organizations: 'north,south,east', users: 'bob,dave', department: 'Teachers', permission_organization: 'teacher', permission_content: 'view' })
        .expect(200);
      expect(res.body.unknown_users).toEqual([]);
      expect(res.body.members).toHaveLength(6);
      const south = (await members('south')).find((m: { code: string }) => m.code === 'dave');
      // south has a "Teachers" department (supervisor/none): its levels win
      expect(south).toMatchObject({ department: 'Teachers', permission: { organization: ['member', 'teacher', 'supervisor'], content: ['none'] } });
      const north = (await members('north')).find((m: { code: string }) => m.code === 'dave');
      // north's "Teachers" was deleted: the permission_ fields apply
      expect(north).toMatchObject({ department: null, permission: { organization: ['member', 'teacher'], content: ['view'] } });
      await ctx.http().post('/organizations:members/').set(auth()).type('form').send({ organizations: 'east', users: 'alice' }).expect(200);
    });

    it('is atomic: one bad organization code writes nothing', async () => {
      const before = await count(`SELECT count(*)::int AS n FROM organization_member`);
      const snapshot = await ctx.db.query(`SELECT * FROM organization_member ORDER BY organization_id, user_id`);
      const res = await ctx.http().post('/organizations:members').set(auth()).send({ organizations: 'north,nowhere,south', users: 'alice,bob,carol,dave', permission_organization: 'admin' }).expect(404);
      expect(res.body).toEqual({ error: 'not_found', message: expect.stringContaining('nowhere') });
      expect(await count(`SELECT count(*)::int AS n FROM organization_member`)).toBe(before);
      expect(await ctx.db.query(`SELECT * FROM organization_member ORDER BY organization_id, user_id`)).toEqual(snapshot);
    });

    it('validates the lists and levels', async () => {
      await ctx.http().post('/organizations:members').set(auth()).send({ users: 'alice' }).expect(400);
      await ctx.http().post('/organizations:members').set(auth()).send({ organizations: 'north', users: 'alice', permission_content: 'all' }).expect(400);
      const many = Array.from({ length: 101 }, (_, i) => `o${i}`).join(',');
      const res = await ctx.http().post('/organizations:members').set(auth()).send({ organizations: many, users: 'alice' }).expect(400);
      expect(res.body.message).toContain('100');
    });
  });

  describe('/user:organizations', () => {
    it('lists a user\'s organizations with link, department and permission', async () => {
      const res = await ctx.http().get('/user:organizations?user=dave').set(auth()).expect(200);
      expect(res.body).toEqual([
        { code: 'east', name: 'East', link: '/organization?organization=east', department: null, permission: { organization: ['member', 'teacher'], content: ['view'] } },
        { code: 'north', name: 'North', link: '/organization?organization=north', department: null, permission: { organization: ['member', 'teacher'], content: ['view'] } },
        { code: 'south', name: 'South', link: '/organization?organization=south', department: 'Teachers', permission: { organization: ['member', 'teacher', 'supervisor'], content: ['none'] } },
      ]);
      await ctx.http().get('/user:organizations/?user=ghost').set(auth()).expect(404);
      await ctx.http().get('/user:organizations').set(auth()).expect(400);
    });

    it('assigns a user to organizations and removes them again', async () => {
      let res = await ctx.http().post('/user:organizations').set(auth()).type('form').send({ user: 'alice', organizations: 'south,north', permission_organization: 'teacher' }).expect(200);
      expect(res.body.members.map((m: { organization: string }) => m.organization)).toEqual(['south', 'north']);
      res = await ctx.http().get('/user:organizations?user=alice').set(auth()).expect(200);
      expect(res.body.map((o: { code: string }) => o.code)).toEqual(['east', 'north', 'south']);
      await ctx.http().post('/user:organizations').set(auth()).send({ user: 'ghost', organizations: 'south' }).expect(404);
      await ctx.http().post('/user:organizations').set(auth()).send({ user: 'alice', organizations: 'south,nowhere' }).expect(404);
      res = await ctx.http().delete('/user:organizations?user=alice&organizations=south,east').set(auth()).expect(200);
      expect(res.body).toEqual({ removed: [{ organization: 'east', code: 'alice' }, { organization: 'south', code: 'alice' }], unknown_users: [] });
      res = await ctx.http().get('/user:organizations/?user=alice').set(auth()).expect(200);
      expect(res.body.map((o: { code: string }) => o.code)).toEqual(['north']);
      await ctx.http().delete('/user:organizations').set(auth()).send({ user: 'alice', organizations: 'nowhere' }).expect(404);
    });

    it('uses PUBLIC_URL for links when set', async () => {
      const other = await createTestApp({ PUBLIC_URL: 'https://lms.example.com/' });
      try {
        const g = new OrgFactory(other);
        await g.user('zoe');
        await g.org('west', 'West');
        const t = await other.clientToken();
        await other.http().post('/user:organizations').set('Authorization', `Bearer ${t}`).send({ user: 'zoe', organizations: 'west' }).expect(200);
        const res = await other.http().get('/user:organizations?user=zoe').set('Authorization', `Bearer ${t}`).expect(200);
        expect(res.body[0].link).toBe('https://lms.example.com/organization?organization=west');
      } finally {
        await other.close();
      }
    });
  });
});
