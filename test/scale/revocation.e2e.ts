import { rmSync } from 'node:fs';
import { ServerProcess, startServer, tempDataDir } from '../support/server-process';
import { waitFor } from './helpers';
import { PostgresProcess, startPostgresProcess } from './pg-process';

const ADMIN = { username: 'root', password: 'root-password-1' };
const CLIENT = { id: 'scale-client', secret: 'scale-client-secret-1' };

async function call(server: ServerProcess, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Needs a current dist/ (`node scripts/build.mjs`; `npm test` builds first). */
describe('scale: revocation is seen by every server process within 1 s', () => {
  let dir: string;
  let pg: PostgresProcess;
  let one: ServerProcess;
  let two: ServerProcess;
  let clientToken: string;
  const delays: Record<string, number> = {};

  const login = async (server: ServerProcess, username: string, password: string) => {
    const res = await call(server, 'POST', '/api/auth/session', undefined, { username, password });
    expect(res.status).toBe(200);
    return res.body.access_token as string;
  };
  const status = async (server: ServerProcess, token: string) => (await call(server, 'GET', '/organizations', token)).status;
  /** Polls the other server until it refuses the token; the time from the revoking answer to the first 401. */
  const refusedWithin = async (server: ServerProcess, token: string) => (await waitFor(() => status(server, token), (s) => s === 401, 3000, 10)).elapsedMs;

  beforeAll(async () => {
    dir = tempDataDir();
    // Every statement logged: the hot-path test counts principal lookups reaching the database.
    pg = await startPostgresProcess({ dataDir: dir, settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', log_statement: 'all' } });
    const env = (): Record<string, string> => ({
      DATABASE_URL: pg.url,
      DATA_DIR: tempDataDir(),
      ADMIN_USERNAME: ADMIN.username,
      ADMIN_PASSWORD: ADMIN.password,
      API_CLIENT_ID: CLIENT.id,
      API_CLIENT_SECRET: CLIENT.secret,
    });
    one = await startServer(env());
    two = await startServer(env());
    const res = await fetch(`${one.url}/oauth2/access_token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: CLIENT.id, client_secret: CLIENT.secret }),
    });
    clientToken = ((await res.json()) as { access_token: string }).access_token;
  }, 120_000);

  afterAll(async () => {
    process.stdout.write(`revocation delays on the other process (ms): ${JSON.stringify(delays)}\n`);
    await Promise.all([one?.stop(), two?.stop()]);
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a client revoked through one server is refused by the other', async () => {
    const su = await login(one, ADMIN.username, ADMIN.password);
    const acct = await call(one, 'POST', '/api/admin/accounts', su, { name: 'revocation' });
    const client = await call(one, 'POST', `/api/admin/accounts/${acct.body.id}/clients`, su, { name: 'short-lived' });
    expect(client.status).toBe(201);
    const tok = await fetch(`${two.url}/oauth2/access_token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.body.client_id, client_secret: client.body.client_secret }),
    });
    const token = ((await tok.json()) as { access_token: string }).access_token;
    for (let i = 0; i < 3; i++) expect(await status(two, token)).toBe(200); // cached on the other server
    expect((await call(one, 'DELETE', `/api/admin/clients/${client.body.client_id}`, su)).status).toBe(204);
    delays.client = await refusedWithin(two, token);
    expect(delays.client).toBeLessThan(1000);
    expect(await status(one, token)).toBe(401);
  });

  it('a user deactivated through one server is refused by the other', async () => {
    const created = await call(one, 'PUT', '/api/v2/users', clientToken, { identifier: 'dee', password: 'dee-password-1' });
    expect(created.status).toBe(201);
    const token = await login(two, 'dee', 'dee-password-1');
    for (let i = 0; i < 3; i++) expect(await status(two, token)).toBe(200);
    expect((await call(one, 'PUT', '/api/v2/users/dee?isActive=false', clientToken)).status).toBe(200);
    delays.deactivation = await refusedWithin(two, token);
    expect(delays.deactivation).toBeLessThan(1000);
  });

  it('a session logged out through one server is refused by the other', async () => {
    expect((await call(one, 'PUT', '/api/v2/users', clientToken, { identifier: 'lou', password: 'lou-password-1' })).status).toBe(201);
    const token = await login(two, 'lou', 'lou-password-1');
    for (let i = 0; i < 3; i++) expect(await status(one, token)).toBe(200);
    expect((await call(two, 'DELETE', '/api/auth/session/current', token)).status).toBe(204);
    delays.logout = await refusedWithin(one, token);
    expect(delays.logout).toBeLessThan(1000);
    expect(await status(two, token)).toBe(401);
  });

  it('a cached principal answers without a database lookup (the GET hot path)', async () => {
    expect((await call(one, 'PUT', '/api/v2/users', clientToken, { identifier: 'hot', password: 'hot-password-1' })).status).toBe(201);
    const token = await login(two, 'hot', 'hot-password-1');
    expect(await status(two, token)).toBe(200); // the one lookup that fills the cache
    expect(await status(two, clientToken)).toBe(200);
    const lookups = () => pg.log().filter((l) => /execute principal_\w+/.test(l)).length;
    await new Promise((r) => setTimeout(r, 300)); // the server log is written asynchronously
    const before = lookups();
    expect(before).toBeGreaterThan(0); // the lookups that filled the caches were logged: the count is real
    for (let i = 0; i < 50; i++) {
      expect(await status(two, token)).toBe(200);
      expect(await status(two, clientToken)).toBe(200);
    }
    await new Promise((r) => setTimeout(r, 300)); // the server log is written asynchronously
    const after = lookups();
    process.stdout.write(`hot path: ${after - before} principal lookups reached PostgreSQL for 100 authenticated GETs\n`);
    expect(after - before).toBe(0);
  });
});
