import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../../../core/auth/principal';
import { isUniqueViolation } from '../../../core/database/pg-error';
import { ApiError } from '../../../core/http/api-error';
import { toHexId } from '../../../core/http/ids';
import { AppAbility } from '../../../core/policy/app-ability';
import { idList, idOf, optionalId } from '../common/kolibri-ids';
import { assertCan } from '../../../core/policy/assert-can';
import { ColumnMap, readFilter } from '../../../core/policy/read-filter';
import { FacilityLinksService } from '../facility-users/facility-links.service';
import { ASSIGNABLE_COACH_ALIAS, CreateRoleDto, RoleDto, RoleQueryDto } from './role.dto';
import { rows } from '../../../core/database/sql';

const COLUMNS: ColumnMap = {
  accountId: (p) => `r.account_id = ANY(${p}::uuid[])`,
  facilityId: (p) => `r.facility_id = ANY(${p}::uuid[])`,
  userId: (p) => `r.user_id = ANY(${p}::uuid[])`,
  classroomId: (p) => `(CASE WHEN c.kind = 'classroom' THEN c.id END) = ANY(${p}::uuid[])`,
};

interface Row {
  id: string;
  kind: string;
  user_id: string;
  collection_id: string;
  facility_id: string;
}

/** Kolibri's RoleFilter: user, collection, kind, user_ids, by_ids ($2-$6). */
const FILTERS_SQL = `($2::uuid IS NULL OR r.user_id = $2) AND ($3::uuid IS NULL OR r.collection_id = $3) AND ($4::text IS NULL OR r.kind = $4)
  AND ($5::uuid[] IS NULL OR r.user_id = ANY($5::uuid[])) AND ($6::uuid[] IS NULL OR r.id = ANY($6::uuid[]))`;

const toDto = (r: Row): RoleDto => ({ id: toHexId(r.id), kind: r.kind, collection: toHexId(r.collection_id), user: toHexId(r.user_id) });
const normalKind = (k: string) => (k === ASSIGNABLE_COACH_ALIAS ? 'assignable_coach' : k);
const filterParams = (q: RoleQueryDto) => [
  optionalId(q.user, 'user') ?? null,
  optionalId(q.collection, 'collection') ?? null,
  q.kind ? normalKind(q.kind) : null,
  idList(q.user_ids, 'user_ids') ?? null,
  idList(q.by_ids, 'by_ids') ?? null,
];

