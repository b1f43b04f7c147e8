import { ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { rows } from '../database/sql';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** About one increment in a hundred also deletes the expired buckets, so the table stays small without a timer. */
const SWEEP_CHANCE = 0.01;

/**
 * @nestjs/throttler storage in PostgreSQL, so every process on the database counts into the same
 * buckets. One statement per counted request (works through PgBouncer in transaction mode: no session
 * state, no explicit transaction), timed by the database clock so the processes agree on windows.
 * Fixed window from a key's first hit; over the limit, Retry-After is the rest of the window.
 * Database errors propagate: an outage is answered as an outage, never as "allowed".
 */
export class PgThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly db: DataSource) {}

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    const [row] = await rows<{ hits: number; ms_left: string }>(
      this.db,
      `INSERT INTO rate_limit_bucket AS b (key, hits, expires_at) VALUES ($1, 1, now() + $2::int * interval '1 millisecond')
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN b.expires_at > now() THEN least(b.hits + 1, 2147483647) ELSE 1 END,
         expires_at = CASE WHEN b.expires_at > now() THEN b.expires_at ELSE excluded.expires_at END
       RETURNING hits, ceil(extract(epoch FROM expires_at - now()) * 1000) AS ms_left`,
      [key, ttl],
    );
    if (Math.random() < SWEEP_CHANCE) await rows(this.db, `DELETE FROM rate_limit_bucket WHERE expires_at < now()`);
    const secondsLeft = Math.max(1, Math.ceil(Number(row.ms_left) / 1000));
    const isBlocked = row.hits > limit;
    return { totalHits: row.hits, timeToExpire: secondsLeft, isBlocked, timeToBlockExpire: isBlocked ? secondsLeft : 0 };
  }
}
