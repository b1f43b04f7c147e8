import { TEST_ADMIN, TEST_CLIENT, TestContext, createTestApp } from '../support/test-app';
import { listenOnLoopback, postFrom, twoAppsOnOneDatabase } from './abuse-helpers';

const oauthForm = { grant_type: 'client_credentials', client_id: TEST_CLIENT.id, client_secret: TEST_CLIENT.secret };
const enableyPath = `/api/v1/token?clientKey=${TEST_CLIENT.id}&secret=${TEST_CLIENT.secret}`;

describe('token/login rate limit: one bucket per client address, across endpoints and processes', () => {
  describe('one instance', () => {
    let ctx: TestContext;
    let port: number;
    beforeAll(async () => {
      ctx = await createTestApp({ TOKEN_RATE_LIMIT: '4' });
      port = await listenOnLoopback(ctx.app);
    });
    afterAll(() => ctx.close());

    it('counts /oauth2/access_token, /oauth2/v1/access_token, /api/v1/token and POST /api/auth/session in one bucket', async () => {
      const from = '127.0.0.2';
      expect((await postFrom(port, from, '/oauth2/access_token', { form: oauthForm })).status).toBe(200);
      expect((await postFrom(port, from, '/oauth2/v1/access_token', { form: oauthForm })).status).toBe(200);
      expect((await postFrom(port, from, enableyPath)).status).toBe(200);
      expect((await postFrom(port, from, enableyPath)).status).toBe(200);
      const fifth = await postFrom(port, from, '/api/auth/session', { json: TEST_ADMIN });
      expect(fifth.status).toBe(429);
      expect(Number(fifth.headers['retry-after'])).toBeGreaterThan(0);
      expect(fifth.body[0]).toMatchObject({ id: 'INVALID' });
      const oauth = await postFrom(port, from, '/oauth2/access_token', { form: oauthForm });
      expect(oauth.status).toBe(429);
      expect(oauth.body.error).toBe('slow_down');
      expect(Number(oauth.headers['retry-after'])).toBeGreaterThan(0);
      // Another address has its own bucket.
      expect((await postFrom(port, '127.0.0.3', '/api/auth/session', { json: TEST_ADMIN })).status).toBe(200);
    });

    it('keeps the counters in an UNLOGGED PostgreSQL table, keyed by address only', async () => {
      const [t] = await ctx.db.query(`SELECT relpersistence FROM pg_class WHERE relname = 'rate_limit_bucket'`);
      expect(t.relpersistence).toBe('u');
      const rows: { key: string; hits: number }[] = await ctx.db.query(`SELECT key, hits FROM rate_limit_bucket ORDER BY key`);
      expect(rows.find((r) => r.key.endsWith(':127.0.0.2'))?.hits).toBeGreaterThanOrEqual(6);
      expect(rows.find((r) => r.key.endsWith(':127.0.0.3'))?.hits).toBe(1);
    });
  });

  describe('two instances on one database', () => {
    let apps: Awaited<ReturnType<typeof twoAppsOnOneDatabase>>;
    beforeAll(async () => {
      apps = await twoAppsOnOneDatabase({ TOKEN_RATE_LIMIT: '4' });
    });
    afterAll(() => apps.close());

    it('allow TOKEN_RATE_LIMIT requests per address in total, not per process', async () => {
      const [a, b] = apps.ports;
      const from = '127.0.0.4';
      expect((await postFrom(a, from, '/oauth2/access_token', { form: oauthForm })).status).toBe(200);
      expect((await postFrom(b, from, '/oauth2/access_token', { form: oauthForm })).status).toBe(200);
      expect((await postFrom(a, from, '/api/auth/session', { json: TEST_ADMIN })).status).toBe(200);
      expect((await postFrom(b, from, enableyPath)).status).toBe(200);
      const onA = await postFrom(a, from, '/oauth2/access_token', { form: oauthForm });
      const onB = await postFrom(b, from, '/api/auth/session', { json: TEST_ADMIN });
      expect([onA.status, onB.status]).toEqual([429, 429]);
      expect(Number(onB.headers['retry-after'])).toBeGreaterThan(0);
    });
  });
});
