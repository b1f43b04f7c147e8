import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { loadEnv } from '../../src/core/config/env';

export interface TestContext {
  app: NestFastifyApplication;
  db: DataSource;
  /** supertest agent bound to the app's HTTP server. */
  http: () => ReturnType<typeof request>;
  env: Record<string, string>;
  /** Token of the bootstrap API client of account "default". */
  clientToken: () => Promise<string>;
  /** Token of the bootstrap superuser (session login). */
  superToken: () => Promise<string>;
  close: () => Promise<void>;
}

export const TEST_ADMIN = { username: 'root', password: 'root-password-1' };
export const TEST_CLIENT = { id: 'test-client', secret: 'test-client-secret-1' };

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
  const db = app.get(DataSource);
  const cache: Record<string, string> = {};
  const ctx: TestContext = {
    app,
    db,
    env,
    http: () => request(app.getHttpServer()),
    clientToken: async () => {
      cache.client ??= (
        await request(app.getHttpServer())
          .post('/oauth2/access_token')
          .type('form')
          .send({ grant_type: 'client_credentials', client_id: TEST_CLIENT.id, client_secret: TEST_CLIENT.secret })
          .expect(200)
      ).body.access_token;
      return cache.client;
    },
    superToken: async () => {
      cache.super ??= (await request(app.getHttpServer()).post('/api/auth/session').send(TEST_ADMIN).expect(200)).body.access_token;
      return cache.super;
    },
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
  return ctx;
}
