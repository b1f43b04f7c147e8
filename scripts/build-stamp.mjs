// The build stamp: which inputs dist/ was compiled from. It holds a hash of every input file's path and content
// and, to answer "still fresh?" without reading them all, each file's size and mtime. The listing is only a fast
// path: when any size, mtime or name differs the contents are hashed and decide (a touched but unchanged file
// is fresh, and the listing is renewed), so an edited, added, deleted or renamed file, a changed .swcrc or swc
// version, or an interrupted build (no stamp) all rebuild.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const STAMP = join(ROOT, 'dist', '.build-stamp');
const INPUT_DIRS = ['src', 'migrations'];
const INPUT_FILES = ['.swcrc', 'scripts/build.mjs', 'scripts/build-stamp.mjs', 'node_modules/@swc/core/package.json'];

/** Input files, relative to the repository root, sorted. */
function inputFiles() {
  const under = (dir) =>
    existsSync(join(ROOT, dir))
      ? readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => join(dir, (e.parentPath ?? e.path).slice(join(ROOT, dir).length), e.name))
      : [];
  return [...INPUT_DIRS.flatMap(under).sort(), ...INPUT_FILES.filter((f) => existsSync(join(ROOT, f)))];
}

/** "path size mtime" per input file: equal listings mean untouched inputs. */
function listing(files) {
  return files.map((f) => {
    const s = statSync(join(ROOT, f));
    return `${f}\t${s.size}\t${s.mtimeMs}`;
  });
}

function contentHash(files) {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(ROOT, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function readStamp() {
  try {
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
    return typeof stamp?.hash === 'string' && Array.isArray(stamp.files) ? stamp : null;
  } catch {
    return null; // none yet, or an older format: stale
  }
}

/** What the stamp must say for the inputs there now (taken before compiling, written after). */
export function currentInputs() {
  const files = inputFiles();
  return { files: listing(files), hash: contentHash(files) };
}

export function writeStamp(inputs) {
  writeFileSync(STAMP, JSON.stringify(inputs));
}

/** True when dist/ was built from exactly the inputs there now. */
export function isFresh() {
  const stamp = readStamp();
  if (!stamp || !existsSync(join(ROOT, 'dist', 'main.js'))) return false;
  const files = inputFiles();
  const now = listing(files);
  if (now.length === stamp.files.length && now.every((line, i) => line === stamp.files[i])) return true;
  const hash = contentHash(files);
  if (hash !== stamp.hash) return false;
  writeStamp({ files: now, hash });
  return true;
}
