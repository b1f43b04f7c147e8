import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../../core/database/pg-error';
import { ApiError } from '../../../core/http/api-error';
import { AppAbility } from '../../../core/policy/app-ability';
import { ColumnMap, readFilter } from '../../../core/policy/read-filter';
import { EntitlementsService } from '../entitlements/entitlements.service';
import { ENABLEY_GROUP } from '../policy/enabley-subjects';
import { rows } from '../../../core/database/sql';
import { SubAccountsService } from '../sub-accounts/sub-accounts.service';
import { enableyUserId } from '../users/enabley-user-id';
import { GROUP_LIST_MAX, GroupDataDto, GroupInfoDto } from './group.dto';
import { GROUP_SELECT, GroupRow, toGroupInfo } from './group.sql';
import { GroupMembersService } from '../../../core/groups/group-members.service';
import { GroupMembershipEvents } from '../../../core/groups/group-membership.events';
import { GroupWriterService, lockGroupTree } from '../../../core/groups/group-writer.service';

/** The EnableyGroup attributes the loader gives the guard (group.loader.ts), as columns of GROUP_SELECT. */
const GROUP_COLUMNS: ColumnMap = {
  accountId: (p) => `g.account_id = ANY(${p}::uuid[])`,
  id: (p) => `g.id = ANY(${p}::uuid[])`,
  identifier: (p) => `g.identifier = ANY(${p}::text[])`,
  subAccountName: (p) => `s.name = ANY(${p}::text[])`,
};

/**
 * Groups form one tree per account. Writes to the tree take a per-account advisory lock, so two
 * concurrent re-parentings can never close a cycle between them. Deleting a group that still has
 * child groups is refused (400); its user mappings and GROUP entitlements go with it (core GroupWriterService).
 */
