import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, linkSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Who holds a DATA_DIR: enough to tell a live owner from a dead one whose pid was reused. */
interface Holder {
  pid: number;
  /** Kernel start time of the process (/proc/<pid>/stat field 22), Linux only. */
  start?: string;
  boot?: string;
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`DATA_DIR ${dataDir} is in use by pid ${pid}`);
  }
}

export interface DataDirLock {
  /** True when the previous owner died without releasing it (so what it left running is an orphan). */
  tookOverStale: boolean;
  release(): void;
}

const LOCK = 'server.pid';
/** A takeover that has not finished within this time was interrupted by a crash. */
const TAKEOVER_STALE_MS = 10_000;

function readOr(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
}

function startTime(pid: number): string | undefined {
  const stat = readOr(`/proc/${pid}/stat`);
  // The command name (field 2) may hold spaces and parentheses: count fields after its closing ")".
  return stat ? stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] : undefined;
}

function me(): Holder {
  return { pid: process.pid, start: startTime(process.pid), boot: readOr('/proc/sys/kernel/random/boot_id') };
}

function parse(text: string | undefined): Holder | null {
  try {
    const h = JSON.parse(text ?? '') as Holder;
    return Number.isInteger(h.pid) && h.pid > 0 ? h : null;
  } catch {
    return null;
  }
}

/** Alive, and the same process that wrote the file (not a later one that got the pid after a crash or reboot). */
function alive(h: Holder): boolean {
  try {
    process.kill(h.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (h.boot && h.boot !== readOr('/proc/sys/kernel/random/boot_id')) return false;
  if (h.start && existsSync('/proc/self/stat') && startTime(h.pid) !== h.start) return false;
  return true;
}

/** Creates `path` holding `text`, atomically: it appears complete or not at all (link() fails if it exists). */
function createComplete(path: string, text: string): boolean {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  const fd = openSync(temp, 'wx', 0o644);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    unlinkSync(temp);
  }
}

/**
 * One DATA_DIR belongs to one server: takes `DATA_DIR/server.pid` for this process, or throws
 * DataDirInUseError naming the live owner. A lock left by a dead process is taken over; two starts
 * racing for the same stale lock are serialised by a second lock file, so exactly one wins.
 * (A cluster primary takes it once for all its workers.)
 */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK);
  const takeover = `${path}.takeover`;
  const mine = me();
  const text = `${JSON.stringify(mine)}\n`;
  let tookOverStale = false;
  for (let attempt = 0; attempt < 50; attempt++) {
    if (createComplete(path, text)) {
      return {
        tookOverStale,
        release: () => {
          if (parse(readOr(path))?.pid === mine.pid) unlinkSync(path);
        },
      };
    }
    const holder = parse(readOr(path));
    if (holder && alive(holder)) throw new DataDirInUseError(dataDir, holder.pid);
    // Stale (or unreadable: our own writes are atomic, so that is not a start in progress).
    if (createComplete(takeover, text)) {
      try {
        const again = readOr(path);
        const h = parse(again);
        if (again !== undefined && !(h && alive(h))) {
          unlinkSync(path);
          tookOverStale = true;
        }
      } finally {
        unlinkSync(takeover);
      }
      continue;
    }
    try {
      if (Date.now() - statSync(takeover).mtimeMs > TAKEOVER_STALE_MS) unlinkSync(takeover);
    } catch {
      // gone already: the other start finished its takeover
    }
    // Another start is taking over right now: look again in a moment.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
  throw new Error(`could not take the lock ${path}`);
}
