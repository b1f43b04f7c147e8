import { Client } from 'pg';

/** The channel the webhook triggers NOTIFY (once per statement that queued deliveries). */
export const WEBHOOK_CHANNEL = 'las_webhook';
const RETRY_MS = 2_000;

/**
 * Wakes the delivery worker of every process when any process commits new deliveries. Only a shortcut:
 * the worker also polls, so a lost connection delays deliveries by at most a poll interval and is
 * simply reopened. Its own connection, since a transaction-pooling PgBouncer cannot carry LISTEN.
 */
export class WebhookWakeup {
  private client: Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly onWake: () => void,
  ) {}

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    if (client) await client.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.url, keepAlive: true, application_name: 'las-webhook-wakeup' });
    this.client = client;
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      this.retry = setTimeout(() => void this.connect(), RETRY_MS);
      this.retry.unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (msg) => {
      if (msg.channel === WEBHOOK_CHANNEL) this.onWake();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${WEBHOOK_CHANNEL}`);
      if (this.client !== client) void client.end().catch(() => undefined);
    } catch {
      lost();
    }
  }
}
