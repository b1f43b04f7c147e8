import { request as httpRequest } from 'node:http';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app.factory';
import { loadEnv } from '../../src/core/config/env';
import { createTestDatabase, testEnv } from '../support/test-app';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON when the body is JSON (each dialect has its own error shape), else the text. */
  body: any;
}

/** Makes the app listen on a free port of 127.0.0.1 (if it does not yet) and returns the port. */
export async function listenOnLoopback(app: NestFastifyApplication): Promise<number> {
  const server = app.getHttpServer();
  if (!server.listening) await app.listen({ port: 0, host: '127.0.0.1' } as never);
  return (server.address() as { port: number }).port;
}

/**
 * One POST from a chosen source address (127.0.0.x: Linux routes all of 127/8 to loopback), so a test
 * can be several clients; X-Forwarded-For is not trusted by the server, so it cannot be used for that.
 */
export function postFrom(
  port: number,
  from: string,
  path: string,
  payload: { json?: unknown; form?: Record<string, string>; raw?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const body = payload.json !== undefined ? JSON.stringify(payload.json) : payload.form ? new URLSearchParams(payload.form).toString() : (payload.raw ?? '');
  const headers: Record<string, string> = { ...(payload.headers ?? {}) };
  if (payload.json !== undefined) headers['content-type'] = 'application/json';
  else if (payload.form) headers['content-type'] = 'application/x-www-form-urlencoded';
  headers['content-length'] = String(Buffer.byteLength(body));
  return new Promise((done, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', localAddress: from, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          /* not JSON */
        }
        done({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
      });
    });
    req.on('error', fail);
    req.end(body);
  });
}

/** Two complete app instances (as two server processes would be) on ONE fresh database, each listening. */
export async function twoAppsOnOneDatabase(extraEnv: Record<string, string>): Promise<{ ports: [number, number]; close: () => Promise<void> }> {
  const database = await createTestDatabase();
  const apps: NestFastifyApplication[] = [];
  for (let i = 0; i < 2; i++) {
    const env = loadEnv(testEnv(extraEnv));
    const app = await createApp({ env, databaseUrl: database.url, logger: false });
    await app.init();
    apps.push(app);
  }
  const ports = [await listenOnLoopback(apps[0]), await listenOnLoopback(apps[1])] as [number, number];
  return {
    ports,
    close: async () => {
      for (const app of apps) await app.close();
      await database.drop();
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
