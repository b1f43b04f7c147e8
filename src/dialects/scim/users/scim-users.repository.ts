import { DataSource, EntityManager } from 'typeorm';
import { rows } from '../../../core/database/sql';
import { Filter } from '../common/filter-parser';
import { filterToSql } from '../common/filter-sql';
import { SqlParams } from '../common/sql-params';
import { userColumn } from './user-columns';
import { ScimUserInput, ScimUserRow, USER_SELECT } from './user.mapper';

/** The account's users SCIM may reach: platform superusers are left out (no identity provider deactivates them). */
const SCOPE = 'u.account_id = $1 AND NOT u.is_superuser';

/** The SCIM dialect's reads of users and its writes of its own scim_user rows; "user" is written by UsersService. */
export const scimUsersRepository = {
  async findOne(db: DataSource | EntityManager, accountId: string, id: string): Promise<ScimUserRow | null> {
    const found = await rows<ScimUserRow>(db, `${USER_SELECT} WHERE ${SCOPE} AND u.id = $2`, [accountId, id], db instanceof DataSource ? { name: 'scim_user_by_id' } : {});
    return found[0] ?? null;
  },

  /**
   * One page in user_id order (the order users were made) with the total of the filter; the filter is SQL
   * over the account's indexed columns, never a scan of users in memory.
   */
  async page(db: DataSource, accountId: string, filter: Filter | null, offset: number, limit: number): Promise<{ total: number; rows: ScimUserRow[] }> {
    const p = new SqlParams([accountId]);
    // No COALESCE around the filter: WHERE drops NULL like FALSE, and a bare `username_key = $2` keeps its index.
    const where = filter ? `${SCOPE} AND ${filterToSql(filter, userColumn, p)}` : SCOPE;
    const countSql = `SELECT count(*)::int AS total FROM "user" u LEFT JOIN scim_user s ON s.user_id = u.id WHERE ${where}`;
    if (limit === 0) return { total: (await rows<{ total: number }>(db, countSql, p.values))[0].total, rows: [] };
    // One round trip for the page and its total (an identity provider's lookup is one user); a page past the
    // end has no row to carry the total, so only then is it counted alone.
    const countParams = [...p.values];
    const page = await rows<ScimUserRow & { total: number }>(
      db,
      `${USER_SELECT.replace('SELECT ', 'SELECT count(*) OVER ()::int AS total, ')} WHERE ${where} ORDER BY u.user_id LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`,
      p.values,
    );
    if (page.length) return { total: page[0].total, rows: page };
    return { total: offset === 0 ? 0 : (await rows<{ total: number }>(db, countSql, countParams))[0].total, rows: [] };
  },

  async save(m: EntityManager, accountId: string, userId: string, input: ScimUserInput): Promise<void> {
    await rows(
      m,
      `INSERT INTO scim_user (user_id, account_id, external_id, email_type, employee_number, department, organization)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (user_id) DO UPDATE SET external_id = $3, email_type = $4, employee_number = $5, department = $6, organization = $7,
         updated_at = CASE WHEN (scim_user.external_id, scim_user.email_type, scim_user.employee_number, scim_user.department, scim_user.organization)
                                IS NOT DISTINCT FROM ($3, $4, $5, $6, $7) THEN scim_user.updated_at ELSE now() END`,
      [userId, accountId, input.externalId, input.emailType, input.employeeNumber, input.department, input.organization],
    );
  },
};
