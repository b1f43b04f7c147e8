import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../../../core/auth/principal';
import { ApiError } from '../../../core/http/api-error';
import { PolicyAction } from '../../../core/policy/app-ability';
import { PolicySubjectLoader, SubjectLoader } from '../../../core/policy/policy-extensions';
import { rows } from '../../../core/database/sql';
import { statusError } from '../common/triboo-status';
import { parseUserId } from './user-keys';

export interface TribooUserAttrs extends Record<string, unknown> {
  accountId: string;
  id: string;
  userId: number;
}

/**
 * Loads a Triboo user by integer `user_id` or by `username` within the caller's account, so another
 * account's user is missing to the guard (404) before any role check, answered in the seed's own words.
 */
@Injectable()
@SubjectLoader('TribooUser')
export class TribooUserLoader implements PolicySubjectLoader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async load(key: string, principal: Principal, field: string): Promise<TribooUserAttrs | null> {
    // The same matching as the services: the integer id (a bad one is the services' 400), the username as given.
    const byId = field === 'user_id';
    const value = byId ? parseUserId(key) : key;
    const found = await rows<{ id: string; user_id: number }>(
      this.db,
      `SELECT u.id, u.user_id FROM "user" u WHERE u.account_id = $1 AND ${byId ? 'u.user_id = $2::int' : 'u.username = $2'}`,
      [principal.accountId, value],
    );
    return found[0] ? { accountId: principal.accountId, id: found[0].id, userId: found[0].user_id } : null;
  }

  /** The routes' own `user_not_found`; the single-user DEACTIVATE form also echoes the key it was given. */
  notFound(key: string, field: string, action: PolicyAction): ApiError {
    const by = field === 'user_id' ? 'user_id' : 'username';
    const detail = `No user with this ${by}.`;
    if (action !== 'delete') return statusError('user_not_found', detail);
    return statusError('user_not_found', detail, by === 'user_id' ? { username: null, user_id: parseUserId(key) } : { username: key, user_id: null });
  }
}
