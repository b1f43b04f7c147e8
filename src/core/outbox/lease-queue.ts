import { DataSource } from 'typeorm';
import { rows } from '../database/sql';

/**
 * The claim / lease / backoff pattern of a transactional outbox table, at-least-once: a worker claims
 * due rows under a lease with one statement; a row whose lease ran out (its worker crashed or hung) is
 * claimed again by any instance; a failure puts it back with exponential backoff and jitter; it is
 * `failed` only after `maxAttempts` claims. Each claim counts an attempt and fences the row: a worker
 * whose lease was taken over can no longer settle it.
 *
 * The table needs: id uuid, status text ('pending' | 'sending' | the caller's final statuses),
 * attempts integer, next_attempt_at timestamptz, lease_until timestamptz, last_error text; and
 * partial indexes on next_attempt_at WHERE status = 'pending' and lease_until WHERE status = 'sending'.
 */
export interface LeaseQueueOptions {
  table: string;
  leaseSeconds: number;
  maxAttempts: number;
  backoffBaseSeconds: number;
  backoffCapSeconds: number;
  /** Extra `col = expr` assignments made on claim (a constant SQL fragment, never input). */
  onClaim?: string;
  /** Extra `col = expr` assignments made when a row becomes `failed` (a constant SQL fragment, never input). */
  onFail?: string;
}

/** Narrows a claim to some rows (one endpoint's, say): a constant SQL fragment over the table, its values from $3 on. */
export interface ClaimScope {
  where: string;
  params: unknown[];
}

export interface RetryOptions {
  delaySeconds?: number;
  set?: string;
  params?: unknown[];
}

export interface ClaimedRow {
  id: string;
  attempts: number;
}

/** Exponential, capped, with jitter in its upper half: base·2^(attempt-1) · 0.5–1. */
export function backoffSeconds(attempt: number, baseSeconds: number, capSeconds: number): number {
  const ceiling = Math.min(capSeconds, baseSeconds * 2 ** Math.max(0, attempt - 1));
  return Math.max(1, Math.round(ceiling * (0.5 + Math.random() / 2)));
}

export class LeaseQueue<Row extends ClaimedRow> {
  private readonly t: string;

  constructor(
    private readonly db: DataSource,
    readonly opts: LeaseQueueOptions,
  ) {
    // A plain lower-case identifier, written unquoted: statements read `UPDATE notification ...` in logs
    // and in the statement filters of tests that count a request's own queries beside the worker's.
    if (!/^[a-z_][a-z0-9_]*$/.test(opts.table)) throw new Error(`not a table name: ${opts.table}`);
    this.t = opts.table;
  }

  /**
   * Claims up to `limit` due rows (sending with an expired lease first, then pending and due) in one statement.
   * Two index-ordered branches, not one `OR`: with the OR the planner reads and sorts every due row for each
   * claim (90 ms per claim of 16 with 50,000 pending webhook deliveries); each branch stops after `limit`
   * rows of its partial index, and the second is not run once the first filled the claim.
   * A row claimed past its last attempt (its lease ran out on the last one) is failed instead.
   */
  async claim(limit: number, columns: string[], scope?: ClaimScope): Promise<Row[]> {
    const returning = ['id', 'attempts', ...columns].map((c) => `q."${c}"`).join(', ');
    const scoped = scope ? ` AND (${scope.where})` : '';
    const claimed = await rows<Row>(
      this.db,
      `UPDATE ${this.t} q SET status = 'sending', lease_until = now() + make_interval(secs => $2), attempts = q.attempts + 1${this.opts.onClaim ? `, ${this.opts.onClaim}` : ''}
           FROM (SELECT id FROM (SELECT id FROM ${this.t} WHERE status = 'sending' AND lease_until < now()${scoped}
                                  ORDER BY lease_until LIMIT $1 FOR UPDATE SKIP LOCKED) expired
                 UNION ALL
                 SELECT id FROM (SELECT id FROM ${this.t} WHERE status = 'pending' AND next_attempt_at <= now()${scoped}
                                  ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
                 LIMIT $1) c
          WHERE q.id = c.id
         RETURNING ${returning}`,
      [limit, this.opts.leaseSeconds, ...(scope?.params ?? [])],
    );
    const exhausted = claimed.filter((r) => r.attempts > this.opts.maxAttempts);
    if (exhausted.length) {
      await rows(
        this.db,
        `UPDATE ${this.t} q SET status = 'failed', lease_until = NULL,
                last_error = COALESCE(q.last_error || '; ', '') || 'lease expired on the last attempt'${this.opts.onFail ? `, ${this.opts.onFail}` : ''}
           FROM unnest($1::uuid[], $2::int[]) r(id, attempts)
          WHERE q.id = r.id AND q.status = 'sending' AND q.attempts = r.attempts`,
        [exhausted.map((r) => r.id), exhausted.map((r) => r.attempts)],
      );
    }
    return claimed.filter((r) => r.attempts <= this.opts.maxAttempts);
  }

