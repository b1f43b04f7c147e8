import { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';

/**
 * TypeORM's postgres `query()` answers UPDATE/DELETE … RETURNING as [rows, affectedCount] but
 * SELECT/INSERT as rows; this gives the rows either way.
 */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

export interface RowsOptions {
  /**
   * Names a hot read on the data source (not inside a transaction): it then goes straight to the pg pool,
   * without TypeORM's per-query runner, which costs about a third of the throughput of a one-row lookup, and
   * is parsed and planned once per connection, then only executed. Behind a transaction-pooling PgBouncer
   * (DATABASE_POOL_MODE=transaction, which turns the pool's `preparedStatements` off) the name is dropped,
   * because the next statement may reach a server connection that never saw it.
   */
  name?: string;
}

/** Runs one parameterized statement and returns its rows, whatever the command. */
export async function rows<T = Record<string, unknown>>(
  db: DataSource | EntityManager,
  sql: string,
  params: unknown[] = [],
  options: RowsOptions = {},
): Promise<T[]> {
  if (options.name && db instanceof DataSource) {
    // PostgresDriver.master is the driver's public pg Pool.
    const pool = (db.driver as unknown as { master?: Pool }).master;
    if (pool) {
      const named = (pool.options as { preparedStatements?: boolean }).preparedStatements !== false;
      const result = named ? await pool.query({ name: options.name, text: sql, values: params }) : await pool.query(sql, params);
      return result.rows as T[];
    }
  }
  return returnedRows<T>(await db.query(sql, params));
}
