import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../../../core/auth/principal';
import { isUniqueViolation } from '../../../core/database/pg-error';
import { ApiError } from '../../../core/http/api-error';
import { toHexId } from '../../../core/http/ids';
import { AppAbility } from '../../../core/policy/app-ability';
import { idList, idOf, optionalId } from '../common/kolibri-ids';
import { assertCanEach } from '../../../core/policy/assert-can';
import { ColumnMap, readFilter } from '../../../core/policy/read-filter';
import { FacilityLinksService } from '../facility-users/facility-links.service';
import { CreateMembershipDto, MembershipDto, MembershipQueryDto } from './membership.dto';
import { rows } from '../../../core/database/sql';

const COLUMNS: ColumnMap = {
  accountId: (p) => `m.account_id = ANY(${p}::uuid[])`,
  facilityId: (p) => `m.facility_id = ANY(${p}::uuid[])`,
  userId: (p) => `m.user_id = ANY(${p}::uuid[])`,
  classroomId: (p) => `(CASE WHEN c.kind = 'classroom' THEN c.id ELSE c.parent_id END) = ANY(${p}::uuid[])`,
  collectionKind: (p) => `c.kind = ANY(${p}::text[])`,
};

interface Row {
  id: string;
  user_id: string;
  collection_id: string;
}

interface Target {
  id: string;
  kind: string;
  parent_id: string | null;
  facility_id: string;
}

/** Kolibri's MembershipFilter: user, collection, user_ids, by_ids ($2-$5). */
const FILTERS_SQL = `($2::uuid IS NULL OR m.user_id = $2) AND ($3::uuid IS NULL OR m.collection_id = $3)
  AND ($4::uuid[] IS NULL OR m.user_id = ANY($4::uuid[])) AND ($5::uuid[] IS NULL OR m.id = ANY($5::uuid[]))`;
const filterParams = (q: MembershipQueryDto) => [
  optionalId(q.user, 'user') ?? null,
  optionalId(q.collection, 'collection') ?? null,
  idList(q.user_ids, 'user_ids') ?? null,
  idList(q.by_ids, 'by_ids') ?? null,
];

const toDto = (r: Row): MembershipDto => ({ id: toHexId(r.id), user: toHexId(r.user_id), collection: toHexId(r.collection_id) });

