import { IncomingHttpHeaders, Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  /** The body as the `standardwebhooks` package's Webhook.verify returned it (null: not verified yet). */
  event: { type: string; timestamp: string; sequence: number; data: Record<string, unknown> };
  at: number;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  delayMs?: number;
  /** Never answer (the request stays open until the sender gives up or the receiver closes). */
  hang?: boolean;
}

export interface Receiver {
  url: string;
  server: Server;
  received: Received[];
  /** Every request answered with what `answer` says (default 204); `n` counts the requests so far, from 1. */
  answer: (r: Received, n: number) => Answer;
  /** Verifies every received delivery with standardwebhooks' Webhook.verify against `secret` (throws on any mismatch). */
  verifyAll: (secret: string) => void;
  ofType: (type: string) => Received[];
  waitFor: (done: (received: Received[]) => boolean, ms?: number) => Promise<Received[]>;
  close: () => Promise<void>;
}

/** A real HTTP endpoint on 127.0.0.1 recording every delivery. */
export async function startReceiver(): Promise<Receiver> {
  let count = 0;
  const r: Receiver = {
    url: '',
    server: createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const item: Received = { headers: req.headers, body, event: JSON.parse(body || 'null'), at: Date.now() };
        r.received.push(item);
        const a = r.answer(item, ++count);
        const send = () => res.writeHead(a.status, a.headers ?? {}).end(a.body ?? '');
        if (a.hang) return;
        if (a.delayMs) setTimeout(send, a.delayMs);
        else send();
      });
    }),
    received: [],
    answer: () => ({ status: 204 }),
    verifyAll: (secret) => {
      const wh = new Webhook(secret);
      for (const item of r.received) {
        const headers = { 'webhook-id': String(item.headers['webhook-id']), 'webhook-timestamp': String(item.headers['webhook-timestamp']), 'webhook-signature': String(item.headers['webhook-signature']) };
        expect(wh.verify(item.body, headers)).toEqual(item.event);
      }
    },
    ofType: (type) => r.received.filter((x) => x.event?.type === type),
    waitFor: async (done, ms = 15_000) => {
      const until = Date.now() + ms;
      while (!done(r.received) && Date.now() < until) await new Promise((s) => setTimeout(s, 25));
      return r.received;
    },
    // Open keep-alive and hanging requests are cut: close() alone would wait for them.
    close: () =>
      new Promise((s) => {
        r.server.close(() => s());
        r.server.closeAllConnections();
      }),
  };
  r.server.keepAliveTimeout = 30_000;
  await new Promise<void>((s) => r.server.listen(0, '127.0.0.1', () => s()));
  r.url = `http://127.0.0.1:${(r.server.address() as AddressInfo).port}/hook`;
  return r;
}
