import { TestContext, createTestApp } from '../support/test-app';
import { Agent } from '../support/test-context';

describe('Enabley groups', () => {
  let ctx: TestContext;
  let api: Agent;
  const ids = (body: { identifier: string }[]) => body.map((g) => g.identifier);
  beforeAll(async () => {
    ctx = await createTestApp();
    api = ctx.as(await ctx.clientToken());
    for (const id of ['gu-1', 'gu-2']) await api.put('/api/v2/users').send({ identifier: id }).expect(201);
  });
  afterAll(() => ctx.close());

  it('upserts: 201 created, 200 updated, with parent and sub-account', async () => {
    const root = await api.put('/api/v1/groups').send({ identifier: 'root', name: 'Company', type: 'Company' }).expect(201);
    expect(root.body).toEqual({ identifier: 'root', name: 'Company', type: 'Company', parentIdentifier: null, subAccountName: null, created: expect.stringMatching(/Z$/), modified: expect.stringMatching(/Z$/) });
    const region = await api.put('/api/v1/groups').send({ identifier: 'eu', name: 'Europe', type: 'Region', parentIdentifier: 'root', subAccountName: 'emea' }).expect(201);
    expect(region.body).toMatchObject({ parentIdentifier: 'root', subAccountName: 'emea', type: 'Region' });
    await api.put('/api/v1/groups').send({ identifier: 'paris', name: 'Paris', type: 'Store', parentIdentifier: 'eu', subAccountName: 'emea' }).expect(201);
    const renamed = await api.put('/api/v1/groups').send({ identifier: 'eu', name: 'EU' }).expect(200);
    expect(renamed.body).toMatchObject({ name: 'EU', parentIdentifier: 'root', subAccountName: 'emea', type: 'Region' });
    expect((await api.get('/api/v1/groups/eu').expect(200)).body.name).toBe('EU');
    await api.get('/api/v1/groups/eu?subAccountName=emea').expect(200);
    await api.get('/api/v1/groups/eu?subAccountName=apac').expect(404);
    await api.get('/api/v1/groups/nope').expect(404);
  });

  it('refuses an unknown parent, a missing name, bad input and cycles', async () => {
    let res = await api.put('/api/v1/groups').send({ identifier: 'x', name: 'X', parentIdentifier: 'ghost' }).expect(400);
    expect(res.body.error).toBe('invalid_request');
    expect(res.body.error_description).toContain('parentIdentifier');
    await api.put('/api/v1/groups').send({ identifier: 'x' }).expect(400);
    await api.put('/api/v1/groups').send({ name: 'X' }).expect(400);
    await api.put('/api/v1/groups').send({ identifier: 'x', name: 'X', color: 'red' }).expect(400);
    await api.put('/api/v1/groups').send({ identifier: 'root', parentIdentifier: 'root' }).expect(400);
    res = await api.put('/api/v1/groups').send({ identifier: 'root', parentIdentifier: 'paris' }).expect(400);
    expect(res.body.error_description).toContain('cycle');
    expect((await api.get('/api/v1/groups/root').expect(200)).body.parentIdentifier).toBeNull();
  });

  it('derives the hierarchy of group types, root first', async () => {
    expect((await api.get('/api/v1/groups/hierarchy').expect(200)).body).toEqual(['Company', 'Region', 'Store']);
  });

  it('detaches a group with parentIdentifier null and clears its sub-account with null', async () => {
    await api.put('/api/v1/groups').send({ identifier: 'tmp', name: 'Tmp', parentIdentifier: 'eu', subAccountName: 'emea' }).expect(201);
    const res = await api.put('/api/v1/groups').send({ identifier: 'tmp', parentIdentifier: null, subAccountName: null, type: null }).expect(200);
    expect(res.body).toMatchObject({ identifier: 'tmp', name: 'Tmp', parentIdentifier: null, subAccountName: null, type: null });
    await api.delete('/api/v1/groups/tmp').expect(200);
  });

  it('lists the account\'s groups, or one sub-account\'s', async () => {
    expect(ids((await api.get('/api/v1/groups/list').expect(200)).body)).toEqual(['eu', 'paris', 'root']);
    expect(ids((await api.get('/api/v1/groups/list?subAccountName=emea').expect(200)).body)).toEqual(['eu', 'paris']);
    expect((await api.get('/api/v1/groups/list?subAccountName=none').expect(200)).body).toEqual([]);
  });

  it('maps users to groups; replace removes the other mappings in the same call', async () => {
    await api.post('/api/v1/groups/root/users/gu-1').expect(200);
    await api.post('/api/v1/groups/eu/users/gu-1').expect(200);
    await api.post('/api/v1/groups/eu/users/gu-1').expect(200);
    expect(ids((await api.get('/api/v1/users/gu-1/groups').expect(200)).body)).toEqual(['eu', 'root']);
    expect(ids((await api.get('/api/v1/users/gu-1/groups?subAccountName=emea').expect(200)).body)).toEqual(['eu']);
    await api.post('/api/v1/groups/paris/users/gu-1?replace=true').expect(200);
    expect(ids((await api.get('/api/v1/users/gu-1/groups').expect(200)).body)).toEqual(['paris']);
    await api.post('/api/v1/groups/paris/users/gu-1?replace=yes').expect(400);
    await api.post('/api/v1/groups/paris/users/ghost').expect(404);
    await api.post('/api/v1/groups/ghost/users/gu-1').expect(404);
    await api.get('/api/v1/users/ghost/groups').expect(404);
  });

  it('a failed replace leaves the mappings untouched', async () => {
    await api.post('/api/v1/groups/root/users/gu-2').expect(200);
    await api.post('/api/v1/groups/eu/users/ghost?replace=true').expect(404);
    expect(ids((await api.get('/api/v1/users/gu-2/groups').expect(200)).body)).toEqual(['root']);
  });

  it('removes a user from a group', async () => {
    await api.delete('/api/v1/groups/root/users/gu-2').expect(200);
    expect((await api.get('/api/v1/users/gu-2/groups').expect(200)).body).toEqual([]);
    const res = await api.delete('/api/v1/groups/root/users/gu-2').expect(404);
    expect(res.body.error).toBe('not_found');
  });

  it('refuses to delete a group with children; deletes a leaf with its mappings and entitlements', async () => {
    let res = await api.delete('/api/v1/groups/eu').expect(400);
    expect(res.body.error_description).toContain('child');
    await api.post('/api/v2/users/entitlements').send({ userIdentifier: 'gu-2', entityType: 'GROUP', entityIdentifier: 'paris', userRole: 'EDITOR' }).expect(200);
    await api.delete('/api/v1/groups/paris').expect(200);
    await api.get('/api/v1/groups/paris').expect(404);
    expect((await api.get('/api/v1/users/gu-1/groups').expect(200)).body).toEqual([]);
    const [{ n }] = await ctx.db.query(`SELECT count(*)::int AS n FROM enabley_entitlement WHERE entity_identifier = 'paris'`);
    expect(n).toBe(0);
    await api.delete('/api/v1/groups/eu').expect(200);
    res = await api.delete('/api/v1/groups/eu').expect(404);
    expect(res.body.error).toBe('not_found');
  });

  it('keeps accounts apart: 404 for another account\'s groups', async () => {
    const other = (await ctx.newAccount()).api;
    await other.get('/api/v1/groups/root').expect(404);
    await other.delete('/api/v1/groups/root').expect(404);
    await other.post('/api/v1/groups/root/users/gu-1').expect(404);
    await other.put('/api/v1/groups').send({ identifier: 'o', name: 'O', parentIdentifier: 'root' }).expect(400);
    expect((await other.get('/api/v1/groups/list').expect(200)).body).toEqual([]);
    expect((await other.get('/api/v1/groups/hierarchy').expect(200)).body).toEqual([]);
    await other.put('/api/v1/groups').send({ identifier: 'root', name: 'Theirs' }).expect(201);
    expect((await api.get('/api/v1/groups/root').expect(200)).body.name).toBe('Company');
    await ctx.http().get('/api/v1/groups/list').expect(401);
  });
});
