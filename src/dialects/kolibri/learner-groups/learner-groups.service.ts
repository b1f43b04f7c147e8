import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../../../core/auth/principal';
import { ApiError } from '../../../core/http/api-error';
import { toHexId } from '../../../core/http/ids';
import { AppAbility } from '../../../core/policy/app-ability';
import { CollectionsRepository } from '../common/collections.repository';
import { idOf, optionalId } from '../common/kolibri-ids';
import { assertCan } from '../../../core/policy/assert-can';
import { ColumnMap, readFilter } from '../../../core/policy/read-filter';
import { LearnerGroupDto } from './learner-group.dto';
import { rows } from '../../../core/database/sql';

const COLUMNS: ColumnMap = {
  accountId: (p) => `c.account_id = ANY(${p}::uuid[])`,
  facilityId: (p) => `c.facility_id = ANY(${p}::uuid[])`,
  classroomId: (p) => `c.parent_id = ANY(${p}::uuid[])`,
  groupId: (p) => `c.id = ANY(${p}::uuid[])`,
};

const SELECT = `SELECT c.id, c.name, c.parent_id,
       COALESCE((SELECT array_agg(m.user_id::text ORDER BY m.created_at, m.user_id) FROM kolibri_membership m WHERE m.collection_id = c.id), '{}'::text[]) AS user_ids
  FROM kolibri_collection c`;

interface Row {
  id: string;
  name: string;
  parent_id: string;
  user_ids: string[];
}

const toDto = (r: Row): LearnerGroupDto => ({ id: toHexId(r.id), name: r.name, parent: toHexId(r.parent_id), user_ids: r.user_ids.map((u) => toHexId(u)) });

@Injectable()
export class LearnerGroupsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly collections: CollectionsRepository,
  ) {}

  /** An unknown parent classroom is a 400, as Kolibri's parent filter answers. */
  async list(principal: Principal, ability: AppAbility, parent?: string): Promise<LearnerGroupDto[]> {
    const parentId = optionalId(parent, 'parent') ?? null;
    if (parentId) await this.collections.reference(principal.accountId, parentId, 'classroom', 'parent');
    const params: unknown[] = [principal.accountId, parentId];
    const filter = readFilter(ability, 'read', 'LearnerGroup', COLUMNS, params);
    const fetched = await rows<Row>(
      this.db,
      `${SELECT} WHERE c.account_id = $1 AND c.kind = 'learnergroup' AND ($2::uuid IS NULL OR c.parent_id = $2) AND ${filter} ORDER BY c.name, c.id`,
      params,
    );
    return fetched.map(toDto);
  }

  async get(accountId: string, id: string): Promise<LearnerGroupDto> {
    const fetched = await rows<Row>(this.db, `${SELECT} WHERE c.id = $1 AND c.account_id = $2 AND c.kind = 'learnergroup'`, [id, accountId]);
    if (!fetched.length) throw ApiError.notFound();
    return toDto(fetched[0]);
  }

  async create(principal: Principal, ability: AppAbility, name: string, parentRaw: string): Promise<LearnerGroupDto> {
    const parent = await this.collections.reference(principal.accountId, idOf(parentRaw, 'parent'), 'classroom', 'parent');
    assertCan(ability, 'create', 'LearnerGroup', { accountId: principal.accountId, facilityId: parent.facility_id, classroomId: parent.id });
    const id = await this.collections.insertChild(principal.accountId, 'learnergroup', name, parent);
    return this.get(principal.accountId, id);
  }

  async update(accountId: string, id: string, name?: string): Promise<LearnerGroupDto> {
    if (name !== undefined) await this.collections.rename(accountId, id, 'learnergroup', name);
    return this.get(accountId, id);
  }

  remove(accountId: string, id: string): Promise<void> {
    return this.collections.remove(accountId, id, 'learnergroup');
  }
}
