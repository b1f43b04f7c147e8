import { TestContext, createTestApp } from '../support/test-app';
import { ENTERPRISE_URN, ERROR_URN, LIST_URN, ScimAgent, USER_URN, newScimToken, patchOp, scimAgent } from './scim-support';

describe('SCIM Users', () => {
  let ctx: TestContext;
  let scim: ScimAgent;
  beforeAll(async () => {
    ctx = await createTestApp();
    scim = scimAgent(ctx, await newScimToken(ctx, await ctx.clientToken()));
  });
  afterAll(() => ctx.close());

  const newUser = (userName: string, extra: Record<string, unknown> = {}) =>
    scim.post('/scim/v2/Users', { schemas: [USER_URN], userName, name: { givenName: 'Given', familyName: 'Family' }, emails: [{ value: `${userName}@example.com`, type: 'work', primary: true }], ...extra }).expect(201);

  it('creates a user: 201, scim+json, Location, the core user\'s id, every mapped attribute', async () => {
    const res = await newUser('bjensen', {
      schemas: [USER_URN, ENTERPRISE_URN],
      externalId: 'okta-00u1',
      displayName: 'Babs Jensen',
      active: true,
      [ENTERPRISE_URN]: { employeeNumber: '701984', department: 'Tour Operations', organization: 'Universal' },
      locale: 'en-US',
    });
    expect(res.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(res.headers.location).toMatch(new RegExp(`/scim/v2/Users/${res.body.id}$`));
    expect(res.body).toEqual({
      schemas: [USER_URN, ENTERPRISE_URN],
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      externalId: 'okta-00u1',
      userName: 'bjensen',
      name: { givenName: 'Given', familyName: 'Family', formatted: 'Given Family' },
      displayName: 'Babs Jensen',
      emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }],
      active: true,
      [ENTERPRISE_URN]: { employeeNumber: '701984', department: 'Tour Operations', organization: 'Universal' },
      meta: { resourceType: 'User', created: expect.stringMatching(/Z$/), lastModified: expect.stringMatching(/Z$/), location: res.headers.location },
    });
    const [row] = await ctx.db.query(`SELECT username, email, first_name, full_name, is_active FROM "user" WHERE id = $1`, [res.body.id]);
    expect(row).toEqual({ username: 'bjensen', email: 'bjensen@example.com', first_name: 'Given', full_name: 'Babs Jensen', is_active: true });
    const got = await scim.get(`/scim/v2/Users/${res.body.id}`).expect(200);
    // supertest listens on a new port per request: the location's host differs, its path does not.
    expect(got.body).toEqual({ ...res.body, meta: { ...res.body.meta, location: expect.stringMatching(new RegExp(`/scim/v2/Users/${res.body.id}$`)) } });
  });

  it('accepts application/json bodies as well', async () => {
    const res = await ctx
      .http()
      .post('/scim/v2/Users')
      .set('Authorization', `Bearer ${await ctx.clientToken()}`)
      .send({ schemas: [USER_URN], userName: 'json-user' })
      .expect(201);
    expect(res.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(res.body.userName).toBe('json-user');
  });

  it('refuses a taken userName (case-insensitively) with 409 uniqueness, and bad bodies with 400', async () => {
    const res = await scim.post('/scim/v2/Users', { schemas: [USER_URN], userName: 'BJENSEN' }).expect(409);
    expect(res.body).toEqual({ schemas: [ERROR_URN], status: '409', scimType: 'uniqueness', detail: expect.any(String) });
    expect(res.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect((await scim.post('/scim/v2/Users', { schemas: [USER_URN] }).expect(400)).body.scimType).toBe('invalidValue');
    expect((await scim.post('/scim/v2/Users', { schemas: [USER_URN], userName: 'x1', bogus: 1 }).expect(400)).body.scimType).toBe('invalidValue');
    expect((await scim.post('/scim/v2/Users', { schemas: ['urn:x'], userName: 'x1' }).expect(400)).body.scimType).toBe('invalidSyntax');
    expect((await scim.post('/scim/v2/Users', { userName: 'x1', active: 'maybe' }).expect(400)).body.scimType).toBe('invalidValue');
    const malformed = await ctx.http().post('/scim/v2/Users').set('Authorization', `Bearer ${await ctx.clientToken()}`).set('Content-Type', 'application/scim+json').send('{"userName":').expect(400);
    expect(malformed.body).toMatchObject({ schemas: [ERROR_URN], status: '400', scimType: 'invalidSyntax' });
  });

  it('filters in SQL: eq (case-insensitive userName), co, sw, ew, pr, ne, and/or/not, value paths', async () => {
    await newUser('alice', { externalId: 'ext-alice', [ENTERPRISE_URN]: { department: 'Sales' } });
    await newUser('albert', { active: false });
    await scim.post('/scim/v2/Users', { userName: 'carol', emails: [{ value: 'carol@other.org', type: 'home' }] }).expect(201);
    const names = async (filter: string) => {
      const res = await scim.get(`/scim/v2/Users?filter=${encodeURIComponent(filter)}`).expect(200);
      expect(res.body.schemas).toEqual([LIST_URN]);
      return (res.body.Resources as { userName: string }[]).map((u) => u.userName).sort();
    };
    expect(await names('userName eq "ALICE"')).toEqual(['alice']);
    expect(await names('UserName Eq "alice"')).toEqual(['alice']);
    expect(await names('userName sw "al"')).toEqual(['albert', 'alice']);
    expect(await names('userName ew "ERT"')).toEqual(['albert']);
    expect(await names('userName co "lic"')).toEqual(['alice']);
    expect(await names('externalId pr and userName sw "a"')).toEqual(['alice']);
    expect(await names('userName sw "al" and not (active eq false)')).toEqual(['alice']);
    expect(await names('userName eq "alice" or userName eq "carol"')).toEqual(['alice', 'carol']);
    expect(await names('emails[type eq "home" and value co "@other.org"]')).toEqual(['carol']);
    expect(await names('emails.value ew "@other.org"')).toEqual(['carol']);
    expect(await names(`${ENTERPRISE_URN}:department eq "sales"`)).toEqual(['alice']);
    expect(await names('userName sw "al" and active ne true')).toEqual(['albert']);
    expect(await names('meta.created gt "2000-01-01T00:00:00Z" and userName eq "carol"')).toEqual(['carol']);
    expect(await names('userName eq "100%_\\\\"')).toEqual([]);
  });

  it('answers an unsupported or malformed filter with 400 invalidFilter', async () => {
    for (const filter of ['userName eq', 'userName xx "a"', 'nickName eq "a"', 'active gt true', '(userName eq "a"', 'emails[type eq "work"', 'meta.created gt "not a date"']) {
      const res = await scim.get(`/scim/v2/Users?filter=${encodeURIComponent(filter)}`).expect(400);
      expect(res.body).toMatchObject({ schemas: [ERROR_URN], status: '400', scimType: 'invalidFilter' });
    }
  });

  it('pages with startIndex and count, and projects attributes', async () => {
    const all = await scim.get('/scim/v2/Users?count=2').expect(200);
    expect(all.body).toMatchObject({ totalResults: 5, startIndex: 1, itemsPerPage: 2 });
    const second = await scim.get('/scim/v2/Users?startIndex=3&count=2').expect(200);
    expect(second.body).toMatchObject({ totalResults: 5, startIndex: 3, itemsPerPage: 2 });
    const ids = [...all.body.Resources, ...second.body.Resources].map((u: { id: string }) => u.id);
    expect(new Set(ids).size).toBe(4);
    expect((await scim.get('/scim/v2/Users?count=0').expect(200)).body).toMatchObject({ totalResults: 5, itemsPerPage: 0, Resources: [] });
    expect((await scim.get('/scim/v2/Users?count=5000&startIndex=-4').expect(200)).body).toMatchObject({ startIndex: 1, itemsPerPage: 5 });
    await scim.get('/scim/v2/Users?count=abc').expect(400);
    const projected = await scim.get('/scim/v2/Users?filter=userName%20eq%20%22alice%22&attributes=userName,name.givenName').expect(200);
    expect(projected.body.Resources[0]).toEqual({ schemas: [USER_URN, ENTERPRISE_URN], id: expect.any(String), userName: 'alice', name: { givenName: 'Given' } });
    const excluded = await scim.get(`/scim/v2/Users/${projected.body.Resources[0].id}?excludedAttributes=emails,meta`).expect(200);
    expect(excluded.body.emails).toBeUndefined();
    expect(excluded.body.meta).toBeUndefined();
    expect(excluded.body.userName).toBe('alice');
  });

  it('PUT replaces: what it leaves out is cleared', async () => {
    const created = (await newUser('putme', { externalId: 'e1', [ENTERPRISE_URN]: { department: 'X' } })).body;
    const res = await scim.put(`/scim/v2/Users/${created.id}`, { schemas: [USER_URN], userName: 'putme2', name: { givenName: 'P' }, active: true }).expect(200);
    expect(res.body).toMatchObject({ userName: 'putme2', name: { givenName: 'P', familyName: '' }, displayName: 'P', active: true });
    expect(res.body.emails).toBeUndefined();
    expect(res.body.externalId).toBeUndefined();
    expect(res.body[ENTERPRISE_URN]).toBeUndefined();
    await scim.put('/scim/v2/Users/2819c223-7f76-453a-919d-413861904646', { userName: 'nobody' }).expect(404);
    await scim.put('/scim/v2/Users/not-a-uuid', { userName: 'nobody' }).expect(404);
  });

  it('PATCH: add/replace/remove with and without path, value filters, Entra and Okta quirks', async () => {
    const { id } = (await newUser('patchme')).body;
    const patch = (...ops: unknown[]) => scim.patch(`/scim/v2/Users/${id}`, patchOp(...ops));
    let res = await patch({ op: 'Replace', path: 'name.givenName', value: 'Pat' }, { op: 'Add', path: 'displayName', value: 'Pat F' }).expect(200);
    expect(res.body).toMatchObject({ name: { givenName: 'Pat', familyName: 'Family' }, displayName: 'Pat F' });
    res = await patch({ op: 'replace', path: 'emails[type eq "work"].value', value: 'pat@example.com' }).expect(200);
    expect(res.body.emails).toEqual([{ value: 'pat@example.com', type: 'work', primary: true }]);
    res = await patch({ op: 'Add', path: `${ENTERPRISE_URN}:employeeNumber`, value: '42' }, { op: 'add', path: 'externalId', value: 'x-42' }).expect(200);
    expect(res.body).toMatchObject({ externalId: 'x-42', [ENTERPRISE_URN]: { employeeNumber: '42' } });
    res = await patch({ op: 'Replace', path: 'active', value: 'False' }).expect(200);
    expect(res.body.active).toBe(false);
    res = await patch({ op: 'replace', value: { active: true } }).expect(200);
    expect(res.body.active).toBe(true);
    res = await patch({ op: 'remove', path: 'emails[type eq "work"]' }, { op: 'remove', path: `${ENTERPRISE_URN}:employeeNumber` }).expect(200);
    expect(res.body.emails).toBeUndefined();
    expect(res.body[ENTERPRISE_URN]).toBeUndefined();
    res = await patch({ op: 'Add', path: 'emails[type eq "work"].value', value: 'again@example.com' }).expect(200);
    expect(res.body.emails).toEqual([{ value: 'again@example.com', type: 'work', primary: true }]);
    res = await patch({ op: 'replace', value: { userName: 'patched', 'name.familyName': 'Fam', [ENTERPRISE_URN]: { department: 'D' } } }).expect(200);
    expect(res.body).toMatchObject({ userName: 'patched', name: { familyName: 'Fam' }, [ENTERPRISE_URN]: { department: 'D' } });
    expect((await patch({ op: 'remove' }).expect(400)).body.scimType).toBe('noTarget');
    expect((await patch({ op: 'replace', path: 'id', value: 'x' }).expect(400)).body.scimType).toBe('mutability');
    expect((await patch({ op: 'move', path: 'id' }).expect(400)).body.scimType).toBe('invalidSyntax');
    expect((await patch({ op: 'replace', path: 'emails[type eq', value: 'x' }).expect(400)).body.scimType).toMatch(/invalidPath|invalidFilter/);
    expect((await scim.patch(`/scim/v2/Users/${id}`, { Operations: [] }).expect(400)).body.scimType).toBe('invalidSyntax');
    expect((await patch({ op: 'replace', path: 'userName', value: 'BJENSEN' }).expect(409)).body.scimType).toBe('uniqueness');
  });

  it('DELETE answers 204, then 404', async () => {
    const { id } = (await newUser('deleteme')).body;
    await scim.delete(`/scim/v2/Users/${id}`).expect(204);
    await scim.delete(`/scim/v2/Users/${id}`).expect(404);
    const res = await scim.get(`/scim/v2/Users/${id}`).expect(404);
    expect(res.body).toEqual({ schemas: [ERROR_URN], status: '404', detail: expect.any(String) });
  });

  it('never shows the platform superuser', async () => {
    expect((await scim.get('/scim/v2/Users?filter=userName%20eq%20%22root%22').expect(200)).body.totalResults).toBe(0);
  });

  it('serves the discovery endpoints', async () => {
    const spc = await scim.get('/scim/v2/ServiceProviderConfig').expect(200);
    expect(spc.body).toMatchObject({ patch: { supported: true }, bulk: { supported: false }, filter: { supported: true, maxResults: 1000 }, sort: { supported: false }, etag: { supported: false }, changePassword: { supported: false } });
    expect(spc.body.authenticationSchemes[0].type).toBe('oauthbearertoken');
    const types = await scim.get('/scim/v2/ResourceTypes').expect(200);
    expect(types.body.Resources.map((t: { id: string }) => t.id)).toContain('User');
    await scim.get('/scim/v2/ResourceTypes/User').expect(200);
    await scim.get('/scim/v2/ResourceTypes/Nope').expect(404);
    const schemas = await scim.get('/scim/v2/Schemas').expect(200);
    expect(schemas.body.Resources.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([USER_URN, ENTERPRISE_URN]));
    const user = await scim.get(`/scim/v2/Schemas/${USER_URN}`).expect(200);
    expect(user.body.attributes.map((a: { name: string }) => a.name)).toContain('userName');
  });
});
