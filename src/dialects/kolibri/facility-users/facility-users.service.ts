import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../../../core/auth/principal';
import { ApiError } from '../../../core/http/api-error';
import { toHexId } from '../../../core/http/ids';
import { AppAbility } from '../../../core/policy/app-ability';
import { ChangedBy, UserConflictError, UsersService } from '../../../core/users/users.service';
import { KolibriAccess } from '../common/kolibri-access';
import { idOf, optionalId } from '../common/kolibri-ids';
import { assertCan } from '../../../core/policy/assert-can';
import { ColumnMap, readFilter } from '../../../core/policy/read-filter';
import { CreateFacilityUserDto, FacilityUserDto, FacilityUserPageDto, FacilityUserQueryDto, UpdateFacilityUserDto } from './facility-user.dto';
import { rethrowUsernameConflict } from './facility-links.service';
import { rows } from '../../../core/database/sql';

export const FACILITY_USER_COLUMNS: ColumnMap = {
  accountId: (p) => `fu.account_id = ANY(${p}::uuid[])`,
  facilityId: (p) => `fu.facility_id = ANY(${p}::uuid[])`,
  userId: (p) => `fu.user_id = ANY(${p}::uuid[])`,
  classroomIds: (p) => `EXISTS (SELECT 1 FROM kolibri_membership cm WHERE cm.user_id = fu.user_id AND cm.collection_id = ANY(${p}::uuid[]))`,
};

/** A facility user with its roles, in one statement whatever the number of rows. */
const SELECT = `SELECT u.id, u.username, u.full_name, u.is_superuser, fu.facility_id,
       COALESCE((SELECT json_agg(json_build_object('collection', r.collection_id, 'kind', r.kind, 'id', r.id) ORDER BY r.created_at, r.id)
                   FROM kolibri_role r WHERE r.user_id = u.id), '[]'::json) AS roles
  FROM kolibri_facility_user fu JOIN "user" u ON u.id = fu.user_id`;

interface Row {
  id: string;
  username: string;
  full_name: string;
  is_superuser: boolean;
  facility_id: string;
  roles: { collection: string; kind: string; id: string }[];
}

function toDto(r: Row): FacilityUserDto {
  return {
    id: toHexId(r.id),
    username: r.username,
    full_name: r.full_name,
    facility: toHexId(r.facility_id),
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
    const where = `fu.account_id = $1 AND ($2::uuid IS NULL OR fu.facility_id = $2)
      AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM kolibri_membership mo WHERE mo.user_id = fu.user_id AND mo.collection_id = $3))`;
    const params: unknown[] = [principal.accountId, optionalId(q.facility, 'facility') ?? null, optionalId(q.member_of, 'member_of') ?? null];
    const filter = readFilter(ability, 'read', 'FacilityUser', FACILITY_USER_COLUMNS, params);
    if (!q.page_size) {
      const found = await rows<Row>(this.db, `${SELECT} WHERE ${where} AND ${filter} ORDER BY fu.username, fu.user_id`, params);
      return found.map(toDto);
    }
    const page = q.page ?? 1;
    const size = q.page_size;
    const [{ n }] = await rows<{ n: number }>(this.db, `SELECT count(*)::int AS n FROM kolibri_facility_user fu WHERE ${where} AND ${filter}`, params);
    // Django's paginator: an empty list still has its one (empty) page; a page past the last is a 404.
    const totalPages = Math.max(1, Math.ceil(n / size));
    if (page > totalPages) throw ApiError.notFound('Invalid page.');
    const p = params.length;
    // Page numbers are the contract here (Kolibri's pagination), so the page is found by position.
    const found = await rows<Row>(
      this.db,
      `${SELECT} WHERE ${where} AND ${filter} ORDER BY fu.username, fu.user_id LIMIT $${p + 1} OFFSET $${p + 2}`,
      [...params, size, (page - 1) * size],
    );
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
