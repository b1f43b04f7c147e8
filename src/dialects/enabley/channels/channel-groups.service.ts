import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { rows } from '../../../core/database/sql';
import { ApiError } from '../../../core/http/api-error';
import { EnrollmentsService } from '../../../core/learning/enrollments.service';
import { GroupMembershipEvents } from '../../../core/groups/group-membership.events';

/** Users covered by the channel's group assignments: each assigned group, and its descendants when recursive. */
const COVERED_GROUPS = `
  cover AS (
    SELECT cg.group_id AS id, cg.recursive FROM enabley_channel_group cg WHERE cg.channel_id = $1
    UNION
    SELECT g.id, cover.recursive FROM enabley_group g JOIN cover ON g.parent_id = cover.id WHERE cover.recursive
  )`;

/** The enrollment source of the learners a group assignment made (unassigning removes only those). */
const GROUP_SOURCE = 'group';

/**
 * Channel ↔ group assignments. Every enrollment write is one set-based statement of the core
 * (EnrollmentsService.enrollFrom / unenrollFrom) over a SELECT of the covered users, whatever the
 * number of users: assigning a 10,000-user group is one INSERT … SELECT.
 */
@Injectable()
export class ChannelGroupsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly membership: GroupMembershipEvents,
    private readonly enrollments: EnrollmentsService,
  ) {}

  onModuleInit(): void {
    this.membership.onMembersAdded((m, accountId, groupId, userIds) => this.enrollLateJoiners(m, accountId, groupId, userIds));
    this.membership.onSubtreeMoved((m, accountId, groupId) => this.enrollMovedSubtree(m, accountId, groupId));
    this.membership.onMembersRemoved((m, _accountId, groupId, userIds) => this.unenrollLeavers(m, groupId, userIds));
  }

  private async groupId(m: EntityManager, accountId: string, identifier: string): Promise<string> {
    const [g] = await rows<{ id: string }>(m, `SELECT id FROM enabley_group WHERE account_id = $1 AND identifier = $2`, [accountId, identifier]);
    if (!g) throw ApiError.notFound(`No group with identifier "${identifier}".`);
    return g.id;
  }

  /** Records the assignment and enrolls the group's users (and its descendants' when recursive); returns how many became learners. */
  async assign(accountId: string, channelId: string, groupIdentifier: string, recursive: boolean): Promise<number> {
    return this.db.transaction(async (m) => {
      const groupId = await this.groupId(m, accountId, groupIdentifier);
      await rows(
        m,
        `INSERT INTO enabley_channel_group (channel_id, group_id, recursive, user_role) VALUES ($1, $2, $3, 'LEARNER')
         ON CONFLICT (channel_id, group_id) DO UPDATE SET recursive = EXCLUDED.recursive`,
        [channelId, groupId, recursive],
      );
      const enrolled = await this.enrollments.enrollFrom(
        m,
        accountId,
        `WITH RECURSIVE scope AS (
           SELECT $2::uuid AS id
           UNION
           SELECT g.id FROM enabley_group g JOIN scope ON g.parent_id = scope.id WHERE $3
         )
         SELECT gm.user_id, $1::uuid FROM scope JOIN enabley_group_member gm ON gm.group_id = scope.id`,
        [channelId, groupId, recursive],
        GROUP_SOURCE,
      );
      return enrolled.length;
    });
  }

  /**
   * Removes the assignment and deactivates the group-sourced enrollments of its users that no other
   * assignment of the channel still covers (direct enrollments stay).
   */
  async unassign(accountId: string, channelId: string, groupIdentifier: string): Promise<number> {
    return this.db.transaction(async (m) => {
      const groupId = await this.groupId(m, accountId, groupIdentifier);
      const removed = await rows<{ recursive: boolean }>(m, `DELETE FROM enabley_channel_group WHERE channel_id = $1 AND group_id = $2 RETURNING recursive`, [channelId, groupId]);
      if (!removed.length) throw ApiError.notFound(`Group "${groupIdentifier}" is not assigned to this channel.`);
      const deactivated = await this.enrollments.unenrollFrom(
        m,
        channelId,
        `WITH RECURSIVE scope AS (
           SELECT $2::uuid AS id
           UNION
           SELECT g.id FROM enabley_group g JOIN scope ON g.parent_id = scope.id WHERE $3
         ), ${COVERED_GROUPS}
         SELECT gm.user_id FROM scope JOIN enabley_group_member gm ON gm.group_id = scope.id
          WHERE gm.user_id NOT IN (SELECT cm.user_id FROM cover JOIN enabley_group_member cm ON cm.group_id = cover.id)`,
        [channelId, groupId, removed[0].recursive],
        GROUP_SOURCE,
      );
      return deactivated.length;
    });
  }

  /**
   * A group moved under a new parent: the users of its whole subtree become learners of the channels
   * assigned recursively to its new ancestors (one statement).
   */
  private async enrollMovedSubtree(m: EntityManager, accountId: string, groupId: string): Promise<void> {
    await this.enrollments.enrollFrom(
      m,
      accountId,
      `WITH RECURSIVE anc AS (
         SELECT id, parent_id, 0 AS depth FROM enabley_group WHERE id = $1
         UNION ALL
         SELECT p.id, p.parent_id, anc.depth + 1 FROM enabley_group p JOIN anc ON p.id = anc.parent_id WHERE anc.depth < 1000
       ), sub AS (
         SELECT $1::uuid AS id
         UNION
         SELECT g.id FROM enabley_group g JOIN sub ON g.parent_id = sub.id
       )
       SELECT gm.user_id, cg.channel_id
         FROM anc JOIN enabley_channel_group cg ON cg.group_id = anc.id AND anc.depth > 0 AND cg.recursive
        CROSS JOIN sub JOIN enabley_group_member gm ON gm.group_id = sub.id`,
      [groupId],
      GROUP_SOURCE,
    );
  }

  /**
   * Users who left a group lose the group-sourced enrollments of the channels assigned to it (or to an ancestor
   * recursively) that none of their remaining groups still covers; direct enrollments stay, progress is kept.
   * Runs after the membership rows are gone, in their transaction: one statement.
   */
  private async unenrollLeavers(m: EntityManager, groupId: string, userIds: string[]): Promise<void> {
    await this.enrollments.unenrollPairsFrom(
      m,
      `WITH RECURSIVE anc AS (
         SELECT id, parent_id, 0 AS depth FROM enabley_group WHERE id = $1
         UNION ALL
         SELECT p.id, p.parent_id, anc.depth + 1 FROM enabley_group p JOIN anc ON p.id = anc.parent_id WHERE anc.depth < 1000
       ), up AS (
         SELECT gm.user_id, gm.group_id AS id, 0 AS depth FROM enabley_group_member gm WHERE gm.user_id = ANY($2::uuid[])
         UNION ALL
         SELECT up.user_id, g.parent_id, up.depth + 1 FROM up JOIN enabley_group g ON g.id = up.id WHERE g.parent_id IS NOT NULL AND up.depth < 1000
       ), covered AS (
         SELECT DISTINCT up.user_id, cg.channel_id FROM up JOIN enabley_channel_group cg ON cg.group_id = up.id AND (up.depth = 0 OR cg.recursive)
       ), affected AS (
         SELECT DISTINCT cg.channel_id FROM anc JOIN enabley_channel_group cg ON cg.group_id = anc.id AND (anc.depth = 0 OR cg.recursive)
       )
       SELECT u.user_id, a.channel_id FROM unnest($2::uuid[]) AS u(user_id) CROSS JOIN affected a
        WHERE NOT EXISTS (SELECT 1 FROM covered c WHERE c.user_id = u.user_id AND c.channel_id = a.channel_id)`,
      [groupId, userIds],
      GROUP_SOURCE,
    );
  }

  /** Users who just joined a group become learners of the channels assigned to it, or to an ancestor recursively. */
  private async enrollLateJoiners(m: EntityManager, accountId: string, groupId: string, userIds: string[]): Promise<void> {
    await this.enrollments.enrollFrom(
      m,
      accountId,
      `WITH RECURSIVE anc AS (
         SELECT id, parent_id, 0 AS depth FROM enabley_group WHERE id = $1
         UNION ALL
         SELECT p.id, p.parent_id, anc.depth + 1 FROM enabley_group p JOIN anc ON p.id = anc.parent_id WHERE anc.depth < 1000
       )
       SELECT u.user_id, cg.channel_id
         FROM anc JOIN enabley_channel_group cg ON cg.group_id = anc.id AND (anc.depth = 0 OR cg.recursive)
        CROSS JOIN unnest($2::uuid[]) AS u(user_id)`,
      [groupId, userIds],
      GROUP_SOURCE,
    );
  }
}
