import { readFileSync, rmSync } from 'node:fs';
import { stopPgBouncer } from './pgbouncer';

export default async function globalTeardown(): Promise<void> {
  const db = (globalThis as unknown as { __embeddedPg?: { stop(): Promise<void> } }).__embeddedPg;
  if (db) await db.stop();
  const state = process.env.TEST_PG_STATE;
  const pgbouncer = state ? (JSON.parse(readFileSync(state, 'utf8')) as { pgbouncer?: { pidFile: string } }).pgbouncer : undefined;
  if (pgbouncer) stopPgBouncer(pgbouncer.pidFile);
  if (state) rmSync(state.replace(/\/state\.json$/, ''), { recursive: true, force: true });
}
