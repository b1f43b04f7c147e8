import { DataSource, EntityManager } from 'typeorm';
import { rows } from '../../../core/database/sql';
import { USER_SCOPE } from './user-info.sql';

/**
 * The id of the Enabley user with that identifier in the account, or null. Platform superusers are not
 * Enabley users (USER_SCOPE): they are never learners, instructors, group members or certificate holders.
 */
export async function enableyUserId(db: DataSource | EntityManager, accountId: string, identifier: string): Promise<string | null> {
  const [row] = await rows<{ id: string }>(db, `SELECT u.id FROM "user" u WHERE ${USER_SCOPE} AND u.identifier = $2`, [accountId, identifier]);
  return row?.id ?? null;
}
