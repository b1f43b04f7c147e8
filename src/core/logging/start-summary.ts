import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppEnv } from '../config/env';
import { rows } from '../database/sql';

export interface StartFacts {
  database: string;
  migrations: number;
  api: string;
  docs: string;
  apiClient?: string;
  superuser?: string;
}

/** Where the database is, never with its credentials: the embedded one's folder, or host:port/name. */
function describeDatabase(env: AppEnv): string {
  if (!env.databaseUrl) return `embedded PostgreSQL in ${env.dataDir}`;
  const url = new URL(env.databaseUrl);
  return `external PostgreSQL at ${url.hostname}:${url.port || '5432'}${url.pathname}`;
}

/** The address a browser on this machine can open: a wildcard bind address is reached as localhost. */
function baseUrl(env: AppEnv): string {
  if (env.publicUrl) return env.publicUrl.replace(/\/$/, '');
  const host = env.host === '0.0.0.0' || env.host === '::' ? 'localhost' : env.host.includes(':') ? `[${env.host}]` : env.host;
  return `http://${host}:${env.port}`;
}

/** What a first start has to tell: the database, the migrations in it, the URLs, the bootstrap identities (names only). */
export async function startFacts(app: INestApplication, env: AppEnv): Promise<StartFacts> {
  const [{ n }] = await rows<{ n: number }>(app.get(DataSource), 'SELECT count(*)::int AS n FROM migrations');
  const api = baseUrl(env);
  return {
    database: describeDatabase(env),
    migrations: n,
    api,
    docs: `${api}/docs`,
    ...(env.apiClientId && env.apiClientSecret ? { apiClient: `"${env.apiClientId}" of account "${env.defaultAccount}" (its secret is API_CLIENT_SECRET)` } : {}),
    ...(env.adminUsername && env.adminPassword ? { superuser: `"${env.adminUsername}" (its password is ADMIN_PASSWORD)` } : {}),
  };
}

/** The human start (LOG_FORMAT=pretty): a few aligned lines, the first one as every earlier version printed it. */
export function summaryLines(f: StartFacts): string[] {
  const rows: [string, string | undefined][] = [
    ['database', `${f.database}, ${f.migrations} migrations applied`],
    ['API', f.api],
    ['Swagger UI', f.docs],
    ['API client', f.apiClient],
    ['superuser', f.superuser],
  ];
  return [`listening on ${f.api}`, ...rows.filter(([, v]) => v).map(([k, v]) => `  ${k.padEnd(11)} ${v}`)];
}
