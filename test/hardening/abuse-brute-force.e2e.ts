import { TEST_ADMIN, TEST_CLIENT, TestContext, createTestApp } from '../support/test-app';
import { Answer, listenOnLoopback, postFrom, sleep } from './abuse-helpers';

/** Several real source addresses: the per-address limit alone never sees an attacker that rotates them. */
const ADDRESSES = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5'];
const LIMIT = 5;

describe('brute force: failures are limited per username and per client_id, whatever the source address', () => {
  let ctx: TestContext;
  let port: number;
  let n = 0;
  const nextAddress = () => ADDRESSES[n++ % ADDRESSES.length];
  const login = (username: string, password: string, from = nextAddress()) => postFrom(port, from, '/api/auth/session', { json: { username, password } });
  const oauth = (clientId: string, secret: string, from = nextAddress()) =>
    postFrom(port, from, '/oauth2/access_token', { form: { grant_type: 'client_credentials', client_id: clientId, client_secret: secret } });
  const enabley = (clientId: string, secret: string, from = nextAddress()) =>
    postFrom(port, from, `/api/v1/token?clientKey=${encodeURIComponent(clientId)}&secret=${encodeURIComponent(secret)}`);
  const retryAfter = (a: Answer) => Number(a.headers['retry-after']);
  const waitOut = (a: Answer) => sleep(retryAfter(a) * 1000 + 150);

  beforeAll(async () => {
    ctx = await createTestApp({ LOGIN_FAILURE_LIMIT: String(LIMIT), LOGIN_FAILURE_WINDOW_SECONDS: '60', LOGIN_LOCK_SECONDS: '1' });
    port = await listenOnLoopback(ctx.app);
  });
  afterAll(() => ctx.close());

  it('locks a username after LIMIT failures from rotating addresses (429 + Retry-After, Kolibri body), the right password included; it logs in after the lock', async () => {
    // The username as submitted, case-folded: ROOT and Root are the same key as root.
    for (const name of ['root', 'ROOT', 'Root', 'root', 'rOOt']) expect((await login(name, 'wrong-password')).status).toBe(401);
    const locked = await login('root', 'wrong-password');
    expect(locked.status).toBe(429);
    expect(retryAfter(locked)).toBeGreaterThanOrEqual(1);
    expect(locked.body).toEqual([{ id: 'INVALID', metadata: { field: '', message: expect.stringMatching(/Too many failed login attempts/) } }]);
    // During the lock the password is not even checked: the right one is refused too (no oracle).
    const right = await login(TEST_ADMIN.username, TEST_ADMIN.password);
    expect(right.status).toBe(429);
    await waitOut(right);
    expect((await login(TEST_ADMIN.username, TEST_ADMIN.password)).status).toBe(200);
  });

  it('a success resets the count; a lock that follows a lock without a quiet window lasts twice as long', async () => {
    for (let i = 0; i < LIMIT - 1; i++) expect((await login('root', 'wrong-password')).status).toBe(401);
    expect((await login(TEST_ADMIN.username, TEST_ADMIN.password)).status).toBe(200);
    // Counted from zero again: LIMIT more failures are answered 401, and only then the key locks.
    for (let i = 0; i < LIMIT; i++) expect((await login('root', 'wrong-password')).status).toBe(401);
    const first = await login('root', 'wrong-password');
    expect(first.status).toBe(429);
    await waitOut(first);
    for (let i = 0; i < LIMIT; i++) expect((await login('root', 'wrong-password')).status).toBe(401);
    const second = await login('root', 'wrong-password');
    expect(second.status).toBe(429);
    expect(retryAfter(second)).toBeGreaterThan(retryAfter(first));
    await waitOut(second);
    expect((await login(TEST_ADMIN.username, TEST_ADMIN.password)).status).toBe(200);
    // Another username is not affected by root's history.
    expect((await login('somebody-else', 'wrong-password')).status).toBe(401);
  });

  it('locks a client_id after LIMIT wrong secrets on /oauth2/access_token (slow_down), on every token endpoint, then lets it in', async () => {
    for (let i = 0; i < LIMIT; i++) expect((await oauth(TEST_CLIENT.id, `wrong-${i}`)).status).toBe(401);
    const locked = await oauth(TEST_CLIENT.id, 'wrong-again');
    expect(locked.status).toBe(429);
    expect(locked.body.error).toBe('slow_down');
    expect(retryAfter(locked)).toBeGreaterThanOrEqual(1);
    const right = await oauth(TEST_CLIENT.id, TEST_CLIENT.secret);
    expect(right.status).toBe(429);
    const viaEnabley = await enabley(TEST_CLIENT.id, TEST_CLIENT.secret);
    expect(viaEnabley.status).toBe(429);
    expect(viaEnabley.body).toEqual({ error: 'service_unavailable', error_description: expect.any(String) });
    expect(Number(viaEnabley.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    await waitOut(viaEnabley);
    const ok = await oauth(TEST_CLIENT.id, TEST_CLIENT.secret);
    expect(ok.status).toBe(200);
    expect(ok.body.access_token).toEqual(expect.any(String));
  });

  it('an unknown client_id is counted and locked like a known one (the lock tells nothing about existence)', async () => {
    for (let i = 0; i < LIMIT; i++) expect((await enabley('no-such-client', `guess-${i}`)).status).toBe(401);
    const locked = await oauth('no-such-client', 'guess');
    expect(locked.status).toBe(429);
    expect(locked.body.error).toBe('slow_down');
  });

  it('stores no username or client id: the keys are SHA-256 digests', async () => {
    const rows: { key: string }[] = await ctx.db.query(`SELECT key FROM login_failure`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.key).toMatch(/^[0-9a-f]{64}$/);
  });
});
