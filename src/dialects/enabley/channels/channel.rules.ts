import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../../../core/auth/principal';
import { AppAbilityBuilder } from '../../../core/policy/app-ability';
import { RoleRuleProvider, RoleRules } from '../../../core/policy/policy-extensions';

/**
 * An INSTRUCTOR of a channel (assigned through POST /api/v2/channels/{c}/users/{u}?roles=INSTRUCTOR)
 * gets basic course permissions on it: read and update the channel, its content items and events, and
 * its learners' progress (forceComplete included). Membership changes and account lists stay with admins.
 */
@Injectable()
@RoleRules()
export class ChannelRoleRules implements RoleRuleProvider {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async contribute(principal: Principal, can: AppAbilityBuilder['can']): Promise<void> {
    if (principal.kind !== 'user' || !principal.userId) return;
    const rows: { channel_id: string }[] = await this.db.query(
      `SELECT i.channel_id FROM enabley_channel_instructor i JOIN channel c ON c.id = i.channel_id AND c.account_id = $2 WHERE i.user_id = $1`,
      [principal.userId, principal.accountId],
    );
    if (rows.length) can(['read', 'update'], 'Channel', { accountId: principal.accountId, id: { $in: rows.map((r) => r.channel_id) } });
  }
}
