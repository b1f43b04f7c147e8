import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ApiError } from '../../../core/http/api-error';
import { User } from '../../../core/users/user.entity';
import { UserChanges, UserConflictError, UsersService } from '../../../core/users/users.service';
import { statusError } from '../common/triboo-status';
import { AccessInput, AccessState, planAccess } from './access-groups';
import { TribooUserGroup } from './user-group.entity';
import { TribooUserProfile } from './user-profile.entity';
import { CreateTribooUserDto, TribooUserDto, TribooUserStatusDto, UpdateTribooUserDto } from './user.dto';
import { PROFILE_FIELDS, USER_COLUMNS, USER_FROM, UserRow, toTribooUser } from './user.mapper';
import { rows } from '../../../core/database/sql';

export type UserKey = { by: 'user_id'; value: number } | { by: 'username'; value: string };

/** Fields that have a value whatever happens; an update may change them but not clear them. */
const NOT_NULL = [
  'username', 'email', 'first_name', 'last_name', 'name', 'language', 'location', 'country', 'lt_gdpr', 'lt_exempt_status', 'lt_is_tos_agreed', 'platform_role',
  'internal_catalog_access', 'edflex_catalog_access', 'crehana_catalog_access', 'anderspink_catalog_access', 'learnlight_catalog_access',
] as const;

function conflictStatus(e: unknown): never {
  if (e instanceof UserConflictError) {
    if (e.field === 'email') throw statusError('email_already_used', 'An account with this email already exists.');
    throw statusError('username_already_used', 'An account with this username already exists.');
  }
  throw e;
}

/** Create, update and read Triboo users: the core user plus its profile row and access-group rows. */
@Injectable()
export class TribooUsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
  ) {}

  async create(accountId: string, dto: CreateTribooUserDto): Promise<TribooUserStatusDto> {
    const id = await this.db.transaction(async (m) => {
      const user = await this.users
        // The profile name is its own field (Open edX UserProfile.name): not sent, it is "", never "first last".
        .create(accountId, { username: dto.username, email: dto.email, firstName: dto.first_name, lastName: dto.last_name, fullName: dto.name ?? '' }, m)
        .catch(conflictStatus);
      await this.writeProfile(m, user, dto, { groups: [], isStaff: false, isSuperuser: false });
      return user.id;
    });
    return { ...(await this.findOne(accountId, { by: 'id', value: id }))!, status: 'user_created' };
  }

  async update(accountId: string, key: UserKey, dto: UpdateTribooUserDto): Promise<TribooUserStatusDto> {
    const cleared = NOT_NULL.find((f) => (dto as Record<string, unknown>)[f] === null);
    if (cleared) throw ApiError.badRequest(`${cleared} may not be null.`, cleared);
    const id = await this.db.transaction(async (m) => {
      const user = await m.getRepository(User).findOne({ where: { accountId, [key.by === 'user_id' ? 'userId' : 'username']: key.value }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw statusError('user_not_found', `No user with this ${key.by}.`);
      if (!user.isActive) throw statusError('user_inactive', 'The user is inactive and was not updated.');
      const changes: UserChanges = {};
      if (dto.username !== undefined) {
        changes.username = dto.username;
        // An identifier that only ever was the username follows it, so the old name is free again.
        if (user.identifier === user.username) changes.identifier = dto.username;
      }
      if (dto.email !== undefined) changes.email = dto.email;
      if (dto.first_name !== undefined) changes.firstName = dto.first_name;
      if (dto.last_name !== undefined) changes.lastName = dto.last_name;
      if (dto.name !== undefined) changes.fullName = dto.name;
      else if (changes.firstName !== undefined || changes.lastName !== undefined) {
        // A name that was never derived from first/last name (an empty one included) stays as it is.
        const derived = [user.firstName, user.lastName].filter(Boolean).join(' ');
        if (user.fullName === '' || user.fullName !== derived) changes.fullName = user.fullName;
      }
      const updated = await this.users.update(user, changes, m).catch(conflictStatus);
      const current = await rows<{ groups: string[]; is_staff: boolean | null; is_superuser: boolean | null }>(
        m,
        `SELECT ARRAY(SELECT group_name FROM triboo_user_group WHERE user_id = $1) AS groups, p.is_staff, p.is_superuser
           FROM (SELECT 1) one LEFT JOIN triboo_user_profile p ON p.user_id = $1`,
        [user.id],
      );
      const c = current[0];
      await this.writeProfile(m, updated, dto, { groups: c.groups, isStaff: Boolean(c.is_staff), isSuperuser: Boolean(c.is_superuser) });
      return user.id;
    });
    return { ...(await this.findOne(accountId, { by: 'id', value: id }))!, status: 'user_updated' };
  }

  /** Upserts the profile with the fields sent and applies the access-group changes. */
  private async writeProfile(m: EntityManager, user: User, dto: UpdateTribooUserDto, current: AccessState): Promise<void> {
    const patch: Record<string, unknown> = { userId: user.id, accountId: user.accountId };
    for (const [wire, prop] of Object.entries(PROFILE_FIELDS)) {
      const v = (dto as Record<string, unknown>)[wire];
      if (v !== undefined) patch[prop] = wire === 'country' && typeof v === 'string' ? v.toUpperCase() : v;
    }
    const plan = planAccess(dto as AccessInput, current);
    patch.isStaff = plan.isStaff;
    patch.isSuperuser = plan.isSuperuser;
    await m.getRepository(TribooUserProfile).upsert(patch as Partial<TribooUserProfile>, ['userId']);
    if (plan.remove.length) {
      await rows(m, `DELETE FROM triboo_user_group WHERE user_id = $1 AND group_name = ANY($2::text[])`, [user.id, plan.remove]);
    }
    if (plan.add.length) {
      await m
        .createQueryBuilder()
        .insert()
        .into(TribooUserGroup)
        .values(plan.add.map((groupName) => ({ userId: user.id, accountId: user.accountId, groupName })))
        .orIgnore()
        .execute();
    }
  }

  async findOne(accountId: string, key: UserKey | { by: 'id'; value: string }): Promise<TribooUserDto | null> {
    const column = key.by === 'id' ? 'u.id' : key.by === 'user_id' ? 'u.user_id' : 'u.username';
    const found = await rows<UserRow>(this.db, `SELECT ${USER_COLUMNS} FROM ${USER_FROM} WHERE u.account_id = $1 AND ${column} = $2`, [accountId, key.value]);
    return found.length ? toTribooUser(found[0]) : null;
  }

  async get(accountId: string, key: UserKey): Promise<TribooUserDto> {
    const user = await this.findOne(accountId, key);
    if (!user) throw statusError('user_not_found', `No user with this ${key.by}.`);
    return user;
  }
}
