import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ServerProcess, startServer, tempDataDir } from '../support/server-process';
import { newDatabase, query } from './helpers';

const MIGRATIONS = readdirSync(join(__dirname, '..', '..', 'migrations')).filter((f) => f.endsWith('.ts'));

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
    const env = (): Record<string, string> => ({
      DATABASE_URL: db.url,
      DATA_DIR: tempDataDir(),
      LOG_LEVEL: 'info',
      ADMIN_USERNAME: 'root',
      ADMIN_PASSWORD: 'root-password-1',
      API_CLIENT_ID: 'scale-client',
      API_CLIENT_SECRET: 'scale-client-secret-1',
    });
    const started = await Promise.allSettled([startServer(env()), startServer(env())]);
    for (const s of started) if (s.status === 'fulfilled') servers.push(s.value);
    expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'healthy'))).toEqual(['healthy', 'healthy']);

    const rows = await query<{ name: string; n: number }>(db.url, `SELECT name, count(*)::int AS n FROM migrations GROUP BY name ORDER BY name`);
    expect(rows).toHaveLength(MIGRATIONS.length);
    expect(rows.every((r) => r.n === 1)).toBe(true);

    const logs = servers.map((s) => s.output());
    for (const log of logs) expect(log).not.toMatch(/failed|duplicate key|Unable to connect/i);
    // Exactly one of them ran the migrations; the other waited on the lock and found none pending.
    const ran = logs.filter((l) => new RegExp(`ran ${MIGRATIONS.length} migration\\(s\\)`).test(l));
    expect(ran).toHaveLength(1);
  });
});
