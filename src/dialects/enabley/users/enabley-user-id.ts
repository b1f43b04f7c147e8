import { DataSource, EntityManager } from 'typeorm';

/**
 * The id of the Enabley user with that identifier in the account, or null. Platform superusers are not
 * Enabley users (as in users/): they are never learners, instructors or certificate holders.
 */
export async function enableyUserId(db: DataSource | EntityManager, accountId: string, identifier: string): Promise<string | null> {
  const [row] = await db.query(`SELECT id FROM "user" WHERE account_id = $1 AND identifier = $2 AND NOT is_superuser`, [accountId, identifier]);
  return row?.id ?? null;
}
