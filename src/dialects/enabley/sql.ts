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
