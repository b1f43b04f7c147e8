import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_ENV } from '../config/config.module';
import { AppEnv } from '../config/env';
import { outageError } from '../database/outage';
import { LeaseQueue } from '../outbox/lease-queue';
import { Endpoint, dueEndpoints, markFailing, markHealthy } from './webhook-endpoints';
import { fanOut } from './webhook-fan-out';
import { SecretBox, signatureHeader } from './webhook-secret';
import { WebhookSender } from './webhook-sender';
import { WebhookWakeup } from './webhook-wakeup';
import { WEBHOOK_SECRET_BOX } from './webhook.tokens';

/** Deliveries in flight per endpoint: a slow endpoint fills its own slots, never another's. */
export const PER_ENDPOINT = 16;
const POLL_MS = 1000;
const FLUSH_MS = 20;
const MAX_RETRY_AFTER_SECONDS = 24 * 3600;

interface Lane {
  endpoint: Endpoint;
  inflight: number;
  filling: boolean;
  /** The last claim found rows: there may be more. */
  more: boolean;
}

export interface ClaimedDelivery {
  id: string;
  attempts: number;
  type: string;
  sequence: string;
  occurred_at: Date;
  data: Record<string, unknown>;
}

/** The body every attempt of a delivery sends, byte for byte (only the signature's timestamp changes). */
export function deliveryBody(d: Pick<ClaimedDelivery, 'type' | 'sequence' | 'occurred_at' | 'data'>): string {
  return JSON.stringify({ type: d.type, timestamp: new Date(d.occurred_at).toISOString(), sequence: Number(d.sequence), data: d.data });
}

/**
 * Fans the captured event batches out into deliveries (webhook-fan-out.ts), a chunk per scan, then delivers them at
 * least once, from any number of processes: each endpoint's due rows are
 * claimed under a lease (LeaseQueue, scoped to the endpoint), at most PER_ENDPOINT in flight per endpoint,
 * so one slow or dead endpoint only ever waits on itself. A process killed mid-send leaves its rows to be
 * claimed again when the lease runs out, with the same `webhook-id`. Successes are settled in batches.
 */
