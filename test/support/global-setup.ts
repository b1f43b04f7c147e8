import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { reachableTempDir, startEmbeddedPostgres } from '../../src/core/database/embedded-postgres';
import { dataSourceOptions } from '../../src/core/database/data-source-options';
import { startPgBouncer } from './pgbouncer';
import { freePort } from './server-process';

export const TEMPLATE_DB = 'app_template';

/** One PostgreSQL for the whole run, with a migrated template database each test file copies. */
export default async function globalSetup(): Promise<void> {
  // Reachable by the postgres user PostgreSQL runs as when the tests run as root (mkdtemp makes 0700 folders).
  const dir = reachableTempDir(tmpdir(), 'las-test-');
  const db = await startEmbeddedPostgres({
    dataDir: dir,
    database: 'postgres',
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' },
  });
  const admin = new Client({ connectionString: db.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const templateUrl = db.url.replace(/\/postgres$/, `/${TEMPLATE_DB}`);
  const ds = new DataSource({ ...dataSourceOptions(templateUrl), migrationsRun: false });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  const state = join(dir, 'state.json');
  let pgbouncer: { port: number; pidFile: string } | undefined;
  if (process.env.TEST_PGBOUNCER === '1') {
    const port = await freePort();
    pgbouncer = { port, ...startPgBouncer(dir, db.url, port) };
  }
  writeFileSync(state, JSON.stringify({ adminUrl: db.url, dir, pgbouncer }));
  process.env.TEST_PG_STATE = state;
  (globalThis as unknown as { __embeddedPg: typeof db }).__embeddedPg = db;
}
