import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * TEST_PGBOUNCER=1 puts a transaction-pooling PgBouncer (Debian package `pgbouncer`) between every test app
 * and PostgreSQL, so the whole route suite proves the server keeps no session state outside transactions.
 * A check to run by hand (`TEST_PGBOUNCER=1 npx jest`); CI runs the suite directly.
 */
export function startPgBouncer(dir: string, postgresUrl: string, port: number): { pidFile: string } {
  const u = new URL(postgresUrl);
  writeFileSync(join(dir, 'userlist.txt'), `"${decodeURIComponent(u.username)}" "${decodeURIComponent(u.password)}"\n`);
  writeFileSync(
    join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${u.hostname} port=${u.port}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = plain',
      `auth_file = ${join(dir, 'userlist.txt')}`,
      'pool_mode = transaction',
      'max_client_conn = 2000',
      'default_pool_size = 10',
      'max_db_connections = 10',
      'ignore_startup_parameters = extra_float_digits,options',
      `pidfile = ${join(dir, 'pgbouncer.pid')}`,
      `logfile = ${join(dir, 'pgbouncer.log')}`,
    ].join('\n'),
  );
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['postgres', dir, join(dir, 'userlist.txt'), join(dir, 'pgbouncer.ini')]);
  execFileSync('pgbouncer', ['-d', ...(asRoot ? ['-u', 'postgres'] : []), join(dir, 'pgbouncer.ini')]);
  return { pidFile: join(dir, 'pgbouncer.pid') };
}

export function stopPgBouncer(pidFile: string): void {
  try {
    process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGTERM');
  } catch {
    // already gone
  }
}
