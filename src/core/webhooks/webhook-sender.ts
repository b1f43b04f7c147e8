import { Agent as HttpAgent, IncomingMessage, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, hostOf, isBlockedAddress } from './target-guard';

const READ_CAP = 64 * 1024;
const KEPT = 1024;

export interface SendResult {
  status: number;
  /** Seconds, from a Retry-After header (delta or HTTP date). */
  retryAfter: number | null;
  /** The first 1 KB of the body. */
  body: string;
}

export interface OutgoingMessage {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Retry-After as seconds from now: a delta, or an HTTP date; null when absent or unreadable. */
export function retryAfterSeconds(value: string | string[] | undefined, now = Date.now()): number | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return null;
  if (/^\s*\d+\s*$/.test(raw)) return Number(raw);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * POSTs deliveries over keep-alive connections, one agent per webhook (so one endpoint's sockets never
 * hold another's), at most `maxSockets` at a time. Redirects are not followed (a 3xx is a failure), the
 * whole exchange is cut at `timeoutMs` (WEBHOOK_TIMEOUT_MS, 10 s), and at most 64 KB of the answer is read.
 */
export class WebhookSender {
  private readonly agents = new Map<string, { origin: string; agent: HttpAgent }>();

  constructor(
    private readonly allowPrivate: boolean,
    private readonly maxSockets: number,
    private readonly timeoutMs: number,
  ) {}

  private agentFor(webhookId: string, url: URL): HttpAgent {
    const known = this.agents.get(webhookId);
    if (known?.origin === url.origin) return known.agent;
    known?.agent.destroy();
    const options = { keepAlive: true, maxSockets: this.maxSockets, lookup: guardedLookup(this.allowPrivate) as never, scheduling: 'lifo' as const };
    const agent = url.protocol === 'https:' ? new HttpsAgent(options) : new HttpAgent(options);
    this.agents.set(webhookId, { origin: url.origin, agent });
    return agent;
  }

  /** Drops the agents of webhooks not in `live` (deleted, deactivated). */
  prune(live: Set<string>): void {
    for (const [id, { agent }] of this.agents) {
      if (!live.has(id)) {
        agent.destroy();
        this.agents.delete(id);
      }
    }
  }

  close(): void {
    for (const { agent } of this.agents.values()) agent.destroy();
    this.agents.clear();
  }

  send(webhookId: string, message: OutgoingMessage): Promise<SendResult> {
    const url = new URL(message.url);
    // An address literal is connected to without a lookup, so it is checked here.
    const host = hostOf(url);
    if (!this.allowPrivate && isIP(host) && isBlockedAddress(host)) {
      return Promise.reject(new Error(`${host} is an address webhooks may not reach`));
    }
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<SendResult>((resolve, reject) => {
      const req = request(url, {
        method: 'POST',
        agent: this.agentFor(webhookId, url),
        headers: { ...message.headers, 'content-length': Buffer.byteLength(message.body) },
      });
      const timer = setTimeout(() => req.destroy(new Error(`timeout: no answer within ${this.timeoutMs / 1000} s`)), this.timeoutMs);
      req.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      req.on('response', (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let read = 0;
        const finish = () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, retryAfter: retryAfterSeconds(res.headers['retry-after']), body: Buffer.concat(chunks).toString('utf8').slice(0, KEPT) });
        };
        res.on('data', (chunk: Buffer) => {
          if (read < KEPT) chunks.push(chunk.subarray(0, KEPT - read));
          read += chunk.length;
          // Past the cap the rest is not read; the socket is not reused for a half-read answer.
          if (read > READ_CAP) {
            res.destroy();
            finish();
          }
        });
        res.on('end', finish);
        res.on('error', (e) => {
          clearTimeout(timer);
          if (read > READ_CAP) return;
          reject(e);
        });
      });
      req.end(message.body);
    });
  }
}
