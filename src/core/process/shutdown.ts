import type { Server } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export interface ShutdownParts {
  app: NestFastifyApplication;
  /** Stops the embedded PostgreSQL (a no-op with DATABASE_URL). */
  stopDatabase: () => Promise<void>;
  timeoutSeconds: number;
  say: (line: string) => void;
}

/** After the drain timeout, what is still running gets this long to give up before the process goes anyway. */
const HARD_STOP_GRACE_MS = 10_000;

/**
 * SIGTERM/SIGINT: stop accepting connections (Fastify closes the listener, idle keep-alive sockets are
 * closed, a request arriving on a kept-alive socket gets 503), let in-flight requests finish, close the
 * pool, then stop the embedded PostgreSQL. Resolves with the exit code: 0 for a clean drain, 1 when
 * requests had to be cut off after `timeoutSeconds`.
 */
export async function drain(parts: ShutdownParts): Promise<number> {
  const { app, stopDatabase, timeoutSeconds, say } = parts;
  let code = 0;
  const server = app.getHttpServer() as Server;
  const cutOff = setTimeout(() => {
    code = 1;
    say(`shutdown: requests still running after ${timeoutSeconds} s (SHUTDOWN_TIMEOUT_SECONDS): closing their connections`);
    server.closeAllConnections?.();
  }, timeoutSeconds * 1000);
  const hardStop = setTimeout(() => {
    say('shutdown: the application did not close; stopping the database and exiting');
    void stopDatabase().finally(() => process.exit(1));
  }, timeoutSeconds * 1000 + HARD_STOP_GRACE_MS);
  hardStop.unref();
  try {
    await app.close();
  } catch (e) {
    code = 1;
    say(`shutdown: closing the application failed: ${(e as Error)?.message ?? e}`);
  } finally {
    clearTimeout(cutOff);
  }
  await stopDatabase();
  clearTimeout(hardStop);
  return code;
}
