import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { EmbeddedDatabase, reachableTempDir, startEmbeddedPostgres } from '../core/database/embedded-postgres';

/** DATABASE_URL when given, else a throw-away embedded PostgreSQL removed on stop. */
export async function scratchDatabase(): Promise<EmbeddedDatabase> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  const dir = reachableTempDir(tmpdir(), 'las-scratch-');
  const db = await startEmbeddedPostgres({ dataDir: dir, settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } });
  return {
    url: db.url,
    stop: async () => {
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
