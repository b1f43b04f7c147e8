import { resolve } from 'node:path';

/** The validated environment: every variable the server reads, with its default. */
export interface AppEnv {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** A direct connection for LISTEN (PgBouncer in transaction mode cannot carry it); unset: DATABASE_URL. */
  databaseListenUrl: string | undefined;
  dataDir: string;
  adminUsername: string | undefined;
  adminPassword: string | undefined;
  apiClientId: string | undefined;
  apiClientSecret: string | undefined;
  defaultAccount: string;
  jwtSecret: string | undefined;
  jwtTtlSeconds: number;
  publicUrl: string | undefined;
  logLevel: string;
  smtpUrl: string | undefined;
  tokenRateLimit: number;
  /** How long a claimed outbox row stays with its worker before any instance may claim it again. */
  outboxLeaseSeconds: number;
}

export class EnvError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
    throw new EnvError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function optional(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw === '' ? undefined : raw;
}

function url(env: NodeJS.ProcessEnv, name: string, protocols: string[]): string | undefined {
  const raw = optional(env, name);
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new EnvError(`${name} is not a valid URL (expected ${protocols.join(' or ')}//...)`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new EnvError(`${name} must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  }
  return raw;
}

/** Reads and validates process.env; throws EnvError with one line naming the variable. */
export function loadEnv(env: NodeJS.ProcessEnv = process.env): AppEnv {
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  if (databaseUrl && !new URL(databaseUrl).hostname) throw new EnvError('DATABASE_URL has no host name');
  const databaseListenUrl = url(env, 'DATABASE_LISTEN_URL', ['postgres:', 'postgresql:']);
  if (databaseListenUrl && !new URL(databaseListenUrl).hostname) throw new EnvError('DATABASE_LISTEN_URL has no host name');
  if (databaseListenUrl && !databaseUrl) throw new EnvError('DATABASE_LISTEN_URL needs DATABASE_URL (the embedded PostgreSQL listens on its own URL)');
  const logLevel = optional(env, 'LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new EnvError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  const pairs: [string, string][] = [['ADMIN_USERNAME', 'ADMIN_PASSWORD'], ['API_CLIENT_ID', 'API_CLIENT_SECRET']];
  for (const [a, b] of pairs) {
    if (Boolean(optional(env, a)) !== Boolean(optional(env, b))) throw new EnvError(`${a} and ${b} must be set together`);
  }
  const jwtSecret = optional(env, 'JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 16) throw new EnvError('JWT_SECRET must be at least 16 characters long');
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: optional(env, 'HOST') ?? '127.0.0.1',
    databaseUrl,
    databaseListenUrl,
    dataDir: resolve(optional(env, 'DATA_DIR') ?? '.data'),
    adminUsername: optional(env, 'ADMIN_USERNAME'),
    adminPassword: optional(env, 'ADMIN_PASSWORD'),
    apiClientId: optional(env, 'API_CLIENT_ID'),
    apiClientSecret: optional(env, 'API_CLIENT_SECRET'),
    defaultAccount: optional(env, 'DEFAULT_ACCOUNT') ?? 'default',
    jwtSecret,
    jwtTtlSeconds: integer(env, 'JWT_TTL_SECONDS', 3600, 60, 30 * 24 * 3600),
    publicUrl: url(env, 'PUBLIC_URL', ['http:', 'https:']),
    logLevel,
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    tokenRateLimit: integer(env, 'TOKEN_RATE_LIMIT', 600, 1, 1_000_000),
    outboxLeaseSeconds: integer(env, 'OUTBOX_LEASE_SECONDS', 60, 1, 3600),
  };
}
