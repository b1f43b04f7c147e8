import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../../../core/auth/principal';
import { AppAbilityBuilder, PolicyAction } from '../../../core/policy/app-ability';
import { RoleRuleProvider, RoleRules } from '../../../core/policy/policy-extensions';
import { ENABLEY_CHANNEL, ENABLEY_GROUP, EntitlementRole } from './enabley-subjects';
import { rows } from '../../../core/database/sql';

/** What an entitlement role lets its holder do on its entity (never create: creating is the admin's). */
const ACTIONS: Record<EntitlementRole, PolicyAction[]> = {
  MANAGER: ['read', 'update', 'delete'],
  EDITOR: ['read', 'update'],
  INSTRUCTOR: ['read'],
};

/**
 * Enabley's role sources for user principals (API clients are account admins in the core already):
 * - possibleRoles containing SITE_ADMIN: administers the whole account (the core's account-admin check);
 * - entitlements: MANAGER / EDITOR / INSTRUCTOR on a GROUP (that group), a COURSE (that channel), or a
 *   WORKSPACE (= sub-account: its groups and channels), read in one query for routes on those subjects.
 */
@Injectable()
@RoleRules({
  subjects: [ENABLEY_GROUP, ENABLEY_CHANNEL],
  accountAdminSql: `EXISTS (SELECT 1 FROM enabley_user_data d WHERE d.user_id = $1 AND 'SITE_ADMIN' = ANY (d.possible_roles))`,
})
export class EnableyRoleRules implements RoleRuleProvider {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async contribute(principal: Principal, can: AppAbilityBuilder['can']): Promise<void> {
    if (principal.kind !== 'user' || !principal.userId) return;
    const ents = await rows<{ t: string; i: string; r: EntitlementRole }>(
      this.db,
      'SELECT e.entity_type AS t, e.entity_identifier AS i, e.user_role AS r FROM enabley_entitlement e WHERE e.user_id = $1',
      [principal.userId],
    );
    const accountId = principal.accountId;
    for (const e of ents) {
      const actions = ACTIONS[e.r];
      if (!actions) continue;
      if (e.t === 'GROUP') can(actions, ENABLEY_GROUP, { accountId, identifier: e.i });
      else if (e.t === 'COURSE') can(actions, ENABLEY_CHANNEL, { accountId, identifier: e.i });
      else if (e.t === 'WORKSPACE') can(actions, [ENABLEY_GROUP, ENABLEY_CHANNEL], { accountId, subAccountName: e.i });
    }
  }
}
