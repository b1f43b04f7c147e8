import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Failed logins per login key (a SHA-256 of the normalised username or of the client_id, so the table
 * holds no usernames), with the lock they earned. UNLOGGED like rate_limit_bucket.
 */
@Entity('login_failure')
export class LoginFailure {
  @PrimaryColumn({ type: 'text' })
  key: string;

  /** Failures counted since window_start. */
  @Column({ type: 'integer' })
  failures: number;

  /** Set to the lock's end when a lock starts, so it is never before locked_until: expired rows are found by it alone. */
  @Index('IDX_login_failure_window_start')
  @Column({ name: 'window_start', type: 'timestamptz' })
  windowStart: Date;

  /** Locks in a row without a quiet window between them: the next lock lasts base * 2^locks. */
  @Column({ type: 'integer' })
  locks: number;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;
}