@Injectable()
export class GroupsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly subAccounts: SubAccountsService,
    private readonly entitlements: EntitlementsService,
    private readonly membership: GroupMembershipEvents,
    private readonly members: GroupMembersService,
    private readonly writer: GroupWriterService,
  ) {
    // Whichever dialect deletes a group, the GROUP entitlements naming it go in the same transaction.
    membership.onGroupDeleted((m, accountId, _groupId, identifier) => this.entitlements.removeForEntity(accountId, 'GROUP', identifier, m));
  }

  private lockTree(m: EntityManager, accountId: string): Promise<unknown> {
    return lockGroupTree(m, accountId);
  }

  async upsert(accountId: string, d: GroupDataDto): Promise<{ created: boolean; group: GroupInfoDto }> {
    try {
      return await this.db.transaction(async (m) => {
        await this.lockTree(m, accountId);
        const existing = await rows<{ id: string }>(m, 'SELECT id FROM enabley_group WHERE account_id = $1 AND identifier = $2 FOR UPDATE', [accountId, d.identifier]);
        const selfId = existing[0]?.id ?? null;
        let parentId: string | null | undefined = d.parentIdentifier === null ? null : undefined;
        if (d.parentIdentifier) {
          if (d.parentIdentifier === d.identifier) throw ApiError.badRequest('A group cannot be its own parent.', 'parentIdentifier');
          const parent = await rows<{ id: string }>(m, 'SELECT id FROM enabley_group WHERE account_id = $1 AND identifier = $2', [accountId, d.parentIdentifier]);
          if (!parent.length) throw ApiError.badRequest(`No group with identifier "${d.parentIdentifier}".`, 'parentIdentifier');
          parentId = parent[0].id;
          if (selfId) {
            const cycle = await rows(
              m,
              `WITH RECURSIVE anc AS (
                 SELECT id, parent_id FROM enabley_group WHERE id = $1
                 UNION SELECT g.id, g.parent_id FROM enabley_group g JOIN anc ON g.id = anc.parent_id)
               SELECT 1 FROM anc WHERE id = $2`,
              [parentId, selfId],
            );
            if (cycle.length) throw ApiError.badRequest('That parent is a descendant of the group: the hierarchy would have a cycle.', 'parentIdentifier');
          }
        }
        let subAccountId: string | null | undefined = d.subAccountName === null ? null : undefined;
        if (d.subAccountName) subAccountId = await this.subAccounts.ensure(accountId, d.subAccountName, m);
        if (!selfId) {
          if (!d.name) throw ApiError.required('name', 'A new group needs a name.');
          await rows(
            m,
            'INSERT INTO enabley_group (account_id, identifier, name, type, parent_id, sub_account_id) VALUES ($1, $2, $3, $4, $5, $6)',
            [accountId, d.identifier, d.name, d.type ?? null, parentId ?? null, subAccountId ?? null],
          );
        } else {
          await rows(
            m,
            `UPDATE enabley_group SET name = COALESCE($2, name),
                    type = CASE WHEN $3 THEN $4 ELSE type END,
                    parent_id = CASE WHEN $5 THEN $6::uuid ELSE parent_id END,
                    sub_account_id = CASE WHEN $7 THEN $8::uuid ELSE sub_account_id END,
                    updated_at = now()
              WHERE id = $1`,
            [selfId, d.name ?? null, d.type !== undefined, d.type ?? null, parentId !== undefined, parentId ?? null, subAccountId !== undefined, subAccountId ?? null],
          );
          if (parentId) await this.membership.subtreeMoved(m, accountId, selfId);
        }
        const [row] = await rows<GroupRow>(m, `${GROUP_SELECT} WHERE g.account_id = $1 AND g.identifier = $2`, [accountId, d.identifier]);
        return { created: !selfId, group: toGroupInfo(row) };
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw ApiError.conflict('A group with that identifier was created concurrently; retry.', 'identifier');
      throw e;
    }
  }

  /** The account's group types, root first: each type at the smallest depth it occurs in the tree. */
  async hierarchy(accountId: string): Promise<string[]> {
    const found = await rows<{ type: string }>(
      this.db,
      `WITH RECURSIVE t AS (
         SELECT id, type, 0 AS depth FROM enabley_group WHERE account_id = $1 AND parent_id IS NULL
         UNION ALL SELECT g.id, g.type, t.depth + 1 FROM enabley_group g JOIN t ON g.parent_id = t.id)
       SELECT type FROM t WHERE type IS NOT NULL GROUP BY type ORDER BY min(depth), type`,
      [accountId],
    );
    return found.map((r) => r.type);
  }

  /** The groups of the account (or of one sub-account) the caller may read: the same rules as a single read, in SQL. */
  async list(accountId: string, ability: AppAbility, subAccountName?: string): Promise<GroupInfoDto[]> {
    const params: unknown[] = [accountId];
    let where = 'g.account_id = $1';
    if (subAccountName !== undefined) {
      params.push(subAccountName);
      where += ' AND s.name = $2';
    }
    where += ` AND ${readFilter(ability, 'read', ENABLEY_GROUP, GROUP_COLUMNS, params)}`;
    const found = await rows<GroupRow>(this.db, `${GROUP_SELECT} WHERE ${where} ORDER BY g.identifier LIMIT ${GROUP_LIST_MAX}`, params);
    return found.map(toGroupInfo);
  }

  async get(accountId: string, identifier: string, subAccountName?: string): Promise<GroupInfoDto> {
    const [row] = await rows<GroupRow>(this.db, `${GROUP_SELECT} WHERE g.account_id = $1 AND g.identifier = $2`, [accountId, identifier]);
    if (!row || (subAccountName !== undefined && row.sub_account_name !== subAccountName)) throw ApiError.notFound('No group with that identifier.');
    return toGroupInfo(row);
  }

  /** The core writer deletes it (refused while it has child groups); its GROUP entitlements go through onGroupDeleted. */
  async delete(accountId: string, groupId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      if (!(await this.writer.delete(m, accountId, groupId))) throw ApiError.notFound('No group with that identifier.');
    });
  }

  /** Maps the user to the group; with replace, removes the user's other group mappings in the same transaction. */
  async addUser(accountId: string, groupId: string, userIdentifier: string, replace: boolean): Promise<void> {
    await this.db.transaction(async (m) => {
      const userId = await this.userId(m, accountId, userIdentifier);
      if (replace) await this.members.leaveOtherGroups(m, accountId, userId, groupId);
      await this.members.add(m, accountId, groupId, [userId]);
    });
  }

  /** Unmaps the user; the enrollments only this group's assignments gave end with it (GroupMembersService). */
  async removeUser(accountId: string, groupId: string, userIdentifier: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const userId = await this.userId(m, accountId, userIdentifier);
      const removed = await this.members.remove(m, accountId, groupId, [userId]);
      if (!removed.length) throw ApiError.notFound('The user is not in that group.');
    });
  }

  /** GET /api/v1/users/{identifier}/groups */
  async groupsOfUser(accountId: string, userId: string, subAccountName?: string): Promise<GroupInfoDto[]> {
    const params: unknown[] = [accountId, userId];
    let where = 'g.account_id = $1 AND gm.user_id = $2';
    if (subAccountName !== undefined) {
      params.push(subAccountName);
      where += ' AND s.name = $3';
    }
    const found = await rows<GroupRow>(this.db, `${GROUP_SELECT} JOIN enabley_group_member gm ON gm.group_id = g.id WHERE ${where} ORDER BY g.identifier LIMIT ${GROUP_LIST_MAX}`, params);
    return found.map(toGroupInfo);
  }

  private async userId(m: EntityManager, accountId: string, identifier: string): Promise<string> {
    const id = await enableyUserId(m, accountId, identifier);
    if (!id) throw ApiError.notFound('No user with that identifier.');
    return id;
  }
}
