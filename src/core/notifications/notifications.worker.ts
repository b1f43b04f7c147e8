import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { outageError } from '../database/outage';
import { NOTIFICATION_TRANSPORT, NotificationTransport } from './notification-transport';

const POLL_MS = 1000;
const KICK_MS = 100;
const BATCH = 50;
const MAX_ATTEMPTS = 5;
/** A row left "sending" this long was interrupted mid-send; it is failed, never resent (at most once). */
const STALE_MINUTES = 10;

interface ClaimedRow {
  id: string;
  to_address: string | null;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Delivers pending outbox rows. Each row is claimed by exactly one worker (UPDATE … FOR UPDATE
 * SKIP LOCKED … RETURNING), so a message is sent at most once even with several servers running;
 * a transport error puts it back with a backoff, up to MAX_ATTEMPTS.
 */
@Injectable()
export class NotificationsWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private timer: NodeJS.Timeout | null = null;
  private kickTimer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(NOTIFICATION_TRANSPORT) readonly transport: NotificationTransport,
  ) {}

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
    await this.db.query(
      `UPDATE notification SET status = 'failed', last_error = 'interrupted while sending; not resent to avoid a duplicate'
        WHERE status = 'sending' AND claimed_at < now() - make_interval(mins => $1)`,
      [STALE_MINUTES],
    );
    const [rows]: [ClaimedRow[], number] = await this.db.query(
      `UPDATE notification n SET status = 'sending', claimed_at = now(), attempts = n.attempts + 1
         FROM (SELECT id FROM notification WHERE status = 'pending' AND next_attempt_at <= now()
                ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) c
        WHERE n.id = c.id
       RETURNING n.id, n.to_address, n.subject, n.body, n.attempts`,
      [BATCH],
    );
    for (const row of rows) await this.deliver(row);
    return rows.length;
  }

  private async deliver(row: ClaimedRow): Promise<void> {
    if (!row.to_address) {
      this.logger.warn({ notification: row.id, subject: row.subject }, 'notification skipped: the recipient has no email address');
      await this.db.query(`UPDATE notification SET status = 'skipped', sent_at = now() WHERE id = $1 AND status = 'sending'`, [row.id]);
      return;
    }
    try {
      await this.transport.send({ id: row.id, to: row.to_address, subject: row.subject, body: row.body });
    } catch (e) {
      const error = String(e?.message ?? e).slice(0, 1000);
      const final = row.attempts >= MAX_ATTEMPTS;
      this.logger.warn({ notification: row.id, attempts: row.attempts, err: error }, final ? 'notification failed for good' : 'notification failed; will retry');
      await this.db.query(
        `UPDATE notification SET status = $2, last_error = $3, next_attempt_at = now() + make_interval(secs => $4)
          WHERE id = $1 AND status = 'sending'`,
        [row.id, final ? 'failed' : 'pending', error, 30 * 2 ** row.attempts],
      );
      return;
    }
    await this.db.query(`UPDATE notification SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = $1 AND status = 'sending'`, [row.id]);
  }
}
