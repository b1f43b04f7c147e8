import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServerProcess, startServer, tempDataDir } from '../support/server-process';
import { BOOTSTRAP, clientToken, freshDatabase, lines } from './helpers';

const lockOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'server.pid'), 'utf8')) as { pid: number; start?: string };
const postmasterPid = (dir: string) => Number(readFileSync(join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('one server per DATA_DIR', () => {
  const dir = tempDataDir();
  let first: ServerProcess | undefined;
  let third: ServerProcess | undefined;

  afterAll(async () => {
    await first?.stop('SIGKILL');
    await third?.stop();
  });

  it('a second start on the same DATA_DIR (another port) is refused in one line and leaves the first untouched', async () => {
    first = await startServer({ DATA_DIR: dir, ...BOOTSTRAP });
    const pg = postmasterPid(dir);
    const second = await startServer({ DATA_DIR: dir, ...BOOTSTRAP }, { waitForHealth: false });
    expect(await second.exited).toBe(1);
    expect(lines(second.output())).toEqual([`failed to start: DATA_DIR ${dir} is in use by pid ${first.proc.pid}`]);
    // The first server's PostgreSQL still runs, and the first server still answers.
    expect(postmasterPid(dir)).toBe(pg);
    expect(alive(pg)).toBe(true);
    expect((await fetch(`${first.url}/health`)).status).toBe(200);
    expect(await clientToken(first)).toEqual(expect.any(String));
    expect(lockOf(dir).pid).toBe(first.proc.pid);
  });

  it('the lock of a killed server is taken over, and only then is its orphaned PostgreSQL stopped', async () => {
    const orphan = postmasterPid(dir);
    await first!.stop('SIGKILL');
    first = undefined;
    expect(alive(orphan)).toBe(true); // PostgreSQL outlived its server
    third = await startServer({ DATA_DIR: dir, ...BOOTSTRAP });
    expect(third.output()).toMatch(`stopping the PostgreSQL (pid ${orphan}) left behind`);
    expect(alive(orphan)).toBe(false);
    expect(lockOf(dir).pid).toBe(third.proc.pid);
    expect(await clientToken(third)).toEqual(expect.any(String));
    expect(await third.stop()).toBe(0);
    expect(() => readFileSync(join(dir, 'server.pid'))).toThrow(); // released on a clean exit
  });

  it('a lock naming a dead pid, or a live pid that is another process (pid reused), is stale', async () => {
    const other = tempDataDir();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const database = await freshDatabase();
    const db = { DATABASE_URL: database.url };
    for (const stale of [{ pid: dead }, { pid: process.pid, start: '1' }]) {
      writeFileSync(join(other, 'server.pid'), JSON.stringify(stale));
      const server = await startServer({ DATA_DIR: other, ...db });
      expect(lockOf(other).pid).toBe(server.proc.pid);
      expect(await server.stop()).toBe(0);
    }
    await database.drop();
  });
});
