import { AppEnv } from '../config/env';
import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres';

/** DATABASE_URL when set; otherwise a real PostgreSQL embedded under DATA_DIR. */
export async function resolveDatabase(env: AppEnv, log: (line: string) => void): Promise<EmbeddedDatabase> {
  if (env.databaseUrl) return { url: env.databaseUrl, stop: async () => undefined };
  log(`DATABASE_URL is not set: starting the embedded PostgreSQL in ${env.dataDir}`);
  return startEmbeddedPostgres({ dataDir: env.dataDir, log: (l) => (/ERROR|FATAL|PANIC/.test(l) ? log(l) : undefined) });
}
