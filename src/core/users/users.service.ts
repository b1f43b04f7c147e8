import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { hashSecret, verifySecret } from '../auth/password-hasher';
import { Principal } from '../auth/principal';
import { revokeUserSessions } from '../auth/session-revocation';
import { isUniqueViolation, pgError } from '../database/pg-error';
import { ApiError } from '../http/api-error';
import { checkPassword } from './password-policy';
import { UserChangeListener, UserCreatedSql } from './user-change.listener';
import { User } from './user.entity';
import { InsertFollowUp, NewUserRow, UserRef, usersRepository } from './users.repository';
import { checkEmail, normalizeUsername, usernameKey } from './username-rules';

export interface NewUser {
  username: string;
  identifier?: string;
  email?: string | null;
  firstName?: string;
  lastName?: string;
  fullName?: string;
  password?: string | null;
  isActive?: boolean;
  isSuperuser?: boolean;
}

export type UserChanges = Partial<Omit<NewUser, 'isSuperuser'>>;

/** Who makes a change: a password change by a user's own session keeps that session (the others end). */
export type ChangedBy = Pick<Principal, 'sessionId'> | undefined;

/** Which field a unique index guards, so a conflict names the field the caller sent. */
export const USER_UNIQUE_FIELDS: Record<string, 'username' | 'email' | 'identifier'> = {
  UQ_user_account_username: 'username',
  UQ_user_account_username_key: 'username',
  UQ_user_account_email: 'email',
  UQ_user_account_identifier: 'identifier',
};

export class UserConflictError extends ApiError {
  constructor(readonly field: 'username' | 'email' | 'identifier') {
    super(409, [{ code: 'UNIQUE', field, message: `A user with that ${field} already exists.` }]);
  }
}

function fullNameOf(u: { firstName?: string; lastName?: string; fullName?: string }): string {
  return u.fullName ?? [u.firstName, u.lastName].filter(Boolean).join(' ');
}

/**
 * The one users service every dialect calls: the username, email and password rules (username-rules.ts,
 * password-policy.ts) apply here for all of them; uniqueness is left to the database's indexes.
 */
@Injectable()
export class UsersService {
  private readonly listeners: UserChangeListener[] = [];
  private readonly createdSql: UserCreatedSql[] = [];
  /** Whether every listener also reacts in SQL, so createIfAbsent may create a user in one statement. */
  private allListenersInSql = true;
  private readonly renameListeners: UserChangeListener[] = [];

  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  /**
   * Core features that must react to new users, new emails or reactivation register here; `onCreatedSql` is the
   * same reaction to a new user as CTEs of its INSERT (without it, createIfAbsent always declines).
   */
  onUserChange(listener: UserChangeListener, onCreatedSql?: UserCreatedSql): void {
    this.listeners.push(listener);
    if (onCreatedSql) this.createdSql.push(onCreatedSql);
    else this.allListenersInSql = false;
  }

  /**
   * Dialects that keep a copy of the username (for their own uniqueness rules) register here; called in the
   * renaming transaction. A listener may throw UserConflictError('username') to refuse the new name.
   */
  onRename(listener: UserChangeListener): void {
    this.renameListeners.push(listener);
  }

  private async notify(manager: EntityManager, user: User): Promise<void> {
    for (const listener of this.listeners) await listener(manager, user);
  }

  /** Runs `work` in the given transaction, or in a new one. */
  private inTransaction<T>(manager: EntityManager | undefined, work: (m: EntityManager) => Promise<T>): Promise<T> {
    return manager ? work(manager) : this.users.manager.transaction(work);
  }

  /** Translates a unique violation on the user table into UserConflictError; rethrows the rest. */
  static rethrow(e: unknown): never {
    if (isUniqueViolation(e)) {
      const field = USER_UNIQUE_FIELDS[pgError(e)?.constraint ?? ''];
      if (field) throw new UserConflictError(field);
    }
    throw e;
  }

