import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { rows } from '../database/sql';

export interface UserCounts {
  /** Every user of the account. */
  users: number;
  /** Those of them that are platform administrators (is_superuser). */
  superusers: number;
}

/** Past this many delta rows an account's rows are folded into one, so a read stays a few index entries. */
const FOLD_AFTER = 32;

const logger = new Logger('UserCounts');

/**
 * The exact number of users of an account as the reading transaction sees them, from the delta rows the
 * "user" triggers write in the same transaction as every insert, delete and move (migration UserCounts):
 * a short index range instead of a count over the account's users.
 */
export async function userCounts(db: DataSource | EntityManager, accountId: string): Promise<UserCounts> {
  const [r] = await rows<{ users: number; superusers: number; n: number }>(
    db,
    `SELECT coalesce(sum(users), 0)::int AS users, coalesce(sum(superusers), 0)::int AS superusers, count(*)::int AS n
       FROM user_count_delta WHERE account_id = $1`,
    [accountId],
  );
  if (r.n > FOLD_AFTER && db instanceof DataSource) void foldUserCounts(db, accountId).catch((e: Error) => logger.warn(`folding the user counts of ${accountId} failed: ${e.message}`));
  return { users: r.users, superusers: r.superusers };
}

/**
 * Replaces the account's committed delta rows by their sum, in one statement: rows of transactions still
 * open are not seen, so they are neither deleted nor summed, and a concurrent fold skips the rows this one
 * deletes (READ COMMITTED re-checks them after the lock), so no delta is lost or counted twice.
 */
export async function foldUserCounts(db: DataSource | EntityManager, accountId: string): Promise<void> {
  await rows(
    db,
    `WITH d AS (DELETE FROM user_count_delta WHERE account_id = $1 RETURNING users, superusers)
     INSERT INTO user_count_delta (account_id, users, superusers)
     SELECT $1, sum(users), sum(superusers) FROM d HAVING count(*) > 0`,
    [accountId],
  );
}
