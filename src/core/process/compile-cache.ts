import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import nodeModule from 'node:module';
import { dirname, join } from 'node:path';
import { Script, constants as vmConstants } from 'node:vm';
import { cachedDataVersionTag } from 'node:v8';

/**
 * A V8 code cache for the CommonJS modules a start loads (issue 13): compiling the ~1,500 modules of Nest,
 * TypeORM, class-validator and ours was ~300 ms of a cold start, and the garbage the compiler left ~70 ms more.
 * Node 22 has this built in (`module.enableCompileCache`), used when present; Node 20, which `engines` still
 * allows, has not, so the CommonJS loader's compile step is replaced by one that hands V8 the bytes it
 * produced last time. ES modules (Nest 12 itself) load as before. Everything is checked, nothing trusted: an
 * entry is keyed by the module's path and a hash of its exact source, the whole file by the Node and V8
 * versions, V8 rejects data from other flags itself, and any failure just compiles from source. The file is
 * rewritten (atomically) only after a start that compiled something new, after the server listens.
 */
export interface CompileCache {
  /** Writes the cache when this start compiled modules it did not hold; never throws. */
  save(): void;
}

const NONE: CompileCache = { save: () => undefined };
const nodeRequire = require;

interface LoaderModule {
  exports: unknown;
  require(id: string): unknown;
  _compile(content: string, filename: string, format?: string): unknown;
}
interface LoaderStatics {
  prototype: LoaderModule;
  wrap(content: string): string;
  _resolveFilename(request: string, parent: LoaderModule, isMain: boolean, options?: unknown): string;
  _resolveLookupPaths(request: string, parent: LoaderModule): string[] | null;
  _extensions: unknown;
  _cache: unknown;
}

function stamp(): string {
  return `${process.version} ${cachedDataVersionTag()}`;
}

/** The entries of a cache file: [header length][JSON {stamp, entries: [key, length][]}][data ...]. */
function read(file: string): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  try {
    const blob = readFileSync(file);
    const headerLength = blob.readUInt32LE(0);
    const header = JSON.parse(blob.subarray(4, 4 + headerLength).toString('utf8')) as { stamp: string; entries: [string, number][] };
    if (header.stamp !== stamp()) return entries;
    let offset = 4 + headerLength;
    for (const [key, length] of header.entries) {
      entries.set(key, blob.subarray(offset, offset + length));
      offset += length;
    }
  } catch {
    entries.clear(); // none yet, unreadable or cut short: compile from source
  }
  return entries;
}

/** Installs the cache kept in the folder `dir` for every CommonJS module loaded from now on. */
export function enableCompileCache(dir: string): CompileCache {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return NONE; // Node 22's switch, honoured here too
  const builtIn = (nodeModule as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache;
  if (typeof builtIn === 'function') {
    builtIn(dir);
    return NONE;
  }
  const file = join(dir, 'commonjs.bin');
  const Module = nodeModule as unknown as LoaderStatics;
  const original = Module.prototype._compile;
  // Node marks a module as executing (it tells a require() cycle through an ES module apart); the same mark here.
  const executing = Object.getOwnPropertySymbols(module).find((s) => s.description === 'kIsExecuting');
  const cached = read(file);
  const compiled = new Map<string, Script>();
  let fresh = 0;

  Module.prototype._compile = function compile(this: LoaderModule, content: string, filename: string, format?: string) {
    if (format === 'module' || !/\.c?js$/.test(filename)) return original.call(this, content, filename, format);
    const key = createHash('sha1').update(filename).update('\0').update(content).digest('base64');
    const cachedData = cached.get(key);
    let script: Script;
    try {
      script = new Script(Module.wrap(content), { filename, cachedData, importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
    } catch {
      // An ES module in a .js file, a hashbang line, a real syntax error: Node's own compile decides and reports.
      return original.call(this, content, filename, format);
    }
    if (!cachedData || script.cachedDataRejected) fresh++;
    compiled.set(key, script);
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
    const mod = this;
    const require = Object.assign((id: string) => mod.require(id), {
      resolve: Object.assign((request: string, options?: unknown) => Module._resolveFilename(request, mod, false, options), {
        paths: (request: string) => Module._resolveLookupPaths(request, mod),
      }),
      main: nodeRequire.main,
      extensions: Module._extensions,
      cache: Module._cache,
    });
    const marked = mod as unknown as Record<symbol, boolean>;
    if (executing) marked[executing] = true;
    try {
      return wrapper.call(mod.exports, mod.exports, require, mod, filename, dirname(filename));
    } finally {
      if (executing) marked[executing] = false;
    }
  };

  return {
    save() {
      const scripts = [...compiled];
      compiled.clear(); // once per process: later modules (the Swagger UI's) are not worth a rewrite
      if (fresh === 0) return;
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(dir, { recursive: true });
        const data = scripts.map(([key, script]) => [key, script.createCachedData()] as const);
        const header = Buffer.from(JSON.stringify({ stamp: stamp(), entries: data.map(([key, bytes]) => [key, bytes.length]) }));
        const length = Buffer.alloc(4);
        length.writeUInt32LE(header.length);
        writeFileSync(temporary, Buffer.concat([length, header, ...data.map(([, bytes]) => bytes)]));
        renameSync(temporary, file);
      } catch {
        // A read-only build folder: every start compiles from source, as before.
        rmSync(temporary, { force: true });
      }
    },
  };
}
