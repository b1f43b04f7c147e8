import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../../../core/auth/principal';
import { PolicySubjectLoader, SubjectLoader } from '../../../core/policy/policy-extensions';
import { ENABLEY_USER_PROFILE } from '../policy/enabley-subjects';
import { rows } from '../../../core/database/sql';

export interface EnableyUserProfileAttrs extends Record<string, unknown> {
  accountId: string;
  id: string;
  identifier: string;
}

/** Loads a user profile by identifier within the caller's account. */
@Injectable()
@SubjectLoader(ENABLEY_USER_PROFILE)
export class EnableyUserProfileLoader implements PolicySubjectLoader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async load(identifier: string, principal: Principal): Promise<EnableyUserProfileAttrs | null> {
    const found = await rows<{ id: string }>(this.db, 'SELECT id FROM enabley_user_profile WHERE account_id = $1 AND identifier = $2', [principal.accountId, identifier]);
    return found[0] ? { accountId: principal.accountId, id: found[0].id, identifier } : null;
  }
}
