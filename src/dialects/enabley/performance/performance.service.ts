import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiError } from '../../../core/http/api-error';
import { PERFORMANCE_SELECT, PerformanceRow } from './performance.mapper';
import { enableyUserId } from '../users/enabley-user-id';
import { rows } from '../../../core/database/sql';

/** Most rows GET /api/v1/performance answers; larger sets are read page by page with v2. */
export const PERFORMANCE_V1_LIMIT = 10000;

/** Learners' channel performance, read from the one enrollment table (active enrollments only). */
@Injectable()
export class PerformanceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async channelId(accountId: string, identifier: string): Promise<string> {
    const [row] = await rows<{ id: string }>(this.db, `SELECT id FROM channel WHERE account_id = $1 AND identifier = $2`, [accountId, identifier]);
    if (!row) throw ApiError.notFound(`No channel with identifier "${identifier}".`);
    return row.id;
  }

  async userId(accountId: string, identifier: string): Promise<string> {
    const id = await enableyUserId(this.db, accountId, identifier);
    if (!id) throw ApiError.notFound(`No user with identifier "${identifier}".`);
    return id;
  }

  /** v1: every learner × channel matching the filters; users without an external id are left out. */
  v1(accountId: string, channelId: string | null, userId: string | null): Promise<PerformanceRow[]> {
    return rows(
      this.db,
      `${PERFORMANCE_SELECT}
        WHERE e.account_id = $1 AND e.is_active AND u.identifier <> ''
          AND ($2::uuid IS NULL OR e.channel_id = $2) AND ($3::uuid IS NULL OR e.user_id = $3)
        ORDER BY c.identifier, u.identifier
        LIMIT ${PERFORMANCE_V1_LIMIT}`,
      [accountId, channelId, userId],
    );
  }

  /**
   * v2 keyset page: by channel (ordered by user id, index enrollment(channel_id, user_id)), by user
   * (ordered by channel id, unique index enrollment(user_id, channel_id)), or both (one row).
   */
  v2Page(channelId: string | null, userId: string | null, after: string | null, limit: number): Promise<PerformanceRow[]> {
    // Each shape is its own statement (no "$n IS NULL OR ..."), so the keyset condition is always an index condition.
    if (channelId && userId) return rows(this.db, `${PERFORMANCE_SELECT} WHERE e.channel_id = $1 AND e.user_id = $2 AND e.is_active AND ($3::uuid IS NULL OR $3 < $2) LIMIT $4`, [channelId, userId, after, limit]);
    if (channelId)
      return after
        ? rows(this.db, `${PERFORMANCE_SELECT} WHERE e.channel_id = $1 AND e.user_id > $2 AND e.is_active ORDER BY e.user_id LIMIT $3`, [channelId, after, limit])
        : rows(this.db, `${PERFORMANCE_SELECT} WHERE e.channel_id = $1 AND e.is_active ORDER BY e.user_id LIMIT $2`, [channelId, limit]);
    return after
      ? rows(this.db, `${PERFORMANCE_SELECT} WHERE e.user_id = $1 AND e.channel_id > $2 AND e.is_active ORDER BY e.channel_id LIMIT $3`, [userId, after, limit])
      : rows(this.db, `${PERFORMANCE_SELECT} WHERE e.user_id = $1 AND e.is_active ORDER BY e.channel_id LIMIT $2`, [userId, limit]);
  }

  async v2Count(channelId: string | null, userId: string | null): Promise<number> {
    const [{ n }] = await rows<{ n: number }>(
      this.db,
      `SELECT count(*)::int AS n FROM enrollment e WHERE e.is_active AND ($1::uuid IS NULL OR e.channel_id = $1) AND ($2::uuid IS NULL OR e.user_id = $2)`,
      [channelId, userId],
    );
    return n;
  }
}
