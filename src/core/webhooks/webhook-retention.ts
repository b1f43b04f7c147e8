import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_ENV } from '../config/config.module';
import { AppEnv } from '../config/env';
import { outageError } from '../database/outage';
import { rows } from '../database/sql';

/** Once a minute per process: the log grows by at most a minute of finished deliveries between sweeps. */
export const SWEEP_INTERVAL_MS = 60_000;
/** Rows per DELETE: a short statement and short row locks, however large the backlog. */
export const SWEEP_BATCH = 5000;
/**
 * Batches per sweep: 100,000 rows a minute per process, above the 500 deliveries/s one endpoint may take, so a
 * steady stream is kept up with; a larger backlog (the retention just lowered) is worked off over several minutes
 * instead of in one long burst of writes.
 */
export const SWEEP_MAX_BATCHES = 20;

/**
 * Deletes succeeded and failed webhook deliveries whose `finished_at` is older than WEBHOOK_DELIVERY_RETENTION_DAYS,
 * in batches, off the request path. Pending and sending rows are never touched (the partial index
 * IDX_webhook_delivery_finished holds only finished rows, oldest first, so a sweep reads no others). Safe with
 * several processes: each batch locks its rows with SKIP LOCKED, so concurrent sweeps delete disjoint rows and
 * never wait on each other or on the worker.
 */
@Injectable()
export class WebhookRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<number> | null = null;
  private stopped = true;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_ENV) private readonly env: AppEnv,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.db.isInitialized) return; // OpenAPI generation: no database, no sweep
    this.stopped = false;
    // The first sweep at a random point of the first interval: processes started together do not sweep in step.
    this.timer = setTimeout(() => this.tick(), Math.random() * SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.sweeping?.catch(() => undefined);
  }

  private tick(): void {
    if (this.stopped) return;
    void this.sweep()
      .catch((e) => {
        if (!outageError(e)) this.logger.error({ err: String((e as Error)?.message ?? e) }, 'webhook delivery retention sweep failed');
      })
      .finally(() => {
        if (this.stopped) return;
        this.timer = setTimeout(() => this.tick(), SWEEP_INTERVAL_MS);
        this.timer.unref();
      });
  }

  /** One sweep (a sweep already running in this process is joined, not doubled); returns the rows deleted. */
  sweep(): Promise<number> {
    this.sweeping ??= this.run().finally(() => {
      this.sweeping = null;
    });
    return this.sweeping;
  }

  private async run(): Promise<number> {
    let deleted = 0;
    for (let i = 0; i < SWEEP_MAX_BATCHES && !this.stopped; i++) {
      const [{ n }] = await rows<{ n: number }>(
        this.db,
        `WITH gone AS (DELETE FROM webhook_delivery
                        WHERE id IN (SELECT id FROM webhook_delivery
                                      WHERE status IN ('succeeded', 'failed') AND finished_at < now() - make_interval(days => $1)
                                      ORDER BY finished_at LIMIT $2 FOR UPDATE SKIP LOCKED)
                        RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
        [this.env.webhookDeliveryRetentionDays, SWEEP_BATCH],
      );
      deleted += n;
      if (n < SWEEP_BATCH) break;
    }
    if (deleted) this.logger.log({ deleted, retentionDays: this.env.webhookDeliveryRetentionDays }, 'webhook deliveries past retention deleted');
    return deleted;
  }
}
