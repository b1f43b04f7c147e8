import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { ApiError } from '../http/api-error';
import { passwordProblem } from '../users/password-policy';
import { normalizeUsername } from '../users/username-rules';

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
  /** `pretty`: human lines and a start summary; `json`: pino JSON lines. Default: pretty on a terminal, else json. */
  logFormat: 'pretty' | 'json';
  smtpUrl: string | undefined;
  tokenRateLimit: number;
  loginFailureLimit: number;
  loginFailureWindowSeconds: number;
  loginLockSeconds: number;
  certificateLinkTtlSeconds: number;
  /** Fastify's trustProxy: false (default), true (every hop), a hop count, or addresses/CIDRs of the proxies. */
  trustProxy: boolean | number | string[];
  /** Exact origins CORS answers for; empty means no CORS headers at all. */
  corsOrigins: string[];
  /** SIGTERM/SIGINT: how long in-flight requests may take to finish before they are cut off. */
  shutdownTimeoutSeconds: number;
  /** Server processes sharing the port (node:cluster); 1 runs the server in this process. */
  webConcurrency: number;
  /** `transaction`: the pool goes through a transaction-pooling PgBouncer, so no statement is prepared by name. */
  databasePoolMode: 'session' | 'transaction';
  /** How long a claimed outbox row stays with its worker before any instance may claim it again. */
  outboxLeaseSeconds: number;
  /** Seconds to wait before each webhook retry; the delivery fails after the last. */
  webhookRetrySchedule: number[];
  /** true: webhooks may target loopback and private addresses (tests, on-premises). */
  webhookAllowPrivateTargets: boolean;
  /** Key material for the webhook secrets at rest; unset: derived from the JWT secret. */
  webhookSecretKey: string | undefined;
  /** How long one webhook attempt may take, connection to the end of the answer (ms). */
  webhookTimeoutMs: number;
  /** Days a succeeded or failed webhook delivery stays in the log before the worker deletes it. */
  webhookDeliveryRetentionDays: number;
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

/** The bootstrap superuser obeys the same username and password rules as every other user. */
function checkAdmin(username: string | undefined, password: string | undefined): void {
  if (!username || !password) return;
  try {
    normalizeUsername(username, 'ADMIN_USERNAME');
  } catch (e) {
    if (e instanceof ApiError) throw new EnvError(`ADMIN_USERNAME is not a valid username: ${e.issues[0].message}`);
    throw e;
  }
  const problem = passwordProblem(password, { username });
  if (problem) throw new EnvError(`ADMIN_PASSWORD is refused by the password policy: ${problem}`);
}

function trustProxy(env: NodeJS.ProcessEnv): boolean | number | string[] {
  const raw = optional(env, 'TRUST_PROXY')?.trim();
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw) && Number(raw) >= 1 && Number(raw) <= 10) return Number(raw);
  const entries = raw.split(',').map((e) => e.trim());
  const valid = (e: string) => {
    const [address, bits, ...rest] = e.split('/');
    const family = isIP(address);
    if (!family || rest.length) return false;
    return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
  };
  if (entries.length && entries.every(valid)) return entries;
  throw new EnvError(`TRUST_PROXY must be false, true, a hop count (1-10) or comma-separated proxy addresses/CIDRs, got "${raw}"`);
}

function corsOrigins(env: NodeJS.ProcessEnv): string[] {
  const raw = optional(env, 'CORS_ORIGINS');
  if (raw === undefined) return [];
  return raw.split(',').map((o) => {
    const origin = o.trim();
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
      throw new EnvError(`CORS_ORIGINS must list exact origins like https://app.example.com (scheme://host[:port], no path), got "${origin}"`);
    }
    return origin;
  });
}

function choice<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const raw = optional(env, name)?.trim();
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new EnvError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

/** WEB_CONCURRENCY: a number of processes, or `auto` for one per CPU the process may use. */
function webConcurrency(env: NodeJS.ProcessEnv): number {
  const raw = optional(env, 'WEB_CONCURRENCY')?.trim();
  if (raw === 'auto') return Math.min(64, availableParallelism());
  if (raw !== undefined && !/^\d+$/.test(raw)) throw new EnvError(`WEB_CONCURRENCY must be a number of processes (1-64) or "auto", got "${raw}"`);
  return integer(env, 'WEB_CONCURRENCY', 1, 1, 64);
}

const DEFAULT_WEBHOOK_RETRY_SCHEDULE = [5, 30, 120, 600, 3600, 3 * 3600, 6 * 3600];

/** WEBHOOK_RETRY_SCHEDULE: comma-separated seconds (e.g. `1,1,1` in tests), at most 20 retries of at most a day each. */
function retrySchedule(env: NodeJS.ProcessEnv): number[] {
  const raw = optional(env, 'WEBHOOK_RETRY_SCHEDULE')?.trim();
  if (raw === undefined) return DEFAULT_WEBHOOK_RETRY_SCHEDULE;
  const parts = raw.split(',').map((p) => p.trim());
  if (parts.length > 20 || !parts.every((p) => /^\d+(\.\d+)?$/.test(p) && Number(p) <= 86_400)) {
    throw new EnvError(`WEBHOOK_RETRY_SCHEDULE must be up to 20 comma-separated delays in seconds (each at most 86400), got "${raw}"`);
  }
  return parts.map(Number);
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
  checkAdmin(optional(env, 'ADMIN_USERNAME'), optional(env, 'ADMIN_PASSWORD'));
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
    logFormat: choice(env, 'LOG_FORMAT', ['pretty', 'json'] as const, process.stdout.isTTY === true ? 'pretty' : 'json'),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    tokenRateLimit: integer(env, 'TOKEN_RATE_LIMIT', 600, 1, 1_000_000),
    loginFailureLimit: integer(env, 'LOGIN_FAILURE_LIMIT', 10, 1, 1_000_000),
    loginFailureWindowSeconds: integer(env, 'LOGIN_FAILURE_WINDOW_SECONDS', 900, 1, 7 * 24 * 3600),
    loginLockSeconds: integer(env, 'LOGIN_LOCK_SECONDS', 60, 1, 7 * 24 * 3600),
    certificateLinkTtlSeconds: integer(env, 'CERTIFICATE_LINK_TTL_SECONDS', 604_800, 1, 366 * 24 * 3600),
    trustProxy: trustProxy(env),
    corsOrigins: corsOrigins(env),
    shutdownTimeoutSeconds: integer(env, 'SHUTDOWN_TIMEOUT_SECONDS', 25, 1, 3600),
    webConcurrency: webConcurrency(env),
    databasePoolMode: choice(env, 'DATABASE_POOL_MODE', ['session', 'transaction'] as const, 'session'),
    outboxLeaseSeconds: integer(env, 'OUTBOX_LEASE_SECONDS', 60, 1, 3600),
    webhookRetrySchedule: retrySchedule(env),
    webhookAllowPrivateTargets: choice(env, 'WEBHOOK_ALLOW_PRIVATE_TARGETS', ['true', 'false'] as const, 'false') === 'true',
    webhookSecretKey: optional(env, 'WEBHOOK_SECRET_KEY'),
    webhookTimeoutMs: integer(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 60_000),
    webhookDeliveryRetentionDays: integer(env, 'WEBHOOK_DELIVERY_RETENTION_DAYS', 30, 1, 3650),
  };
}
