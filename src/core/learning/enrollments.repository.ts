import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../database/pg-error';
import { rows } from '../database/sql';
import { listParams, listSql } from './text-list';

/** An enrollment's key. */
export interface EnrollmentPair {
  userId: string;
  channelId: string;
}

/** A pending enrollment's claimant: the user, their account and (lowercase or not) email. */
export interface PendingClaimant {
  id: string;
  accountId: string;
  email: string;
}

type PairRow = { user_id: string; channel_id: string };
const toPairs = (r: PairRow[]): EnrollmentPair[] => r.map((p) => ({ userId: p.user_id, channelId: p.channel_id }));

/**
 * The statements on `enrollment` and `pending_enrollment`. Every method is one set-based statement,
 * whatever the number of users and channels; callers that select the users themselves (group
 * assignment) pass that SELECT in, so the write stays one INSERT … SELECT.
 *
 * `pairsSql` is a SELECT (it may start with WITH RECURSIVE) whose first two columns are the user
 * id and the channel id; it uses `params` as $1..$n, the repository's own values follow them.
 */
@Injectable()
export class EnrollmentsRepository {
  /** Cross product users × channels; inactive enrollments are reactivated with the given mode. Returns the pairs that were not active. */
  async enroll(m: EntityManager, accountId: string, userIds: string[], channelIds: string[], mode: string, source: string): Promise<EnrollmentPair[]> {
    return toPairs(
      await rows<PairRow>(
        m,
        `INSERT INTO enrollment (account_id, user_id, channel_id, mode, source, is_active, enrolled_at)
         SELECT $1, u.user_id, c.channel_id, $4, $5, true, now()
           FROM unnest($2::uuid[]) AS u(user_id) CROSS JOIN unnest($3::uuid[]) AS c(channel_id)
         ON CONFLICT (user_id, channel_id) DO UPDATE SET is_active = true, mode = EXCLUDED.mode, updated_at = now()
           WHERE NOT enrollment.is_active
         RETURNING user_id, channel_id`,
        [accountId, userIds, channelIds, mode, source],
      ),
    );
  }

  /**
   * enroll() for callers that do not need the pairs back: 25,000 rows not sent back to be ignored.
   * Rows go in user by user (each user's channels together), so the user foreign-key check and the
   * (user_id, channel_id) index insert of consecutive rows land on the same user row and index page.
   * Ids travel as one comma-joined text (uuids hold no comma), not a 5,000-element array literal.
   */
  async enrollAll(m: EntityManager, accountId: string, userIds: string[], channelIds: string[], mode: string, source: string, noneExist = false): Promise<void> {
    const insert = `INSERT INTO enrollment (account_id, user_id, channel_id, mode, source, is_active, enrolled_at)
       SELECT $1, u.user_id, c.channel_id, $4, $5, true, now()
         FROM unnest(string_to_array($2::text, ',')::uuid[]) WITH ORDINALITY AS u(user_id, i)
        CROSS JOIN unnest($3::uuid[]) WITH ORDINALITY AS c(channel_id, j)
        ORDER BY u.i, c.j`;
    const params = [accountId, userIds.join(','), channelIds, mode, source];
    await withoutConflictCheck(m, noneExist, insert, `${insert}
       ON CONFLICT (user_id, channel_id) DO UPDATE SET is_active = true, mode = EXCLUDED.mode, updated_at = now()
         WHERE NOT enrollment.is_active`, params);
  }

  /** Enrolls the (user, channel) pairs the caller's SELECT yields; inactive ones are reactivated under `source`. Returns the pairs that were not active. */
  async enrollFrom(m: EntityManager, accountId: string, pairsSql: string, params: unknown[], source: string): Promise<EnrollmentPair[]> {
    const a = params.length + 1;
    return toPairs(
      await rows<PairRow>(
        m,
        `INSERT INTO enrollment (account_id, user_id, channel_id, source, is_active, enrolled_at)
         SELECT DISTINCT $${a}::uuid, p.user_id, p.channel_id, $${a + 1}::text, true, now()
           FROM (${pairsSql}) AS p(user_id, channel_id)
         ON CONFLICT (user_id, channel_id) DO UPDATE SET is_active = true, source = EXCLUDED.source, updated_at = now()
           WHERE NOT enrollment.is_active
         RETURNING user_id, channel_id`,
        [...params, accountId, source],
      ),
    );
  }

  /** Deactivates these users' enrollments in these channels (only those of `source` when given); returns the pairs that were active. */
  async unenroll(m: EntityManager, userIds: string[], channelIds: string[], source: string | null): Promise<EnrollmentPair[]> {
    return toPairs(
      await rows<PairRow>(
        m,
        `UPDATE enrollment SET is_active = false, updated_at = now()
          WHERE user_id = ANY($1::uuid[]) AND channel_id = ANY($2::uuid[]) AND is_active
            AND ($3::text IS NULL OR source = $3)
          RETURNING user_id, channel_id`,
        [userIds, channelIds, source],
      ),
    );
  }

  /**
   * Deactivates the channel's active `source` enrollments of the users the caller's SELECT yields
   * (`usersSql`: one column, the user id); returns them. Filtering on the channel first keeps the
   * plan the channel's index scan whatever the SELECT's estimate.
   */
  async unenrollFrom(m: EntityManager, channelId: string, usersSql: string, params: unknown[], source: string): Promise<EnrollmentPair[]> {
    const c = params.length + 1;
    return toPairs(
      await rows<PairRow>(
        m,
        `UPDATE enrollment e SET is_active = false, updated_at = now()
          WHERE e.channel_id = $${c}::uuid AND e.source = $${c + 1}::text AND e.is_active
            AND e.user_id IN (${usersSql})
          RETURNING e.user_id, e.channel_id`,
        [...params, channelId, source],
      ),
    );
  }

