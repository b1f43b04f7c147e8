import { DataSource, QueryRunner } from 'typeorm';

/** The SQLSTATE of a refused statement, whether TypeORM wrapped the driver's error or not. */
export const sqlState = (e: unknown): string | undefined => (e as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (e as { code?: string }).code;

/**
 * Two database sessions for each test of the enclosing describe (to interleave two transactions, e.g. a
 * delete racing an insert), rolled back and released after it. Read them inside a test: `sessions.a`.
 */
export function twoSessions(db: () => DataSource): { a: QueryRunner; b: QueryRunner } {
  const sessions = {} as { a: QueryRunner; b: QueryRunner };
  beforeEach(async () => {
    sessions.a = db().createQueryRunner();
    sessions.b = db().createQueryRunner();
    await sessions.a.connect();
    await sessions.b.connect();
  });
  afterEach(async () => {
    for (const r of [sessions.a, sessions.b]) {
      if (r.isTransactionActive) await r.rollbackTransaction().catch(() => undefined);
      await r.release();
    }
  });
  return sessions;
}
