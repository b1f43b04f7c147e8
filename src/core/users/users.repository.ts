import { DataSource, EntityManager } from 'typeorm';
import { rows } from '../database/sql';

/** The column values of a new "user" row, as UsersService prepares them (rules checked, password hashed). */
export interface NewUserRow {
  accountId: string;
  identifier: string;
  username: string;
  usernameKey: string;
  email: string | null;
  firstName: string;
  lastName: string;
  fullName: string;
  isActive: boolean;
  isSuperuser: boolean;
  passwordHash: string | null;
}

/** What else the inserting statement does: CTEs over `ins` and the final SELECT, with their own parameters after the row's. */
export interface InsertFollowUp {
  ctes: string[];
  select: string;
  params: unknown[];
  /** A prepared-statement name (sql.ts): the statement text must then be the same on every call. */
  name?: string;
}

/** The number of parameters insertIfAbsent uses itself: a follow-up's parameters start at $12. */
export const NEW_USER_PARAMS = 11;

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

  /**
   * Inserts the user unless its account already has a user with that identifier or the row would break any
   * unique index (then nothing is inserted, no sequence value is taken for the identifier case, and the
   * follow-up CTEs see an empty `new_user`): one statement, so it commits on its own. Returns the follow-up's rows.
   */
  insertIfAbsent<T>(db: DataSource | EntityManager, row: NewUserRow, follow: InsertFollowUp): Promise<T[]> {
    const ctes = follow.ctes.map((c) => `,\n${c}`).join('');
    return rows<T>(
      db,
      `WITH new_user AS (
         INSERT INTO "user" (account_id, identifier, username, username_key, email, first_name, last_name, full_name, is_active, is_superuser, password_hash)
         SELECT $1::uuid, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, $8::text, $9::boolean, $10::boolean, $11::text
          WHERE NOT EXISTS (SELECT 1 FROM "user" WHERE account_id = $1::uuid AND identifier = $2::text)
         ON CONFLICT DO NOTHING
         RETURNING *
       )${ctes}
       ${follow.select}`,
      [row.accountId, row.identifier, row.username, row.usernameKey, row.email, row.firstName, row.lastName, row.fullName, row.isActive, row.isSuperuser, row.passwordHash, ...follow.params],
      { name: follow.name },
    );
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
