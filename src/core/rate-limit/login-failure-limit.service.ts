import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_ENV } from '../config/config.module';
import { AppEnv } from '../config/env';
import { ApiError } from '../http/api-error';
import { rows } from '../database/sql';

const SWEEP_CHANCE = 0.01;

/**
 * Brute-force limit per login key (login-keys.ts: the username as submitted, NFC + lowercase, or the
 * client_id), counted in PostgreSQL so every process and every source address counts into one number:
 *
 * - LOGIN_FAILURE_LIMIT failures (default 10) within LOGIN_FAILURE_WINDOW_SECONDS (default 900) lock
 *   the key for LOGIN_LOCK_SECONDS (default 60); each further lock without a quiet window in between
 *   doubles, up to the window. A locked key is answered 429 with Retry-After (seconds until the lock
 *   ends) BEFORE the secret is checked, so a correct password during the lock is refused too (otherwise
 *   the lock would be an oracle).
 * - A new count starts when a lock ends (window_start = the lock's end), and a whole quiet window
 *   forgets the backoff, so an attacker gets about LIMIT guesses per window and a real user is locked
 *   out at most one window after the attack stops.
 * - A success deletes the key's row (reset).
 *
 * The check reads and a failure writes, one statement each (PgBouncer transaction mode: no session
 * state). Requests already in flight when the limit is reached are still checked: the overshoot is
 * bounded by the per-address rate limit and by argon2's cost. Counting failures, not attempts, means a
 * client fetching many tokens at once is never locked.
 */
@Injectable()
export class LoginFailureLimit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_ENV) private readonly env: AppEnv,
  ) {}

  /** Runs `attempt` unless the key is locked; counts a failure when `failed(result)`, resets on success. */
  async guard<T>(key: string, attempt: () => Promise<T>, failed: (result: T) => boolean): Promise<T> {
    const known = await this.assertNotLocked(key);
    let result: T;
    try {
      result = await attempt();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) await this.recordFailure(key);
      throw e;
    }
    if (failed(result)) await this.recordFailure(key);
    else if (known) await rows(this.db, `DELETE FROM login_failure WHERE key = $1`, [key]);
    return result;
  }

  /** Throws 429 when the key is locked; true when the key has a row (earlier failures to reset). */
  private async assertNotLocked(key: string): Promise<boolean> {
    const [row] = await rows<{ wait_ms: string | null }>(
      this.db,
      `SELECT ceil(extract(epoch FROM locked_until - now()) * 1000) AS wait_ms FROM login_failure WHERE key = $1`,
      [key],
    );
    if (!row) return false;
    if (row.wait_ms !== null && Number(row.wait_ms) > 0) throw this.locked(Number(row.wait_ms));
    return true;
  }

  private async recordFailure(key: string): Promise<void> {
    const { loginFailureLimit: limit, loginFailureWindowSeconds: window, loginLockSeconds: base } = this.env;
    // Old values throughout (PostgreSQL evaluates every SET expression against the row before the update).
    const fresh = `f.window_start <= now() - $3::int * interval '1 second'`;
    const count = `(CASE WHEN ${fresh} THEN 1 ELSE f.failures + 1 END)`;
    const streak = `(CASE WHEN ${fresh} THEN 0 ELSE f.locks END)`;
    const reached = `${count} >= $2::int`;
    const lockEnd = `now() + least($4::int * power(2, least(${streak}, 30)), $3::int) * interval '1 second'`;
    await rows(
      this.db,
      `INSERT INTO login_failure AS f (key, failures, window_start, locks, locked_until)
       VALUES ($1, CASE WHEN $2::int <= 1 THEN 0 ELSE 1 END,
               CASE WHEN $2::int <= 1 THEN now() + least($4::int, $3::int) * interval '1 second' ELSE now() END,
               CASE WHEN $2::int <= 1 THEN 1 ELSE 0 END,
               CASE WHEN $2::int <= 1 THEN now() + least($4::int, $3::int) * interval '1 second' END)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN ${reached} THEN 0 ELSE ${count} END,
         locks = CASE WHEN ${reached} THEN ${streak} + 1 ELSE ${streak} END,
         locked_until = CASE WHEN ${reached} THEN ${lockEnd} ELSE f.locked_until END,
         window_start = CASE WHEN ${reached} THEN ${lockEnd} WHEN ${fresh} THEN now() ELSE f.window_start END
       -- A failure that was already in flight when another one set the lock does not extend it.
       WHERE f.locked_until IS NULL OR f.locked_until <= now()`,
      [key, limit, window, base],
    );
    if (Math.random() < SWEEP_CHANCE) {
      await rows(this.db, `DELETE FROM login_failure WHERE window_start < now() - $1::int * interval '1 second'`, [window]);
    }
  }

  private locked(waitMs: number): ApiError {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    return new ApiError(
      429,
      [{ code: 'RATE_LIMITED', message: `Too many failed login attempts; retry in ${seconds} s.` }],
      undefined,
      { 'Retry-After': String(seconds) },
    );
  }
}
