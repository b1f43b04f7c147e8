import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../database/pg-error';
import { rows } from '../database/sql';
import { ApiError } from '../http/api-error';
import { GroupMembershipEvents } from './group-membership.events';

/** The per-account lock every write to the group tree takes, so two concurrent writes never close a cycle or race a delete. */
export function lockGroupTree(m: EntityManager, accountId: string): Promise<unknown> {
  return rows(m, `SELECT pg_advisory_xact_lock(hashtextextended('enabley_group_tree:' || $1, 0))`, [accountId]);
}

/**
 * Creates, renames and deletes the platform's groups for every dialect (Enabley keeps its own tree-aware upsert).
 * The identifier is unique per account (UQ_enabley_group_identifier): a clash answers 409. Deleting a group with
 * child groups is refused; its memberships go with it (CASCADE) and the groupDeleted listeners (Enabley's GROUP
 * entitlements) run in the same transaction.
 */
@Injectable()
export class GroupWriterService {
  constructor(private readonly events: GroupMembershipEvents) {}

  /** A root group; `id` may be chosen by the caller (SCIM uses it as the identifier when the provider sends none). */
  async create(m: EntityManager, accountId: string, g: { id?: string; identifier: string; name: string }): Promise<string> {
    await lockGroupTree(m, accountId);
    try {
      const [row] = await rows<{ id: string }>(
        m,
        'INSERT INTO enabley_group (id, account_id, identifier, name) VALUES (COALESCE($1::uuid, gen_random_uuid()), $2, $3, $4) RETURNING id',
        [g.id ?? null, accountId, g.identifier, g.name],
      );
      return row.id;
    } catch (e) {
      if (isUniqueViolation(e)) throw ApiError.conflict('A group with that identifier exists in the account.', 'identifier');
      throw e;
    }
  }

  /** Sets the name and/or identifier of the account's group; false: no such group. */
  async update(m: EntityManager, accountId: string, groupId: string, changes: { identifier?: string; name?: string }): Promise<boolean> {
    try {
      const updated = await rows(
        m,
        `UPDATE enabley_group SET name = COALESCE($3, name), identifier = COALESCE($4, identifier), updated_at = now()
          WHERE account_id = $1 AND id = $2 RETURNING id`,
        [accountId, groupId, changes.name ?? null, changes.identifier ?? null],
      );
      return updated.length > 0;
    } catch (e) {
      if (isUniqueViolation(e)) throw ApiError.conflict('A group with that identifier exists in the account.', 'identifier');
      throw e;
    }
  }

  /** Deletes the account's group; false: no such group. 400 while it has child groups. */
  async delete(m: EntityManager, accountId: string, groupId: string): Promise<boolean> {
    await lockGroupTree(m, accountId);
    const children = await rows(m, 'SELECT 1 FROM enabley_group WHERE parent_id = $1 LIMIT 1', [groupId]);
    if (children.length) throw ApiError.badRequest('The group has child groups; delete or move them first.', 'identifier');
    const deleted = await rows<{ identifier: string }>(m, 'DELETE FROM enabley_group WHERE account_id = $1 AND id = $2 RETURNING identifier', [accountId, groupId]);
    if (!deleted.length) return false;
    await this.events.groupDeleted(m, accountId, groupId, deleted[0].identifier);
    return true;
  }
}
