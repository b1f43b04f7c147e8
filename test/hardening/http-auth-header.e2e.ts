import { createHmac } from 'node:crypto';
import { decode, sign } from 'jsonwebtoken';
import { TestContext, createTestApp } from '../support/test-app';

/** HS256 by hand, for claims jsonwebtoken's sign() refuses to write. */
function rawSign(claims: object, secret: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/** Issue 10, Authorization header: exactly `Bearer <jwt>` or `JWT <jwt>`, and a token must expire. */
describe('Authorization header and token claims', () => {
  let ctx: TestContext;
  let token: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    token = await ctx.clientToken();
  });
  afterAll(() => ctx.close());

  const call = (authorization: string, path = '/api/v2/users') => ctx.http().get(path).set('Authorization', authorization);

  it('accepts `Bearer <t>` and `JWT <t>` (Kolibri/DRF clients send both), the scheme case-insensitive', async () => {
    await call(`Bearer ${token}`).expect(200);
    await call(`JWT ${token}`).expect(200);
    await call(`bearer ${token}`).expect(200);
    await call(`jwt ${token}`, '/api/auth/facility').expect(200);
  });

  it.each([
    ['trailing junk', (t: string) => `Bearer ${t} junk`],
    ['a second token', (t: string) => `Bearer ${t} ${t}`],
    ['two spaces', (t: string) => `Bearer  ${t}`],
    ['a tab', (t: string) => `Bearer\t${t}`],
    ['a trailing comma', (t: string) => `Bearer ${t},`],
    ['no scheme', (t: string) => t],
    ['another scheme', (t: string) => `Token ${t}`],
    ['a fourth segment', (t: string) => `Bearer ${t}.abc`],
  ])('refuses %s with 401 in the dialect body', async (_label, header) => {
    const enabley = await call(header(token)).expect(401);
    expect(enabley.body.error).toBe('access_denied');
    const kolibri = await call(header(token), '/api/auth/facility').expect(401);
    expect(kolibri.body[0].id).toBe('NOT_AUTHENTICATED');
  });

  it('refuses a correctly signed token without exp (or with a non-numeric exp)', async () => {
    const claims = decode(token) as Record<string, unknown>;
    const { exp: _exp, iat: _iat, ...rest } = claims;
    const secret = ctx.env.JWT_SECRET;
    // The same claims with an exp are accepted: the refusal is about exp alone.
    await call(`Bearer ${sign({ ...rest, exp: Math.floor(Date.now() / 1000) + 600 }, secret, { algorithm: 'HS256' })}`).expect(200);
    await call(`Bearer ${sign(rest, secret, { algorithm: 'HS256' })}`).expect(401);
    await call(`Bearer ${sign(rest, secret, { algorithm: 'HS256' })}`, '/api/extended/v1/users').expect(401);
    await call(`Bearer ${rawSign({ ...rest, exp: 'never' }, secret)}`).expect(401);
  });
});
