import { readFileSync } from 'node:fs';
import { ServerProcess } from '../support/server-process';

export const CLIENT = { id: 'rel-client', secret: 'rel-client-secret-1' };
export const ADMIN = { username: 'rel-admin', password: 'rel-admin-password-1' };
export const BOOTSTRAP = { API_CLIENT_ID: CLIENT.id, API_CLIENT_SECRET: CLIENT.secret, ADMIN_USERNAME: ADMIN.username, ADMIN_PASSWORD: ADMIN.password };

/** The lines a process wrote, without blanks. */
export const lines = (out: string): string[] => out.split('\n').filter((l) => l.trim() !== '');

/** A stack trace line ("    at fn (file:1:2)") anywhere in the output. */
export const hasStack = (out: string): boolean => /^\s+at .+[(:]\d+/m.test(out) || /"stack":/.test(out);

export async function clientToken(server: ServerProcess): Promise<string> {
  const res = await fetch(`${server.url}/oauth2/access_token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: CLIENT.id, client_secret: CLIENT.secret }),
  });
  if (res.status !== 200) throw new Error(`token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

export async function sessionToken(server: ServerProcess): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (res.status !== 200) throw new Error(`session: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** The admin URL of the suite's shared test PostgreSQL (started by the jest global setup). */
export function testPostgresUrl(): URL {
  return new URL((JSON.parse(readFileSync(process.env.TEST_PG_STATE!, 'utf8')) as { adminUrl: string }).adminUrl);
}

/** A fresh, migrated database on the suite's PostgreSQL (a copy of the template), for servers that do not need their own. */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const { Client } = await import('pg');
  const admin = testPostgresUrl();
  const name = `rel_${Math.random().toString(36).slice(2, 10)}`;
  const run = async (sql: string) => {
    const c = new Client({ connectionString: admin.toString() });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await run(`CREATE DATABASE ${name} TEMPLATE app_template`);
  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
