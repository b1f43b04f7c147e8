import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../../../core/auth/principal';
import { ApiError } from '../../../core/http/api-error';
import { toHexId } from '../../../core/http/ids';
import { AppAbility } from '../../../core/policy/app-ability';
import { ChangedBy, UserConflictError, UsersService } from '../../../core/users/users.service';
import { KolibriAccess } from '../common/kolibri-access';
import { idOf } from '../common/kolibri-ids';
import { assertCan } from '../../../core/policy/assert-can';
import { ColumnMap, readFilter } from '../../../core/policy/read-filter';
import { CreateFacilityUserDto, FacilityUserDto, FacilityUserPageDto, FacilityUserQueryDto, UpdateFacilityUserDto } from './facility-user.dto';
import { facilityUserConditions, facilityUserOrder, searchTerms } from './facility-user-filters';
import { rethrowUsernameConflict } from './facility-links.service';
import { rows } from '../../../core/database/sql';

/** The policy's FacilityUser fields over `u` ("user") and `fu` (its facility link, null when in no facility). */
export const FACILITY_USER_COLUMNS: ColumnMap = {
  accountId: (p) => `u.account_id = ANY(${p}::uuid[])`,
  facilityId: (p) => `fu.facility_id = ANY(${p}::uuid[])`,
  userId: (p) => `u.id = ANY(${p}::uuid[])`,
  classroomIds: (p) => `EXISTS (SELECT 1 FROM kolibri_membership cm WHERE cm.user_id = u.id AND cm.collection_id = ANY(${p}::uuid[]))`,
};

const ROLES = `COALESCE((SELECT json_agg(json_build_object('collection', r.collection_id, 'kind', r.kind, 'id', r.id) ORDER BY r.created_at, r.id)
                   FROM kolibri_role r WHERE r.user_id = u.id), '[]'::json) AS roles`;

/** A facility user with its roles, in one statement whatever the number of rows. */
const SELECT = `SELECT u.id, u.username, u.full_name, u.is_superuser, fu.facility_id, ${ROLES}
  FROM kolibri_facility_user fu JOIN "user" u ON u.id = fu.user_id`;

/**
 * The users a list reads: the facility users; a search without a facility filter also reads the users of the
 * account made through another dialect and in no facility yet (facility null), so that an integrator can find
 * a user's id to make a membership. The read filter decides who sees those: account-wide readers, and the
 * user itself (the facility conditions of facility roles never match a NULL facility). Plain lists stay
 * facility users only: an account of many Triboo or Enabley users would otherwise list them all.
 */
const LIST_FROM = {
  inFacility: `kolibri_facility_user fu JOIN "user" u ON u.id = fu.user_id`,
  any: `"user" u LEFT JOIN kolibri_facility_user fu ON fu.user_id = u.id`,
};

interface Row {
  id: string;
  username: string;
  full_name: string;
  is_superuser: boolean;
  facility_id: string | null;
  roles: { collection: string; kind: string; id: string }[];
}

function toDto(r: Row): FacilityUserDto {
  return {
    id: toHexId(r.id),
    username: r.username,
    full_name: r.full_name,
    facility: r.facility_id === null ? null : toHexId(r.facility_id),
    is_superuser: r.is_superuser,
    roles: r.roles.map((x) => ({ collection: toHexId(x.collection), kind: x.kind, id: toHexId(x.id) })),
  };
}

