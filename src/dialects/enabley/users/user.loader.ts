import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../../../core/auth/principal';
import { PolicySubjectLoader, SubjectLoader } from '../../../core/policy/policy-extensions';
import { ENABLEY_USER } from '../policy/enabley-subjects';
import { rows } from '../../../core/database/sql';
import { USER_SCOPE } from './user-info.sql';

export interface EnableyUserAttrs extends Record<string, unknown> {
  accountId: string;
  id: string;
  identifier: string;
}

/** Loads an Enabley user by external identifier within the caller's account (absent → 404 by the guard). */
@Injectable()
@SubjectLoader(ENABLEY_USER)
export class EnableyUserLoader implements PolicySubjectLoader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async load(identifier: string, principal: Principal): Promise<EnableyUserAttrs | null> {
    const found = await rows<{ id: string; identifier: string }>(this.db, `SELECT u.id, u.identifier FROM "user" u WHERE ${USER_SCOPE} AND u.identifier = $2`, [principal.accountId, identifier]);
    return found[0] ? { accountId: principal.accountId, id: found[0].id, identifier: found[0].identifier } : null;
  }
}
