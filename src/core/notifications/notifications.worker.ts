import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_ENV } from '../config/config.module';
import { AppEnv } from '../config/env';
import { outageError } from '../database/outage';
import { LeaseQueue } from '../outbox/lease-queue';
import { NOTIFICATION_TRANSPORT, NotificationTransport, messageIdFor } from './notification-transport';

const POLL_MS = 1000;
const KICK_MS = 100;
const BATCH = 50;
export const MAX_ATTEMPTS = 8;

interface ClaimedNotification {
  id: string;
  attempts: number;
  to_address: string | null;
  subject: string;
  body: string;
}

/**
 * Delivers the outbox at least once, from any number of servers: rows are claimed under a lease
 * (LeaseQueue); a server killed mid-batch leaves its rows to be claimed again when the lease runs out.
 * Every attempt carries the row's stable Message-ID, so a receiver can drop the rare duplicate. A
 * transport error retries with backoff; the row is failed after MAX_ATTEMPTS. On shutdown the message
 * being sent is finished and the rest of the batch handed back.
 */
@Injectable()
export class NotificationsWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private readonly queue: LeaseQueue<ClaimedNotification>;
  private readonly messageDomain: string;
  private timer: NodeJS.Timeout | null = null;
  private kickTimer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(NOTIFICATION_TRANSPORT) readonly transport: NotificationTransport,
    @Inject(APP_ENV) env: AppEnv,
  ) {
    this.queue = new LeaseQueue<ClaimedNotification>(db, {
      table: 'notification',
      leaseSeconds: env.outboxLeaseSeconds,
      maxAttempts: MAX_ATTEMPTS,
      backoffBaseSeconds: 30,
      backoffCapSeconds: 3600,
      onClaim: 'claimed_at = now()',
    });
    // Stable across retries and instances: the public host when configured, not this machine's name.
    this.messageDomain = env.publicUrl ? new URL(env.publicUrl).hostname : 'localhost';
  }

  onApplicationBootstrap(): void {
    if (!this.db.isInitialized) return; // OpenAPI generation: no database, no worker
    this.stopped = false;
    this.timer = setInterval(() => this.tick(), POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.kickTimer) clearTimeout(this.kickTimer);
    this.timer = this.kickTimer = null;
    await this.running;
    this.transport.close?.();
  }

  /** Soon after new rows are queued (they become visible when the caller's transaction commits). */
  kick(): void {
    if (this.stopped || this.kickTimer) return;
    this.kickTimer = setTimeout(() => {
      this.kickTimer = null;
      this.tick();
    }, KICK_MS);
    this.kickTimer.unref();
  }

  private tick(): void {
    if (this.stopped || this.running) return;
    this.running = this.drain()
      // An unreachable database is logged once by the outage tracker, not once a second here.
      .catch((e) => {
        if (!outageError(e)) this.logger.error({ err: e?.message ?? String(e) }, 'notification worker run failed');
      })
      .finally(() => {
        this.running = null;
      });
  }

  private async drain(): Promise<void> {
    while (!this.stopped && (await this.runOnce()) === BATCH);
  }

  /** Claims and delivers one batch; returns how many rows it claimed. Safe to run concurrently. */
  async runOnce(): Promise<number> {
    const rows = await this.queue.claim(BATCH, ['to_address', 'subject', 'body']);
    // Rows not started by half the lease go back rather than risk another server claiming them mid-send.
    const startBy = Date.now() + (this.queue.opts.leaseSeconds * 1000) / 2;
    for (let i = 0; i < rows.length; i++) {
      if (this.stopped || Date.now() > startBy) {
        await this.queue.release(rows.slice(i));
        break;
      }
      await this.deliver(rows[i]);
    }
    return rows.length;
  }

  private async deliver(row: ClaimedNotification): Promise<void> {
    if (!row.to_address) {
      this.logger.warn({ notification: row.id, subject: row.subject }, 'notification skipped: the recipient has no email address');
      await this.queue.complete(row, 'skipped', 'sent_at = now()');
      return;
    }
    try {
      await this.transport.send({ id: row.id, messageId: messageIdFor(row.id, this.messageDomain), to: row.to_address, subject: row.subject, body: row.body });
    } catch (e) {
      const error = String((e as Error)?.message ?? e);
      const outcome = await this.queue.retry(row, error);
      this.logger.warn({ notification: row.id, attempts: row.attempts, err: error }, outcome === 'failed' ? 'notification failed for good' : 'notification failed; will retry');
      return;
    }
    await this.queue.complete(row, 'sent', 'sent_at = now()');
  }
}
