import { TestContext, createTestApp } from '../support/test-app';
import { Agent } from '../support/test-context';

describe('Enabley entitlements and roles', () => {
  let ctx: TestContext;
  let api: Agent;
  const ent = (userIdentifier: string, entityType: string, entityIdentifier: string, userRole: string) => ({ userIdentifier, entityType, entityIdentifier, userRole });
  beforeAll(async () => {
    ctx = await createTestApp();
    api = ctx.as(await ctx.clientToken());
    await api.put('/api/v2/users').send({ identifier: 'admin', username: 'site-admin', password: 'admin-pass-1', possibleRoles: ['SITE_ADMIN'] }).expect(201);
    await api.put('/api/v2/users').send({ identifier: 'mgr', username: 'manager', password: 'mgr-pass-1', possibleRoles: ['LEARNER'] }).expect(201);
    await api.put('/api/v2/users').send({ identifier: 'plain', username: 'plain', password: 'plain-pass-1' }).expect(201);
    await api.put('/api/v1/groups').send({ identifier: 'team-a', name: 'A' }).expect(201);
    await api.put('/api/v1/groups').send({ identifier: 'team-b', name: 'B' }).expect(201);
    await api.put('/api/v1/groups').send({ identifier: 'ws-group', name: 'W', subAccountName: 'ws' }).expect(201);
    await api.put('/api/v1/channels').send({ identifier: 'course-v1:org+c+r', name: 'C' }).expect(201);
  });
  afterAll(() => ctx.close());

  it('adds and removes entitlements; the user and the entity must exist', async () => {
    const added = await api.post('/api/v2/users/entitlements').send(ent('mgr', 'GROUP', 'team-a', 'MANAGER')).expect(200);
    expect(added.body).toEqual(ent('mgr', 'GROUP', 'team-a', 'MANAGER'));
    await api.post('/api/v2/users/entitlements').send(ent('mgr', 'GROUP', 'team-a', 'MANAGER')).expect(200);
    await api.post('/api/v2/users/entitlements').send(ent('mgr', 'WORKSPACE', 'ws', 'INSTRUCTOR')).expect(200);
    await api.post('/api/v2/users/entitlements').send(ent('mgr', 'COURSE', 'course-v1:org+c+r', 'EDITOR')).expect(200);
    let res = await api.post('/api/v2/users/entitlements').send(ent('mgr', 'GROUP', 'ghost', 'MANAGER')).expect(404);
    expect(res.body.error).toBe('not_found');
    await api.post('/api/v2/users/entitlements').send(ent('mgr', 'WORKSPACE', 'ghost-ws', 'MANAGER')).expect(404);
    await api.post('/api/v2/users/entitlements').send(ent('mgr', 'COURSE', 'course-v1:ghost+c+r', 'EDITOR')).expect(404);
    await api.post('/api/v2/users/entitlements').send(ent('ghost', 'GROUP', 'team-a', 'MANAGER')).expect(404);
    res = await api.post('/api/v2/users/entitlements').send(ent('mgr', 'PLANET', 'x', 'MANAGER')).expect(400);
    expect(res.body.error).toBe('invalid_request');
    await api.post('/api/v2/users/entitlements').send(ent('mgr', 'GROUP', 'team-a', 'KING')).expect(400);
    await api.post('/api/v2/users/entitlements').send({ userIdentifier: 'mgr' }).expect(400);
    await api.delete('/api/v2/users/entitlements').send(ent('mgr', 'COURSE', 'course-v1:org+c+r', 'EDITOR')).expect(200);
    await api.delete('/api/v2/users/entitlements').send(ent('mgr', 'COURSE', 'course-v1:org+c+r', 'EDITOR')).expect(404);
    const other = (await ctx.newAccount()).api;
    await other.post('/api/v2/users/entitlements').send(ent('mgr', 'GROUP', 'team-a', 'MANAGER')).expect(404);
  });

  it('SITE_ADMIN users administer their account', async () => {
    const admin = ctx.as(await ctx.login('site-admin', 'admin-pass-1'));
    expect((await admin.get('/api/v2/users').expect(200)).body.length).toBe(3);
    await admin.get('/api/v2/users/plain').expect(200);
    await admin.put('/api/v2/users').send({ identifier: 'by-admin' }).expect(201);
    await admin.put('/api/v1/groups').send({ identifier: 'team-c', name: 'C' }).expect(201);
    await admin.get('/api/v3/users').expect(200);
  });

  it('a deactivated user\'s token stops working; a user without SITE_ADMIN loses account admin', async () => {
    await api.put('/api/v2/users').send({ identifier: 'temp-admin', username: 'temp-admin', password: 'temp-pass-1', possibleRoles: ['SITE_ADMIN'] }).expect(201);
    const temp = ctx.as(await ctx.login('temp-admin', 'temp-pass-1'));
    await temp.get('/api/v2/users').expect(200);
    await api.put('/api/v2/users').send({ identifier: 'temp-admin', possibleRoles: ['LEARNER'] }).expect(200);
    await temp.get('/api/v2/users').expect(403);
    await api.put('/api/v2/users/temp-admin?isActive=false').expect(200);
    const res = await temp.get('/api/v2/users').expect(401);
    expect(res.body.error).toBe('access_denied');
  });

  it('entitlements give their rights on their entity only; plain users get none', async () => {
    const mgr = ctx.as(await ctx.login('manager', 'mgr-pass-1'));
    await mgr.post('/api/v1/groups/team-a/users/plain').expect(200);
    await mgr.get('/api/v1/groups/team-a').expect(200);
    await mgr.post('/api/v1/groups/team-b/users/plain').expect(404);
    await mgr.get('/api/v1/groups/team-b').expect(404);
    // WORKSPACE INSTRUCTOR: read the workspace's groups, not change them.
    await mgr.get('/api/v1/groups/ws-group').expect(200);
    await mgr.post('/api/v1/groups/ws-group/users/plain').expect(403);
    expect((await mgr.get('/api/v1/groups/list').expect(200)).body.map((g: { identifier: string }) => g.identifier)).toEqual(['team-a', 'ws-group']);
    await mgr.put('/api/v1/groups').send({ identifier: 'team-x', name: 'X' }).expect(403);
    await mgr.get('/api/v2/users').expect(403);
    await mgr.get('/api/v2/users/plain').expect(403);
    const plain = ctx.as(await ctx.login('plain', 'plain-pass-1'));
    const res = await plain.get('/api/v2/users').expect(403);
    expect(res.body.error).toBe('access_denied');
    // Objects the caller may not even read answer 404, as the core's guard does.
    await plain.delete('/api/v2/users/mgr').expect(404);
  });
});
