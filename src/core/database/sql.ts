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

/** Runs one parameterized statement and returns its rows, whatever the command. */
export async function rows<T = Record<string, unknown>>(db: DataSource | EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  return returnedRows<T>(await db.query(sql, params));
}

/**
 * The pg pool under the data source, for hot read paths: a plain parameterized query without
 * TypeORM's per-query runner, which costs about a third of the throughput of a one-row lookup.
 * With a name, the statement is parsed and planned once per connection, then only executed; not through a
 * transaction-pooling PgBouncer (DATABASE_POOL_MODE=transaction), where the next statement may reach a server
 * connection that never saw the name.
 */
export async function poolRows<T>(db: DataSource, sql: string, params: unknown[], preparedName?: string): Promise<T[]> {
  // PostgresDriver.master is the driver's public pg Pool.
  const pool = (db.driver as unknown as { master?: Pool }).master;
  if (!pool) return rows<T>(db, sql, params);
  const named = preparedName && (pool.options as { preparedStatements?: boolean }).preparedStatements !== false;
  const result = named ? await pool.query({ name: preparedName, text: sql, values: params }) : await pool.query(sql, params);
  return result.rows as T[];
}
