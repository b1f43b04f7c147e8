import { TestContext, createTestApp } from '../support/test-app';
import { Agent } from '../support/test-context';
import { ENTERPRISE_URN, PATCH_URN, ScimAgent, USER_URN, newScimToken, scimAgent } from './scim-support';

/** A user pushed by an identity provider is the platform's user: every dialect sees it, and its deactivation holds everywhere. */
describe('SCIM users across the dialects', () => {
  let ctx: TestContext;
  let scim: ScimAgent;
  let api: Agent;
  beforeAll(async () => {
    ctx = await createTestApp();
    api = ctx.as(await ctx.clientToken());
    scim = scimAgent(ctx, await newScimToken(ctx, await ctx.clientToken()));
  });
  afterAll(() => ctx.close());

  it('logs in once given a password through Enabley, is in Triboo GET USERS with its user_id, and a SCIM deactivation refuses it everywhere', async () => {
    const created = await scim
      .post('/scim/v2/Users', { schemas: [USER_URN, ENTERPRISE_URN], userName: 'okta.person', name: { givenName: 'Okta', familyName: 'Person' }, emails: [{ value: 'okta.person@example.com', primary: true }], [ENTERPRISE_URN]: { department: 'Ops' } })
      .expect(201);
    const [{ user_id }] = await ctx.db.query('SELECT user_id FROM "user" WHERE id = $1', [created.body.id]);
    const enabley = await api.get('/api/v2/users/okta.person').expect(200);
    expect(enabley.body).toMatchObject({ identifier: 'okta.person', email: 'okta.person@example.com', firstName: 'Okta', lastName: 'Person', isActive: true });
    await api.put('/api/v2/users', { identifier: 'okta.person', password: 'Provisioned-Pass-42' }).expect(200);
    const session = await ctx.http().post('/api/auth/session').send({ username: 'okta.person', password: 'Provisioned-Pass-42' }).expect(200);
    expect(session.body.id.replace(/-/g, '')).toBe(created.body.id.replace(/-/g, ''));
    const token = session.body.access_token as string;
    const triboo = await api.get(`/api/extended/v1/users?user_id=${user_id}`).expect(200);
    expect(triboo.body.results).toEqual([expect.objectContaining({ user_id, username: 'okta.person', email: 'okta.person@example.com', is_active: true })]);
    await ctx.as(token).get('/api/v2/users/okta.person').expect((r) => expect(r.status).not.toBe(401));

    await scim.patch(`/scim/v2/Users/${created.body.id}`, { schemas: [PATCH_URN], Operations: [{ op: 'Replace', path: 'active', value: 'False' }] }).expect(200);
    const user = ctx.as(token);
    await user.get('/api/v2/users/okta.person').expect(401);
    await user.get('/api/auth/facility/').expect(401);
    await user.get('/organizations').expect(401);
    await user.get('/api/extended/v1/courses/').expect(401);
    await ctx.http().post('/api/auth/session').send({ username: 'okta.person', password: 'Provisioned-Pass-42' }).expect(401);
    expect((await api.get(`/api/extended/v1/users?user_id=${user_id}`).expect(200)).body.results[0].is_active).toBe(false);
    expect((await api.get('/api/v2/users/okta.person').expect(200)).body.isActive).toBe(false);
  });

  it('a user made by another dialect is a SCIM user, found by userName and email', async () => {
    await api.post('/api/extended/v1/users/', { username: 'triboo.made', email: 'Triboo.Made@Example.com', name: 'Tri Boo' }).expect(201);
    const found = await scim.get('/scim/v2/Users?filter=' + encodeURIComponent('emails.value eq "triboo.made@example.com"')).expect(200);
    expect(found.body.Resources).toEqual([expect.objectContaining({ userName: 'triboo.made', emails: [{ value: 'Triboo.Made@Example.com', type: 'work', primary: true }], active: true })]);
    expect(found.body.Resources[0].externalId).toBeUndefined();
  });
});
