import { TestContext, createTestApp } from '../support/test-app';
import { ERROR_URN, USER_URN, newScimToken, scimAgent } from './scim-support';

describe('SCIM authentication: per-account SCIM tokens and the API client JWT', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.close());

  it('issues a token once, lists tokens without secrets, revokes at once', async () => {
    const api = ctx.as(await ctx.clientToken());
    const created = await api.post('/api/platform/v1/scim-tokens', { name: 'Okta' }).expect(201);
    expect(created.body).toEqual({ id: expect.any(String), name: 'Okta', token: expect.stringMatching(/^scim_[A-Za-z0-9_-]{43}$/), created: expect.stringMatching(/Z$/) });
    const [stored] = await ctx.db.query('SELECT token_hash FROM scim_token WHERE id = $1', [created.body.id]);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.token_hash).not.toContain(created.body.token);
    const list = await api.get('/api/platform/v1/scim-tokens').expect(200);
    expect(list.body).toEqual([{ id: created.body.id, name: 'Okta', created: created.body.created }]);
    const scim = scimAgent(ctx, created.body.token);
    await scim.get('/scim/v2/Users').expect(200);
    await api.delete(`/api/platform/v1/scim-tokens/${created.body.id}`).expect(204);
    const refused = await scim.get('/scim/v2/Users').expect(401);
    expect(refused.body).toEqual({ schemas: [ERROR_URN], status: '401', detail: expect.any(String) });
    expect(refused.headers['www-authenticate']).toBe('Bearer');
    await api.delete(`/api/platform/v1/scim-tokens/${created.body.id}`).expect(404);
    await api.delete('/api/platform/v1/scim-tokens/not-a-uuid').expect(404);
    await api.post('/api/platform/v1/scim-tokens', {}).expect(400);
  });

  it('a SCIM token opens /scim/v2/* only; a missing or forged one answers 401 in the SCIM body', async () => {
    const token = await newScimToken(ctx, await ctx.clientToken());
    const other = await ctx.http().get('/api/v2/users/anyone').set('Authorization', `Bearer ${token}`).expect(401);
    expect(other.body.error).toBeDefined();
    await ctx.http().get('/api/platform/v1/scim-tokens').set('Authorization', `Bearer ${token}`).expect(401);
    const none = await ctx.http().get('/scim/v2/Users').expect(401);
    expect(none.body).toMatchObject({ schemas: [ERROR_URN], status: '401' });
    await ctx.http().get('/scim/v2/Users').set('Authorization', `Bearer scim_${'A'.repeat(43)}`).expect(401);
    await ctx.http().get('/scim/v2/Users').set('Authorization', `Bearer ${token.slice(0, -1)}`).expect(401);
  });

  it('the account\'s API client JWT works on /scim/v2; a non-admin user\'s does not (403); account admins manage tokens', async () => {
    await scimAgent(ctx, await ctx.clientToken()).get('/scim/v2/Users').expect(200);
    await ctx.newUser({ username: 'plain-learner', password: 'learner-password-1' });
    const learner = await ctx.login('plain-learner', 'learner-password-1');
    const res = await scimAgent(ctx, learner).get('/scim/v2/Users').expect(403);
    expect(res.body).toMatchObject({ schemas: [ERROR_URN], status: '403' });
    await ctx.as(learner).get('/api/platform/v1/scim-tokens').expect(403);
  });

  it('isolation: account A\'s token never sees account B\'s users (404 / empty list)', async () => {
    const b = await ctx.newAccount();
    const bScim = scimAgent(ctx, await newScimToken(ctx, b.token));
    const bUser = (await bScim.post('/scim/v2/Users', { schemas: [USER_URN], userName: 'only-in-b' }).expect(201)).body;
    const aScim = scimAgent(ctx, await newScimToken(ctx, await ctx.clientToken()));
    await aScim.get(`/scim/v2/Users/${bUser.id}`).expect(404);
    await aScim.put(`/scim/v2/Users/${bUser.id}`, { userName: 'stolen' }).expect(404);
    await aScim.patch(`/scim/v2/Users/${bUser.id}`, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', value: { active: false } }] }).expect(404);
    await aScim.delete(`/scim/v2/Users/${bUser.id}`).expect(404);
    expect((await aScim.get('/scim/v2/Users?filter=userName%20eq%20%22only-in-b%22').expect(200)).body.totalResults).toBe(0);
    // The same userName may exist in both accounts.
    await aScim.post('/scim/v2/Users', { userName: 'only-in-b' }).expect(201);
    // B's tokens are B's: A's client cannot list or revoke them.
    const bTokens = (await b.api.get('/api/platform/v1/scim-tokens').expect(200)).body;
    await ctx.as(await ctx.clientToken()).delete(`/api/platform/v1/scim-tokens/${bTokens[0].id}`).expect(404);
    expect((await ctx.as(await ctx.clientToken()).get('/api/platform/v1/scim-tokens').expect(200)).body.map((t: { id: string }) => t.id)).not.toContain(bTokens[0].id);
  });
});
