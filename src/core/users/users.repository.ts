import { EntityManager } from 'typeorm';
import { rows } from '../database/sql';

/**
 * Which user of an account a write reaches: by id or by identifier. `superusers: false` leaves the platform
 * administrators out of reach (a dialect whose users are the account's members only, e.g. Enabley).
 */
export type UserRef = ({ id: string } | { identifier: string }) & { superusers: boolean };

/** Builds the WHERE of a write on one user; the account is $1 and the key $2. */
function whereOf(ref: UserRef): { sql: string; key: string } {
  const byId = 'id' in ref;
  return {
    sql: `account_id = $1 AND ${byId ? 'id = $2' : 'identifier = $2'}${ref.superusers ? '' : ' AND NOT is_superuser'}`,
    key: byId ? ref.id : ref.identifier,
  };
}

/**
 * The statements that write "user" outside the entity's own save/update (set-based or keyed by something
 * other than the id), so UsersService holds the decisions and this file the SQL.
 */
export const usersRepository = {
  /** Deletes the user; returns its id, or null when no user matched. Everything referencing it cascades. */
  async delete(m: EntityManager, accountId: string, ref: UserRef): Promise<string | null> {
    const where = whereOf(ref);
    const deleted = await rows<{ id: string }>(m, `DELETE FROM "user" WHERE ${where.sql} RETURNING id`, [accountId, where.key]);
    return deleted[0]?.id ?? null;
  },

  /** Sets the identifier; returns the user's id, or null when no user matched. A taken identifier raises the unique violation. */
  async setIdentifier(m: EntityManager, accountId: string, ref: UserRef, identifier: string): Promise<string | null> {
    const where = whereOf(ref);
    const updated = await rows<{ id: string }>(
      m,
      `UPDATE "user" SET identifier = $3, updated_at = now() WHERE ${where.sql} RETURNING id`,
      [accountId, where.key, identifier],
    );
    return updated[0]?.id ?? null;
  },

  /** Deactivates these users of the account in one statement; returns the ids that were active. */
  async deactivate(m: EntityManager, accountId: string, ids: string[]): Promise<string[]> {
    const changed = await rows<{ id: string }>(
      m,
      `UPDATE "user" SET is_active = false, updated_at = now() WHERE account_id = $1 AND id = ANY($2::uuid[]) AND is_active RETURNING id`,
      [accountId, ids],
    );
    return changed.map((r) => r.id);
  },
};
