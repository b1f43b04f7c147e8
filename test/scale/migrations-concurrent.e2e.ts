import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { ServerProcess, startServer, tempDataDir } from '../support/server-process';
import { newDatabase, query, waitFor } from './helpers';

const MIGRATIONS = readdirSync(join(__dirname, '..', '..', 'migrations')).filter((f) => f.endsWith('.ts'));

async function healthy(server: ServerProcess): Promise<boolean> {
  try {
    return (await fetch(`${server.url}/health`)).status === 200;
  } catch {
    return false;
  }
}

/** Needs a current dist/ (`node scripts/build.mjs`; `npm test` builds first). */
describe('scale: two servers starting at once on a fresh database', () => {
  let db: { url: string; drop: () => Promise<void> };
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    db = await newDatabase({ migrated: false });
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop('SIGKILL')));
    await db.drop();
  });

  it('run the migrations once, under the lock: both become healthy, no failure logged', async () => {
    // Line both servers up at the same point: an empty migrations table (as TypeORM makes it) held
    // locked until both are waiting, so they really reach the migrations at the same moment.
    const holder = new Client({ connectionString: db.url });
    await holder.connect();
    await holder.query(`CREATE TABLE "migrations" ("id" SERIAL NOT NULL PRIMARY KEY, "timestamp" bigint NOT NULL, "name" character varying NOT NULL)`);
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE "migrations" IN ACCESS EXCLUSIVE MODE');
    const env = (): Record<string, string> => ({
      DATABASE_URL: db.url,
      DATA_DIR: tempDataDir(),
      LOG_LEVEL: 'info',
      ADMIN_USERNAME: 'root',
      ADMIN_PASSWORD: 'root-password-1',
      API_CLIENT_ID: 'scale-client',
      API_CLIENT_SECRET: 'scale-client-secret-1',
    });
    servers.push(...(await Promise.all([startServer(env(), { waitForHealth: false }), startServer(env(), { waitForHealth: false })])));
    // Polled from other connections: inside the holder's transaction pg_stat_activity is a frozen snapshot.
    const waiting = await waitFor(
      async () => (await query<{ n: number }>(db.url, `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`))[0].n,
      (n) => n >= 2,
      60_000,
      50,
    );
    await holder.query('COMMIT');
    await holder.end();
    expect(waiting.value).toBe(2);

    const up = await waitFor(async () => Promise.all(servers.map(healthy)), (h) => h.every(Boolean), 60_000, 100);
    expect(up.value).toEqual([true, true]);

    const logs = servers.map((s) => s.output());
    for (const log of logs) expect(log).not.toMatch(/failed|duplicate key|Unable to connect/i);
    const rows = await query<{ name: string; n: number }>(db.url, `SELECT name, count(*)::int AS n FROM migrations GROUP BY name ORDER BY name`);
    expect(rows).toHaveLength(MIGRATIONS.length);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    // Exactly one of them ran the migrations; the other waited on the lock and found none pending.
    expect(logs.filter((l) => new RegExp(`ran ${MIGRATIONS.length} migration\\(s\\)`).test(l))).toHaveLength(1);
  }, 120_000);
});
