import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../../../core/auth/principal';
import { AppAbilityBuilder } from '../../../core/policy/app-ability';
import { RoleRuleProvider, RoleRules } from '../../../core/policy/policy-extensions';
import { ENABLEY_CHANNEL } from '../policy/enabley-subjects';
import { ENABLEY_CHANNEL_MEMBERSHIP } from './channel.loader';

/**
 * Channel roles, on top of EnableyRoleRules (SITE_ADMIN, entitlements):
 * - an INSTRUCTOR of a channel (POST /api/v2/channels/{c}/users/{u}?roles=INSTRUCTOR, or an INSTRUCTOR
 *   entitlement on the COURSE) gets basic course permissions: read and update the channel, its content
 *   items and training events, and its learners' progress (forceComplete included);
 * - a MANAGER entitlement on the COURSE, or on its WORKSPACE (sub-account), also manages its membership.
 * One query per request.
 */
@Injectable()
@RoleRules()
export class ChannelRoleRules implements RoleRuleProvider {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async contribute(principal: Principal, can: AppAbilityBuilder['can']): Promise<void> {
    if (principal.kind !== 'user' || !principal.userId) return;
    const accountId = principal.accountId;
    const rows: { kind: string; ref: string }[] = await this.db.query(
      `SELECT 'instructor' AS kind, c.identifier AS ref FROM enabley_channel_instructor i JOIN channel c ON c.id = i.channel_id AND c.account_id = $2 WHERE i.user_id = $1
       UNION ALL
       SELECT lower(e.entity_type) || ':' || e.user_role, e.entity_identifier FROM enabley_entitlement e
        WHERE e.user_id = $1 AND e.account_id = $2 AND ((e.entity_type = 'COURSE' AND e.user_role IN ('INSTRUCTOR', 'MANAGER')) OR (e.entity_type = 'WORKSPACE' AND e.user_role = 'MANAGER'))`,
      [principal.userId, accountId],
    );
    const instructs = rows.filter((r) => r.kind === 'instructor' || r.kind === 'course:INSTRUCTOR').map((r) => r.ref);
    if (instructs.length) can(['read', 'update'], ENABLEY_CHANNEL, { accountId, identifier: { $in: instructs } });
    const manages = rows.filter((r) => r.kind === 'course:MANAGER').map((r) => r.ref);
    if (manages.length) can(['read', 'update'], ENABLEY_CHANNEL_MEMBERSHIP, { accountId, identifier: { $in: manages } });
    const workspaces = rows.filter((r) => r.kind === 'workspace:MANAGER').map((r) => r.ref);
    if (workspaces.length) can(['read', 'update'], ENABLEY_CHANNEL_MEMBERSHIP, { accountId, subAccountName: { $in: workspaces } });
  }
}
