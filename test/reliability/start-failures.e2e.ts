import { existsSync } from 'node:fs';
import { Server, createServer } from 'node:net';
import { join } from 'node:path';
import { freePort, startServer, tempDataDir } from '../support/server-process';
import { hasStack, lines, testPostgresUrl } from './helpers';

/** Starts the server expecting it to fail; returns its exit code, output and how long it took. */
async function failedStart(env: Record<string, string>) {
  const started = Date.now();
  const server = await startServer({ DATA_DIR: tempDataDir(), ...env }, { waitForHealth: false });
  const timer = setTimeout(() => server.proc.kill('SIGKILL'), 30_000);
  const code = await server.exited;
  clearTimeout(timer);
  return { code, out: server.output(), ms: Date.now() - started, dataDir: server.env.DATA_DIR };
}

describe('a start that cannot succeed fails fast, in one line, exit 1', () => {
  let blocker: Server;
  let busyPort: number;

  beforeAll(async () => {
    busyPort = await freePort();
    blocker = createServer();
    await new Promise<void>((done) => blocker.listen(busyPort, '127.0.0.1', done));
  });
  afterAll(() => new Promise<void>((done) => blocker.close(() => done())));

  it('port in use: refused before the database is started, within 2 s', async () => {
    const r = await failedStart({ PORT: String(busyPort) });
    expect(r.code).toBe(1);
    expect(lines(r.out)).toEqual([`failed to start: port ${busyPort} on 127.0.0.1 is already in use (PORT)`]);
    expect(r.ms).toBeLessThan(2000);
    // The embedded PostgreSQL was never initialised.
    expect(existsSync(join(r.dataDir, 'pg'))).toBe(false);
    expect(r.out).not.toMatch(/successfully started/);
  });

  it('DATABASE_URL refused: one line, no stack', async () => {
    const port = await freePort();
    const r = await failedStart({ DATABASE_URL: `postgres://app:secret@127.0.0.1:${port}/app` });
    expect(r.code).toBe(1);
    expect(lines(r.out)).toEqual([`failed to start: database 127.0.0.1:${port} refused the connection (DATABASE_URL)`]);
    expect(hasStack(r.out)).toBe(false);
  });

  it('DATABASE_URL with a wrong password: one line naming the user, no stack', async () => {
    const url = testPostgresUrl();
    url.password = 'not-the-password';
    const r = await failedStart({ DATABASE_URL: url.toString() });
    expect(r.code).toBe(1);
    expect(lines(r.out)).toEqual([`failed to start: password authentication failed for user "${url.username}" on ${url.hostname}:${url.port} (DATABASE_URL)`]);
    expect(hasStack(r.out)).toBe(false);
  });

  it('DATABASE_URL with an unknown host: one line, no stack', async () => {
    const r = await failedStart({ DATABASE_URL: 'postgres://app:secret@no-such-host.invalid:5432/app' });
    expect(r.code).toBe(1);
    expect(lines(r.out)).toEqual(['failed to start: database host no-such-host.invalid not found (DATABASE_URL)']);
    expect(hasStack(r.out)).toBe(false);
  });

  it('LOG_LEVEL=debug adds nothing for an expected failure, and a bad variable is one line too', async () => {
    const r = await failedStart({ PORT: String(busyPort), LOG_LEVEL: 'debug' });
    expect(lines(r.out)).toHaveLength(1);
    const bad = await failedStart({ SHUTDOWN_TIMEOUT_SECONDS: 'soon' });
    expect(bad.code).toBe(1);
    expect(lines(bad.out)).toEqual(['configuration error: SHUTDOWN_TIMEOUT_SECONDS must be an integer between 1 and 3600, got "soon"']);
  });
});
