import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { APP_ENV } from '../../../core/config/config.module';
import { AppEnv } from '../../../core/config/env';
import { ApiError } from '../../../core/http/api-error';
import { isoDate } from '../../../core/http/ids';
import { Page, pageOf, pageWindow } from '../common/pagination';
import { EnrollmentAuditDto, EnrollmentAuditQueryDto } from './bulk-enroll.dto';
import { rows } from '../../../core/database/sql';

interface AuditRow {
  id: string;
  n: string;
  created_at: Date;
  course_id: string;
  identifier: string;
  email: string | null;
  user_id: number | null;
  username: string | null;
  action: string;
  state_transition: string;
  enrolled_by: string;
}

/** An entry is (audit row id, position in the row); written `<id>.<n>`. */
type EntryKey = [string, number];
const parseKey = (raw: string): EntryKey | null => {
  const m = /^(\d{1,18})\.(\d{1,9})$/.exec(raw);
  return m ? [m[1], Number(m[2])] : null;
};

/**
 * The bulk-enroll audit trail, one entry per identifier and course, oldest first. Entries are read
 * by keyset on (row id, position) over the indexes (account_id, id) / (channel_id, id), unnesting
 * only the rows a page touches; `page=N` finds its row from the per-row entry counts (one small
 * window scan over the call×course rows, never the entries).
 */
@Injectable()
export class EnrollmentAuditService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_ENV) private readonly env: AppEnv,
  ) {}

  async list(req: FastifyRequest, accountId: string, q: EnrollmentAuditQueryDto): Promise<Page<EnrollmentAuditDto>> {
    const params: unknown[] = [accountId];
    let where = 'a.account_id = $1';
    if (q.course_id !== undefined) {
      const c = await rows<{ id: string }>(this.db, `SELECT id FROM channel WHERE account_id = $1 AND identifier = $2`, [accountId, q.course_id]);
      if (!c.length) throw ApiError.notFound(`No course ${q.course_id}.`);
      params.push(c[0].id);
      where = 'a.account_id = $1 AND a.channel_id = $2';
    }
    const n = params.length;
    const [{ count }] = await rows<{ count: number }>(this.db, `SELECT coalesce(sum(a.entries), 0)::int AS count FROM triboo_enrollment_audit a WHERE ${where}`, params);
    const w = pageWindow(q, count, parseKey);
    const entries = (cond: string, order: 'ASC' | 'DESC') =>
      `SELECT a.id::text AS id, x.n, a.created_at, c.identifier AS course_id, x.identifier, x.email, x.user_id, x.username, a.action, x.state_transition, a.enrolled_by
         FROM triboo_enrollment_audit a JOIN channel c ON c.id = a.channel_id
         CROSS JOIN LATERAL unnest(a.identifiers, a.emails, a.user_ids, a.usernames, a.state_transitions)
              WITH ORDINALITY AS x(identifier, email, user_id, username, state_transition, n)
        WHERE ${where} AND ${cond}
        ORDER BY a.id ${order}, x.n ${order} LIMIT $${n + 3}`;
    let found: AuditRow[];
    let from: EntryKey | null = null;
    switch (w.plan.kind) {
      case 'first':
        from = ['0', 0];
        break;
      case 'after':
        found = await rows<AuditRow>(this.db, entries(`(a.id, x.n) > ($${n + 1}::bigint, $${n + 2}::bigint) AND a.id >= $${n + 1}::bigint`, 'ASC'), [...params, ...w.plan.key, w.pageSize]);
        break;
      case 'before':
        found = (await rows<AuditRow>(this.db, entries(`(a.id, x.n) < ($${n + 1}::bigint, $${n + 2}::bigint) AND a.id <= $${n + 1}::bigint`, 'DESC'), [...params, ...w.plan.key, w.pageSize])).reverse();
        break;
      case 'number': {
        const target = w.plan.index * w.pageSize;
        const anchor = await rows<{ id: string; skipped: number }>(
          this.db,
          `SELECT id::text, (upto - entries)::int AS skipped
             FROM (SELECT a.id, a.entries, sum(a.entries) OVER (ORDER BY a.id) AS upto FROM triboo_enrollment_audit a WHERE ${where}) s
            WHERE upto > $${n + 1} ORDER BY id LIMIT 1`,
          [...params, target],
        );
        from = anchor.length ? [anchor[0].id, target - anchor[0].skipped + 1] : ['0', 0];
        break;
      }
    }
    if (from) found = await rows<AuditRow>(this.db, entries(`(a.id, x.n) >= ($${n + 1}::bigint, $${n + 2}::bigint) AND a.id >= $${n + 1}::bigint`, 'ASC'), [...params, ...from, w.pageSize]);
    const results = found!.map((r) => ({
      id: `${r.id}.${r.n}`,
      created: isoDate(r.created_at)!,
      course_id: r.course_id,
      identifier: r.identifier,
      email: r.email,
      user_id: r.user_id,
      username: r.username,
      action: r.action,
      state_transition: r.state_transition,
      enrolled_by: r.enrolled_by,
    }));
    return pageOf(req, this.env.publicUrl, w, count, results, (r) => r.id);
  }
}
