import { Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Client, Pool } from 'pg';

/** The channel the revocation triggers (see migrations, RevocationNotify) notify on. */
export const REVOCATION_CHANNEL = 'las_revocation';
/** The same triggers RAISE NOTICE '<this> <payload>' to the session making the change. */
const NOTICE_PREFIX = `${REVOCATION_CHANNEL} `;

/**
 * What a trigger reported: `client:<client_id>`, `session:<uuid>`, `user:<uuid>`; `all` for a TRUNCATE,
 * an unreadable payload, or a lost listener (anything may have changed unseen).
 */
export type ChangeEvent = { kind: 'client' | 'session' | 'user'; id: string } | { kind: 'all' };

const HEARTBEAT_MS = 5_000;
const HEARTBEAT_TIMEOUT_MS = 3_000;
const FIRST_CONNECT_WAIT_MS = 5_000;
const BACKOFF_MIN_MS = 100;
const BACKOFF_MAX_MS = 5_000;

export function parseChangeEvent(payload: string | undefined): ChangeEvent {
  const m = /^(client|session|user):(.+)$/s.exec(payload ?? '');
  return m ? { kind: m[1] as 'client' | 'session' | 'user', id: m[2] } : { kind: 'all' };
}

/**
 * One dedicated connection that LISTENs for revocations committed by any process on the database.
 * `live` is true only while subscribed: caches must not serve (nor fill) otherwise, since a NOTIFY
 * sent while nobody listened is lost. Losing the connection reports `all` to every subscriber, then
 * reconnects with backoff, logging once per state change; it never throws into the process.
 * The connection is its own (DATABASE_LISTEN_URL): PgBouncer in transaction mode cannot carry LISTEN.
 *
 * The NOTIFY arrives a little after the commit (the listening backend has to be scheduled), so the
 * process that makes a change would otherwise answer its own next request from a stale entry. The
 * triggers also RAISE a NOTICE, which reaches the changing pool connection during the statement,
 * before its commit: this process evicts before the change is even visible, whatever code path made it.
 */
export class ChangeFeed implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ChangeFeed');
  private readonly listeners: ((event: ChangeEvent) => void)[] = [];
  private client: Client | null = null;
  private isLive = false;
  private stopped = false;
  private failures = 0;
  private reported: 'none' | 'live' | 'down' = 'none';
  private retryTimer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly enabled: boolean,
    private readonly pool?: Pool,
  ) {}

  get live(): boolean {
    return this.isLive;
  }

  subscribe(listener: (event: ChangeEvent) => void): void {
    this.listeners.push(listener);
  }

  async onModuleInit(): Promise<void> {
    if (!this.enabled) return;
    this.hearOwnChanges();
    // Wait briefly for the first subscription so the server starts with its caches on; if the
    // database is slow, it starts anyway (caches bypassed) and the feed keeps trying.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.connect(), new Promise((r) => (timer = setTimeout(r, FIRST_CONNECT_WAIT_MS)))]);
    clearTimeout(timer);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.clearTimers();
    const client = this.client;
    this.client = null;
    this.setLive(false);
    if (client) await client.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.url, keepAlive: true, application_name: 'las-change-feed' });
    this.client = client;
    client.on('error', (e) => this.lost(client, e));
    client.on('end', () => this.lost(client, new Error('connection closed')));
    client.on('notification', (msg) => {
      if (client === this.client && msg.channel === REVOCATION_CHANNEL) this.emit(parseChangeEvent(msg.payload));
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${REVOCATION_CHANNEL}`);
    } catch (e) {
      this.lost(client, e as Error);
      return;
    }
    if (client !== this.client) {
      void client.end().catch(() => undefined); // shut down (or lost) while connecting
      return;
    }
    this.failures = 0;
    // Anything read before this point may predate a revocation nobody heard: subscribers start afresh.
    this.emit({ kind: 'all' });
    this.setLive(true);
    this.heartbeat = setInterval(() => this.beat(client), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private hearOwnChanges(): void {
    if (!this.pool) return;
    const hear = (client: Client) =>
      client.on('notice', (msg) => {
        if (!this.stopped && msg.message?.startsWith(NOTICE_PREFIX)) this.emit(parseChangeEvent(msg.message.slice(NOTICE_PREFIX.length)));
      });
    this.pool.on('connect', hear);
    // Connections opened before this hook (data source start, migrations) are still in the pool.
    for (const client of (this.pool as unknown as { _clients?: Client[] })._clients ?? []) hear(client);
  }

  /** A silently dead connection (no RST) would otherwise look live forever. */
  private beat(client: Client): void {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise((_, fail) => (timer = setTimeout(() => fail(new Error('heartbeat timed out')), HEARTBEAT_TIMEOUT_MS)));
    Promise.race([client.query('SELECT 1'), timeout])
      .catch((e) => this.lost(client, e as Error))
      .finally(() => clearTimeout(timer));
  }

  private lost(client: Client, error: Error): void {
    if (client !== this.client) return;
    this.client = null;
    this.clearTimers();
    this.setLive(false);
    this.emit({ kind: 'all' });
    client.removeAllListeners('notification');
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    if (this.reported !== 'down') {
      this.reported = 'down';
      this.logger.warn({ err: error.message }, 'revocation listener lost; caches bypassed until it reconnects');
    }
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** this.failures++);
    this.retryTimer = setTimeout(() => void this.connect(), delay / 2 + Math.random() * (delay / 2));
    this.retryTimer.unref();
  }

  private setLive(live: boolean): void {
    this.isLive = live;
    if (live && this.reported !== 'live') {
      if (this.reported === 'down') this.logger.log('revocation listener reconnected; caches on again');
      this.reported = 'live';
    }
  }

  private emit(event: ChangeEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.retryTimer = this.heartbeat = null;
  }
}
