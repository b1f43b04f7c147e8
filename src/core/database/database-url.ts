import { AppEnv } from '../config/env';
import { assertDatabaseReachable } from '../process/start-checks';
import type { EmbeddedDatabase } from './embedded-postgres';

/**
 * DATABASE_URL when set (checked with one connection first); otherwise a real PostgreSQL embedded
 * under DATA_DIR, whose launcher is loaded only then. Call it only while holding the DATA_DIR lock:
 * a PostgreSQL still running there is then an orphan of a dead server, and is stopped. `onLaunched` runs once
 * the embedded PostgreSQL is starting as a child process (never for DATABASE_URL).
 */
export async function resolveDatabase(env: AppEnv, log: (line: string) => void, onLaunched?: () => void): Promise<EmbeddedDatabase> {
  if (env.databaseUrl) {
    await assertDatabaseReachable(env.databaseUrl);
    return { url: env.databaseUrl, stop: async () => undefined };
  }
  log(`DATABASE_URL is not set: starting the embedded PostgreSQL in ${env.dataDir}`);
  const { startEmbeddedPostgres } = await import('./embedded-postgres');
  return startEmbeddedPostgres({
    dataDir: env.dataDir,
    orphan: 'stop',
    onLaunched,
    log: (l) => (/^(stopping|.*(FATAL|PANIC))/.test(l) ? log(l) : undefined),
  });
}
