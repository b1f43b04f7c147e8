import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../../../core/auth/principal';
import { AppAbilityBuilder, PolicyAction } from '../../../core/policy/app-ability';
import { RoleRuleProvider, RoleRules } from '../../../core/policy/policy-extensions';
import { ENABLEY_CHANNEL, ENABLEY_GROUP, EntitlementRole } from './enabley-subjects';

/** What an entitlement role lets its holder do on its entity (never create: creating is the admin's). */
const ACTIONS: Record<EntitlementRole, PolicyAction[]> = {
  MANAGER: ['read', 'update', 'delete'],
  EDITOR: ['read', 'update'],
  INSTRUCTOR: ['read'],
};

/**
 * Enabley's role sources, read in one query per request for user principals (API clients are account
 * admins in the core already):
 * - possibleRoles containing SITE_ADMIN: manage everything in the user's account;
 * - entitlements: MANAGER / EDITOR / INSTRUCTOR on a GROUP (that group), a COURSE (that channel), or a
 *   WORKSPACE (= sub-account: its groups and channels).
 */
@Injectable()
@RoleRules()
export class EnableyRoleRules implements RoleRuleProvider {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async contribute(principal: Principal, can: AppAbilityBuilder['can']): Promise<void> {
    if (principal.kind !== 'user' || !principal.userId) return;
    const rows: { roles: string[] | null; ents: { t: string; i: string; r: EntitlementRole }[] }[] = await this.db.query(
      `SELECT d.possible_roles AS roles,
              COALESCE((SELECT json_agg(json_build_object('t', e.entity_type, 'i', e.entity_identifier, 'r', e.user_role))
                          FROM enabley_entitlement e WHERE e.user_id = x.uid), '[]'::json) AS ents
         FROM (SELECT $1::uuid AS uid) x LEFT JOIN enabley_user_data d ON d.user_id = x.uid`,
      [principal.userId],
    );
    const accountId = principal.accountId;
    const { roles, ents } = rows[0] ?? { roles: null, ents: [] };
    if (roles?.includes('SITE_ADMIN')) {
      can('manage', 'all', { accountId });
      return;
    }
    for (const e of ents) {
      const actions = ACTIONS[e.r];
      if (!actions) continue;
      if (e.t === 'GROUP') can(actions, ENABLEY_GROUP, { accountId, identifier: e.i });
      else if (e.t === 'COURSE') can(actions, ENABLEY_CHANNEL, { accountId, identifier: e.i });
      else if (e.t === 'WORKSPACE') can(actions, [ENABLEY_GROUP, ENABLEY_CHANNEL], { accountId, subAccountName: e.i });
    }
  }
}