@Injectable()
export class MembershipsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly links: FacilityLinksService,
  ) {}

  async list(principal: Principal, ability: AppAbility, q: MembershipQueryDto): Promise<MembershipDto[]> {
    const params: unknown[] = [principal.accountId, ...filterParams(q)];
    const filter = readFilter(ability, 'read', 'Membership', COLUMNS, params);
    const found = await rows<Row>(
      this.db,
      `SELECT m.id, m.user_id, m.collection_id FROM kolibri_membership m JOIN kolibri_collection c ON c.id = m.collection_id
        WHERE m.account_id = $1 AND ${FILTERS_SQL} AND ${filter}
        ORDER BY m.created_at, m.id`,
      params,
    );
    return found.map(toDto);
  }

  async get(accountId: string, id: string): Promise<MembershipDto> {
    const found = await rows<Row>(this.db, `SELECT id, user_id, collection_id FROM kolibri_membership WHERE id = $1 AND account_id = $2`, [id, accountId]);
    if (!found.length) throw ApiError.notFound();
    return toDto(found[0]);
  }

  /**
   * One transaction, set-based whatever the number of items: classroom memberships first, then
   * group memberships, each of which needs the user's membership of the group's classroom.
   */
  async create(principal: Principal, ability: AppAbility, items: CreateMembershipDto[]): Promise<MembershipDto[]> {
    const accountId = principal.accountId;
    const pairs = items.map((i) => ({ user: idOf(i.user, 'user'), collection: idOf(i.collection, 'collection') }));
    const targets = await this.targets(accountId, [...new Set(pairs.map((p) => p.collection))]);
    // As checking each item in order: the permission of the items before the first invalid one decides first.
    const invalid = pairs.findIndex((p) => (targets.get(p.collection)?.kind ?? 'facility') === 'facility');
    const checked = invalid < 0 ? pairs : pairs.slice(0, invalid);
    assertCanEach(ability, 'create', 'Membership', checked.map((p) => {
      const t = targets.get(p.collection)!;
      return { accountId, facilityId: t.facility_id, classroomId: t.kind === 'classroom' ? t.id : t.parent_id, collectionKind: t.kind, userId: p.user };
    }));
    if (invalid >= 0) {
      const p = pairs[invalid];
      if (!targets.get(p.collection)) throw ApiError.badRequest(`Invalid pk "${toHexId(p.collection)}" - object does not exist.`, 'collection');
      throw ApiError.badRequest('Users cannot be members of a facility; add them to a classroom or learner group.', 'collection');
    }
    const found = await this.db.transaction(async (m) => {
      const byFacility = new Map<string, string[]>();
      for (const p of pairs) {
        const f = targets.get(p.collection)!.facility_id;
        const users = byFacility.get(f);
        if (users) users.push(p.user);
        else byFacility.set(f, [p.user]);
      }
      for (const [facilityId, users] of byFacility) await this.links.join(m, ability, accountId, facilityId, users);
      const classes = pairs.filter((p) => targets.get(p.collection)!.kind === 'classroom');
      const groups = pairs.filter((p) => targets.get(p.collection)!.kind === 'learnergroup');
      const out = await this.insert(m, accountId, classes);
      if (groups.length) {
        const [missing] = await rows<{ user_id: string; collection_id: string }>(
          m,
          `SELECT t.u AS user_id, t.g AS collection_id FROM unnest($1::uuid[], $2::uuid[]) AS t(u, g)
             JOIN kolibri_collection g ON g.id = t.g
            WHERE NOT EXISTS (SELECT 1 FROM kolibri_membership cm WHERE cm.user_id = t.u AND cm.collection_id = g.parent_id)
            LIMIT 1`,
          [groups.map((p) => p.user), groups.map((p) => p.collection)],
        );
        if (missing) throw ApiError.badRequest(`User ${toHexId(missing.user_id)} must be a member of the classroom before joining its learner group.`, 'collection');
        out.push(...(await this.insert(m, accountId, groups)));
      }
      return out;
    });
    const byKey = new Map(found.map((r) => [`${r.user_id}/${r.collection_id}`, r]));
    return pairs.map((p) => toDto(byKey.get(`${p.user}/${p.collection}`)!));
  }

  async remove(accountId: string, id: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const deleted = await rows<Row>(m, `DELETE FROM kolibri_membership WHERE id = $1 AND account_id = $2 RETURNING id, user_id, collection_id`, [id, accountId]);
      if (!deleted.length) throw ApiError.notFound();
      await this.cascadeToGroups(m, deleted);
    });
  }

  /** Deletes, among the memberships matching the filter, those the caller may delete. */
  async removeWhere(principal: Principal, ability: AppAbility, q: MembershipQueryDto): Promise<void> {
    const params = filterParams(q);
    if (params.every((p) => p === null)) throw ApiError.badRequest('Give a user, collection, user_ids or by_ids filter to delete memberships.');
    const sqlParams: unknown[] = [principal.accountId, ...params];
    const filter = readFilter(ability, 'delete', 'Membership', COLUMNS, sqlParams);
    await this.db.transaction(async (m) => {
      const deleted = await rows<Row>(
        m,
        `DELETE FROM kolibri_membership d USING kolibri_membership m JOIN kolibri_collection c ON c.id = m.collection_id
          WHERE d.id = m.id AND m.account_id = $1 AND ${FILTERS_SQL} AND ${filter}
          RETURNING d.id, d.user_id, d.collection_id`,
        sqlParams,
      );
      await this.cascadeToGroups(m, deleted);
    });
  }

  /** Leaving a classroom means leaving its learner groups too. */
  private async cascadeToGroups(m: EntityManager, deleted: Row[]): Promise<void> {
    if (!deleted.length) return;
    await rows(
      m,
      `DELETE FROM kolibri_membership gm USING unnest($1::uuid[], $2::uuid[]) AS t(u, cls), kolibri_collection g
        WHERE g.parent_id = t.cls AND g.kind = 'learnergroup' AND gm.collection_id = g.id AND gm.user_id = t.u`,
      [deleted.map((d) => d.user_id), deleted.map((d) => d.collection_id)],
    );
  }

  private async targets(accountId: string, ids: string[]): Promise<Map<string, Target>> {
    const found = await rows<Target>(
      this.db,
      `SELECT id, kind, parent_id, facility_id FROM kolibri_collection WHERE account_id = $1 AND id = ANY($2::uuid[])`,
      [accountId, ids],
    );
    return new Map(found.map((r) => [r.id, r]));
  }

  private async insert(m: EntityManager, accountId: string, pairs: { user: string; collection: string }[]): Promise<Row[]> {
    if (!pairs.length) return [];
    try {
      return await rows<Row>(
        m,
        `INSERT INTO kolibri_membership (account_id, user_id, collection_id, facility_id)
         SELECT $1, t.u, t.c, c.facility_id FROM unnest($2::uuid[], $3::uuid[]) AS t(u, c) JOIN kolibri_collection c ON c.id = t.c
         RETURNING id, user_id, collection_id`,
        [accountId, pairs.map((p) => p.user), pairs.map((p) => p.collection)],
      );
    } catch (e) {
      if (isUniqueViolation(e)) throw ApiError.conflict('The fields user, collection must make a unique set.', 'collection', 400);
      throw e;
    }
  }
}
