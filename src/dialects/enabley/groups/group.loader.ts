import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal } from '../../../core/auth/principal';
import { PolicySubjectLoader, SubjectLoader } from '../../../core/policy/policy-extensions';
import { EntitlementTarget, EntitlementTargetResolver } from '../entitlements/entitlement-target';
import { ENABLEY_GROUP } from '../policy/enabley-subjects';
import { rows } from '../../../core/database/sql';

export interface EnableyGroupAttrs extends Record<string, unknown> {
  accountId: string;
  id: string;
  identifier: string;
  subAccountName: string | null;
}

/** Loads a group by identifier within the caller's account, with what the role rules match on. */
@Injectable()
@SubjectLoader(ENABLEY_GROUP)
export class EnableyGroupLoader implements PolicySubjectLoader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async load(identifier: string, principal: Principal): Promise<EnableyGroupAttrs | null> {
    const found = await rows<{ id: string; identifier: string; sub_account_name: string | null }>(
      this.db,
      `SELECT g.id, g.identifier, s.name AS sub_account_name FROM enabley_group g LEFT JOIN enabley_sub_account s ON s.id = g.sub_account_id
        WHERE g.account_id = $1 AND g.identifier = $2`,
      [principal.accountId, identifier],
    );
    const g = found[0];
    return g ? { accountId: principal.accountId, id: g.id, identifier: g.identifier, subAccountName: g.sub_account_name } : null;
  }
}

/** A GROUP entitlement names a group of the account. */
@Injectable()
@EntitlementTarget('GROUP')
export class GroupEntitlementTarget implements EntitlementTargetResolver {
  async exists(accountId: string, identifier: string, manager: EntityManager): Promise<boolean> {
    const found = await rows<unknown>(manager, 'SELECT 1 FROM enabley_group WHERE account_id = $1 AND identifier = $2', [accountId, identifier]);
    return found.length > 0;
  }
}
