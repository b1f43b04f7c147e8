import { tmpdir } from 'node:os';
import { EmbeddedDatabase, reachableTempDir, startEmbeddedPostgres } from '../../src/core/database/embedded-postgres';
import { ServerProcess, startServer, tempDataDir } from '../support/server-process';
import { BOOTSTRAP, clientToken, sessionToken } from './helpers';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the database goes away and comes back', () => {
  const pgDir = reachableTempDir(tmpdir(), 'las-outage-');
  let db: EmbeddedDatabase;
  let port: number;
  let server: ServerProcess;
  let client: string;
  let user: string;

  const get = (path: string, token: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  // One route of each dialect, with the token kind it takes.
  const calls = () => [
    { name: 'triboo', path: '/api/extended/v1/users?page_size=1', token: client },
    { name: 'enabley', path: '/api/v2/users?limit=1', token: client },
    { name: 'kolibri', path: '/api/auth/facility', token: user },
    { name: 'organizations', path: '/organizations', token: user },
  ];

  beforeAll(async () => {
    db = await startEmbeddedPostgres({ dataDir: pgDir });
    port = Number(new URL(db.url).port);
    server = await startServer({ DATA_DIR: tempDataDir(), DATABASE_URL: db.url, LOG_LEVEL: 'info', ...BOOTSTRAP });
    client = await clientToken(server);
    user = await sessionToken(server);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.stop();
  });

  it('answers 503 + Retry-After in each dialect body while it is down (never 401 for a valid token), then recovers by itself', async () => {
    for (const c of calls()) expect([c.name, (await get(c.path, c.token)).status]).toEqual([c.name, 200]);
    await db.stop();

    for (let round = 0; round < 3; round++) {
      for (const c of calls()) {
        const res = await get(c.path, c.token);
        expect([c.name, res.status, res.headers.get('retry-after')]).toEqual([c.name, 503, '5']);
        const body = await res.json();
        if (c.name === 'triboo') expect(body).toEqual({ status: 'error', detail: expect.stringMatching(/temporarily unavailable/) });
        if (c.name === 'enabley') expect(body).toEqual({ error: expect.any(String), error_description: expect.stringMatching(/temporarily unavailable/) });
        if (c.name === 'kolibri') expect(body).toEqual([{ id: expect.any(String), metadata: { field: '', message: expect.stringMatching(/temporarily unavailable/) } }]);
        if (c.name === 'organizations') expect(body).toEqual({ error: expect.any(String), message: expect.stringMatching(/temporarily unavailable/) });
      }
    }
    // New tokens cannot be issued either, but that is a 503 too, not invalid_client.
    const token = await fetch(`${server.url}/oauth2/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: BOOTSTRAP.API_CLIENT_ID, client_secret: BOOTSTRAP.API_CLIENT_SECRET }),
    });
    expect(token.status).toBe(503);
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { status: string }).status).toBe('error');
    expect((await fetch(`${server.url}/health/live`)).status).toBe(200);

    db = await startEmbeddedPostgres({ dataDir: pgDir, port });
    const back = Date.now();
    let recovered = -1;
    while (Date.now() - back < 10_000) {
      const statuses = await Promise.all(calls().map(async (c) => (await get(c.path, c.token)).status));
      if (statuses.every((s) => s === 200)) {
        recovered = Date.now() - back;
        break;
      }
      await sleep(100);
    }
    expect(recovered).toBeGreaterThanOrEqual(0);
    expect(recovered).toBeLessThan(1000); // the first round of requests after PostgreSQL is back
    expect((await fetch(`${server.url}/health`)).status).toBe(200);

    // Logged once per change of state, not once per failed request.
    while (!/database reachable again/.test(server.output()) && Date.now() - back < 10_000) await sleep(100);
    const out = server.output();
    expect(out.match(/unreachable/g)).toHaveLength(1);
    expect(out.match(/reachable again/g)).toHaveLength(1);
    expect(out).not.toMatch(/"level":50/); // no error-level lines
  });
});
