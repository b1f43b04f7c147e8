import { ClientCredentials } from 'simple-oauth2';
import { listenPort, rawRequest } from '../hardening/http-raw';
import { TestContext, createTestApp } from '../support/test-app';

/**
 * RFC 6749 section 2.3.1: the token endpoint MUST accept client credentials by HTTP Basic and MAY accept them in
 * the body. Checked with what real clients send: the exact bytes of Python requests-oauthlib's
 * BackendApplicationClient, and the npm library simple-oauth2 itself, in both of its modes.
 */
describe('OAuth2 client authentication as standard client libraries send it', () => {
  // Characters a urlencoding client escapes and a careless server decodes wrongly: space, "+", ":", "%", parentheses.
  const client = { id: 'partner-app', secret: 'se:cr et+1%/(x)-0123456789' };
  let ctx: TestContext;
  let port: number;
  beforeAll(async () => {
    ctx = await createTestApp({ API_CLIENT_ID: client.id, API_CLIENT_SECRET: client.secret });
    port = await listenPort(ctx);
  });
  afterAll(() => ctx.close());

  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
  const formEncode = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
  const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));

  it('requests-oauthlib BackendApplicationClient: Basic header, grant_type-only form body, byte for byte', async () => {
    // OAuth2Session(client=BackendApplicationClient(client_id)).fetch_token(url, client_id=..., client_secret=...)
    // sends requests' HTTPBasicAuth (id and secret not urlencoded) and the body below. An id and secret with no
    // reserved characters are the same either way, so this client's credentials stay plain.
    const plain = { id: client.id, secret: 'plainSecret0123456789' };
    const su = ctx.as(await ctx.superToken());
    const accountId = await ctx.defaultAccountId();
    const made = (await su.post(`/api/admin/accounts/${accountId}/clients`, { name: 'python-app' }).expect(201)).body;
    plain.id = made.client_id;
    plain.secret = made.client_secret;
    expect(plain.id + plain.secret).toMatch(/^[A-Za-z0-9_-]+$/);
    const body = 'grant_type=client_credentials';
    const head = [
      'POST /oauth2/access_token HTTP/1.1',
      `Host: 127.0.0.1:${port}`,
      'User-Agent: python-requests/2.32.3',
      'Accept-Encoding: gzip, deflate',
      'Accept: application/json',
      'Connection: keep-alive',
      'Content-Type: application/x-www-form-urlencoded;charset=UTF-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      `Authorization: ${basic(plain.id, plain.secret)}`,
      '',
      '',
    ].join('\r\n');
    const res = await rawRequest(port, head, body);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const token = res.json() as { access_token: string; token_type: string; expires_in: number };
    expect(token).toMatchObject({ token_type: 'Bearer', expires_in: expect.any(Number) });
    expect(claims(token.access_token)).toMatchObject({ typ: 'client', sub: `client:${plain.id}`, acct: accountId });
  });

  it('simple-oauth2 ClientCredentials, Basic header (its default, credentials form-urlencoded)', async () => {
    const oauth = new ClientCredentials({ client: client, auth: { tokenHost: `http://127.0.0.1:${port}`, tokenPath: '/oauth2/access_token' } });
    const token = await oauth.getToken({ scope: 'read write' });
    expect(token.token).toMatchObject({ token_type: 'Bearer', scope: 'read write', access_token: expect.any(String) });
    expect(claims(String(token.token.access_token))).toMatchObject({ typ: 'client', sub: `client:${client.id}` });
  });

  it('simple-oauth2 ClientCredentials, credentials in the form body, on the v1 path', async () => {
    const oauth = new ClientCredentials({
      client: client,
      auth: { tokenHost: `http://127.0.0.1:${port}`, tokenPath: '/oauth2/v1/access_token' },
      options: { authorizationMethod: 'body' },
    });
    const token = await oauth.getToken({});
    expect(claims(String(token.token.access_token))).toMatchObject({ sub: `client:${client.id}` });
  });

  it('simple-oauth2 with a wrong secret gets 401 invalid_client, and the Basic challenge', async () => {
    const oauth = new ClientCredentials({ client: { id: client.id, secret: 'wrong' }, auth: { tokenHost: `http://127.0.0.1:${port}`, tokenPath: '/oauth2/access_token' } });
    const error = await oauth.getToken({}).then(
      () => null,
      (e: { output?: { statusCode: number }; data?: { payload?: unknown; headers?: Record<string, string> } }) => e,
    );
    expect(error?.output?.statusCode).toBe(401);
    expect(error?.data?.payload).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
    expect(error?.data?.headers?.['www-authenticate']).toBe('Basic realm="oauth2"');
  });

  it('Basic decodes the form-urlencoding of id and secret; a raw ":" in the secret still works', async () => {
    const encoded = basic(formEncode(client.id), formEncode(client.secret));
    await ctx.http().post('/oauth2/access_token').set('Authorization', encoded).type('form').send({ grant_type: 'client_credentials' }).expect(200);
    // The id cannot hold ":", so the first ":" ends it: a secret sent with its ":" unencoded is still whole.
    await ctx.http().post('/oauth2/access_token').set('Authorization', basic(client.id, 'se:cr%20et%2B1%25%2F%28x%29-0123456789')).type('form').send({ grant_type: 'client_credentials' }).expect(200);
    // Sent unencoded, its "+" and "%" mean something else in form-urlencoding: not this client's secret.
    const wrong = await ctx.http().post('/oauth2/access_token').set('Authorization', basic(client.id, client.secret)).type('form').send({ grant_type: 'client_credentials' }).expect(401);
    expect(wrong.headers['www-authenticate']).toBe('Basic realm="oauth2"');
  });

  it('credentials in both places are 400 invalid_request; the same client_id next to Basic is accepted', async () => {
    const header = basic(formEncode(client.id), formEncode(client.secret));
    const post = () => ctx.http().post('/oauth2/access_token').set('Authorization', header).type('form');
    const both = await post().send({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret }).expect(400);
    expect(both.body).toEqual({ error: 'invalid_request', error_description: expect.stringContaining('not both') });
    await post().send({ grant_type: 'client_credentials', client_id: 'someone-else' }).expect(400);
    await post().send({ grant_type: 'client_credentials', client_id: client.id }).expect(200);
  });

  it('empty body parameters count as omitted (RFC 6749 3.2): Swagger UI with Basic sends client_id= and client_secret=', async () => {
    // Exactly the form Swagger UI's Try it out posts once clientBasic is authorized and the two fields are cleared.
    const header = basic(formEncode(client.id), formEncode(client.secret));
    const form = 'client_id=&client_secret=&grant_type=client_credentials&scope=read%20write&token_type=jwt';
    const res = await ctx.http().post('/oauth2/access_token').set('Authorization', header).type('form').send(form).expect(200);
    expect(res.body).toMatchObject({ token_type: 'JWT', scope: 'read write' });
    // Without Basic, empty credentials are missing credentials, not an empty client to look up.
    const none = await ctx.http().post('/oauth2/access_token').type('form').send('client_id=&client_secret=&grant_type=client_credentials').expect(400);
    expect(none.body.error).toBe('invalid_request');
  });

  it('a Basic header that cannot be read is 401 with the challenge; other schemes are not client authentication', async () => {
    for (const header of ['Basic', 'Basic !!!', `Basic ${Buffer.from('no-colon').toString('base64')}`, `Basic ${Buffer.from(':secret').toString('base64')}`, `Basic ${Buffer.from('id%zz:secret').toString('base64')}`]) {
      const res = await ctx.http().post('/oauth2/access_token').set('Authorization', header).type('form').send({ grant_type: 'client_credentials' }).expect(401);
      expect(res.body.error).toBe('invalid_client');
      expect(res.headers['www-authenticate']).toBe('Basic realm="oauth2"');
    }
    const bearer = await ctx.http().post('/oauth2/access_token').set('Authorization', 'Bearer abc').type('form').send({ grant_type: 'client_credentials' }).expect(400);
    expect(bearer.body.error).toBe('invalid_request');
  });

  it('the spec declares no required header on the token operations', () => {
    const spec = require('../../openapi/openapi.json') as { paths: Record<string, { post: { parameters?: { in: string; required?: boolean; name: string }[] } }> };
    for (const path of ['/oauth2/access_token', '/oauth2/v1/access_token']) {
      const required = (spec.paths[path].post.parameters ?? []).filter((p) => p.in === 'header' && p.required);
      expect({ path, required }).toEqual({ path, required: [] });
    }
  });
});