@Injectable()
export class WebhooksWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private readonly queue: LeaseQueue<ClaimedDelivery>;
  private readonly sender: WebhookSender;
  private readonly schedule: number[];
  /** Per endpoint: its latest read (a rotated secret, a new URL), deliveries in flight, and whether a claim is under way. */
  private readonly lanes = new Map<string, Lane>();
  private readonly running = new Set<Promise<void>>();
  private readonly unreadable = new Set<string>();
  private succeeded: { row: ClaimedDelivery; endpoint: Endpoint; status: number; body: string }[] = [];
  private wakeup: WebhookWakeup | null = null;
  private timer: NodeJS.Timeout | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private scanning: Promise<void> | null = null;
  private rescan = false;
  private stopped = true;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_ENV) private readonly env: AppEnv,
    @Inject(WEBHOOK_SECRET_BOX) private readonly box: SecretBox,
  ) {
    this.schedule = env.webhookRetrySchedule;
    this.queue = new LeaseQueue<ClaimedDelivery>(db, {
      table: 'webhook_delivery',
      leaseSeconds: env.outboxLeaseSeconds,
      maxAttempts: this.schedule.length + 1,
      backoffBaseSeconds: 5,
      backoffCapSeconds: 6 * 3600,
      // The retention clock (webhook-retention.ts) starts when a delivery is finished.
      onFail: 'finished_at = now()',
    });
    this.sender = new WebhookSender(env.webhookAllowPrivateTargets, PER_ENDPOINT, env.webhookTimeoutMs);
  }

  onApplicationBootstrap(): void {
    if (!this.db.isInitialized) return; // OpenAPI generation: no database, no worker
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
    const url = this.env.databaseListenUrl ?? (this.db.options as { url?: string }).url;
    if (url) {
      this.wakeup = new WebhookWakeup(url, () => this.kick());
      this.wakeup.start();
    }
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.wakeup?.stop();
    await this.scanning;
    // In-flight sends end within the send timeout; their outcomes are settled before the pool closes.
    await Promise.allSettled([...this.running]);
    await this.flush();
    this.sender.close();
  }

  /** Look for due deliveries now (a NOTIFY, the poll, a route that queued one). */
  kick(): void {
    if (this.stopped) return;
    if (this.scanning) {
      this.rescan = true;
      return;
    }
    this.scanning = this.scan()
      .catch((e) => {
        if (!outageError(e)) this.logger.error({ err: e?.message ?? String(e) }, 'webhook worker run failed');
      })
      .finally(() => {
        this.scanning = null;
        if (this.rescan) {
          this.rescan = false;
          this.kick();
        }
      });
  }

  private async scan(): Promise<void> {
    // One chunk per scan, then the lanes are filled: a 50,000-event bulk enroll starts leaving at its first chunk.
    if (await fanOut(this.db)) this.rescan = true;
    const endpoints = await dueEndpoints(this.db, this.box, (id) => {
      if (this.unreadable.has(id)) return;
      this.unreadable.add(id);
      this.logger.error({ webhook: id }, 'webhook secret cannot be decrypted (WEBHOOK_SECRET_KEY or JWT_SECRET changed?); its deliveries wait');
    });
    const due = new Set(endpoints.map((e) => e.id));
    for (const [id, lane] of this.lanes) if (!due.has(id) && !lane.inflight && !lane.filling) this.lanes.delete(id);
    for (const e of endpoints) {
      const lane = this.lanes.get(e.id);
      if (lane) lane.endpoint = e;
      else this.lanes.set(e.id, { endpoint: e, inflight: 0, filling: false, more: false });
    }
    this.sender.prune(new Set(this.lanes.keys()));
    await Promise.all(endpoints.map((e) => this.fill(this.lanes.get(e.id)!)));
  }

  /**
   * Claims as many of the endpoint's due rows as it has free slots, and starts sending them. One claim per
   * endpoint at a time, so the slots are never overbooked; while claims find rows, a lane half empty claims
   * again at once instead of waiting for the next scan.
   */
  private async fill(lane: Lane): Promise<void> {
    const free = PER_ENDPOINT - lane.inflight;
    if (this.stopped || lane.filling || free <= 0) return;
    lane.filling = true;
    let claimed: ClaimedDelivery[];
    try {
      // A webhook deactivated or deleted since the scan gets no more claims.
      claimed = await this.queue.claim(free, ['type', 'sequence', 'occurred_at', 'data'], {
        where: 'webhook_id = $3 AND EXISTS (SELECT 1 FROM webhook w WHERE w.id = $3 AND w.active)',
        params: [lane.endpoint.id],
      });
    } finally {
      lane.filling = false;
    }
    lane.more = claimed.length > 0;
    const endpoint = lane.endpoint;
    for (const row of claimed) {
      lane.inflight++;
      const task: Promise<void> = this.deliver(endpoint, row).finally(() => {
        this.running.delete(task);
        lane.inflight--;
        if (lane.more && lane.inflight <= PER_ENDPOINT / 2) void this.fill(lane).catch(() => this.kick());
      });
      this.running.add(task);
    }
  }

  private async deliver(endpoint: Endpoint, row: ClaimedDelivery): Promise<void> {
    const body = deliveryBody(row);
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'learning-admin-server-webhooks/1',
      'webhook-id': row.id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signatureHeader(endpoint.secrets, row.id, timestamp, body),
    };
    let outcome: { status: number | null; retryAfter: number | null; body: string | null; error: string };
    try {
      const res = await this.sender.send(endpoint.id, { url: endpoint.url, headers, body });
      if (res.status >= 200 && res.status < 300) {
        this.succeeded.push({ row, endpoint, status: res.status, body: res.body });
        this.scheduleFlush();
        return;
      }
      outcome = { status: res.status, retryAfter: res.status === 429 || res.status === 503 ? res.retryAfter : null, body: res.body, error: `HTTP ${res.status}` };
    } catch (e) {
      outcome = { status: null, retryAfter: null, body: null, error: String((e as Error)?.message ?? e) };
    }
    await this.failed(endpoint, row, outcome).catch((e) => this.logger.warn({ delivery: row.id, err: String(e?.message ?? e) }, 'could not record a failed webhook attempt'));
  }

  private async failed(endpoint: Endpoint, row: ClaimedDelivery, o: { status: number | null; retryAfter: number | null; body: string | null; error: string }) {
    const planned = this.schedule[Math.min(row.attempts, this.schedule.length) - 1] ?? 0;
    // Jitter (0.75-1.25) spreads the retries of a burst that failed together.
    const delaySeconds = o.retryAfter !== null ? Math.min(o.retryAfter, MAX_RETRY_AFTER_SECONDS) : planned * (0.75 + Math.random() / 2);
    const result = await this.queue.retry(row, o.error, { delaySeconds, set: 'last_status_code = $6, last_response = $7', params: [o.status, o.body] });
    if (result === 'failed') this.logger.warn({ webhook: endpoint.id, delivery: row.id, attempts: row.attempts, err: o.error }, 'webhook delivery failed for good');
    if (await markFailing(this.db, endpoint.id)) this.logger.warn({ webhook: endpoint.id }, 'webhook set inactive: every delivery failed for 3 days');
  }

  private scheduleFlush(): void {
    if (this.succeeded.length >= 64) {
      void this.flush();
      return;
    }
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => void this.flush(), FLUSH_MS);
  }

  private async flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const batch = this.succeeded;
    this.succeeded = [];
    if (!batch.length) return;
    try {
      await this.queue.completeMany(
        batch.map((b) => b.row),
        'succeeded',
        `delivered_at = now(), finished_at = now(), last_status_code = (split_part(r.extra, ' ', 1))::int, last_response = substr(r.extra, strpos(r.extra, ' ') + 1)`,
        batch.map((b) => `${b.status} ${b.body}`),
      );
      const healed = new Set(batch.filter((b) => b.endpoint.failing).map((b) => b.endpoint.id));
      for (const id of healed) await markHealthy(this.db, id);
    } catch (e) {
      // Left `sending`: the lease runs out and they are sent again (at least once).
      if (!outageError(e)) this.logger.error({ err: String((e as Error)?.message ?? e) }, 'could not settle webhook deliveries');
    }
  }
}
