import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { APP_ENV } from '../../../core/config/config.module';
import { AppEnv } from '../../../core/config/env';
import { ApiError } from '../../../core/http/api-error';
import { isoDate } from '../../../core/http/ids';
import { Page, pageOf, pageWindow } from '../common/pagination';
import { PageAnchorCache } from '../common/page-anchors';
import { EnrollmentAuditDto, EnrollmentAuditQueryDto } from './bulk-enroll.dto';

interface AuditRow {
  id: string;
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

const parseKey = (raw: string): string | null => (/^\d{1,18}$/.test(raw) ? raw : null);

/**
 * The bulk-enroll audit trail, oldest first, by keyset on the audit id (indexes (account_id, id) and
 * (channel_id, id)); `page=N` uses cached page anchors like GET USERS (rows are only ever appended).
 */
@Injectable()
export class EnrollmentAuditService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly anchors: PageAnchorCache,
    @Inject(APP_ENV) private readonly env: AppEnv,
  ) {}

  async list(req: FastifyRequest, accountId: string, q: EnrollmentAuditQueryDto): Promise<Page<EnrollmentAuditDto>> {
    const params: unknown[] = [accountId];
    let where = 'a.account_id = $1';
    if (q.course_id !== undefined) {
      const c: { id: string }[] = await this.db.query(`SELECT id FROM channel WHERE account_id = $1 AND identifier = $2`, [accountId, q.course_id]);
      if (!c.length) throw ApiError.notFound(`No course ${q.course_id}.`);
      params.push(c[0].id);
      where = 'a.account_id = $1 AND a.channel_id = $2';
    }
    const n = params.length;
    const [{ count, max }]: { count: number; max: string | null }[] = await this.db.query(`SELECT count(*)::int AS count, max(a.id)::text AS max FROM triboo_enrollment_audit a WHERE ${where}`, params);
    const w = pageWindow(q, count, parseKey);
    const select = `SELECT a.id::text AS id, a.created_at, c.identifier AS course_id, a.identifier, a.email, u.user_id, u.username, a.action, a.state_transition, a.enrolled_by
                      FROM triboo_enrollment_audit a JOIN channel c ON c.id = a.channel_id LEFT JOIN "user" u ON u.id = a.user_id
                     WHERE ${where}`;
    let rows: AuditRow[];
    switch (w.plan.kind) {
      case 'first':
        rows = await this.db.query(`${select} ORDER BY a.id LIMIT $${n + 1}`, [...params, w.pageSize]);
        break;
      case 'after':
        rows = await this.db.query(`${select} AND a.id > $${n + 1}::bigint ORDER BY a.id LIMIT $${n + 2}`, [...params, w.plan.key, w.pageSize]);
        break;
      case 'before':
        rows = (await this.db.query(`${select} AND a.id < $${n + 1}::bigint ORDER BY a.id DESC LIMIT $${n + 2}`, [...params, w.plan.key, w.pageSize])).reverse();
        break;
      case 'number': {
        const anchors = await this.anchors.get(`triboo-audit:${accountId}:${params[1] ?? ''}:${w.pageSize}`, `${count}:${max}`, async () => {
          const [{ a }]: { a: string[] | null }[] = await this.db.query(
            `SELECT array_agg(id::text ORDER BY id) AS a FROM (SELECT a.id, row_number() OVER (ORDER BY a.id) AS rn FROM triboo_enrollment_audit a WHERE ${where}) s WHERE (rn - 1) % $${n + 1} = 0`,
            [...params, w.pageSize],
          );
          return a ?? [];
        });
        const anchor = anchors[Math.min(w.plan.index, anchors.length - 1)] ?? '0';
        rows = await this.db.query(`${select} AND a.id >= $${n + 1}::bigint ORDER BY a.id LIMIT $${n + 2}`, [...params, anchor, w.pageSize]);
        break;
      }
    }
    const results = rows.map((r) => ({
      id: r.id,
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
