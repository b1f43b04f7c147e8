import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { GroupMembersService } from '../../../core/groups/group-members.service';
import { GroupWriterService } from '../../../core/groups/group-writer.service';
import { parseFilter } from '../common/filter-parser';
import { ListQueryDto, ProjectionQueryDto } from '../common/list-query.dto';
import { listResponse, pageOf } from '../common/list-response';
import { readPatchBody } from '../common/patch-ops';
import { project, wantsAttribute } from '../common/projection';
import { scimError, scimNotFound } from '../common/scim-error';
import { planGroupPatch } from './group-patch';
import { ScimGroupInput, readGroup } from './group.input';
import { ScimGroupRow, toScimGroup } from './group.mapper';
import { scimGroupsRepository } from './scim-groups.repository';

type Json = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * SCIM Groups over the platform's groups (the ones Enabley assigns to channels): the group is written by the core
 * GroupWriterService and its members by GroupMembersService, set-based, so a member added here is enrolled in the
 * group's assigned channels and one removed loses what only this group gave, as through Enabley.
 */
@Injectable()
export class ScimGroupsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly writer: GroupWriterService,
    private readonly members: GroupMembersService,
  ) {}

  async list(accountId: string, base: string, q: ListQueryDto): Promise<Json> {
    const filter = q.filter !== undefined && q.filter.trim() !== '' ? parseFilter(q.filter) : null;
    const { offset, limit, startIndex } = pageOf(q);
    const { total, rows } = await scimGroupsRepository.page(this.db, accountId, filter, offset, limit);
    const members = wantsAttribute('members', q) ? await scimGroupsRepository.members(this.db, rows.map((r) => r.id)) : null;
    return listResponse(total, startIndex, rows.map((r) => project(toScimGroup(r, base, members?.get(r.id) ?? null), q)));
  }

  async get(accountId: string, base: string, id: string, q: ProjectionQueryDto): Promise<Json> {
    const row = await this.row(this.db, accountId, id);
    return project(await this.resource(this.db, row, base, wantsAttribute('members', q)), q);
  }

  async create(accountId: string, base: string, body: unknown): Promise<Json> {
    const input = readGroup(body);
    const id = await this.db.transaction(async (m) => {
      const groupId = randomUUID();
      await this.writer.create(m, accountId, { id: groupId, identifier: input.identifier ?? groupId, name: input.name });
      await this.setMembers(m, accountId, groupId, input);
      return groupId;
    });
    return this.resource(this.db, await this.row(this.db, accountId, id), base, true);
  }

  /** PUT: name and members are replaced; the identifier changes only when externalId is sent (Enabley's key stays otherwise). */
  async replace(accountId: string, base: string, id: string, body: unknown): Promise<Json> {
    const input = readGroup(body);
    const groupId = await this.db.transaction(async (m) => {
      const { id: gid } = await this.row(m, accountId, id, true);
      await this.writer.update(m, accountId, gid, { name: input.name, identifier: input.identifier ?? undefined });
      await this.setMembers(m, accountId, gid, input, true);
      return gid;
    });
    return this.resource(this.db, await this.row(this.db, accountId, groupId), base, true);
  }

  /** PATCH: the operations become set operations (group-patch.ts); 200 with the group, members included unless excluded. */
  async patch(accountId: string, base: string, id: string, body: unknown, q: ProjectionQueryDto): Promise<Json> {
    const plan = planGroupPatch(readPatchBody(body));
    const groupId = await this.db.transaction(async (m) => {
      const { id: gid } = await this.row(m, accountId, id, true);
      const identifier = plan.clearIdentifier ? gid : plan.identifier;
      if (plan.name !== undefined || identifier !== undefined) await this.writer.update(m, accountId, gid, { name: plan.name, identifier });
      if (plan.replaceMembers) await this.setMembers(m, accountId, gid, { members: [...plan.replaceMembers] }, true);
      await this.checkUsers(m, accountId, [...plan.add]);
      await this.members.add(m, accountId, gid, [...plan.add]);
      await this.members.remove(m, accountId, gid, [...plan.remove]);
      return gid;
    });
    const row = await this.row(this.db, accountId, groupId);
    return project(await this.resource(this.db, row, base, wantsAttribute('members', q)), q);
  }

  async remove(accountId: string, id: string): Promise<void> {
    const deleted = UUID.test(id) && (await this.db.transaction((m) => this.writer.delete(m, accountId, id.toLowerCase())));
    if (!deleted) throw scimNotFound('Group', id);
  }

  /** Makes the members exactly `members`: one INSERT for those who join, one DELETE for those who leave. */
  private async setMembers(m: EntityManager, accountId: string, groupId: string, input: Pick<ScimGroupInput, 'members'>, replacing = false): Promise<void> {
    const wanted = new Set(input.members);
    await this.checkUsers(m, accountId, [...wanted]);
    if (replacing) {
      const leaving = (await scimGroupsRepository.memberIds(m, groupId)).filter((u) => !wanted.has(u));
      await this.members.remove(m, accountId, groupId, leaving);
    }
    await this.members.add(m, accountId, groupId, [...wanted]);
  }

  /** Every member must be a user of the account SCIM reaches: otherwise 400 invalidValue naming one (RFC 7644 3.5.2). */
  private async checkUsers(m: EntityManager, accountId: string, ids: string[]): Promise<void> {
    const found = await scimGroupsRepository.existingUsers(m, accountId, ids);
    const missing = ids.find((u) => !found.has(u));
    if (missing) throw scimError(400, 'invalidValue', `No user ${missing} in the account: members must be users of the account.`);
  }

  private async resource(db: DataSource, row: ScimGroupRow, base: string, withMembers: boolean): Promise<Json> {
    const members = withMembers ? ((await scimGroupsRepository.members(db, [row.id])).get(row.id) ?? []) : null;
    return toScimGroup(row, base, members);
  }

  /** The account's group, or 404 (another account's group included); `lock` holds it for the transaction's writes. */
  private async row(db: DataSource | EntityManager, accountId: string, id: string, lock = false): Promise<ScimGroupRow> {
    const found = UUID.test(id) ? await scimGroupsRepository.findOne(db, accountId, id.toLowerCase(), lock) : null;
    if (!found) throw scimNotFound('Group', id);
    return found;
  }
}
