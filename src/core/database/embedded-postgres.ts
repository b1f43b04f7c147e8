import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { EmbeddedStartError, PostgresUser, canEnter, firstBlocked, postgresBinaries } from './embedded-postgres-binaries';

export { EmbeddedStartError } from './embedded-postgres-binaries';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** Extra server settings, e.g. fsync=off for tests. */
  settings?: Record<string, string>;
  database?: string;
  /** A fixed port (a restart on the same port); default a free one. */
  port?: number;
  log?: (line: string) => void;
  /**
   * A PostgreSQL still running on this cluster: 'stop' it (the server does so once it holds the DATA_DIR
   * lock, which proves that PostgreSQL's owner is dead) or 'refuse' to start (default).
   */
  orphan?: 'stop' | 'refuse';
  /**
   * Called once PostgreSQL (or initdb) runs as a child process: the caller may do synchronous work meanwhile
   * (main.ts loads the application's modules), the child starts all the same.
   */
  onLaunched?: () => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The postmaster pid recorded in the cluster, when that process is still alive. */
function livePostmaster(pgDir: string): number | null {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
}

async function stopPid(pid: number): Promise<void> {
  process.kill(pid, 'SIGINT'); // fast shutdown
  for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(100);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

/**
 * As root the cluster belongs to the postgres user, who must be able to reach it. We never loosen the
 * permissions of the user's folders: an unreachable DATA_DIR is refused with the folder to fix.
 */
function prepareClusterDir(dataDir: string, pgDir: string, user: PostgresUser | null): void {
  mkdirSync(dataDir, { recursive: true });
  if (user && !canEnter(user, dataDir) && firstBlocked(user, dataDir) === dataDir && statSync(dataDir).uid === process.getuid?.()) {
    // DATA_DIR is the server's own folder (e.g. a fresh `mktemp -d`, mode 0700): PostgreSQL only needs to pass
    // through it to its cluster, so it gets traverse (o+x) and nothing else; its files keep their own modes.
    chmodSync(dataDir, statSync(dataDir).mode | 0o001);
  }
  if (user && !canEnter(user, dataDir)) {
    throw new EmbeddedStartError(
      `DATA_DIR ${dataDir} is not reachable by the unprivileged user "${user.name}" PostgreSQL runs as (root cannot run PostgreSQL): ` +
        `${firstBlocked(user, dataDir)} does not let it through; set DATA_DIR to a folder it can reach (e.g. under /var/lib or /srv)`,
    );
  }
  mkdirSync(pgDir, { recursive: true, mode: 0o700 });
  if (user && statSync(pgDir).uid !== user.uid) chownSync(pgDir, user.uid, user.gid);
  if ((statSync(pgDir).mode & 0o077) !== 0) chmodSync(pgDir, 0o700);
}

function run(cmd: string, args: string[], user: PostgresUser | null, onLine: (l: string) => void): ChildProcess {
  const child = spawn(cmd, args, {
    // Its own process group: a signal to ours (Ctrl-C, `kill -- -pgid`, systemd) reaches the server, which
    // drains its requests and then stops PostgreSQL itself, instead of PostgreSQL dying under them.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C', LC_ALL: 'C' },
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
  });
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      for (const l of lines) if (l.trim()) onLine(l.trim());
    });
  }
  return child;
}

async function initdb(bin: string, dataDir: string, pgDir: string, user: PostgresUser | null, log: (l: string) => void): Promise<void> {
  // The password file must be readable by the postgres user: next to the cluster, removed right after.
  const pwfile = join(dataDir, `.pg-pwfile-${randomBytes(6).toString('hex')}`);
  writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
  if (user) chownSync(pwfile, user.uid, user.gid);
  const lines: string[] = [];
  try {
    const args = [`--pgdata=${pgDir}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C'];
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = run(bin, args, user, (l) => {
        lines.push(l);
        log(l);
      });
      child.on('error', reject).on('close', resolve);
    });
    if (code !== 0) throw new EmbeddedStartError(`initdb failed (exit ${code}): ${lines.slice(-3).join(' | ')}`);
  } finally {
    rmSync(pwfile, { force: true });
  }
}

/** Starts postgres and resolves once it accepts connections; rejects with its last words if it exits first. */
function startPostmaster(
  bin: string,
  pgDir: string,
  port: number,
  flags: string[],
  user: PostgresUser | null,
  log: (l: string) => void,
  onLaunched?: () => void,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const recent: string[] = [];
    let ready = false;
    const child = run(bin, ['-D', pgDir, '-p', String(port), ...flags], user, (l) => {
      recent.push(l);
      if (recent.length > 5) recent.shift();
      log(l);
      if (!ready && l.includes('database system is ready to accept connections')) {
        ready = true;
        clearTimeout(timer);
        resolve(child);
      }
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new EmbeddedStartError(`PostgreSQL did not start within ${START_TIMEOUT_MS / 1000}s: ${recent.join(' | ')}`));
    }, START_TIMEOUT_MS);
    onLaunched?.();
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new EmbeddedStartError(`PostgreSQL could not be started: ${e.message}`));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!ready) reject(new EmbeddedStartError(`PostgreSQL exited during start (${signal ?? `exit ${code}`}): ${recent.filter((l) => /FATAL|ERROR|PANIC/.test(l)).join(' | ') || recent.join(' | ')}`));
    });
  });
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

/**
 * Starts a real PostgreSQL (the binaries of the embedded-postgres package) with its cluster under
 * `<dataDir>/pg`, initialising it on first use and reusing it afterwards. It runs in its own process
 * group and is stopped only by stop() (or, as a last resort, when this process exits).
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const pgDir = join(opts.dataDir, 'pg');
  const log = opts.log ?? (() => undefined);
  const bin = postgresBinaries();
  prepareClusterDir(opts.dataDir, pgDir, bin.user);
  const running = livePostmaster(pgDir);
  if (running !== null) {
    if (opts.orphan !== 'stop') throw new EmbeddedStartError(`a PostgreSQL (pid ${running}) is already running on ${pgDir}`);
    log(`stopping the PostgreSQL (pid ${running}) left behind on ${pgDir} by a server that is gone`);
    await stopPid(running);
  }
  if (!existsSync(join(pgDir, 'PG_VERSION'))) await initdb(bin.initdb, opts.dataDir, pgDir, bin.user, log);
  const port = opts.port ?? (await freePort());
  const settings = { listen_addresses: '127.0.0.1', unix_socket_directories: '', ...opts.settings };
  const flags = Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  const child = await startPostmaster(bin.postgres, pgDir, port, flags, bin.user, log, opts.onLaunched);
  // If this process ends without stop() (a crash, process.exit), PostgreSQL is asked to shut down too.
  const onExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
  };
  process.on('exit', onExit);
  const exited = new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.on('exit', () => resolve())));
  const database = opts.database ?? 'app';
  try {
    await ensureDatabase(port, database);
  } catch (e) {
    child.kill('SIGINT');
    await exited;
    throw e;
  }
  let stopping: Promise<void> | null = null;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () =>
      (stopping ??= (async () => {
        process.off('exit', onExit);
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGINT'); // fast shutdown: our pool is closed by now, this only skips waiting for others
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      })()),
  };
}

/** A fresh temporary DATA_DIR the postgres user can enter (mkdtemp makes 0700 folders). */
export function reachableTempDir(parent: string, prefix: string): string {
  const dir = join(parent, `${prefix}${randomBytes(6).toString('hex')}`);
  mkdirSync(dir, { mode: 0o711 });
  chmodSync(dir, 0o711);
  return dir;
}