  /** The row create() inserts: the username, email and password rules checked (ApiError 400), the password hashed. */
  async prepareNew(accountId: string, data: NewUser): Promise<NewUserRow> {
    const username = normalizeUsername(data.username);
    if (data.email) checkEmail(data.email);
    if (data.password) checkPassword(data.password, { username, email: data.email });
    return {
      accountId,
      username,
      usernameKey: usernameKey(username),
      identifier: data.identifier ?? username,
      email: data.email ? data.email : null,
      firstName: data.firstName ?? '',
      lastName: data.lastName ?? '',
      fullName: fullNameOf(data),
      isActive: data.isActive ?? true,
      isSuperuser: data.isSuperuser ?? false,
      passwordHash: data.password ? await hashSecret(data.password) : null,
    };
  }

  /**
   * create() as one statement, for a create that is likely to succeed: the insert, every listener's reaction
   * (their SQL form) and `follow` (a dialect's own rows and the answer) commit together. Returns null, having
   * written nothing, when the account has a user with that identifier, another unique value is taken, or a
   * listener has no SQL form: the caller then takes its general (transactional) path, which decides as before.
   */
  async createIfAbsent<T>(row: NewUserRow, follow: InsertFollowUp): Promise<T | null> {
    if (!this.allListenersInSql) return null;
    const ctes = [...this.createdSql.flatMap((sql, i) => sql('new_user', `on_created_${i}_`)), ...follow.ctes];
    const found = await usersRepository.insertIfAbsent<T>(this.users.manager.connection, row, { ...follow, ctes });
    return found[0] ?? null;
  }

  async create(accountId: string, data: NewUser, manager?: EntityManager): Promise<User> {
    const row = await this.prepareNew(accountId, data);
    return this.inTransaction(manager, async (m) => {
      const repo = m.getRepository(User);
      const entity = repo.create(row);
      let saved: User;
      try {
        saved = await repo.save(entity);
      } catch (e) {
        UsersService.rethrow(e);
      }
      await this.notify(m, saved);
      return saved;
    });
  }

  /**
   * Applies the changes sent. A new password (one the stored hash does not already verify) ends the user's
   * other sessions in the same transaction; a deactivation ends all of them (a later reactivation must not
   * bring old tokens back).
   */
  async update(user: User, changes: UserChanges, manager?: EntityManager, by?: ChangedBy): Promise<User> {
    const patch: Partial<User> = {};
    if (changes.username !== undefined) {
      patch.username = normalizeUsername(changes.username);
      patch.usernameKey = usernameKey(patch.username);
    }
    if (changes.identifier !== undefined) patch.identifier = changes.identifier;
    if (changes.email !== undefined) {
      if (changes.email) checkEmail(changes.email);
      patch.email = changes.email || null;
    }
    if (changes.firstName !== undefined) patch.firstName = changes.firstName;
    if (changes.lastName !== undefined) patch.lastName = changes.lastName;
    if (changes.isActive !== undefined) patch.isActive = changes.isActive;
    if (changes.fullName !== undefined) patch.fullName = changes.fullName;
    else if (changes.firstName !== undefined || changes.lastName !== undefined)
      patch.fullName = fullNameOf({ firstName: patch.firstName ?? user.firstName, lastName: patch.lastName ?? user.lastName });
    if (changes.password) {
      checkPassword(changes.password, { username: patch.username ?? user.username, email: patch.email !== undefined ? patch.email : user.email });
      // Re-sending the password a user already has (a provisioning sync) changes nothing and ends no session.
      if (!(await verifySecret(await this.passwordHashOf(user.id), changes.password))) patch.passwordHash = await hashSecret(changes.password);
    }
    if (Object.keys(patch).length === 0) return user;
    return this.inTransaction(manager, async (m) => {
      const repo = m.getRepository(User);
      try {
        await repo.update({ id: user.id }, patch);
      } catch (e) {
        UsersService.rethrow(e);
      }
      const updated = await repo.findOneByOrFail({ id: user.id });
      if (patch.isActive === false && user.isActive) await revokeUserSessions(m, [user.id]);
      else if (patch.passwordHash) await revokeUserSessions(m, [user.id], by?.sessionId);
      if (patch.username !== undefined && patch.username !== user.username) for (const listener of this.renameListeners) await listener(m, updated);
      const emailChanged = patch.email !== undefined && (patch.email ?? '').toLowerCase() !== (user.email ?? '').toLowerCase();
      if (emailChanged || (patch.isActive === true && !user.isActive)) await this.notify(m, updated);
      return updated;
    });
  }

