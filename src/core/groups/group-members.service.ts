import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rows } from '../database/sql';
import { GroupMembershipEvents } from './group-membership.events';

/**
 * The one writer of group membership (enabley_group_member) for every dialect: each call is one set-based
 * statement, and the membership events fire in the same transaction for the users it actually changed.
 */
@Injectable()
export class GroupMembersService {
  constructor(private readonly events: GroupMembershipEvents) {}

  /** Adds the users (already members are left alone); returns the ids that joined. */
  async add(m: EntityManager, accountId: string, groupId: string, userIds: string[]): Promise<string[]> {
    if (!userIds.length) return [];
    const added = await rows<{ user_id: string }>(
      m,
      `INSERT INTO enabley_group_member (group_id, user_id) SELECT $1, u FROM unnest($2::uuid[]) AS u ON CONFLICT DO NOTHING RETURNING user_id`,
      [groupId, [...new Set(userIds)]],
    );
    const ids = added.map((r) => r.user_id);
    await this.events.membersAdded(m, accountId, groupId, ids);
    return ids;
  }

  /** Takes the user out of every group of the account but `keepGroupId` (Enabley's replace), each removal with its events. */
  async leaveOtherGroups(m: EntityManager, accountId: string, userId: string, keepGroupId: string): Promise<void> {
    const left = await rows<{ group_id: string }>(
      m,
      `DELETE FROM enabley_group_member gm USING enabley_group g
        WHERE gm.group_id = g.id AND g.account_id = $1 AND gm.user_id = $2 AND gm.group_id <> $3
        RETURNING gm.group_id`,
      [accountId, userId, keepGroupId],
    );
    for (const { group_id } of left) await this.events.membersRemoved(m, accountId, group_id, [userId]);
  }

  /** Removes the users; returns the ids that were members. */
  async remove(m: EntityManager, accountId: string, groupId: string, userIds: string[]): Promise<string[]> {
    if (!userIds.length) return [];
    const removed = await rows<{ user_id: string }>(m, 'DELETE FROM enabley_group_member WHERE group_id = $1 AND user_id = ANY($2::uuid[]) RETURNING user_id', [groupId, userIds]);
    const ids = removed.map((r) => r.user_id);
    await this.events.membersRemoved(m, accountId, groupId, ids);
    return ids;
  }
}
