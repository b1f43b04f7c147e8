import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ServerProcess, startServer, tempDataDir } from '../support/server-process';

/** The node worker processes of a cluster primary (its other child is the embedded PostgreSQL). */
function workerPids(primary: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        const stat = readFileSync(join('/proc', pid, 'stat'), 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return ppid === primary && readFileSync(join('/proc', pid, 'cmdline'), 'utf8').includes('main.js');
      } catch {
        return false;
      }
    })
    .map(Number);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until<T>(what: string, probe: () => T | undefined | false, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('WEB_CONCURRENCY: several server processes on one port', () => {
  let server: ServerProcess;
  afterEach(async () => {
    await server?.stop('SIGKILL');
  });

  it('runs N workers over one embedded PostgreSQL, replaces a dead worker, and drains them all on SIGTERM', async () => {
    server = await startServer({ WEB_CONCURRENCY: '2', DATA_DIR: tempDataDir(), API_CLIENT_ID: 'wc-client', API_CLIENT_SECRET: 'wc-client-secret-1' });
    const primary = server.proc.pid!;
    const workers = await until('two workers', () => (workerPids(primary).length === 2 ? workerPids(primary) : false));

    const token = async () =>
      (
        await fetch(`${server.url}/oauth2/access_token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'grant_type=client_credentials&client_id=wc-client&client_secret=wc-client-secret-1',
        })
      ).status;
    expect(await Promise.all(Array.from({ length: 6 }, token))).toEqual(Array(6).fill(200));

    process.kill(workers[0], 'SIGKILL');
    const replaced = await until('a replacement worker', () => {
      const now = workerPids(primary);
      return now.length === 2 && !now.includes(workers[0]) ? now : false;
    });
    expect(replaced).toContain(workers[1]);
    await until('the replacement to listen', () => server.output().split('listening on').length - 1 >= 3);
    expect(await token()).toBe(200);

    const postgres = readFileSync(join(server.env.DATA_DIR, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0];
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(replaced.some(alive)).toBe(false);
    expect(alive(Number(postgres))).toBe(false);
    expect(server.output()).toContain('starting a replacement');
    expect(server.output()).not.toMatch(/failed|ERROR/);
  });

  it('refuses a value that is neither a number nor auto, in one line', async () => {
    server = await startServer({ WEB_CONCURRENCY: 'lots', DATA_DIR: tempDataDir() }, { waitForHealth: false });
    expect(await server.exited).toBe(1);
    expect(server.output().trim()).toBe('configuration error: WEB_CONCURRENCY must be a number of processes (1-64) or "auto", got "lots"');
  });
});