  /**
   * Deactivates these users of the account in one statement (never deletes); returns the ids that
   * were active. Their sessions end in the same transaction (the principal check also reads is_active).
   */
  async deactivateMany(manager: EntityManager, accountId: string, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const deactivated = await usersRepository.deactivate(manager, accountId, ids);
    await revokeUserSessions(manager, deactivated);
    return deactivated;
  }

  /**
   * Deletes the user (false: none matched). Its sessions, memberships and every dialect's rows about it
   * reference it with ON DELETE CASCADE, so they go in the same statement; no change hook fires.
   */
  async delete(accountId: string, ref: UserRef, manager?: EntityManager): Promise<boolean> {
    return (await usersRepository.delete(manager ?? this.users.manager, accountId, ref)) !== null;
  }

  /**
   * Changes the identifier only (memberships follow, since everything references the id); returns false when
   * no user matched. A taken identifier answers UserConflictError('identifier'). No hook: name, email and
   * activation stay.
   */
  async changeIdentifier(accountId: string, ref: UserRef, identifier: string, manager?: EntityManager): Promise<boolean> {
    try {
      return (await usersRepository.setIdentifier(manager ?? this.users.manager, accountId, ref, identifier)) !== null;
    } catch (e) {
      UsersService.rethrow(e);
    }
  }

  private async passwordHashOf(id: string): Promise<string | null> {
    const row = await this.users.createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id }).getOne();
    return row?.passwordHash ?? null;
  }

  findById(accountId: string, id: string): Promise<User | null> {
    return this.users.findOneBy({ accountId, id });
  }

  findByUserId(accountId: string, userId: number): Promise<User | null> {
    return this.users.findOneBy({ accountId, userId });
  }

  /** By the folded key: "Admin" finds "admin". */
  findByUsername(accountId: string, username: string): Promise<User | null> {
    return this.users.findOneBy({ accountId, usernameKey: usernameKey(username) });
  }

  findByIdentifier(accountId: string, identifier: string): Promise<User | null> {
    return this.users.findOneBy({ accountId, identifier });
  }

  findByEmail(accountId: string, email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('u')
      .where('u.account_id = :accountId AND lower(u.email) = lower(:email)', { accountId, email })
      .getOne();
  }

  /** Users of that username (by its folded key, so "Admin" logs in as "admin") in any account, with their password hashes. */
  findForLogin(username: string): Promise<User[]> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username_key = :key AND u.is_active', { key: usernameKey(username) })
      .limit(20)
      .getMany();
  }

  /** ADMIN_USERNAME / ADMIN_PASSWORD at start (loadEnv has checked both against the rules); a new password ends the old sessions. */
  async ensureSuperuser(accountId: string, username: string, password: string): Promise<void> {
    const existing = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.account_id = :accountId AND u.username_key = :key', { accountId, key: usernameKey(username) })
      .getOne();
    if (!existing) {
      try {
        await this.create(accountId, { username, password, isSuperuser: true, fullName: '' });
      } catch (e) {
        if (!(e instanceof UserConflictError)) throw e;
      }
      return;
    }
    const patch: Partial<User> = {};
    if (!existing.isSuperuser) patch.isSuperuser = true;
    if (!existing.isActive) patch.isActive = true;
    if (!(await verifySecret(existing.passwordHash, password))) patch.passwordHash = await hashSecret(password);
    if (!Object.keys(patch).length) return;
    await this.users.manager.transaction(async (m) => {
      await m.getRepository(User).update({ id: existing.id }, patch);
      if (patch.passwordHash) await revokeUserSessions(m, [existing.id]);
    });
  }
}
