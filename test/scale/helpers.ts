import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';

/** The run's shared PostgreSQL (test/support/global-setup.ts): an admin URL to create databases with. */
export function adminUrl(): string {
  return (JSON.parse(readFileSync(process.env.TEST_PG_STATE!, 'utf8')) as { adminUrl: string }).adminUrl;
}

/** A new database on the shared server: empty, or copied from the migrated template. */
export async function newDatabase(opts: { migrated: boolean }): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `s_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}${opts.migrated ? ' TEMPLATE app_template' : ''}`);
  await admin.end();
  return {
    url: adminUrl().replace(/\/postgres$/, `/${name}`),
    drop: async () => {
      const c = new Client({ connectionString: adminUrl() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function query<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `done` holds or `ms` pass; returns the last value and how long it took. */
export async function waitFor<T>(probe: () => Promise<T>, done: (v: T) => boolean, ms: number, everyMs = 20): Promise<{ value: T; elapsedMs: number }> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    const elapsedMs = Date.now() - started;
    if (done(value) || elapsedMs > ms) return { value, elapsedMs };
    await sleep(everyMs);
  }
}
