import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../../../core/auth/principal';
import { rows } from '../../../core/database/sql';
import { ApiError } from '../../../core/http/api-error';
import { PolicySubjectLoader, SubjectLoader } from '../../../core/policy/policy-extensions';
import { statusError } from '../common/triboo-status';
import { parseUserId } from '../users/user-keys';

/** How each key of a single report finds its object in the caller's account, as the report services match it. */
const LOOKUP: Record<string, { sql: string; value: (key: string) => unknown }> = {
  user_id: { sql: `SELECT 1 FROM "user" u WHERE u.account_id = $1 AND u.user_id = $2::int`, value: (k) => parseUserId(k) },
  username: { sql: `SELECT 1 FROM "user" u WHERE u.account_id = $1 AND u.username = $2`, value: (k) => k },
  email: { sql: `SELECT 1 FROM "user" u WHERE u.account_id = $1 AND lower(u.email) = $2`, value: (k) => k.toLowerCase() },
  course_id: { sql: `SELECT 1 FROM channel c WHERE c.account_id = $1 AND c.identifier = $2 AND c.type = 'COURSE'`, value: (k) => k },
};

/**
 * A single progress report's object (a user by user_id, username or email; a course by course_id) in
 * the caller's account: another account's user or course is missing to the guard before any role check,
 * answered in the words the reports use for a missing one.
 */
@Injectable()
@SubjectLoader('TribooReport')
export class TribooReportLoader implements PolicySubjectLoader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async load(key: string, principal: Principal, field: string): Promise<{ accountId: string } | null> {
    const lookup = LOOKUP[field];
    if (!lookup) throw new Error(`TribooReport has no key ${field}`);
    const found = await rows(this.db, lookup.sql, [principal.accountId, lookup.value(key)]);
    return found.length ? { accountId: principal.accountId } : null;
  }

  notFound(key: string, field: string): ApiError {
    return field === 'course_id' ? ApiError.notFound(`No course ${key}.`) : statusError('user_not_found', `No user with this ${field}.`);
  }
}
