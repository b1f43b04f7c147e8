import { AccountsService } from '../../src/core/accounts/accounts.service';
import { TEST_ADMIN, TEST_CLIENT, TestContext, createTestApp } from '../support/test-app';
import { Answer, listenOnLoopback, postFrom } from './abuse-helpers';

/** RFC 6749 section 2.3.1: each part form-urlencoded (space as "+"), joined by ":", base64. */
const formEncode = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${formEncode(id)}:${formEncode(secret)}`).toString('base64')}`;

function expectNoStore(a: Answer, what: string): void {
  expect({ what, status: a.status, cacheControl: a.headers['cache-control'], pragma: a.headers['pragma'] }).toEqual({
    what,
    status: a.status,
    cacheControl: 'no-store',
    pragma: 'no-cache',
  });
}

describe('token responses: no-store, and HTTP Basic client authentication', () => {
  let ctx: TestContext;
  let port: number;
  const form = { grant_type: 'client_credentials', client_id: TEST_CLIENT.id, client_secret: TEST_CLIENT.secret };
  beforeAll(async () => {
    ctx = await createTestApp({ TOKEN_RATE_LIMIT: '40' });
    port = await listenOnLoopback(ctx.app);
  });
  afterAll(() => ctx.close());

  it('every answer of the four token/login routes carries Cache-Control: no-store and Pragma: no-cache, errors included', async () => {
    const from = '127.0.0.2';
    const cases: [string, Promise<Answer>, number][] = [
      ['oauth2 200', postFrom(port, from, '/oauth2/access_token', { form }), 200],
      ['oauth2 v1 200', postFrom(port, from, '/oauth2/v1/access_token', { json: form }), 200],
      ['oauth2 401', postFrom(port, from, '/oauth2/access_token', { form: { ...form, client_secret: 'wrong' } }), 401],
      ['oauth2 400 grant', postFrom(port, from, '/oauth2/access_token', { form: { ...form, grant_type: 'password' } }), 400],
      ['oauth2 400 bad JSON', postFrom(port, from, '/oauth2/access_token', { headers: { 'content-type': 'application/json' }, raw: '{"grant_type": ' }), 400],
      ['enabley 200', postFrom(port, from, `/api/v1/token?clientKey=${TEST_CLIENT.id}&secret=${TEST_CLIENT.secret}`), 200],
      ['enabley 401', postFrom(port, from, `/api/v1/token?clientKey=${TEST_CLIENT.id}&secret=wrong`), 401],
      ['enabley 400', postFrom(port, from, `/api/v1/token?clientKey=${TEST_CLIENT.id}`), 400],
      ['session 200', postFrom(port, from, '/api/auth/session', { json: TEST_ADMIN }), 200],
      ['session 401', postFrom(port, from, '/api/auth/session', { json: { username: 'root', password: 'nope' } }), 401],
      ['session 400', postFrom(port, from, '/api/auth/session', { json: { username: 'root' } }), 400],
    ];
    for (const [what, answer, status] of cases) {
      const a = await answer;
      expect({ what, status: a.status }).toEqual({ what, status });
      expectNoStore(a, what);
    }
    // And the 429s of the address limit.
    const limitedFrom = '127.0.0.3';
    let last: Answer | undefined;
    for (let i = 0; i < 41; i++) last = await postFrom(port, limitedFrom, '/api/auth/session', { json: { username: 'root', password: '' } });
    expect(last!.status).toBe(429);
    expectNoStore(last!, 'session 429');
    const oauth429 = await postFrom(port, limitedFrom, '/oauth2/access_token', { form });
    expect(oauth429.status).toBe(429);
    expectNoStore(oauth429, 'oauth2 429');
  });

  it('accepts client credentials by HTTP Basic, form-urlencoded as RFC 6749 section 2.3.1 says', async () => {
    const from = '127.0.0.4';
    const ok = await postFrom(port, from, '/oauth2/access_token', { form: { grant_type: 'client_credentials' }, headers: { authorization: basic(TEST_CLIENT.id, TEST_CLIENT.secret) } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ access_token: expect.any(String), token_type: 'Bearer' });
    expectNoStore(ok, 'basic 200');
    // Characters that form encoding changes: a space (as "+"), "+", "%", ":".
    const accountId = (await ctx.app.get(AccountsService).ensure('default')).id;
    const odd = { id: 'odd client:1', secret: 'a b+c%d:e' };
    await ctx.app.get(AccountsService).createClient(accountId, 'odd', odd.id, odd.secret);
    const oddOk = await postFrom(port, from, '/oauth2/v1/access_token', { form: { grant_type: 'client_credentials' }, headers: { authorization: basic(odd.id, odd.secret) } });
    expect(oddOk.status).toBe(200);
  });

  it('a failed client authentication answers 401 invalid_client with WWW-Authenticate: Basic realm="oauth2"', async () => {
    const from = '127.0.0.5';
    const wrong = await postFrom(port, from, '/oauth2/access_token', { form: { grant_type: 'client_credentials' }, headers: { authorization: basic(TEST_CLIENT.id, 'wrong') } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('invalid_client');
    expect(wrong.headers['www-authenticate']).toBe('Basic realm="oauth2"');
    expectNoStore(wrong, 'basic 401');
    const unreadable = await postFrom(port, from, '/oauth2/access_token', { form: { grant_type: 'client_credentials' }, headers: { authorization: 'Basic %%%' } });
    expect(unreadable.status).toBe(401);
    expect(unreadable.headers['www-authenticate']).toBe('Basic realm="oauth2"');
    const badEscape = await postFrom(port, from, '/oauth2/access_token', {
      form: { grant_type: 'client_credentials' },
      headers: { authorization: `Basic ${Buffer.from('%E0%A4%A:x').toString('base64')}` },
    });
    expect(badEscape.status).toBe(401);
    const inBody = await postFrom(port, from, '/oauth2/access_token', { form: { ...form, client_secret: 'wrong' } });
    expect(inBody.headers['www-authenticate']).toBe('Basic realm="oauth2"');
  });

  it('documents the headers in the OpenAPI document', async () => {
    const doc = (await ctx.http().get('/docs-json').expect(200)).body;
    for (const [path, ops] of [
      ['/oauth2/access_token', ['200', '400', '401', '429']],
      ['/api/v1/token', ['200', '400', '401', '429']],
      ['/api/auth/session', ['200', '400', '401', '429']],
    ] as const) {
      for (const status of ops) {
        const headers = doc.paths[path].post.responses[status].headers ?? {};
        expect({ path, status, headers: Object.keys(headers).sort() }).toEqual({
          path,
          status,
          headers: expect.arrayContaining(['Cache-Control', 'Pragma', ...(status === '429' ? ['Retry-After'] : []), ...(status === '401' && path.startsWith('/oauth2') ? ['WWW-Authenticate'] : [])]),
        });
      }
    }
    // Basic client authentication is a security scheme, not a header parameter OpenAPI tools would drop.
    expect(doc.paths['/oauth2/access_token'].post.security).toEqual([{}, { clientBasic: [] }]);
    expect(doc.components.securitySchemes.clientBasic).toEqual(expect.objectContaining({ type: 'http', scheme: 'basic' }));
  });
});
