import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One fixed-window request counter per key (the client address of the token/login endpoints), shared by
 * every process on the database. UNLOGGED (see the migration): a crash forgets the counters, which costs
 * at most one window of leniency and saves a WAL write per counted request.
 */
@Entity('rate_limit_bucket')
export class RateLimitBucket {
  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'integer' })
  hits: number;

  @Index('IDX_rate_limit_bucket_expires')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
