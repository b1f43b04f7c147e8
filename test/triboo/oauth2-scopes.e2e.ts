import { TestContext, createTestApp } from '../support/test-app';

/**
 * RFC 6749 section 3.3: the token carries the scope it was granted (the answer's `scope` and the JWT's claim),
 * an unknown scope is 400 invalid_scope (section 5.2), and the policy guard holds every route to it: `read`
 * allows GET and HEAD, `write` every other method, in each dialect's own 403 body.
 */
describe('OAuth2 scopes: granted, carried, enforced', () => {
  const client = { id: 'scoped-app', secret: 'scoped-secret-0123456789' };
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp({ API_CLIENT_ID: client.id, API_CLIENT_SECRET: client.secret });
  });
  afterAll(() => ctx.close());

  const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
  const token = (scope?: string) =>
    ctx
      .http()
      .post('/oauth2/access_token')
      .type('form')
      .send({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret, ...(scope === undefined ? {} : { scope }) });

  it('grants read write when no scope is asked for, and says so in the answer and the token', async () => {
    for (const asked of [undefined, '']) {
      const res = await token(asked).expect(200);
      expect(res.body.scope).toBe('read write');
      expect(claims(res.body.access_token).scope).toBe('read write');
    }
  });

  it('grants exactly the known scopes asked for, in a fixed order', async () => {
    for (const [asked, granted] of [['read', 'read'], ['write', 'write'], ['write read', 'read write'], ['read  read', 'read']]) {
      const res = await token(asked).expect(200);
      expect({ asked, scope: res.body.scope, claim: claims(res.body.access_token).scope }).toEqual({ asked, scope: granted, claim: granted });
    }
  });

  it('refuses an unknown scope with 400 invalid_scope and issues no token', async () => {
    for (const asked of ['admin', 'read admin', 'READ']) {
      const res = await token(asked).expect(400);
      expect(res.body).toEqual({ error: 'invalid_scope', error_description: expect.stringContaining('Unknown scope') });
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('a read token may GET in every dialect; any other method is 403 in the dialect\'s error body, before the input is read', async () => {
    const read = ctx.as((await token('read').expect(200)).body.access_token);
    await read.get('/api/auth/facility').expect(200);
    await read.get('/api/v2/users').expect(200);
    await read.get('/api/extended/v1/users/').expect(200);

    const kolibri = await read.post('/api/auth/classroom', {}).expect(403);
    expect(kolibri.body).toEqual([{ id: 'PERMISSION_DENIED', metadata: expect.objectContaining({ message: expect.stringContaining('scope does not include write') }) }]);
    const enabley = await read.put('/api/v2/users', []).expect(403);
    expect(enabley.body).toMatchObject({ error_description: expect.stringContaining('scope does not include write') });
    const triboo = await read.post('/api/extended/v1/users/', {}).expect(403);
    expect(triboo.body).toMatchObject({ detail: expect.stringContaining('scope does not include write') });
    await read.delete('/api/extended/v1/users/?user_id=1').expect(403);
  });

  it('a write token may change but not read; a read write token may do both', async () => {
    const write = ctx.as((await token('write').expect(200)).body.access_token);
    const denied = await write.get('/api/extended/v1/users/').expect(403);
    expect(denied.body).toMatchObject({ detail: expect.stringContaining('scope does not include read') });
    await write.post('/api/auth/facility', { name: 'Written by a write token' }).expect(201);

    const both = ctx.as((await token().expect(200)).body.access_token);
    await both.get('/api/auth/facility').expect(200);
    await both.post('/api/auth/facility', { name: 'Written by a read write token' }).expect(201);
  });

  it('tokens without a scope claim keep every right: Enabley /api/v1/token and user sessions', async () => {
    const enabley = await ctx.http().post(`/api/v1/token?clientKey=${client.id}&secret=${client.secret}`).expect(200);
    expect(claims(enabley.body.access_token).scope).toBeUndefined();
    const asEnabley = ctx.as(enabley.body.access_token);
    await asEnabley.get('/api/auth/facility').expect(200);
    await asEnabley.post('/api/auth/facility', { name: 'Written by an Enabley token' }).expect(201);

    const session = await ctx.superToken();
    expect(claims(session).scope).toBeUndefined();
    await ctx.as(session).post('/api/auth/facility', { name: 'Written by a session' }).expect(201);
  });
});
