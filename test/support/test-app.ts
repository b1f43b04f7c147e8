import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createApp } from '../../src/app.factory';
import { loadEnv } from '../../src/core/config/env';
import { TEST_ADMIN, TEST_CLIENT, TestContext } from './test-context';

export { TEST_ADMIN, TEST_CLIENT, TestContext } from './test-context';

/** A fresh database copied from the migrated template, and the real app on it, listening on HTTP. */
export async function createTestDatabase(): Promise<{ url: string; pooledUrl?: string; drop: () => Promise<void> }> {
  const state = JSON.parse(readFileSync(process.env.TEST_PG_STATE!, 'utf8')) as { adminUrl: string; pgbouncer?: { port: number } };
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: state.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE app_template`);
  await admin.end();
  return {
    url: state.adminUrl.replace(/\/postgres$/, `/${name}`),
    pooledUrl: state.pgbouncer && withPort(state.adminUrl.replace(/\/postgres$/, `/${name}`), state.pgbouncer.port),
    drop: async () => {
      const c = new Client({ connectionString: state.adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** The environment every test app starts with: its own DATA_DIR, the bootstrap superuser and API client. */
export function testEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATA_DIR: mkdtempSync(join(tmpdir(), 'las-app-')),
    JWT_SECRET: 'test-secret-test-secret-test-secret',
    ADMIN_USERNAME: TEST_ADMIN.username,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    API_CLIENT_ID: TEST_CLIENT.id,
    API_CLIENT_SECRET: TEST_CLIENT.secret,
    LOG_LEVEL: 'silent',
    ...extra,
  };
}

function withPort(url: string, port: number): string {
  const u = new URL(url);
  u.port = String(port);
  return u.toString();
}

export async function createTestApp(extraEnv: Record<string, string> = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const env: Record<string, string> = {
    ...testEnv(),
    // TEST_PGBOUNCER=1: the pool goes through PgBouncer in transaction mode, LISTEN straight to PostgreSQL.
    ...(database.pooledUrl ? { DATABASE_URL: database.pooledUrl, DATABASE_LISTEN_URL: database.url, DATABASE_POOL_MODE: 'transaction' } : {}),
    ...extraEnv,
  };
  const app = await createApp({ env: loadEnv(env), databaseUrl: database.pooledUrl ?? database.url, logger: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return new TestContext(app, env, database.drop);
}
