import { Logger } from '@nestjs/common';

const PROBE_MS = 500;

function describe(e: unknown): string {
  const err = e as { code?: unknown; message?: unknown; driverError?: { code?: unknown; message?: unknown } };
  const code = err?.driverError?.code ?? err?.code;
  const message = err?.driverError?.message ?? err?.message ?? String(e);
  return typeof code === 'string' && !String(message).includes(code) ? `${code} ${message}` : String(message);
}

/**
 * Whether the database is reachable, as far as requests have seen: logs once when it becomes unreachable
 * and once when it answers again (found by a probe that runs only during an outage), instead of a line
 * per failed request. Requests never wait on this state: each one tries the database, so service
 * resumes with the first request after the database is back.
 */
export class DatabaseState {
  private down = false;
  private timer: NodeJS.Timeout | null = null;
  private probe: (() => Promise<unknown>) | null = null;
  private readonly logger = new Logger('Database');

  get isDown(): boolean {
    return this.down;
  }

  /** How the probe reaches the database (set by the app once its data source exists). */
  useProbe(probe: () => Promise<unknown>): void {
    this.probe = probe;
  }

  /** The app that set `probe` is closing (other apps of the same process, as in tests, keep theirs). */
  dropProbe(probe: () => Promise<unknown>): void {
    if (this.probe !== probe) return;
    this.probe = null;
    this.stopProbe();
  }

  unreachable(e: unknown): void {
    if (this.down) return;
    this.down = true;
    this.logger.warn(`database unreachable: ${describe(e)}; answering 503 until it is back`);
    this.startProbe();
  }

  reachable(): void {
    if (!this.down) return;
    this.down = false;
    this.stopProbe();
    this.logger.log('database reachable again');
  }

  private startProbe(): void {
    if (this.timer || !this.probe) return;
    let busy = false;
    this.timer = setInterval(() => {
      if (busy || !this.probe) return;
      busy = true;
      this.probe()
        .then(() => this.reachable())
        .catch(() => undefined)
        .finally(() => (busy = false));
    }, PROBE_MS);
    this.timer.unref();
  }

  private stopProbe(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

/** One per process: the exception filter, the auth guard and the health check all report to it. */
export const databaseState = new DatabaseState();