@Injectable()
export class FacilityUsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly access: KolibriAccess,
  ) {}

  async list(principal: Principal, ability: AppAbility, q: FacilityUserQueryDto): Promise<FacilityUserDto[] | FacilityUserPageDto> {
    const params: unknown[] = [principal.accountId];
    const conditions = ['u.account_id = $1', ...facilityUserConditions(q, params)];
    conditions.push(readFilter(ability, 'read', 'FacilityUser', FACILITY_USER_COLUMNS, params));
    const anyUser = !q.facility && searchTerms(q.search).length > 0;
    const from = `FROM ${anyUser ? LIST_FROM.any : LIST_FROM.inFacility} WHERE ${conditions.join(' AND ')}`;
    const select = `SELECT u.id, u.username, u.full_name, u.is_superuser, fu.facility_id, ${ROLES} ${from} ORDER BY ${facilityUserOrder(q.ordering)}`;
    if (!q.page_size) return (await rows<Row>(this.db, select, params)).map(toDto);
    const page = q.page ?? 1;
    const size = q.page_size;
    const [{ n }] = await rows<{ n: number }>(this.db, `SELECT count(*)::int AS n ${from}`, params);
    // Django's paginator: an empty list still has its one (empty) page; a page past the last is a 404.
    const totalPages = Math.max(1, Math.ceil(n / size));
    if (page > totalPages) throw ApiError.notFound('Invalid page.');
    const p = params.length;
    // Page numbers are the contract here (Kolibri's pagination), so the page is found by position.
    const found = await rows<Row>(this.db, `${select} LIMIT $${p + 1} OFFSET $${p + 2}`, [...params, size, (page - 1) * size]);
    return { page, count: n, total_pages: totalPages, results: found.map(toDto) };
  }

  async get(accountId: string, id: string): Promise<FacilityUserDto> {
    const found = await rows<Row>(this.db, `${SELECT} WHERE fu.user_id = $1 AND fu.account_id = $2`, [id, accountId]);
    if (!found.length) throw ApiError.notFound();
    return toDto(found[0]);
  }

  async create(principal: Principal, ability: AppAbility, body: CreateFacilityUserDto): Promise<FacilityUserDto> {
    const facilityId = body.facility
      ? idOf(body.facility, 'facility')
      : principal.userId
        ? (await this.access.factsOf(principal.userId)).facilityId
        : null;
    if (!facilityId) throw ApiError.required('facility');
    const [facility] = await rows(this.db, `SELECT 1 FROM kolibri_collection WHERE id = $1 AND account_id = $2 AND kind = 'facility'`, [facilityId, principal.accountId]);
    if (!facility) throw ApiError.badRequest(`Invalid pk "${toHexId(facilityId)}" - object does not exist.`, 'facility');
    assertCan(ability, 'create', 'FacilityUser', { accountId: principal.accountId, facilityId, classroomIds: [] });
    const id = await this.db.transaction(async (m) => {
      try {
        const user = await this.users.create(principal.accountId, { username: body.username, password: body.password, fullName: body.full_name ?? '' }, m);
        await rows(m, `INSERT INTO kolibri_facility_user (user_id, facility_id, account_id, username) VALUES ($1, $2, $3, $4)`, [user.id, facilityId, principal.accountId, user.username]);
        return user.id;
      } catch (e) {
        if (e instanceof UserConflictError) throw ApiError.conflict(`A user with that ${e.field} already exists.`, 'username', 400);
        rethrowUsernameConflict(e);
      }
    });
    return this.get(principal.accountId, id);
  }

  /** Each field sent is checked on its own: learners change what their facility's dataset allows. */
  async update(accountId: string, ability: AppAbility, attrs: Record<string, unknown>, id: string, body: UpdateFacilityUserDto, by?: ChangedBy): Promise<FacilityUserDto> {
    for (const field of ['username', 'full_name', 'password'] as const) {
      if (body[field] !== undefined) assertCan(ability, 'update', 'FacilityUser', attrs, field);
    }
    await this.db.transaction(async (m) => {
      const user = await this.users.findById(accountId, id);
      if (!user) throw ApiError.notFound();
      try {
        const next = await this.users.update(user, { username: body.username, fullName: body.full_name, password: body.password }, m, by);
        await rows(m, `UPDATE kolibri_facility_user SET username = $2 WHERE user_id = $1`, [id, next.username]);
      } catch (e) {
        if (e instanceof UserConflictError) throw ApiError.conflict(`A user with that ${e.field} already exists.`, 'username', 400);
        rethrowUsernameConflict(e);
      }
    });
    return this.get(accountId, id);
  }

  /** Deletes the user itself; memberships, roles and sessions go with it. */
  async remove(principal: Principal, id: string): Promise<void> {
    if (!(await this.users.delete(principal.accountId, { id, superusers: true }))) throw ApiError.notFound();
  }
}