  /**
   * Deactivates (progress kept) the `source` enrollments of the (user, channel) pairs the caller's SELECT yields,
   * in one statement whatever the number of channels; returns the pairs that were active.
   */
  async unenrollPairsFrom(m: EntityManager, pairsSql: string, params: unknown[], source: string): Promise<EnrollmentPair[]> {
    const s = params.length + 1;
    return toPairs(
      await rows<PairRow>(
        m,
        `UPDATE enrollment e SET is_active = false, updated_at = now()
           FROM (${pairsSql}) AS p(user_id, channel_id)
          WHERE e.user_id = p.user_id AND e.channel_id = p.channel_id AND e.source = $${s}::text AND e.is_active
          RETURNING e.user_id, e.channel_id`,
        [...params, source],
      ),
    );
  }

  /** Sets the mode of these users' enrollments in these channels where it differs. */
  async setMode(m: EntityManager, userIds: string[], channelIds: string[], mode: string): Promise<void> {
    await rows(m, `UPDATE enrollment SET mode = $3, updated_at = now() WHERE user_id = ANY($1::uuid[]) AND channel_id = ANY($2::uuid[]) AND mode <> $3`, [userIds, channelIds, mode]);
  }

  /** Sets these enrollments to 100 % finished (keeping an earlier completion date). */
  async markFinished(m: EntityManager, pairs: EnrollmentPair[]): Promise<void> {
    await rows(
      m,
      `UPDATE enrollment e SET progress = 100, status = 'finished', completed_at = coalesce(e.completed_at, now()), updated_at = now()
         FROM unnest($1::uuid[], $2::uuid[]) AS t(user_id, channel_id)
        WHERE e.user_id = t.user_id AND e.channel_id = t.channel_id`,
      [pairs.map((p) => p.userId), pairs.map((p) => p.channelId)],
    );
  }

  /** Records pre-enrollments emails × channels, updating auto_enroll where it differs. 100,000 emails travel as one text (text-list.ts). */
  async preEnroll(m: EntityManager, accountId: string, emails: string[], channelIds: string[], autoEnroll: boolean, noneExist = false): Promise<void> {
    const insert = `INSERT INTO pending_enrollment (account_id, email, channel_id, auto_enroll)
       SELECT $1, e.email, c.channel_id, $3 FROM unnest(${listSql(4)}) AS e(email) CROSS JOIN unnest($2::uuid[]) AS c(channel_id)`;
    await withoutConflictCheck(m, noneExist, insert, `${insert}
       ON CONFLICT (account_id, email, channel_id) DO UPDATE SET auto_enroll = EXCLUDED.auto_enroll
         WHERE pending_enrollment.auto_enroll IS DISTINCT FROM EXCLUDED.auto_enroll`, [accountId, channelIds, autoEnroll, ...listParams(emails)]);
  }

  /** Removes the pre-enrollments emails × channels. */
  async removePending(m: EntityManager, accountId: string, emails: string[], channelIds: string[]): Promise<void> {
    await rows(m, `DELETE FROM pending_enrollment WHERE account_id = $1 AND channel_id = ANY($2::uuid[]) AND email = ANY($3::text[])`, [accountId, channelIds, emails]);
  }

  /** Deletes the claimants' pre-enrollments and turns the auto-enroll ones into active enrollments. */
  async claimPending(m: EntityManager, claimants: PendingClaimant[]): Promise<void> {
    await rows(
      m,
      `WITH claimed AS (
         DELETE FROM pending_enrollment p
          USING unnest($1::uuid[], $2::uuid[], $3::text[]) AS u(user_id, account_id, email)
          WHERE p.account_id = u.account_id AND p.email = lower(u.email)
          RETURNING p.channel_id, p.auto_enroll, u.user_id, u.account_id
       )
       INSERT INTO enrollment (account_id, user_id, channel_id, is_active, enrolled_at)
       SELECT account_id, user_id, channel_id, true, now() FROM claimed WHERE auto_enroll
       ON CONFLICT (user_id, channel_id) DO UPDATE SET is_active = true, updated_at = now()`,
      [claimants.map((u) => u.id), claimants.map((u) => u.accountId), claimants.map((u) => u.email)],
    );
  }

  /**
   * Recomputes progress, score, time spent, status and completion date of the given enrollments
   * from content_progress: progress = completed non-optional items / non-optional items,
   * score = mean of scored items' scores. Channels without non-optional items keep their progress.
   */
  async recompute(m: EntityManager, pairs: EnrollmentPair[]): Promise<void> {
    await rows(
      m,
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
  }
}

/**
 * Runs `plain` (an INSERT without ON CONFLICT) when the caller has just read that none of its rows exist, else
 * `upsert`. ON CONFLICT probes the unique index once more per row before inserting: about 15 % of a 25,000-row
 * bulk insert. A row committed by another transaction since the caller's read makes the plain insert fail with a
 * unique violation; it is then rolled back to its savepoint and the upsert runs, so the outcome is the upsert's.
 */
async function withoutConflictCheck(m: EntityManager, noneExist: boolean, plain: string, upsert: string, params: unknown[]): Promise<void> {
  if (!noneExist) {
    await rows(m, upsert, params);
    return;
  }
  await rows(m, 'SAVEPOINT las_plain_insert');
  try {
    await rows(m, plain, params);
    await rows(m, 'RELEASE SAVEPOINT las_plain_insert');
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    await rows(m, 'ROLLBACK TO SAVEPOINT las_plain_insert');
    await rows(m, upsert, params);
  }
}
