import { TestContext, createTestApp } from '../support/test-app';
import { OrgFactory } from './helpers';

describe('Organizations: organizations', () => {
  let ctx: TestContext;
  let f: OrgFactory;
  let token: string;
  const auth = () => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    ctx = await createTestApp();
    f = new OrgFactory(ctx);
    token = await ctx.clientToken();
  });
  afterAll(() => ctx.close());

  it('GET /organizations answers 401 with {error, message} without a token', async () => {
    const res = await ctx.http().get('/organizations').expect(401);
    expect(res.body).toEqual({ error: 'unauthorized', message: expect.any(String) });
  });

  it('GET /organizations answers 200 [] for an API client of an empty account', async () => {
    const res = await ctx.http().get('/organizations').set(auth()).expect(200);
    expect(res.body).toEqual([]);
  });

  it('creates organizations from JSON, form and query string alike', async () => {
    let res = await ctx.http().post('/organizations').set(auth()).send({ code: 'sales', name: 'Sales' }).expect(200);
    expect(res.body).toEqual({ organization: 'sales', name: 'Sales' });
    res = await ctx.http().post('/organizations').set(auth()).type('form').send({ code: 'support', name: 'Support' }).expect(200);
    expect(res.body).toEqual({ organization: 'support', name: 'Support' });
    res = await ctx.http().post('/organizations?code=legal&name=Legal%20Team').set(auth()).expect(200);
    expect(res.body).toEqual({ organization: 'legal', name: 'Legal Team' });
    // trailing slash too
    res = await ctx.http().post('/organizations/').set(auth()).send({ code: 'hr', name: 'HR' }).expect(200);
    expect(res.body.organization).toBe('hr');
  });

  it('lists them for the API client, sorted by code', async () => {
    const res = await ctx.http().get('/organizations').set(auth()).expect(200);
    expect(res.body).toEqual([
      { code: 'hr', name: 'HR' },
      { code: 'legal', name: 'Legal Team' },
      { code: 'sales', name: 'Sales' },
      { code: 'support', name: 'Support' },
    ]);
  });

  it('rejects a duplicate code with 409 and bad input with 400', async () => {
    let res = await ctx.http().post('/organizations').set(auth()).send({ code: 'sales', name: 'Again' }).expect(409);
    expect(res.body).toEqual({ error: 'already_exists', message: expect.stringContaining('sales') });
    res = await ctx.http().post('/organizations').set(auth()).send({ name: 'No code' }).expect(400);
    expect(res.body.error).toBe('missing_parameter');
    res = await ctx.http().post('/organizations').set(auth()).send({ code: 'a,b', name: 'Comma' }).expect(400);
    expect(res.body.error).toBe('invalid_parameter');
    res = await ctx.http().post('/organizations').set(auth()).send({ code: 'x', name: 'X', colour: 'red' }).expect(400);
    expect(res.body.message).toContain('colour');
    res = await ctx.http().get('/organizations?colour=red').set(auth()).expect(400);
    expect(res.body.message).toContain('colour');
    res = await ctx.http().post('/organizations').set(auth()).type('json').send('{"code":').expect(400);
    expect(res.body.error).toBeDefined();
  });

  it('GET /organization checks one organization by query string', async () => {
    let res = await ctx.http().get('/organization?organization=sales').set(auth()).expect(200);
    expect(res.body).toEqual({ organization: 'sales', name: 'Sales' });
    res = await ctx.http().get('/organization/?organization=sales').set(auth()).expect(200);
    expect(res.body.organization).toBe('sales');
    res = await ctx.http().get('/organization?organization=nope').set(auth()).expect(404);
    expect(res.body).toEqual({ error: 'not_found', message: expect.any(String) });
    res = await ctx.http().get('/organization').set(auth()).expect(400);
    expect(res.body.error).toBe('missing_parameter');
  });

  it('PATCH /organization renames; DELETE /organization removes with its memberships', async () => {
    let res = await ctx.http().patch('/organization').set(auth()).type('form').send({ organization: 'legal', name: 'Legal' }).expect(200);
    expect(res.body).toEqual({ organization: 'legal', name: 'Legal' });
    await f.user('dora');
    await ctx.http().post('/organization:members').set(auth()).send({ organization: 'legal', users: 'dora' }).expect(200);
    await ctx.http().post('/organization:departments').set(auth()).send({ organization: 'legal', name: 'Court' }).expect(200);
    res = await ctx.http().delete('/organization?organization=legal').set(auth()).expect(200);
    expect(res.body).toEqual({ organization: 'legal', name: 'Legal' });
    await ctx.http().get('/organization?organization=legal').set(auth()).expect(404);
    const left = await ctx.db.query(`SELECT count(*)::int AS n FROM organization_member m JOIN "user" u ON u.id = m.user_id WHERE u.identifier = 'dora'`);
    expect(left[0].n).toBe(0);
    await ctx.http().delete('/organization').set(auth()).send({ organization: 'legal' }).expect(404);
  });

  it('answers 404 for another account\'s organization, and keeps codes per account', async () => {
    const other = await ctx.newAccount('acme-two');
    const h = { Authorization: `Bearer ${other.token}` };
    expect((await ctx.http().get('/organizations').set(h).expect(200)).body).toEqual([]);
    await ctx.http().get('/organization?organization=sales').set(h).expect(404);
    await ctx.http().patch('/organization').set(h).send({ organization: 'sales', name: 'Mine' }).expect(404);
    await ctx.http().delete('/organization?organization=sales').set(h).expect(404);
    await ctx.http().get('/organization:members?organization=sales').set(h).expect(404);
    await ctx.http().get('/organization:departments?organization=sales').set(h).expect(404);
    await ctx.http().post('/organization:members').set(h).send({ organization: 'sales', users: 'dora' }).expect(404);
    await ctx.http().post('/organizations:members').set(h).send({ organizations: 'sales', users: 'dora' }).expect(404);
    await ctx.http().get('/user:organizations?user=dora').set(h).expect(404);
    // the same code is free in the other account
    await ctx.http().post('/organizations').set(h).send({ code: 'sales', name: 'Other sales' }).expect(200);
    expect((await ctx.http().get('/organizations').set(h).expect(200)).body).toEqual([{ code: 'sales', name: 'Other sales' }]);
    expect((await ctx.http().get('/organization?organization=sales').set(auth()).expect(200)).body.name).toBe('Sales');
  });

  it('a plain user may not create organizations and sees none', async () => {
    await f.user('plain');
    const t = await f.userToken('plain');
    const res = await ctx.http().post('/organizations').set('Authorization', `Bearer ${t}`).send({ code: 'mine', name: 'Mine' }).expect(403);
    expect(res.body).toEqual({ error: 'forbidden', message: expect.any(String) });
    expect((await ctx.http().get('/organizations').set('Authorization', `Bearer ${t}`).expect(200)).body).toEqual([]);
    await ctx.http().get('/organization?organization=sales').set('Authorization', `Bearer ${t}`).expect(404);
  });

  it('the Swagger document shows the literal colon paths', async () => {
    const res = await ctx.http().get('/docs-json').expect(200);
    const paths = Object.keys(res.body.paths);
    for (const p of ['/organizations', '/organization', '/organization:members', '/organizations:members', '/user:organizations', '/organization:departments']) {
      expect(paths).toContain(p);
    }
    expect(paths.filter((p) => p.includes('::') || p.includes('{members}'))).toEqual([]);
    expect(Object.keys(res.body.paths['/organization:members']).sort()).toEqual(['delete', 'get', 'post']);
    expect(Object.keys(res.body.paths['/user:organizations']).sort()).toEqual(['delete', 'get', 'post']);
    expect(res.body.paths['/organizations:members'].post.responses['404'].content['application/json'].schema.$ref).toBe('#/components/schemas/OrganizationsError');
  });
});
