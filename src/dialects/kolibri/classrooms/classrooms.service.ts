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
import { ClassroomDto, ClassroomQueryDto, CoachDto } from './classroom.dto';
import { rows } from '../../../core/database/sql';

const COLUMNS: ColumnMap = {
  accountId: (p) => `c.account_id = ANY(${p}::uuid[])`,
  facilityId: (p) => `c.facility_id = ANY(${p}::uuid[])`,
  classroomId: (p) => `c.id = ANY(${p}::uuid[])`,
};

interface ClassroomRow {
  id: string;
  name: string;
  parent_id: string;
  learner_count: number;
}

interface CoachRow {
  id: string;
  username: string;
  full_name: string;
  is_superuser: boolean;
  roles: { collection: string; kind: string; id: string }[];
}

/** Three queries whatever the number of classrooms: the classrooms with their counts, the coach pairs, the coaches. */
@Injectable()
export class ClassroomsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly collections: CollectionsRepository,
  ) {}

  /**
   * `role` as Kolibri's ClassroomFilter: the classrooms the caller holds a role on (admin of its
   * facility, coach of it or of its facility; assignable coach roles aside). Holding such a role is
   * what lets one manage a classroom's learner groups, so the filter is that ability, read as SQL:
   * superusers, API clients and account admins keep every readable classroom, as Kolibri's superuser.
   */
  async list(principal: Principal, ability: AppAbility, q: ClassroomQueryDto): Promise<ClassroomDto[]> {
    const parent = optionalId(q.parent, 'parent') ?? null;
    if (parent) await this.collections.reference(principal.accountId, parent, 'facility', 'parent');
    const params: unknown[] = [principal.accountId, parent];
    let where = `c.account_id = $1 AND c.kind = 'classroom' AND ($2::uuid IS NULL OR c.parent_id = $2) AND ${readFilter(ability, 'read', 'Classroom', COLUMNS, params)}`;
    // A would-be learner group of classroom c has c's attributes (facilityId = its facility, classroomId = c.id).
    if (q.role) where += ` AND ${readFilter(ability, 'create', 'LearnerGroup', COLUMNS, params)}`;
    const found = await rows<ClassroomRow>(
      this.db,
      `SELECT c.id, c.name, c.parent_id, (SELECT count(*)::int FROM kolibri_membership m WHERE m.collection_id = c.id) AS learner_count
         FROM kolibri_collection c
        WHERE ${where}
        ORDER BY c.name, c.id`,
      params,
    );
    return this.withCoaches(found);
  }

  async get(accountId: string, id: string): Promise<ClassroomDto> {
    const found = await rows<ClassroomRow>(
      this.db,
      `SELECT c.id, c.name, c.parent_id, (SELECT count(*)::int FROM kolibri_membership m WHERE m.collection_id = c.id) AS learner_count
         FROM kolibri_collection c WHERE c.id = $1 AND c.account_id = $2 AND c.kind = 'classroom'`,
      [id, accountId],
    );
    if (!found.length) throw ApiError.notFound();
    return (await this.withCoaches(found))[0];
  }

  async create(principal: Principal, ability: AppAbility, name: string, parentRaw: string): Promise<ClassroomDto> {
    const parent = await this.collections.reference(principal.accountId, idOf(parentRaw, 'parent'), 'facility', 'parent');
    assertCan(ability, 'create', 'Classroom', { accountId: principal.accountId, facilityId: parent.id });
    const id = await this.collections.insertChild(principal.accountId, 'classroom', name, parent);
    return this.get(principal.accountId, id);
  }

  async update(accountId: string, id: string, name?: string): Promise<ClassroomDto> {
    if (name !== undefined) await this.collections.rename(accountId, id, 'classroom', name);
    return this.get(accountId, id);
  }

  remove(accountId: string, id: string): Promise<void> {
    return this.collections.remove(accountId, id, 'classroom');
  }

  /**
   * Coach pairs, then each distinct coach once with their facility-level roles: a coach of many
   * classes costs one row. As Kolibri's ClassroomViewSet: a coach's `facility` is the classroom's
   * parent and `roles` lists only their roles on that facility.
   */
  private async withCoaches(found: ClassroomRow[]): Promise<ClassroomDto[]> {
    if (!found.length) return [];
    const pairs = await rows<{ classroom_id: string; user_id: string }>(
      this.db,
      `SELECT r.collection_id AS classroom_id, r.user_id FROM kolibri_role r WHERE r.collection_id = ANY($1::uuid[]) AND r.kind = 'coach'`,
      [found.map((r) => r.id)],
    );
    const coaches: CoachRow[] = pairs.length
      ? await rows<CoachRow>(
          this.db,
          `SELECT u.id, u.username, u.full_name, u.is_superuser,
                  COALESCE((SELECT json_agg(json_build_object('collection', x.collection_id, 'kind', x.kind, 'id', x.id) ORDER BY x.created_at, x.id)
                              FROM kolibri_role x WHERE x.user_id = u.id AND x.collection_id = x.facility_id), '[]'::json) AS roles
             FROM "user" u
            WHERE u.id = ANY($1::uuid[])
            ORDER BY u.username, u.id`,
          [[...new Set(pairs.map((p) => p.user_id))]],
        )
      : [];
    const byId = new Map(coaches.map((c) => [c.id, c]));
    const coachIn = (c: CoachRow, facilityId: string): CoachDto => ({
      id: toHexId(c.id),
      facility: toHexId(facilityId),
      is_superuser: c.is_superuser,
      full_name: c.full_name,
      username: c.username,
      roles: c.roles.filter((x) => x.collection === facilityId).map((x) => ({ collection: toHexId(x.collection), kind: x.kind, id: toHexId(x.id) })),
    });
    const order = new Map(coaches.map((c, i) => [c.id, i]));
    const byClass = new Map<string, string[]>();
    for (const p of pairs) {
      const users = byClass.get(p.classroom_id);
      if (users) users.push(p.user_id);
      else byClass.set(p.classroom_id, [p.user_id]);
    }
    return found.map((r) => ({
      id: toHexId(r.id),
      name: r.name,
      parent: toHexId(r.parent_id),
      learner_count: r.learner_count,
      coaches: (byClass.get(r.id) ?? []).sort((a, b) => order.get(a)! - order.get(b)!).map((u) => coachIn(byId.get(u)!, r.parent_id)),
    }));
  }
}
