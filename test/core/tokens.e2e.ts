import { createHmac } from 'node:crypto';
import { TestContext, TEST_ADMIN, TEST_CLIENT, createTestApp } from '../support/test-app';

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const decode = (t: string) => JSON.parse(Buffer.from(t.split('.')[1], 'base64url').toString('utf8'));

describe('tokens and authentication', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp({ JWT_TTL_SECONDS: '120' });
  });
  afterAll(() => ctx.close());

  const form = (extra: Record<string, string> = {}) => ({ grant_type: 'client_credentials', client_id: TEST_CLIENT.id, client_secret: TEST_CLIENT.secret, ...extra });

  it('OAuth2: form and JSON bodies, both paths, jwt token type, trailing slash', async () => {
    const a = await ctx.http().post('/oauth2/access_token').type('form').send(form()).expect(200);
    const claims = decode(a.body.access_token);
    expect(claims).toMatchObject({ typ: 'client', sub: `client:${TEST_CLIENT.id}`, iss: expect.any(String), aud: expect.any(String), acct: expect.any(String) });
    expect(claims.exp - Math.floor(Date.now() / 1000)).toBeGreaterThan(100);
    await ctx.http().post('/oauth2/v1/access_token').send(form()).expect(200);
    const jwt = await ctx.http().post('/oauth2/access_token/').type('form').send(form({ token_type: 'jwt' })).expect(200);
    expect(jwt.body.token_type).toBe('JWT');
  });

  it('OAuth2 errors: unsupported grant, missing grant, unknown client, HTTP Basic credentials', async () => {
    const g = await ctx.http().post('/oauth2/access_token').type('form').send(form({ grant_type: 'password' })).expect(400);
    expect(g.body.error).toBe('unsupported_grant_type');
    const m = await ctx.http().post('/oauth2/access_token').type('form').send({ client_id: 'x', client_secret: 'y' }).expect(400);
    expect(m.body.error).toBe('invalid_request');
    const u = await ctx.http().post('/oauth2/access_token').type('form').send(form({ client_id: 'nobody' })).expect(401);
    expect(u.body).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
    const basic = Buffer.from(`${TEST_CLIENT.id}:${TEST_CLIENT.secret}`).toString('base64');
    await ctx.http().post('/oauth2/access_token').set('authorization', `Basic ${basic}`).type('form').send({ grant_type: 'client_credentials' }).expect(200);
  });

  it('Enabley token: milliseconds, bearer, errors in ErrorResponse form', async () => {
    const r = await ctx.http().post('/api/v1/token').query({ clientKey: TEST_CLIENT.id, secret: TEST_CLIENT.secret }).expect(200);
    expect(r.body).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: 120_000 });
    const bad = await ctx.http().post('/api/v1/token').query({ clientKey: TEST_CLIENT.id, secret: 'wrong' }).expect(401);
    expect(bad.body.error).toBe('invalid_client');
    const missing = await ctx.http().post('/api/v1/token').expect(400);
    expect(missing.body.error).toBe('invalid_request');
  });

  it('accepts Bearer and JWT schemes; refuses none, garbage, other keys, tampered and expired tokens', async () => {
    const token = await ctx.clientToken();
    const probe = (auth?: string) => {
      const req = ctx.http().post('/api/admin/accounts').send({});
      return auth ? req.set('authorization', auth) : req;
    };
    // A client is authenticated but not a superuser: 403 proves authentication passed.
    await probe(`Bearer ${token}`).expect(403);
    await probe(`JWT ${token}`).expect(403);
    await probe().expect(401);
    await probe('Bearer garbage').expect(401);
    const claims = decode(token);
    const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
    await probe(`Bearer ${body}.${createHmac('sha256', 'another-key').update(body).digest('base64url')}`).expect(401);
    await probe(`Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`).expect(401);
    const [h, , s] = token.split('.');
    await probe(`Bearer ${h}.${b64({ ...claims, acct: 'someone-else' })}.${s}`).expect(401);
    const expiredBody = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ ...claims, exp: Math.floor(Date.now() / 1000) - 10 })}`;
    const expired = `${expiredBody}.${createHmac('sha256', ctx.env.JWT_SECRET).update(expiredBody).digest('base64url')}`;
    await probe(`Bearer ${expired}`).expect(401);
  });

  it('session login, wrong password, logout revoking exactly that session', async () => {
    await ctx.http().post('/api/auth/session').send({ ...TEST_ADMIN, password: 'wrong' }).expect(401);
    const one = await ctx.http().post('/api/auth/session').send(TEST_ADMIN).expect(200);
    expect(one.body).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{32}$/), username: TEST_ADMIN.username, kind: ['superuser'] });
    const two = await ctx.http().post('/api/auth/session').send(TEST_ADMIN).expect(200);
    await ctx.http().post('/api/admin/accounts').set('authorization', `Bearer ${one.body.access_token}`).send({ name: 'via-session' }).expect(201);
    await ctx.http().delete('/api/auth/session/current').set('authorization', `Bearer ${one.body.access_token}`).expect(204);
    await ctx.http().post('/api/admin/accounts').set('authorization', `Bearer ${one.body.access_token}`).send({ name: 'after-logout' }).expect(401);
    await ctx.http().post('/api/admin/accounts').set('authorization', `Bearer ${two.body.access_token}`).send({ name: 'other-session' }).expect(201);
  });

  it('a deactivated user is refused from the next request on', async () => {
    const s = await ctx.http().post('/api/auth/session').send(TEST_ADMIN).expect(200);
    const auth = `Bearer ${s.body.access_token}`;
    await ctx.http().post('/api/admin/accounts').set('authorization', auth).send({ name: 'before-deactivation' }).expect(201);
    await ctx.db.query(`UPDATE "user" SET is_active = false WHERE username = $1`, [TEST_ADMIN.username]);
    await ctx.http().post('/api/admin/accounts').set('authorization', auth).send({ name: 'after-deactivation' }).expect(401);
    await ctx.db.query(`UPDATE "user" SET is_active = true WHERE username = $1`, [TEST_ADMIN.username]);
  });
});
