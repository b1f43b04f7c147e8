import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The real server as an operator runs it: `node dist/main.js` in its own process (the build comes from
 * `npm test`'s build step), so signals, exit codes, locks and restarts are the real ones.
 */
export interface ServerProcess {
  proc: ChildProcess;
  port: number;
  url: string;
  env: Record<string, string>;
  /** Everything the process wrote to stdout and stderr so far. */
  output: () => string;
  /** Resolves with the exit code (or the signal name) once the process has ended. */
  exited: Promise<number | string>;
  /** Sends the signal and waits for the exit. */
  stop: (signal?: NodeJS.Signals) => Promise<number | string>;
}

const ROOT = resolve(__dirname, '..', '..');

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => done(port));
    });
  });
}

/** A fresh DATA_DIR; 0711 so that, as root, the postgres user PostgreSQL runs as can reach its cluster. */
export const tempDataDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'las-proc-'));
  chmodSync(dir, 0o711);
  return dir;
};

/**
 * Spawns the server with the given environment (PORT is chosen free unless given) and, unless
 * `waitForHealth` is false, waits until GET /health/live or /health answers 200.
 */
export async function startServer(
  env: Record<string, string>,
  opts: { waitForHealth?: boolean; timeoutMs?: number; /** Its own process group, so a test can signal the group (as a terminal or systemd does). */ detached?: boolean } = {},
): Promise<ServerProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const fullEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    LOG_LEVEL: 'warn',
    JWT_SECRET: 'process-test-secret-process-test-secret',
    ...env,
    PORT: String(port),
  };
  const proc = spawn(process.execPath, [join(ROOT, 'dist', 'main.js')], { cwd: ROOT, env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: opts.detached ?? false });
  let out = '';
  proc.stdout!.on('data', (d) => (out += String(d)));
  proc.stderr!.on('data', (d) => (out += String(d)));
  const exited = new Promise<number | string>((done) => proc.on('exit', (code, signal) => done(code ?? signal ?? -1)));
  const server: ServerProcess = {
    proc,
    port,
    url: `http://127.0.0.1:${port}`,
    env: fullEnv,
    output: () => out,
    exited,
    stop: async (signal = 'SIGTERM') => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
  };
  if (opts.waitForHealth === false) return server;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  let ended = false;
  void exited.then(() => (ended = true));
  while (Date.now() < deadline && !ended) {
    try {
      const res = await fetch(`${server.url}/health`);
      if (res.status === 200) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await server.stop('SIGKILL');
  throw new Error(`server did not become healthy on port ${port}:\n${out}`);
}
