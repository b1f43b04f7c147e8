/** @deprecated Import `rows` from src/core/database/sql; this re-export stays until enabley/users moves. */
export { poolRows, rows } from '../../core/database/sql';

/** A LIKE pattern matching `text` anywhere, with LIKE's wildcards escaped (case folded by the caller). */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
