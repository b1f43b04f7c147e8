import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { returnedRows } from '../database/sql';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';

export interface EnrollOptions {
  mode?: string;
  /** 'direct', or 'group' for enrollments made through a channel-group assignment. */
  source?: string;
}

/** Called after enrollments' progress changed, with the affected (user, channel) pairs; certificates listen. */
export type ProgressListener = (manager: EntityManager, pairs: { userId: string; channelId: string }[]) => Promise<void>;

/**
 * The one enrollment table, written set-based: every method is a fixed number of statements
 * whatever the number of users and channels.
 */
@Injectable()
export class EnrollmentsService implements OnModuleInit {
  private readonly progressListeners: ProgressListener[] = [];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
  ) {}

  onModuleInit(): void {
    this.users.onUserChange((manager, user) => this.claimPending(manager, [user]));
  }

  onProgressChange(listener: ProgressListener): void {
    this.progressListeners.push(listener);
  }

  /**
   * Enrolls every user in every channel (cross product), reactivating inactive enrollments.
   * Returns the (user, channel) pairs that were not active before.
   */
  async enroll(manager: EntityManager, accountId: string, userIds: string[], channelIds: string[], opts: EnrollOptions = {}): Promise<{ userId: string; channelId: string }[]> {
    if (!userIds.length || !channelIds.length) return [];
    const rows: { user_id: string; channel_id: string }[] = await manager.query(
      `INSERT INTO enrollment (account_id, user_id, channel_id, mode, source, is_active, enrolled_at)
       SELECT $1, u.user_id, c.channel_id, $4, $5, true, now()
         FROM unnest($2::uuid[]) AS u(user_id) CROSS JOIN unnest($3::uuid[]) AS c(channel_id)
       ON CONFLICT (user_id, channel_id) DO UPDATE SET is_active = true, mode = EXCLUDED.mode, updated_at = now()
         WHERE NOT enrollment.is_active
       RETURNING user_id, channel_id`,
      [accountId, userIds, channelIds, opts.mode ?? 'honor', opts.source ?? 'direct'],
    );
    return rows.map((r) => ({ userId: r.user_id, channelId: r.channel_id }));
  }

  /** Deactivates the enrollments of these users in these channels; returns the pairs that were active. */
  async unenroll(manager: EntityManager, userIds: string[], channelIds: string[], source?: string): Promise<{ userId: string; channelId: string }[]> {
    if (!userIds.length || !channelIds.length) return [];
    const result: unknown = await manager.query(
      `UPDATE enrollment SET is_active = false, updated_at = now()
        WHERE user_id = ANY($1::uuid[]) AND channel_id = ANY($2::uuid[]) AND is_active
          AND ($3::text IS NULL OR source = $3)
        RETURNING user_id, channel_id`,
      [userIds, channelIds, source ?? null],
    );
    return returnedRows<{ user_id: string; channel_id: string }>(result).map((r) => ({ userId: r.user_id, channelId: r.channel_id }));
  }

  /**
   * Turns auto-enroll pre-enrollments of these users' emails into enrollments and removes every
   * pre-enrollment they satisfy. Inactive users and users without email are skipped.
   */
  async claimPending(manager: EntityManager, users: Pick<User, 'id' | 'accountId' | 'email' | 'isActive'>[]): Promise<void> {
    const active = users.filter((u) => u.isActive && u.email);
    if (!active.length) return;
    await manager.query(
      `WITH claimed AS (
         DELETE FROM pending_enrollment p
          USING unnest($1::uuid[], $2::uuid[], $3::text[]) AS u(user_id, account_id, email)
          WHERE p.account_id = u.account_id AND p.email = lower(u.email)
          RETURNING p.channel_id, p.auto_enroll, u.user_id, u.account_id
       )
       INSERT INTO enrollment (account_id, user_id, channel_id, is_active, enrolled_at)
       SELECT account_id, user_id, channel_id, true, now() FROM claimed WHERE auto_enroll
       ON CONFLICT (user_id, channel_id) DO UPDATE SET is_active = true, updated_at = now()`,
      [active.map((u) => u.id), active.map((u) => u.accountId), active.map((u) => u.email)],
    );
  }

  /**
   * Recomputes progress, score, time spent, status and completion date of the given enrollments
   * from content_progress: progress = completed non-optional items / non-optional items,
   * score = mean of scored items' scores. Channels without non-optional items keep their progress.
   */
  async recompute(manager: EntityManager, pairs: { userId: string; channelId: string }[]): Promise<void> {
    if (!pairs.length) return;
    await manager.query(
      `WITH target AS (
         SELECT DISTINCT * FROM unnest($1::uuid[], $2::uuid[]) AS t(user_id, channel_id)
       ), stats AS (
         SELECT t.user_id, t.channel_id,
                count(ci.id) FILTER (WHERE NOT ci.optional) AS required,
                count(ci.id) FILTER (WHERE NOT ci.optional AND cp.completed) AS done,
                round(avg(cp.score) FILTER (WHERE ci.scored AND cp.score IS NOT NULL))::int AS score,
                coalesce(sum(cp.time_spent_seconds), 0)::int AS time_spent,
                count(cp.id) AS touched
           FROM target t
           LEFT JOIN content_item ci ON ci.channel_id = t.channel_id
           LEFT JOIN content_progress cp ON cp.content_item_id = ci.id AND cp.user_id = t.user_id
          GROUP BY t.user_id, t.channel_id
       )
       UPDATE enrollment e SET
         progress = CASE WHEN s.required > 0 THEN floor(100.0 * s.done / s.required)::int ELSE e.progress END,
         score = coalesce(s.score, e.score),
         time_spent_seconds = greatest(e.time_spent_seconds, s.time_spent),
         status = CASE
           WHEN s.required > 0 AND s.done = s.required THEN 'finished'
           WHEN s.required = 0 AND e.status IN ('finished', 'failed') THEN e.status
           WHEN s.touched > 0 OR e.progress > 0 THEN 'in_progress'
           ELSE e.status END,
         completed_at = CASE
           WHEN s.required > 0 AND s.done = s.required THEN coalesce(e.completed_at, now())
           WHEN s.required > 0 THEN NULL
           ELSE e.completed_at END,
         updated_at = now()
       FROM stats s
       WHERE e.user_id = s.user_id AND e.channel_id = s.channel_id`,
      [pairs.map((p) => p.userId), pairs.map((p) => p.channelId)],
    );
    for (const listener of this.progressListeners) await listener(manager, pairs);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }
}
