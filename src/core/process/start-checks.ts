import { createServer } from 'node:net';

/** A start that cannot succeed: main prints its message as one line and exits 1. */
export class StartError extends Error {}

/**
 * Fails before anything slow (the database start, migrations) when the port is taken. The real listen
 * comes later, so a race with another program is still possible; that one fails at listen, also in one line.
 */
export function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') reject(new StartError(`port ${port} on ${host} is already in use (PORT)`));
      else if (e.code === 'EACCES') reject(new StartError(`port ${port} on ${host} may not be used by this user (PORT)`));
      else if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') reject(new StartError(`cannot listen on ${host}: no such local address (HOST)`));
      else reject(new StartError(`cannot listen on ${host}:${port}: ${e.message}`));
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

const CONNECT_TIMEOUT_MS = 5000;

/** One clear line for why a connection to DATABASE_URL failed (the pg error, without its stack). */
export function describeConnectError(e: unknown, url: URL): string {
  const err = e as { code?: string; message?: string; errors?: { code?: string }[] };
  const host = url.hostname;
  const where = `${host}:${url.port || 5432}`;
  const user = decodeURIComponent(url.username || process.env.USER || '');
  const codes = [err?.code, ...(err?.errors ?? []).map((x) => x?.code)];
  if (codes.includes('ECONNREFUSED')) return `database ${where} refused the connection (DATABASE_URL)`;
  if (codes.includes('ENOTFOUND') || codes.includes('EAI_AGAIN')) return `database host ${host} not found (DATABASE_URL)`;
  if (err?.code === '28P01') return `password authentication failed for user "${user}" on ${where} (DATABASE_URL)`;
  if (err?.code === '3D000') return `database ${url.pathname.slice(1) || user} does not exist on ${where} (DATABASE_URL)`;
  if (codes.includes('ETIMEDOUT') || /timeout/i.test(err?.message ?? '')) return `database ${where} did not answer within ${CONNECT_TIMEOUT_MS / 1000} s (DATABASE_URL)`;
  return `database ${where}: ${(err?.message ?? String(e)).split('\n')[0]} (DATABASE_URL)`;
}

/** Connects once before Nest boots, so a wrong DATABASE_URL is one line instead of retries with stacks. */
export async function assertDatabaseReachable(url: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (e) {
    throw new StartError(describeConnectError(e, new URL(url)));
  } finally {
    await client.end().catch(() => undefined);
  }
}
