import { Pool } from 'pg';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs one parameterized statement and returns its rows, whatever the command (TypeORM answers
 * UPDATE/DELETE with [rows, rowCount]).
 */
export async function rows<T = Record<string, unknown>>(db: DataSource | EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const r: unknown = await db.query(sql, params);
  if (Array.isArray(r) && r.length === 2 && Array.isArray(r[0]) && typeof r[1] === 'number') return r[0] as T[];
  return r as T[];
}

/** A LIKE pattern matching `text` anywhere, with LIKE's wildcards escaped (case folded by the caller). */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The pg pool under the data source, for the hot read paths: a plain parameterized query without
 * TypeORM's per-query runner, which costs about a third of the throughput of a one-row lookup.
 */
export async function poolRows<T>(db: DataSource, sql: string, params: unknown[], preparedName?: string): Promise<T[]> {
  // PostgresDriver.master is the driver's public pg Pool.
  const pool = (db.driver as unknown as { master?: Pool }).master;
  if (!pool) return rows<T>(db, sql, params);
  // A named statement is parsed and planned once per connection, then only executed.
  const result = preparedName ? await pool.query({ name: preparedName, text: sql, values: params }) : await pool.query(sql, params);
  return result.rows as T[];
}
