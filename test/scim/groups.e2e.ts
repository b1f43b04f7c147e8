import { TestContext, createTestApp } from '../support/test-app';
import { Agent } from '../support/test-context';
import { scimGroupsRepository } from '../../src/dialects/scim/groups/scim-groups.repository';
import { ERROR_URN, GROUP_URN, LIST_URN, ScimAgent, USER_URN, newScimToken, patchOp, scimAgent } from './scim-support';

/** Issue 16: SCIM Groups are the platform's groups; members go through the core's GroupMembersService. */
describe('SCIM Groups', () => {
  let ctx: TestContext;
  let scim: ScimAgent;
  let enabley: Agent;
  const users: Record<string, string> = {};
  const member = (name: string) => ({ value: users[name] });
  const valuesOf = (body: { members?: { value: string }[] }) => (body.members ?? []).map((m) => m.value).sort();
  const idsOf = (...names: string[]) => names.map((n) => users[n]).sort();
  const active = async (username: string, channel: string): Promise<boolean | null> => {
    const found = await ctx.db.query(
      `SELECT e.is_active FROM enrollment e JOIN "user" u ON u.id = e.user_id JOIN channel c ON c.id = e.channel_id WHERE u.username = $1 AND c.identifier = $2`,
      [username, channel],
    );
    return found[0]?.is_active ?? null;
  };

  beforeAll(async () => {
    ctx = await createTestApp();
    const client = await ctx.clientToken();
    enabley = ctx.as(client);
    scim = scimAgent(ctx, await newScimToken(ctx, client));
    for (const name of ['g-ann', 'g-bob', 'g-cat', 'g-dan']) {
      users[name] = (await scim.post('/scim/v2/Users', { schemas: [USER_URN], userName: name, displayName: `${name} Name` }).expect(201)).body.id;
    }
  });
  afterAll(() => ctx.close());

  it('Okta: create, look up by displayName, add members, remove one, rename, delete (204 then 404)', async () => {
    const created = await scim.post('/scim/v2/Groups', { schemas: [GROUP_URN], displayName: 'Okta Group', members: [] }).expect(201);
    expect(created.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(created.headers.location).toMatch(new RegExp(`/scim/v2/Groups/${created.body.id}$`));
    expect(created.body).toEqual({
      schemas: [GROUP_URN],
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      displayName: 'Okta Group',
      members: [],
      meta: { resourceType: 'Group', created: expect.any(String), lastModified: expect.any(String), location: created.headers.location },
    });
    const id = created.body.id;
    const found = await scim.get(`/scim/v2/Groups?filter=${encodeURIComponent('displayName eq "okta group"')}&excludedAttributes=members`).expect(200);
    expect(found.body).toMatchObject({ schemas: [LIST_URN], totalResults: 1, startIndex: 1, itemsPerPage: 1 });
    expect(found.body.Resources[0]).not.toHaveProperty('members');
    expect(found.body.Resources[0].id).toBe(id);

    await scim.patch(`/scim/v2/Groups/${id}`, patchOp({ op: 'add', path: 'members', value: [member('g-ann'), member('g-bob')] })).expect(200);
    const got = await scim.get(`/scim/v2/Groups/${id}`).expect(200);
    expect(valuesOf(got.body)).toEqual(idsOf('g-ann', 'g-bob'));
    expect(got.body.members.find((m: { value: string }) => m.value === users['g-ann'])).toEqual({ value: users['g-ann'], display: 'g-ann Name', type: 'User', $ref: expect.stringMatching(new RegExp(`/scim/v2/Users/${users['g-ann']}$`)) });

    await scim.patch(`/scim/v2/Groups/${id}`, patchOp({ op: 'remove', path: `members[value eq "${users['g-ann']}"]` })).expect(200);
    await scim.patch(`/scim/v2/Groups/${id}`, patchOp({ op: 'replace', value: { id, displayName: 'Okta Renamed' } })).expect(200);
    const after = await scim.get(`/scim/v2/Groups/${id}`).expect(200);
    expect(after.body.displayName).toBe('Okta Renamed');
    expect(valuesOf(after.body)).toEqual(idsOf('g-bob'));

    // Okta's PUT: the whole group, members included.
    const put = await scim.put(`/scim/v2/Groups/${id}`, { schemas: [GROUP_URN], id, displayName: 'Okta Put', members: [member('g-cat'), member('g-dan')] }).expect(200);
    expect(put.body.displayName).toBe('Okta Put');
    expect(valuesOf(put.body)).toEqual(idsOf('g-cat', 'g-dan'));

    await scim.delete(`/scim/v2/Groups/${id}`).expect(204);
    await scim.get(`/scim/v2/Groups/${id}`).expect(404);
    await scim.delete(`/scim/v2/Groups/${id}`).expect(404);
  });

  it('Entra ID: externalId, capitalised ops, members added and removed by value, rename with a path', async () => {
    const created = await scim.post('/scim/v2/Groups', { schemas: [GROUP_URN], externalId: 'entra-8aa1a0c0', displayName: 'Entra Group' }).expect(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({ externalId: 'entra-8aa1a0c0', displayName: 'Entra Group', members: [] });
    const byExternal = await scim.get(`/scim/v2/Groups?filter=${encodeURIComponent('externalId eq "entra-8aa1a0c0"')}`).expect(200);
    expect(byExternal.body.Resources.map((g: { id: string }) => g.id)).toEqual([id]);
    await scim.patch(`/scim/v2/Groups/${id}`, patchOp({ op: 'Add', path: 'members', value: [member('g-ann')] }, { op: 'Add', path: 'members', value: [member('g-bob')] })).expect(200);
    const memberFilter = await scim.get(`/scim/v2/Groups?filter=${encodeURIComponent(`id eq "${id}" and members[value eq "${users['g-bob']}"]`)}&excludedAttributes=members`).expect(200);
    expect(memberFilter.body.totalResults).toBe(1);
    const removed = await scim.patch(`/scim/v2/Groups/${id}`, patchOp({ op: 'Remove', path: 'members', value: [member('g-ann')] })).expect(200);
    expect(valuesOf(removed.body)).toEqual(idsOf('g-bob'));
    const none = await scim.get(`/scim/v2/Groups?filter=${encodeURIComponent(`members.value eq "${users['g-ann']}"`)}`).expect(200);
    expect(none.body.Resources.map((g: { id: string }) => g.id)).not.toContain(id);
    const renamed = await scim.patch(`/scim/v2/Groups/${id}`, patchOp({ op: 'Replace', path: 'displayName', value: 'Entra Renamed' })).expect(200);
    expect(renamed.body).toMatchObject({ displayName: 'Entra Renamed', externalId: 'entra-8aa1a0c0' });
    // The same group, seen by Enabley under its identifier.
    expect((await enabley.get('/api/v1/groups/entra-8aa1a0c0').expect(200)).body.name).toBe('Entra Renamed');
    await scim.delete(`/scim/v2/Groups/${id}`).expect(204);
    await enabley.get('/api/v1/groups/entra-8aa1a0c0').expect(404);
  });

  it('RFC 7644 section 3.5.2: add, replace all, remove all members; remove by filter', async () => {
    const id = (await scim.post('/scim/v2/Groups', { displayName: 'RFC Group', members: [member('g-ann')] }).expect(201)).body.id;
    await scim.patch(`/scim/v2/Groups/${id}`, patchOp({ op: 'add', path: 'members', value: [{ display: 'Babs', $ref: 'https://example.com/v2/Users/x', value: users['g-bob'] }] })).expect(200);
    let res = await scim.patch(`/scim/v2/Groups/${id}`, patchOp({ op: 'replace', path: 'members', value: [member('g-cat'), member('g-dan')] })).expect(200);
    expect(valuesOf(res.body)).toEqual(idsOf('g-cat', 'g-dan'));
    res = await scim.patch(`/scim/v2/Groups/${id}`, patchOp({ op: 'remove', path: `members[value eq "${users['g-cat']}"]` }, { op: 'add', path: 'members', value: [member('g-ann')] })).expect(200);
    expect(valuesOf(res.body)).toEqual(idsOf('g-ann', 'g-dan'));
    res = await scim.patch(`/scim/v2/Groups/${id}`, patchOp({ op: 'replace', path: `members[value eq "${users['g-dan']}"]`, value: member('g-bob') })).expect(200);
    expect(valuesOf(res.body)).toEqual(idsOf('g-ann', 'g-bob'));
    res = await scim.patch(`/scim/v2/Groups/${id}?excludedAttributes=members`, patchOp({ op: 'remove', path: 'members' })).expect(200);
    expect(res.body).not.toHaveProperty('members');
    expect(valuesOf((await scim.get(`/scim/v2/Groups/${id}`).expect(200)).body)).toEqual([]);
    expect((await scim.get(`/scim/v2/Groups/${id}?attributes=displayName`).expect(200)).body).toEqual({ schemas: [GROUP_URN], id, displayName: 'RFC Group' });
  });

  it('answers SCIM errors: unknown member 400 invalidValue, bad path, bad filter, duplicate externalId 409, missing displayName', async () => {
    const id = (await scim.post('/scim/v2/Groups', { displayName: 'Errors', externalId: 'err-1' }).expect(201)).body.id;
    let res = await scim.patch(`/scim/v2/Groups/${id}`, patchOp({ op: 'add', path: 'members', value: [{ value: '00000000-0000-4000-8000-000000000000' }] })).expect(400);
    expect(res.body).toEqual({ schemas: [ERROR_URN], status: '400', scimType: 'invalidValue', detail: expect.stringContaining('00000000-0000-4000-8000-000000000000') });
    res = await scim.patch(`/scim/v2/Groups/${id}`, patchOp({ op: 'add', path: 'members', value: [{ value: 'not-a-uuid' }] })).expect(400);
    expect(res.body.scimType).toBe('invalidValue');
    expect((await scim.patch(`/scim/v2/Groups/${id}`, patchOp({ op: 'replace', path: 'owner', value: 'x' })).expect(400)).body.scimType).toBe('invalidPath');
    expect((await scim.patch(`/scim/v2/Groups/${id}`, patchOp({ op: 'remove', path: 'members[display eq "x"]' })).expect(400)).body.scimType).toBe('invalidFilter');
    expect((await scim.patch(`/scim/v2/Groups/${id}`, patchOp({ op: 'remove', path: 'displayName' })).expect(400)).body.scimType).toBe('invalidValue');
    expect((await scim.get('/scim/v2/Groups?filter=owner%20eq%20%22x%22').expect(400)).body.scimType).toBe('invalidFilter');
    expect((await scim.post('/scim/v2/Groups', { displayName: 'Again', externalId: 'err-1' }).expect(409)).body).toMatchObject({ status: '409', scimType: 'uniqueness' });
    expect((await scim.post('/scim/v2/Groups', { externalId: 'err-2' }).expect(400)).body.scimType).toBe('invalidValue');
    expect((await scim.post('/scim/v2/Groups', { displayName: 'X', color: 'red' }).expect(400)).body.scimType).toBe('invalidValue');
    await scim.get('/scim/v2/Groups/not-an-id').expect(404);
    expect(valuesOf((await scim.get(`/scim/v2/Groups/${id}`).expect(200)).body)).toEqual([]);
  });

  it('excludedAttributes=members does not read members (list, get, patch); without it they are read in one statement per page', async () => {
    const id = (await scim.post('/scim/v2/Groups', { displayName: 'Unread', members: [member('g-ann')] }).expect(201)).body.id;
    const spy = jest.spyOn(scimGroupsRepository, 'members');
    try {
      await scim.get(`/scim/v2/Groups?filter=${encodeURIComponent('displayName eq "Unread"')}&excludedAttributes=members`).expect(200);
      await scim.get(`/scim/v2/Groups/${id}?excludedAttributes=members`).expect(200);
      await scim.patch(`/scim/v2/Groups/${id}?excludedAttributes=members`, patchOp({ op: 'add', path: 'members', value: [member('g-bob')] })).expect(200);
      expect(spy).not.toHaveBeenCalled();
      const all = await scim.get('/scim/v2/Groups?count=1000').expect(200);
      expect(all.body.Resources.length).toBeGreaterThan(1);
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('pages with startIndex and count', async () => {
    for (const n of [1, 2, 3]) await scim.post('/scim/v2/Groups', { displayName: `Paged ${n}` }).expect(201);
    const filter = encodeURIComponent('displayName sw "Paged"');
    const page = await scim.get(`/scim/v2/Groups?filter=${filter}&startIndex=2&count=1`).expect(200);
    expect(page.body).toMatchObject({ totalResults: 3, startIndex: 2, itemsPerPage: 1 });
    expect(page.body.Resources[0].displayName).toBe('Paged 2');
    expect((await scim.get(`/scim/v2/Groups?filter=${filter}&count=0`).expect(200)).body).toMatchObject({ totalResults: 3, itemsPerPage: 0, Resources: [] });
  });

  it('a member added over SCIM is enrolled through the group\'s channel assignment; removed, that enrollment ends', async () => {
    const id = (await scim.post('/scim/v2/Groups', { displayName: 'Assigned', externalId: 'scim-assigned' }).expect(201)).body.id;
    await enabley.put('/api/v1/channels', { identifier: 'scim-course', name: 'SCIM course' }).expect(201);
    await enabley.post('/api/v1/channels/scim-course/groups/scim-assigned').expect(200);
    await scim.patch(`/scim/v2/Groups/${id}`, patchOp({ op: 'add', path: 'members', value: [member('g-cat')] })).expect(200);
    expect(await active('g-cat', 'scim-course')).toBe(true);
    await scim.patch(`/scim/v2/Groups/${id}`, patchOp({ op: 'remove', path: `members[value eq "${users['g-cat']}"]` })).expect(200);
    expect(await active('g-cat', 'scim-course')).toBe(false);
    await scim.put(`/scim/v2/Groups/${id}`, { displayName: 'Assigned', members: [member('g-dan')] }).expect(200);
    expect(await active('g-dan', 'scim-course')).toBe(true);
  });

  it('DELETE cleans up as Enabley\'s delete does: GROUP entitlements go; a group with child groups is refused 400', async () => {
    await enabley.put('/api/v2/users', { identifier: 'g-ent', username: 'g-ent' }).expect(201);
    const parent = (await scim.post('/scim/v2/Groups', { displayName: 'Parent', externalId: 'scim-parent' }).expect(201)).body.id;
    await enabley.put('/api/v1/groups', { identifier: 'scim-kid', name: 'Kid', parentIdentifier: 'scim-parent' }).expect(201);
    expect((await scim.delete(`/scim/v2/Groups/${parent}`).expect(400)).body).toMatchObject({ schemas: [ERROR_URN], status: '400' });
    await enabley.delete('/api/v1/groups/scim-kid').expect(200);
    await enabley.post('/api/v2/users/entitlements', { userIdentifier: 'g-ent', entityType: 'GROUP', entityIdentifier: 'scim-parent', userRole: 'EDITOR' }).expect(200);
    await scim.delete(`/scim/v2/Groups/${parent}`).expect(204);
    const [{ n }] = await ctx.db.query(`SELECT count(*)::int AS n FROM enabley_entitlement WHERE entity_identifier = 'scim-parent'`);
    expect(n).toBe(0);
  });

  it('serves Group in ResourceTypes and Schemas', async () => {
    expect((await scim.get('/scim/v2/ResourceTypes/Group').expect(200)).body).toMatchObject({ id: 'Group', endpoint: '/Groups', schema: GROUP_URN });
    const schema = await scim.get(`/scim/v2/Schemas/${GROUP_URN}`).expect(200);
    expect(schema.body.attributes.map((a: { name: string }) => a.name)).toEqual(['displayName', 'members']);
  });

  it('isolation: another account\'s SCIM token gets 404 and an empty list', async () => {
    const id = (await scim.post('/scim/v2/Groups', { displayName: 'Mine', externalId: 'mine' }).expect(201)).body.id;
    const other = await ctx.newAccount();
    const theirs = scimAgent(ctx, await newScimToken(ctx, other.token));
    await theirs.get(`/scim/v2/Groups/${id}`).expect(404);
    await theirs.patch(`/scim/v2/Groups/${id}`, patchOp({ op: 'replace', path: 'displayName', value: 'Taken' })).expect(404);
    await theirs.put(`/scim/v2/Groups/${id}`, { displayName: 'Taken' }).expect(404);
    await theirs.delete(`/scim/v2/Groups/${id}`).expect(404);
    expect((await theirs.get('/scim/v2/Groups').expect(200)).body).toMatchObject({ totalResults: 0, Resources: [] });
    // Their group cannot take our user as a member either.
    const theirGroup = (await theirs.post('/scim/v2/Groups', { displayName: 'Theirs', externalId: 'mine' }).expect(201)).body.id;
    expect((await theirs.patch(`/scim/v2/Groups/${theirGroup}`, patchOp({ op: 'add', path: 'members', value: [member('g-ann')] })).expect(400)).body.scimType).toBe('invalidValue');
    expect((await scim.get(`/scim/v2/Groups/${id}`).expect(200)).body.displayName).toBe('Mine');
  });
});
