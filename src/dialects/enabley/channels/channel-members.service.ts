import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiError } from '../../../core/http/api-error';
import { EnrollmentsService } from '../../../core/learning/enrollments.service';
import { enableyUserId } from '../users/enabley-user-id';
import { rows } from '../../../core/database/sql';

export const CHANNEL_USER_ROLES = ['LEARNER', 'INSTRUCTOR'] as const;
export type ChannelUserRole = (typeof CHANNEL_USER_ROLES)[number];

/** Direct user membership of a channel: LEARNER = a core enrollment; INSTRUCTOR = enabley_channel_instructor. */
@Injectable()
export class ChannelMembersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly enrollments: EnrollmentsService,
  ) {}

  private async userId(accountId: string, identifier: string): Promise<string> {
    const id = await enableyUserId(this.db, accountId, identifier);
    if (!id) throw ApiError.itemNotExists(`No user with identifier "${identifier}".`);
    return id;
  }

  async assignUser(accountId: string, channelId: string, userIdentifier: string, roles: ChannelUserRole[]): Promise<void> {
    const userId = await this.userId(accountId, userIdentifier);
    await this.db.transaction(async (m) => {
      if (roles.includes('LEARNER')) await this.enrollments.enroll(m, accountId, [userId], [channelId], { source: 'direct' });
      if (roles.includes('INSTRUCTOR'))
        await rows(m, `INSERT INTO enabley_channel_instructor (channel_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [channelId, userId]);
    });
  }

  /** Removes the user from the channel: every role, and the enrollment whatever its source. */
  async removeUser(accountId: string, channelId: string, userIdentifier: string): Promise<void> {
    const userId = await this.userId(accountId, userIdentifier);
    await this.db.transaction(async (m) => {
      await this.enrollments.unenroll(m, [userId], [channelId]);
      await rows(m, `DELETE FROM enabley_channel_instructor WHERE channel_id = $1 AND user_id = $2`, [channelId, userId]);
    });
  }
}
