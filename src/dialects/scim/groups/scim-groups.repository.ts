import { DataSource, EntityManager } from 'typeorm';
import { rows } from '../../../core/database/sql';
import { Filter } from '../common/filter-parser';
import { filterToSql } from '../common/filter-sql';
import { SqlParams } from '../common/sql-params';
import { groupColumn } from './group-columns';
import { GROUP_SELECT, ScimGroupRow, ScimMemberRow } from './group.mapper';

type Db = DataSource | EntityManager;

/** The SCIM dialect's reads of the platform's groups; writes go through the core (GroupWriterService, GroupMembersService). */
export const scimGroupsRepository = {
  async findOne(db: Db, accountId: string, id: string, lock = false): Promise<ScimGroupRow | null> {
    const found = await rows<ScimGroupRow>(db, `${GROUP_SELECT} WHERE g.account_id = $1 AND g.id = $2${lock ? ' FOR UPDATE' : ''}`, [accountId, id]);
    return found[0] ?? null;
  },

  /** One page in creation order with the filter's total; the filter is SQL over the account's groups. */
  async page(db: DataSource, accountId: string, filter: Filter | null, offset: number, limit: number): Promise<{ total: number; rows: ScimGroupRow[] }> {
    const p = new SqlParams([accountId]);
    const where = filter ? `g.account_id = $1 AND ${filterToSql(filter, groupColumn, p)}` : 'g.account_id = $1';
    const [{ total }] = await rows<{ total: number }>(db, `SELECT count(*)::int AS total FROM enabley_group g WHERE ${where}`, [...p.values]);
    if (limit === 0 || total <= offset) return { total, rows: [] };
    const page = await rows<ScimGroupRow>(db, `${GROUP_SELECT} WHERE ${where} ORDER BY g.created_at, g.id LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`, p.values);
    return { total, rows: page };
  },

  /** The members of the groups, in one statement; display is the user's full name, else the username. */
  async members(db: Db, groupIds: string[]): Promise<Map<string, ScimMemberRow[]>> {
    const byGroup = new Map<string, ScimMemberRow[]>(groupIds.map((id) => [id, []]));
    if (!groupIds.length) return byGroup;
    const found = await rows<ScimMemberRow>(
      db,
      `SELECT gm.group_id, gm.user_id, COALESCE(NULLIF(u.full_name, ''), u.username) AS display
         FROM enabley_group_member gm JOIN "user" u ON u.id = gm.user_id
        WHERE gm.group_id = ANY($1::uuid[]) ORDER BY gm.created_at, u.user_id`,
      [groupIds],
    );
    for (const m of found) byGroup.get(m.group_id)!.push(m);
    return byGroup;
  },

  /** Which of the ids are users SCIM may reach in the account (platform superusers are not SCIM users). */
  async existingUsers(db: Db, accountId: string, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const found = await rows<{ id: string }>(db, 'SELECT id FROM "user" WHERE account_id = $1 AND NOT is_superuser AND id = ANY($2::uuid[])', [accountId, ids]);
    return new Set(found.map((r) => r.id));
  },

  async memberIds(db: Db, groupId: string): Promise<string[]> {
    return (await rows<{ user_id: string }>(db, 'SELECT user_id FROM enabley_group_member WHERE group_id = $1', [groupId])).map((r) => r.user_id);
  },
};
