import cluster, { Worker } from 'node:cluster';

export interface PrimaryOptions {
  /** How many server processes share the port. */
  workers: number;
  /** Added to every worker's environment: the resolved database URL and JWT secret, so workers agree on both. */
  workerEnv: Record<string, string>;
  /** How long a worker may take to drain after SIGTERM before it is killed. */
  shutdownTimeoutMs: number;
  say: (line: string) => void;
  /** Runs once every worker has exited: stops the embedded PostgreSQL and releases DATA_DIR. */
  release: () => Promise<void>;
}

/** A worker that dies sooner than this after its start counts as a crash loop and waits longer before the next. */
const QUICK_DEATH_MS = 5_000;
const MAX_RESPAWN_DELAY_MS = 10_000;

/**
 * The primary of `WEB_CONCURRENCY` > 1: it owns what must exist once (DATA_DIR, the embedded PostgreSQL, the
 * migrations, which the first worker runs alone before the others start) and keeps N workers listening on one port.
 * A worker that dies is replaced; SIGTERM/SIGINT drain every worker (each runs the single-process shutdown), then
 * the database stops and the primary exits 0.
 */
export async function runPrimary(opts: PrimaryOptions): Promise<void> {
  let stopping = false;
  let respawnDelay = 0;
  const startedAt = new Map<number, number>();
  const fork = (): Worker => {
    const worker = cluster.fork(opts.workerEnv);
    startedAt.set(worker.id, Date.now());
    return worker;
  };

  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    opts.say(`${signal}: draining ${Object.keys(cluster.workers ?? {}).length} server processes`);
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w));
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) return resolve();
            const kill = setTimeout(() => w.process.kill('SIGKILL'), opts.shutdownTimeoutMs + 5_000);
            w.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            w.process.kill('SIGTERM');
          }),
      ),
    );
    await opts.release();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const first = fork();
  const firstExit = await new Promise<number | null>((resolve) => {
    first.once('listening', () => resolve(null));
    first.once('exit', (code) => resolve(code ?? 1));
  });
  if (stopping) return;
  if (firstExit !== null) {
    await opts.release();
    process.exit(firstExit || 1);
  }
  for (let i = 1; i < opts.workers; i++) fork();
  opts.say(`${opts.workers} server processes share the port (WEB_CONCURRENCY)`);

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    if (stopping) return;
    respawnDelay = lived < QUICK_DEATH_MS ? Math.min(MAX_RESPAWN_DELAY_MS, Math.max(500, respawnDelay * 2)) : 0;
    opts.say(`server process ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting a replacement${respawnDelay ? ` in ${respawnDelay} ms` : ''}`);
    setTimeout(() => !stopping && fork(), respawnDelay);
  });
}
