import { DataSource, Migration, MigrationExecutor } from 'typeorm';

/** Any constant shared by every instance of this server; "LASMIGR1" in ASCII. */
export const MIGRATION_LOCK_KEY = '5494411784870201649';

/**
 * Runs the pending migrations once however many instances start at the same moment: one transaction
 * takes a transaction-scoped advisory lock (it works through PgBouncer in transaction mode, unlike a
 * session lock), then runs every pending migration inside that same transaction and commits. A second
 * instance waits on the lock, then finds nothing pending. TypeORM's own `migrationsRun` has no lock, so
 * concurrent starts raced on the catalog ("duplicate key ... pg_type_typname_nsp_index").
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<Migration[]> {
  const runner = dataSource.createQueryRunner('master');
  try {
    await runner.startTransaction();
    await runner.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    const executor = new MigrationExecutor(dataSource, runner);
    // "all" with a transaction already open on the runner: TypeORM neither starts nor commits one,
    // and refuses a migration that asks for its own transaction mode (none of ours does).
    executor.transaction = 'all';
    const done = await executor.executePendingMigrations();
    await runner.commitTransaction();
    return done;
  } catch (e) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw e;
  } finally {
    await runner.release();
  }
}
