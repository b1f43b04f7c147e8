import { TestContext, createTestApp } from '../support/test-app';
import { head, listenPort, rawRequest } from './http-raw';
import { offSpec } from '../support/spec-hook';

/** Issue 10, security headers on every answer and CORS closed unless CORS_ORIGINS lists the origin. */
const expectSecurityHeaders = (headers: Record<string, unknown>) => {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(String(headers['content-security-policy'])).toMatch(/frame-ancestors 'none'/);
};

describe('security headers; CORS closed by default', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.close());

  it('JSON answers (success, 401, 404, 400) carry the headers and a strict CSP', async () => {
    for (const res of [
      await ctx.http().get('/health').expect(200),
      await ctx.http().get('/api/v2/users').expect(401),
      await offSpec(ctx.http().get('/no/such/route'), 'a path no API has: the 404 of the router itself').expect(404),
      await ctx.http().post('/oauth2/access_token').set('Content-Type', 'application/json').send('{bad').expect(400),
    ]) {
      expectSecurityHeaders(res.headers);
      expect(res.headers['content-security-policy']).toMatch(/^default-src 'none'/);
    }
  });

  it('/docs carries a CSP that lets Swagger UI load its own scripts and styles, and nothing else', async () => {
    const res = await ctx.http().get('/docs').expect(200);
    expectSecurityHeaders(res.headers);
    const csp = res.headers['content-security-policy'];
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/style-src 'self'/);
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).not.toMatch(/\*/);
    const json = await ctx.http().get('/docs-json').expect(200);
    expect(json.headers['x-content-type-options']).toBe('nosniff');
  });

  it('raw answers of the HTTP parser (431) carry the headers too', async () => {
    const port = await listenPort(ctx);
    const res = await rawRequest(port, head('GET', '/health', { 'X-Big': 'x'.repeat(20_000) }));
    expect(res.status).toBe(431);
    expectSecurityHeaders(res.headers);
  });

  it('no CORS headers at all, and no preflight answer, without CORS_ORIGINS', async () => {
    const get = await ctx.http().get('/health').set('Origin', 'https://app.example.com').expect(200);
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
    const pre = await offSpec(ctx.http().options('/api/v2/users'), 'CORS preflight: answered by the CORS layer, not an API operation').set('Origin', 'https://app.example.com').set('Access-Control-Request-Method', 'GET');
    expect(pre.status).not.toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    expect(pre.headers['access-control-allow-methods']).toBeUndefined();
  });
});

describe('CORS with CORS_ORIGINS', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestApp({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' });
  });
  afterAll(() => ctx.close());

  it('answers a listed origin (preflight 204 and the actual request), not an unlisted one', async () => {
    const pre = await offSpec(ctx.http().options('/api/v2/users'), 'CORS preflight: answered by the CORS layer, not an API operation')
      .set('Origin', 'https://app.example.com')
      .set('Access-Control-Request-Method', 'PUT')
      .set('Access-Control-Request-Headers', 'authorization, content-type')
      .expect(204);
    expect(pre.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(pre.headers['access-control-allow-methods']).toMatch(/PUT/);
    expect(pre.headers['access-control-allow-headers']).toMatch(/Authorization/);
    expect(pre.headers['access-control-allow-credentials']).toBeUndefined();
    const token = await ctx.clientToken();
    const get = await ctx.http().get('/api/v2/users').set('Origin', 'http://localhost:5173').set('Authorization', `Bearer ${token}`).expect(200);
    expect(get.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(get.headers.vary).toMatch(/Origin/);
    const other = await ctx.http().get('/health').set('Origin', 'https://evil.example').expect(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const otherPre = await offSpec(ctx.http().options('/api/v2/users'), 'CORS preflight of an unlisted origin').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'GET');
    expect(otherPre.status).not.toBe(204);
    expect(otherPre.headers['access-control-allow-origin']).toBeUndefined();
  });
});
