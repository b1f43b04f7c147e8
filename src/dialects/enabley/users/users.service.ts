import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { retryOnceOnConflict } from '../../../core/database/retry-on-conflict';
import { ApiError } from '../../../core/http/api-error';
import { User } from '../../../core/users/user.entity';
import { NEW_USER_PARAMS, NewUserRow } from '../../../core/users/users.repository';
import { ChangedBy, UserConflictError, UsersService } from '../../../core/users/users.service';
import { rows } from '../../../core/database/sql';
import { SubAccountsService } from '../sub-accounts/sub-accounts.service';
import { UserDataDto, UserInfoDto } from './user.dto';
import { USER_INFO_COLUMNS, UserInfoRow, toUserInfo } from './user-info.sql';
import { EnableyUsersReadService } from './users-read.service';

const MAX_CUSTOM_ATTRIBUTES_JSON = 16 * 1024;

/** Writes of the Enabley users: the core user through the one users service, Enabley data in its own tables. */
@Injectable()
export class EnableyUsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly reads: EnableyUsersReadService,
    private readonly subAccounts: SubAccountsService,
  ) {}

  /**
   * PUT /api/v2/users: create or update by identifier, in one transaction. Two concurrent creates of the
   * same identifier: the loser of the unique index retries once and becomes an update.
   */
  async upsert(accountId: string, data: UserDataDto, by?: ChangedBy): Promise<{ created: boolean; user: UserInfoDto }> {
    if (data.customAttributes && JSON.stringify(data.customAttributes).length > MAX_CUSTOM_ATTRIBUTES_JSON)
      throw ApiError.badRequest(`customAttributes is larger than ${MAX_CUSTOM_ATTRIBUTES_JSON} bytes as JSON.`, 'customAttributes');
    // A new user, the usual provisioning call: one statement. Anything else (the identifier exists, a unique
    // value is taken, a password to hash, a sub-account to join) takes the transaction below, as before.
    if (!data.password && !data.subAccountName) {
      const created = await this.createInOneStatement(accountId, data);
      if (created) return { created: true, user: created };
    }
    // A concurrent create of the same identifier may trip any of the user's unique indexes first.
    return retryOnceOnConflict(() => this.upsertOnce(accountId, data, by), (e) => e instanceof UserConflictError);
  }

  /**
   * The create branch of upsertOnce as one INSERT … RETURNING: the user, its pending enrollments claimed, its
   * Enabley row, and the answer built from what the statement returned. null when it created nothing; a
   * field the username or email rules refuse also gives null, so the general path answers it exactly as before
   * (an existing user is checked against its own values there).
   */
  private async createInOneStatement(accountId: string, data: UserDataDto): Promise<UserInfoDto | null> {
    let row: NewUserRow;
    try {
      row = await this.users.prepareNew(accountId, {
        username: data.username ?? data.identifier,
        identifier: data.identifier,
        email: data.email,
        firstName: data.firstName === null ? '' : data.firstName,
        lastName: data.lastName === null ? '' : data.lastName,
        isActive: data.isActive ?? undefined,
      });
    } catch (e) {
      if (e instanceof ApiError) return null;
      throw e;
    }
    const p = NEW_USER_PARAMS;
    const created = await this.users.createIfAbsent<UserInfoRow>(row, {
      ctes: [
        `new_data AS (
           INSERT INTO enabley_user_data (user_id, possible_roles, custom_attributes, phone, address)
           SELECT id, COALESCE($${p + 1}::text[], ARRAY['LEARNER']), $${p + 2}::jsonb, $${p + 3}::text, $${p + 4}::text FROM new_user
           RETURNING *
         )`,
      ],
      select: `SELECT ${USER_INFO_COLUMNS} FROM new_user u JOIN new_data d ON d.user_id = u.id`,
      params: [data.possibleRoles ?? null, data.customAttributes ? JSON.stringify(data.customAttributes) : null, data.phone ?? null, data.address ?? null],
      name: 'enabley_user_create',
    });
    return created ? toUserInfo(created) : null;
  }

  private upsertOnce(accountId: string, data: UserDataDto, by: ChangedBy): Promise<{ created: boolean; user: UserInfoDto }> {
    return this.db.transaction(async (m) => {
      // The row, locked and loaded once: the users service updates from this entity, no second read of it.
      const existing = await this.lockMember(m, accountId, data.identifier);
      // null: names and email are cleared; username, password and isActive keep their value.
      const fields = {
        username: data.username ?? undefined,
        email: data.email,
        firstName: data.firstName === null ? '' : data.firstName,
        lastName: data.lastName === null ? '' : data.lastName,
        password: data.password ?? undefined,
        isActive: data.isActive ?? undefined,
      };
      let userId: string;
      const created = existing === null;
      if (existing === null) {
        const user = await this.users.create(accountId, { ...fields, username: data.username ?? data.identifier, identifier: data.identifier }, m);
        userId = user.id;
      } else {
        userId = existing.id;
        await this.users.update(existing, fields, m, by);
      }
      if (data.subAccountName) await this.subAccounts.addUser(accountId, userId, data.subAccountName, m);
      // The Enabley row written and the answer read in one statement: the user row as this transaction left
      // it, the Enabley row as the upsert returned it, the sub-accounts including the one just joined.
      const [info] = await rows<UserInfoRow>(
        m,
        `WITH d AS (
           INSERT INTO enabley_user_data (user_id, possible_roles, custom_attributes, phone, address)
           VALUES ($1, COALESCE($2::text[], ARRAY['LEARNER']), $3::jsonb, $4, $5)
           ON CONFLICT (user_id) DO UPDATE SET
             possible_roles = COALESCE($2::text[], enabley_user_data.possible_roles),
             custom_attributes = CASE WHEN $6 THEN $3::jsonb ELSE enabley_user_data.custom_attributes END,
             phone = COALESCE($4, enabley_user_data.phone),
             address = COALESCE($5, enabley_user_data.address),
             updated_at = now()
           RETURNING *
         )
         SELECT ${USER_INFO_COLUMNS} FROM "user" u JOIN d ON d.user_id = u.id`,
        [userId, data.possibleRoles ?? null, data.customAttributes ? JSON.stringify(data.customAttributes) : null, data.phone ?? null, data.address ?? null, data.customAttributes !== undefined],
      );
      return { created, user: toUserInfo(info) };
    });
  }

  /** The account member (platform administrators are out of reach, as in every Enabley read) with that identifier, locked FOR UPDATE. */
  private lockMember(m: EntityManager, accountId: string, identifier: string): Promise<User | null> {
    return m.getRepository(User).findOne({ where: { accountId, identifier, isSuperuser: false }, lock: { mode: 'pessimistic_write' } });
  }

  /** PUT /api/v2/users/{identifier}?isActive= */
  async setActive(accountId: string, identifier: string, isActive: boolean): Promise<UserInfoDto> {
    // Through the users service, so an activation claims the user's pending enrollments in the same transaction.
    return this.db.transaction(async (m) => {
      const found = await this.lockMember(m, accountId, identifier);
      if (!found) throw ApiError.notFound('No user with that identifier.');
      await this.users.update(found, { isActive }, m);
      return (await this.reads.findInfo(accountId, identifier, m))!;
    });
  }

  /**
   * DELETE /api/v2/users/{identifier}: a real delete. Sub-account links, group and profile mappings,
   * entitlements, Enabley data, sessions (and, once they exist, enrollments) reference the user with
   * ON DELETE CASCADE, so the one statement removes everything in its transaction.
   */
  async delete(accountId: string, identifier: string): Promise<void> {
    if (!(await this.users.delete(accountId, { identifier, superusers: false }))) throw ApiError.notFound('No user with that identifier.');
  }

  /** DELETE /api/v2/users/{identifier}/subAccountName/{subAccountName} */
  async removeFromSubAccount(accountId: string, userId: string, subAccountName: string): Promise<void> {
    if (!(await this.subAccounts.removeUser(accountId, userId, subAccountName))) throw ApiError.notFound('The user does not belong to that sub-account.');
  }

  /** PUT /api/v2/users/identityManagement: memberships follow, since everything references the user's id. */
  async changeIdentifier(accountId: string, current: string, next: string): Promise<UserInfoDto> {
    let updated: boolean;
    try {
      updated = await this.users.changeIdentifier(accountId, { identifier: current, superusers: false }, next);
    } catch (e) {
      if (e instanceof UserConflictError) throw ApiError.conflict('A user with that identifier already exists.', 'newUserIdentifier');
      throw e;
    }
    if (!updated) throw ApiError.notFound('No user with that identifier.');
    return (await this.reads.findInfo(accountId, next))!;
  }

  /** PUT /api/v2/users/{userIdentifier}/permissions: only for users whose roles include INSTRUCTOR; replaces the list. */
  async setPermissions(accountId: string, userId: string, permissions: string[], manager?: EntityManager): Promise<string[]> {
    const updated = await rows<{ permissions: string[] }>(
      manager ?? this.db,
      `UPDATE enabley_user_data d SET permissions = $2::text[], updated_at = now()
        FROM "user" u WHERE u.id = d.user_id AND u.id = $1 AND u.account_id = $3 AND 'INSTRUCTOR' = ANY(d.possible_roles)
        RETURNING d.permissions`,
      [userId, permissions, accountId],
    );
    if (!updated.length) throw ApiError.badRequest('Permissions can only be set for a user whose possibleRoles include INSTRUCTOR.', 'userIdentifier');
    return updated[0].permissions;
  }
}