  /**
   * Settles a claimed row for good (`set` is a constant SQL fragment, its values `params` from $4 on);
   * false if its lease was taken over.
   */
  async complete(row: ClaimedRow, status: string, set = '', params: unknown[] = []): Promise<boolean> {
    const settled = await rows(
      this.db,
      `UPDATE ${this.t} SET status = $3, lease_until = NULL, last_error = NULL${set ? `, ${set}` : ''}
        WHERE id = $1 AND status = 'sending' AND attempts = $2
        RETURNING 1`,
      [row.id, row.attempts, status, ...params],
    );
    return settled.length === 1;
  }

  /**
   * Settles many claimed rows in one statement (a busy worker's successes); `set` may read the row's
   * `r.extra` (text), given per row in `extra`. Returns the ids settled (a row taken over is not).
   */
  async completeMany(claimed: ClaimedRow[], status: string, set = '', extra: (string | null)[] = []): Promise<string[]> {
    if (!claimed.length) return [];
    const settled = await rows<{ id: string }>(
      this.db,
      `UPDATE ${this.t} q SET status = $3, lease_until = NULL, last_error = NULL${set ? `, ${set}` : ''}
         FROM unnest($1::uuid[], $2::int[], $4::text[]) r(id, attempts, extra)
        WHERE q.id = r.id AND q.status = 'sending' AND q.attempts = r.attempts
        RETURNING q.id`,
      [claimed.map((r) => r.id), claimed.map((r) => r.attempts), status, claimed.map((_, i) => extra[i] ?? null)],
    );
    return settled.map((r) => r.id);
  }

  /**
   * After a failed attempt: pending again with backoff, or failed after the last attempt. `delaySeconds`
   * replaces the exponential backoff (a per-row schedule, a receiver's Retry-After); `set` and `params`
   * (from $6 on) record more about the attempt.
   */
  async retry(row: ClaimedRow, error: string, opts: RetryOptions = {}): Promise<'pending' | 'failed'> {
    const final = row.attempts >= this.opts.maxAttempts;
    const delay = opts.delaySeconds ?? backoffSeconds(row.attempts, this.opts.backoffBaseSeconds, this.opts.backoffCapSeconds);
    await rows(
      this.db,
      `UPDATE ${this.t} SET status = $3, lease_until = NULL, last_error = $4, next_attempt_at = now() + make_interval(secs => $5)${opts.set ? `, ${opts.set}` : ''}${final && this.opts.onFail ? `, ${this.opts.onFail}` : ''}
        WHERE id = $1 AND status = 'sending' AND attempts = $2`,
      [row.id, row.attempts, final ? 'failed' : 'pending', error.slice(0, 1000), delay, ...(opts.params ?? [])],
    );
    return final ? 'failed' : 'pending';
  }

  /** Gives back claimed rows not tried yet (shutdown, or a batch outlasting its lease): no attempt counted. */
  async release(claimed: ClaimedRow[]): Promise<void> {
    if (!claimed.length) return;
    await rows(
      this.db,
      `UPDATE ${this.t} q SET status = 'pending', lease_until = NULL, attempts = q.attempts - 1
         FROM unnest($1::uuid[], $2::int[]) r(id, attempts)
        WHERE q.id = r.id AND q.status = 'sending' AND q.attempts = r.attempts`,
      [claimed.map((r) => r.id), claimed.map((r) => r.attempts)],
    );
  }
}
