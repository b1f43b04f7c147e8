import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ServerProcess, startServer, tempDataDir } from '../support/server-process';

const MIGRATIONS = readdirSync(join(__dirname, '..', '..', 'migrations')).filter((f) => f.endsWith('.ts')).length;
const BOOTSTRAP = { API_CLIENT_ID: 'first-client', API_CLIENT_SECRET: 'first-client-secret-1', ADMIN_USERNAME: 'first-admin', ADMIN_PASSWORD: 'first-admin-password-1' };

async function until(what: string, check: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What an operator sees on a first `npm start`: a short human summary, not Nest's route table. */
describe('first start output', () => {
  const dataDir = tempDataDir();
  let server: ServerProcess | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('LOG_FORMAT=pretty: a dozen human lines naming the database, its migrations, the URLs and the bootstrap client, no secret', async () => {
    server = await startServer({ DATA_DIR: dataDir, LOG_FORMAT: 'pretty', LOG_LEVEL: 'info', ...BOOTSTRAP });
    await until('the summary', () => server!.output().includes('  superuser'));
    const out = server.output();
    const lines = out.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(15);
    expect(lines).toEqual(
      expect.arrayContaining([
        `DATABASE_URL is not set: starting the embedded PostgreSQL in ${dataDir}`,
        `listening on ${server.url}`,
        `  database    embedded PostgreSQL in ${dataDir}, ${MIGRATIONS} migrations applied`,
        `  API         ${server.url}`,
        `  Swagger UI  ${server.url}/docs`,
        '  API client  "first-client" of account "default" (its secret is API_CLIENT_SECRET)',
        '  superuser   "first-admin" (its password is ADMIN_PASSWORD)',
      ]),
    );
    expect(out).not.toContain(BOOTSTRAP.API_CLIENT_SECRET);
    expect(out).not.toContain(BOOTSTRAP.ADMIN_PASSWORD);
    expect(out).not.toMatch(/Mapped \{|dependencies initialized|"level"/);
  });

  it('LOG_FORMAT=json: JSON lines, the facts in one "ready" line; the route table only at debug', async () => {
    server = await startServer({ DATA_DIR: dataDir, LOG_FORMAT: 'json', LOG_LEVEL: 'debug', ...BOOTSTRAP });
    await until('the ready line', () => server!.output().includes('"context":"Start"'));
    const lines = server.output().trimEnd().split('\n');
    const json = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { level: number; context?: string; msg: string });
    expect(lines.filter((l) => !l.startsWith('{'))).toEqual([`DATABASE_URL is not set: starting the embedded PostgreSQL in ${dataDir}`, `listening on ${server.url} (Swagger UI at /docs)`]);
    const routes = json.filter((r) => r.context === 'RouterExplorer');
    expect(routes.length).toBeGreaterThan(100);
    expect(new Set(json.filter((r) => ['RouterExplorer', 'RoutesResolver', 'InstanceLoader'].includes(r.context ?? '')).map((r) => r.level))).toEqual(new Set([20]));
    expect(json.find((r) => r.context === 'Start')).toMatchObject({
      level: 30,
      msg: `ready: embedded PostgreSQL in ${dataDir}, ${MIGRATIONS} migrations applied; API ${server.url}, Swagger UI ${server.url}/docs; API client "first-client" of account "default" (its secret is API_CLIENT_SECRET)`,
    });
  });
});
