import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../../../core/auth/principal';
import { AppAbilityBuilder } from '../../../core/policy/app-ability';
import { RoleRuleProvider, RoleRules } from '../../../core/policy/policy-extensions';
import { ENABLEY_CHANNEL, ENABLEY_CHANNEL_MEMBERSHIP } from '../policy/enabley-subjects';
import { rows } from '../../../core/database/sql';

/**
 * Channel roles, on top of EnableyRoleRules (entitlements) and the account admins:
 * - an INSTRUCTOR of a channel (POST /api/v2/channels/{c}/users/{u}?roles=INSTRUCTOR, or an INSTRUCTOR
 *   entitlement on the COURSE) gets basic course permissions: read and update the channel, its content
 *   items and training events, and its learners' progress (forceComplete included);
 * - a MANAGER entitlement on the COURSE, or on its WORKSPACE (sub-account), also manages its membership.
 * One query per request.
 */
@Injectable()
@RoleRules({ subjects: [ENABLEY_CHANNEL, ENABLEY_CHANNEL_MEMBERSHIP] })
export class ChannelRoleRules implements RoleRuleProvider {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async contribute(principal: Principal, can: AppAbilityBuilder['can']): Promise<void> {
    if (principal.kind !== 'user' || !principal.userId) return;
    const accountId = principal.accountId;
    const found = await rows<{ kind: string; ref: string }>(
      this.db,
      `SELECT 'instructor' AS kind, c.identifier AS ref FROM enabley_channel_instructor i JOIN channel c ON c.id = i.channel_id AND c.account_id = $2 WHERE i.user_id = $1
       UNION ALL
       SELECT lower(e.entity_type) || ':' || e.user_role, e.entity_identifier FROM enabley_entitlement e
        WHERE e.user_id = $1 AND e.account_id = $2 AND e.entity_type IN ('COURSE', 'WORKSPACE')`,
      [principal.userId, accountId],
    );
    const refs = (pred: (kind: string) => boolean) => found.filter((r) => pred(r.kind)).map((r) => r.ref);
    const instructs = refs((k) => k === 'instructor' || k === 'course:INSTRUCTOR');
    if (instructs.length) can(['read', 'update'], ENABLEY_CHANNEL, { accountId, identifier: { $in: instructs } });
    // Whoever has a role on a channel may see its membership (so a refused change answers 403, not 404) ...
    const courses = refs((k) => k === 'instructor' || k.startsWith('course:'));
    if (courses.length) can('read', ENABLEY_CHANNEL_MEMBERSHIP, { accountId, identifier: { $in: courses } });
    const workspaces = refs((k) => k.startsWith('workspace:'));
    if (workspaces.length) can('read', ENABLEY_CHANNEL_MEMBERSHIP, { accountId, subAccountName: { $in: workspaces } });
    // ... and managers change it.
    const manages = refs((k) => k === 'course:MANAGER');
    if (manages.length) can('update', ENABLEY_CHANNEL_MEMBERSHIP, { accountId, identifier: { $in: manages } });
    const managedWorkspaces = refs((k) => k === 'workspace:MANAGER');
    if (managedWorkspaces.length) can('update', ENABLEY_CHANNEL_MEMBERSHIP, { accountId, subAccountName: { $in: managedWorkspaces } });
  }
}
