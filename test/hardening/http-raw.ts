import { connect } from 'node:net';
import { AddressInfo } from 'node:net';
import { TestContext } from '../support/test-app';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  json: () => unknown;
}

/** Makes the test app listen on a free port (supertest otherwise listens per request), for raw sockets. */
export async function listenPort(ctx: TestContext): Promise<number> {
  const server = ctx.app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function parse(raw: string): RawResponse | null {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const [statusLine, ...lines] = raw.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  const text = raw.slice(end + 4);
  const length = Number(headers['content-length'] ?? NaN);
  if (Number.isFinite(length) && Buffer.byteLength(text) < length) return null;
  return { status: Number(statusLine.split(' ')[1]), headers, text, json: () => JSON.parse(text) };
}

/**
 * Writes `head` (and `body`, if given) on a fresh socket and resolves with the first complete response,
 * without ever finishing a body the headers promised: what the server answers before reading it.
 */
export function rawRequest(port: number, head: string, body = '', timeoutMs = 5000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let raw = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete response within ${timeoutMs} ms (got ${JSON.stringify(raw.slice(0, 200))})`));
    }, timeoutMs);
    const finish = (res: RawResponse) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(res);
    };
    socket.on('data', (chunk) => {
      raw += chunk.toString('utf8');
      const res = parse(raw);
      if (res) finish(res);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const res = parse(raw);
      if (res) finish(res);
    });
    socket.write(head + body);
  });
}

/** A request head with the given method, path and extra header lines. */
export function head(method: string, path: string, headers: Record<string, string | number> = {}): string {
  const lines = [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** `n` levels of JSON nesting around a scalar. */
export function deepJson(n: number): string {
  return '{"a":'.repeat(n) + '1' + '}'.repeat(n);
}
