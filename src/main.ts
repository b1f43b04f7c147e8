import 'reflect-metadata';
import cluster from 'node:cluster';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppEnv, EnvError, loadEnv } from './core/config/env';
import type { EmbeddedDatabase } from './core/database/embedded-postgres';
import { DataDirInUseError, DataDirLock, lockDataDir } from './core/process/data-dir-lock';
import { drain } from './core/process/shutdown';
import { StartError, assertPortFree } from './core/process/start-checks';

const say = (line: string) => process.stdout.write(`${line}\n`);

/** Errors whose message is the whole story: one line, no stack. */
function isExpected(e: unknown): boolean {
  return e instanceof EnvError || e instanceof StartError || e instanceof DataDirInUseError || (e as Error)?.name === 'EmbeddedStartError';
}

/** Every start failure is one line and exit 1; the stack only with LOG_LEVEL=debug (or trace). */
function fail(e: unknown, debug: boolean): never {
  const message = e instanceof EnvError ? `configuration error: ${e.message}` : `failed to start: ${(e as Error)?.message ?? String(e)}`;
  process.stderr.write(`${message.split('\n')[0]}\n`);
  if (debug && !isExpected(e) && (e as Error)?.stack) process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let env: AppEnv;
  try {
    env = loadEnv();
  } catch (e) {
    return fail(e, false);
  }
  const debug = env.logLevel === 'debug' || env.logLevel === 'trace';
  if (env.webConcurrency > 1 && cluster.isPrimary) return startPrimary(env, debug);
  // A worker of the primary above: DATA_DIR, the port and the database belong to the primary.
  const isWorker = cluster.isWorker;
  let lock: DataDirLock | null = null;
  let database: EmbeddedDatabase | null = null;
  let app: NestFastifyApplication | null = null;
  let stopping = false;
  const onSignal = (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (!app) {
      // Still starting: main() stops what it has started so far after its current step.
      say(`${signal}: stopping during start`);
      return;
    }
    say(`${signal}: shutting down (draining in-flight requests)`);
    void drain({ app, stopDatabase: () => database?.stop() ?? Promise.resolve(), timeoutSeconds: env.shutdownTimeoutSeconds, say }).then((code) => {
      say(code === 0 ? 'stopped' : 'stopped (requests were cut off)');
      process.exit(code);
    });
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('exit', () => lock?.release());

  try {
    if (!isWorker) {
      lock = lockDataDir(env.dataDir);
      await assertPortFree(env.host, env.port);
    }
    // Loaded only now: Nest and every module take seconds to load, and the checks above must answer first.
    // The embedded PostgreSQL starts as a child process; the modules load (synchronously) while it does.
    const { resolveDatabase } = await import('./core/database/database-url');
    let launched!: () => void;
    const launch = new Promise<void>((resolve) => (launched = resolve));
    const starting = resolveDatabase(env, say, () => launched());
    starting.catch(() => undefined); // awaited below; not unhandled while the modules load
    await Promise.race([launch, starting]);
    let createApp: typeof import('./app.factory').createApp;
    try {
      ({ createApp } = await import('./app.factory'));
    } finally {
      database = await starting;
    }
    const created = stopping ? null : await createApp({ env, databaseUrl: database.url });
    if (stopping) {
      await created?.close();
      await database.stop();
      process.exit(0);
    }
    app = created;
    await app!.listen({ port: env.port, host: env.host });
  } catch (e) {
    await app?.close().catch(() => undefined);
    await database?.stop().catch(() => undefined);
    const listen = (e as NodeJS.ErrnoException)?.code === 'EADDRINUSE' ? new StartError(`port ${env.port} on ${env.host} is already in use (PORT)`) : e;
    return fail(listen, debug);
  }
  await announce(app!, env, isWorker);
}

/**
 * The start's last word. A single process on a terminal (LOG_FORMAT=pretty) prints a short summary; with
 * JSON logs the same facts are one log line, after the plain `listening on` line scripts wait for. Workers
 * of WEB_CONCURRENCY say only that they listen.
 */
async function announce(app: NestFastifyApplication, env: AppEnv, isWorker: boolean): Promise<void> {
  const plain = `listening on http://${env.host}:${env.port} (Swagger UI at /docs)`;
  const { startFacts, summaryLines } = await import('./core/logging/start-summary');
  // The server listens already: a summary that cannot be read (the database just went away) is left out, not fatal.
  const facts = isWorker ? null : await startFacts(app, env).catch(() => null);
  if (!facts) {
    say(plain);
    return;
  }
  if (env.logFormat === 'pretty') {
    for (const line of summaryLines(facts)) say(line);
    return;
  }
  say(plain);
  const { Logger } = await import('@nestjs/common');
  new Logger('Start').log(`ready: ${facts.database}, ${facts.migrations} migrations applied; API ${facts.api}, Swagger UI ${facts.docs}${facts.apiClient ? `; API client ${facts.apiClient}` : ''}`);
}

/**
 * WEB_CONCURRENCY > 1: this process takes DATA_DIR, checks the port, starts (or checks) the database and
 * resolves the JWT secret once, then runs the workers, which are this same program with that database and key.
 */
async function startPrimary(env: AppEnv, debug: boolean): Promise<void> {
  let lock: DataDirLock | null = null;
  let database: EmbeddedDatabase | null = null;
  process.on('exit', () => lock?.release());
  try {
    lock = lockDataDir(env.dataDir);
    await assertPortFree(env.host, env.port);
    const { resolveDatabase } = await import('./core/database/database-url');
    database = await resolveDatabase(env, say);
  } catch (e) {
    await database?.stop().catch(() => undefined);
    return fail(e, debug);
  }
  const { resolveJwtSecret } = await import('./core/auth/jwt-key.provider');
  const { runPrimary } = await import('./core/process/cluster-primary');
  const db = database;
  await runPrimary({
    workers: env.webConcurrency,
    workerEnv: { DATABASE_URL: db.url, JWT_SECRET: resolveJwtSecret(env) },
    shutdownTimeoutMs: env.shutdownTimeoutSeconds * 1000,
    say,
    release: async () => {
      await db.stop();
      lock?.release();
    },
  });
}

void main();
