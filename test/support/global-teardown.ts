import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const db = (globalThis as unknown as { __embeddedPg?: { stop(): Promise<void> } }).__embeddedPg;
  if (db) await db.stop();
  const state = process.env.TEST_PG_STATE;
  if (state) rmSync(state.replace(/\/state\.json$/, ''), { recursive: true, force: true });
}
