import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

/** The script the child runs: the built startEmbeddedPostgres, its log on stdout, stopped on SIGTERM. */
const SCRIPT = `
const { startEmbeddedPostgres } = require(${JSON.stringify(join(ROOT, 'dist', 'core', 'database', 'embedded-postgres.js'))});
const opts = JSON.parse(process.env.PG_OPTS);
startEmbeddedPostgres({ ...opts, log: (l) => process.stdout.write('LOG ' + l.replace(/\\n/g, ' ') + '\\n') }).then((db) => {
  process.stdout.write('URL ' + db.url + '\\n');
  process.on('SIGTERM', () => db.stop().finally(() => process.exit(0)));
}, (e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
`;

export interface PostgresProcess {
  url: string;
  /** Every line the server logged so far. */
  log: () => string[];
  stop: () => Promise<void>;
}

/**
 * startEmbeddedPostgres in a child process: embedded-postgres is an ES module, which jest's CommonJS
 * runtime cannot load in a test file (global-setup runs outside it). Needs a current dist/.
 */
export function startPostgresProcess(opts: { dataDir: string; settings?: Record<string, string> }): Promise<PostgresProcess> {
  const child = spawn(process.execPath, ['-e', SCRIPT], { cwd: ROOT, env: { ...process.env, PG_OPTS: JSON.stringify(opts) }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let pending = '';
  let err = '';
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  return new Promise((ready, fail) => {
    child.stderr!.on('data', (d) => (err += String(d)));
    child.on('exit', (code) => fail(new Error(`embedded PostgreSQL exited (${code}): ${err}`)));
    child.stdout!.on('data', (d) => {
      pending += String(d);
      const parts = pending.split('\n');
      pending = parts.pop()!;
      for (const line of parts) {
        if (line.startsWith('URL ')) {
          ready({
            url: line.slice(4),
            log: () => lines,
            stop: async () => {
              child.kill('SIGTERM');
              await exited;
            },
          });
        } else lines.push(line);
      }
    });
  });
}