@Injectable()
export class RolesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly links: FacilityLinksService,
  ) {}

  async list(principal: Principal, ability: AppAbility, q: RoleQueryDto): Promise<RoleDto[]> {
    const params: unknown[] = [principal.accountId, ...filterParams(q)];
    const filter = readFilter(ability, 'read', 'Role', COLUMNS, params);
    const fetched = await rows<Row>(
      this.db,
      `SELECT r.id, r.kind, r.user_id, r.collection_id, r.facility_id FROM kolibri_role r JOIN kolibri_collection c ON c.id = r.collection_id
        WHERE r.account_id = $1 AND ${FILTERS_SQL} AND ${filter}
        ORDER BY r.created_at, r.id`,
      params,
    );
    return fetched.map(toDto);
  }

  async get(accountId: string, id: string): Promise<RoleDto> {
    const fetched = await rows<Row>(this.db, `SELECT id, kind, user_id, collection_id, facility_id FROM kolibri_role WHERE id = $1 AND account_id = $2`, [id, accountId]);
    if (!fetched.length) throw ApiError.notFound();
    return toDto(fetched[0]);
  }

  /**
   * One transaction: the roles asked for, then a facility-level assignable coach role for every
   * new classroom coach without a facility role (as Kolibri does).
   */
  async create(principal: Principal, ability: AppAbility, items: CreateRoleDto[]): Promise<RoleDto[]> {
    const accountId = principal.accountId;
    const wanted = items.map((i) => ({ user: idOf(i.user, 'user'), collection: idOf(i.collection, 'collection'), kind: normalKind(i.kind) }));
    const fetched = await rows<{ id: string; kind: string; facility_id: string }>(
      this.db,
      `SELECT id, kind, facility_id FROM kolibri_collection WHERE account_id = $1 AND id = ANY($2::uuid[])`,
      [accountId, [...new Set(wanted.map((w) => w.collection))]],
    );
    const targets = new Map(fetched.map((r) => [r.id, r]));
    for (const w of wanted) {
      const t = targets.get(w.collection);
      if (!t) throw ApiError.badRequest(`Invalid pk "${toHexId(w.collection)}" - object does not exist.`, 'collection');
      if (t.kind === 'learnergroup') throw ApiError.badRequest('Roles cannot be assigned on a learner group.', 'collection');
      if (t.kind === 'classroom' && w.kind !== 'coach') throw ApiError.badRequest(`A ${w.kind} role can only be given on a facility.`, 'kind');
      assertCan(ability, 'create', 'Role', { accountId, facilityId: t.facility_id, classroomId: t.kind === 'classroom' ? t.id : null, userId: w.user });
    }
    const created = await this.db.transaction(async (m) => {
      const byFacility = new Map<string, string[]>();
      for (const w of wanted) {
        const f = targets.get(w.collection)!.facility_id;
        byFacility.set(f, [...(byFacility.get(f) ?? []), w.user]);
      }
      for (const [facilityId, users] of byFacility) await this.links.join(m, ability, accountId, facilityId, users);
      let out: Row[];
      try {
        out = await rows(
          m,
          `INSERT INTO kolibri_role (account_id, user_id, collection_id, facility_id, kind)
           SELECT $1, t.u, t.c, c.facility_id, t.k FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS t(u, c, k) JOIN kolibri_collection c ON c.id = t.c
           RETURNING id, kind, user_id, collection_id, facility_id`,
          [accountId, wanted.map((w) => w.user), wanted.map((w) => w.collection), wanted.map((w) => w.kind)],
        );
      } catch (e) {
        if (isUniqueViolation(e)) throw ApiError.conflict('The fields user, collection, kind must make a unique set.', 'kind', 400);
        throw e;
      }
      const coaches = out.filter((r) => r.collection_id !== r.facility_id);
      if (coaches.length) {
        await rows(
          m,
          `INSERT INTO kolibri_role (account_id, user_id, collection_id, facility_id, kind)
           SELECT DISTINCT $1::uuid, t.u, t.f, t.f, 'assignable_coach' FROM unnest($2::uuid[], $3::uuid[]) AS t(u, f)
            WHERE NOT EXISTS (SELECT 1 FROM kolibri_role x WHERE x.user_id = t.u AND x.collection_id = t.f)
           ON CONFLICT DO NOTHING`,
          [accountId, coaches.map((r) => r.user_id), coaches.map((r) => r.facility_id)],
        );
      }
      return out;
    });
    const byKey = new Map(created.map((r) => [`${r.user_id}/${r.collection_id}/${r.kind}`, r]));
    return wanted.map((w) => toDto(byKey.get(`${w.user}/${w.collection}/${w.kind}`)!));
  }

  async remove(accountId: string, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const deleted = await rows<Row>(
        m,
        `DELETE FROM kolibri_role WHERE id = $1 AND account_id = $2 RETURNING id, kind, user_id, collection_id, facility_id`,
        [id, accountId],
      );
      if (!deleted.length) throw ApiError.notFound();
      await this.cascadeFacilityRoles(m, deleted);
    });
  }

  async removeWhere(principal: Principal, ability: AppAbility, q: RoleQueryDto): Promise<void> {
    const params = filterParams(q);
    const [user, collection, , userIds, byIds] = params;
    if (!user && !collection && !userIds && !byIds) throw ApiError.badRequest('Give a user, collection, user_ids or by_ids filter to delete roles.');
    const sqlParams: unknown[] = [principal.accountId, ...params];
    const filter = readFilter(ability, 'delete', 'Role', COLUMNS, sqlParams);
    await this.db.transaction(async (m) => {
      const deleted = await rows<Row>(
        m,
        `DELETE FROM kolibri_role d USING kolibri_role r JOIN kolibri_collection c ON c.id = r.collection_id
          WHERE d.id = r.id AND r.account_id = $1 AND ${FILTERS_SQL} AND ${filter}
          RETURNING d.id, d.kind, d.user_id, d.collection_id, d.facility_id`,
        sqlParams,
      );
      await this.cascadeFacilityRoles(m, deleted);
    });
  }

  /** A user left without any facility-level role loses their classroom coach roles in that facility. */
  private async cascadeFacilityRoles(m: EntityManager, deleted: Row[]): Promise<void> {
    const facilityRoles = deleted.filter((d) => d.collection_id === d.facility_id);
    if (!facilityRoles.length) return;
    await rows(
      m,
      `DELETE FROM kolibri_role cr USING unnest($1::uuid[], $2::uuid[]) AS t(u, f)
        WHERE cr.user_id = t.u AND cr.facility_id = t.f AND cr.collection_id <> t.f AND cr.kind = 'coach'
          AND NOT EXISTS (SELECT 1 FROM kolibri_role x WHERE x.user_id = t.u AND x.collection_id = t.f)`,
      [facilityRoles.map((d) => d.user_id), facilityRoles.map((d) => d.facility_id)],
    );
  }
}
