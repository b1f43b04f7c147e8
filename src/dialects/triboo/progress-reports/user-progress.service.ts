import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { APP_ENV } from '../../../core/config/config.module';
import { AppEnv } from '../../../core/config/env';
import { isoDate } from '../../../core/http/ids';
import { Page, PageQueryDto, pageOf, pageWindow } from '../common/pagination';
import { PageAnchorCache } from '../common/page-anchors';
import { cutUserIdPage, parseUserIdKey, readUserIdPage } from '../common/user-id-pages';
import { statusError } from '../common/triboo-status';
import { BadgeDto, UserCourseProgressDto, UserProgressDto } from './progress.dto';
import { rows } from '../../../core/database/sql';

export type ProgressKey = 'user_id' | 'username' | 'email';

interface ReportUser {
  id: string;
  user_id: number;
  username: string;
  full_name: string;
  is_active?: boolean;
}

const COLUMN: Record<ProgressKey, string> = { user_id: 'u.user_id', username: 'u.username', email: 'lower(u.email)' };

/**
 * GET USER PROGRESS REPORT: active enrollments (COURSE channels) of active users. One query picks
 * the page's users, one reads their enrollments, one their badges (scored content items):
 * three statements per call whatever the page size.
 */
@Injectable()
export class UserProgressService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly anchors: PageAnchorCache,
    @Inject(APP_ENV) private readonly env: AppEnv,
  ) {}

  async one(accountId: string, by: ProgressKey, key: number | string, supervisor?: string): Promise<UserProgressDto> {
    const value = by === 'email' ? String(key).toLowerCase() : key;
    const found = await rows<ReportUser & { supervisor: string | null }>(
      this.db,
      `SELECT u.id, u.user_id, u.username, u.full_name, u.is_active, p.lt_supervisor AS supervisor
         FROM "user" u LEFT JOIN triboo_user_profile p ON p.user_id = u.id
        WHERE u.account_id = $1 AND ${COLUMN[by]} = $2`,
      [accountId, value],
    );
    const u = found[0];
    if (!u || (supervisor !== undefined && u.supervisor !== supervisor)) throw statusError('user_not_found', `No user with this ${by}.`);
    if (!u.is_active) throw statusError('user_inactive', 'The user is inactive; reports cover active users only.');
    return (await this.withCourses([u]))[0];
  }

  async list(req: FastifyRequest, accountId: string, q: PageQueryDto, filter: { by?: ProgressKey; keys?: (number | string)[]; supervisor?: string }): Promise<Page<UserProgressDto>> {
    const params: unknown[] = [accountId];
    let where = `u.account_id = $1 AND u.is_active`;
    if (filter.supervisor !== undefined) {
      params.push(filter.supervisor);
      where += ` AND u.id IN (SELECT p.user_id FROM triboo_user_profile p WHERE p.account_id = $1 AND p.lt_supervisor = $${params.length})`;
    }
    if (filter.by && filter.keys) {
      const keys = filter.by === 'email' ? filter.keys.map((k) => String(k).toLowerCase()) : filter.keys;
      params.push(keys);
      where += ` AND ${COLUMN[filter.by]} = ANY($${params.length}::${filter.by === 'user_id' ? 'int' : 'text'}[])`;
      // A bounded list (at most MAX_LIST_KEYS users): read it whole and cut the page.
      const users = await rows<ReportUser>(this.db, `SELECT u.id, u.user_id, u.username, u.full_name FROM "user" u WHERE ${where} ORDER BY u.user_id`, params);
      const w = pageWindow(q, users.length, parseUserIdKey);
      return pageOf(req, this.env.publicUrl, w, users.length, await this.withCourses(cutUserIdPage(users, w)), (r) => r.user_id);
    }
    const [{ count, sig }] = await rows<{ count: number; sig: string }>(
      this.db,
      `SELECT count(*)::int AS count, coalesce(sum(hashint4(u.user_id)::bigint), 0)::text AS sig FROM "user" u WHERE ${where}`,
      params,
    );
    const w = pageWindow(q, count, parseUserIdKey);
    const users = await readUserIdPage<ReportUser>(this.db, this.anchors, w, {
      columns: 'u.id, u.user_id, u.username, u.full_name',
      from: '"user" u',
      where,
      params,
      cacheKey: `triboo-progress:${accountId}:${filter.supervisor ?? ''}:${w.pageSize}`,
      signature: `${count}:${sig}`,
    });
    return pageOf(req, this.env.publicUrl, w, count, await this.withCourses(users), (r) => r.user_id);
  }

  /** Enrollments and badges of these users, two statements. */
  private async withCourses(users: ReportUser[]): Promise<UserProgressDto[]> {
    if (!users.length) return [];
    const ids = users.map((u) => u.id);
    const [enrollments, badges] = await Promise.all([
      rows<{ user_id: string; channel_id: string; identifier: string; name: string; status: string; progress: number; score: number | null; time_spent_seconds: number; enrolled_at: Date; completed_at: Date | null }>(
        this.db,
        `SELECT e.user_id, e.channel_id, c.identifier, c.name, e.status, e.progress, e.score, e.time_spent_seconds, e.enrolled_at, e.completed_at
           FROM enrollment e JOIN channel c ON c.id = e.channel_id
          WHERE e.user_id = ANY($1::uuid[]) AND e.is_active AND c.type = 'COURSE'
          ORDER BY e.enrolled_at, c.identifier`,
        [ids],
      ),
      rows<{ user_id: string; channel_id: string; badge: string; score: number | null; success: boolean; completed_at: Date | null }>(
        this.db,
        `SELECT e.user_id, e.channel_id, ci.name AS badge, cp.score, coalesce(cp.completed, false) AS success, cp.completed_at
           FROM enrollment e
           JOIN content_item ci ON ci.channel_id = e.channel_id AND ci.scored
           LEFT JOIN content_progress cp ON cp.content_item_id = ci.id AND cp.user_id = e.user_id
          WHERE e.user_id = ANY($1::uuid[]) AND e.is_active
          ORDER BY ci.position, ci.name`,
        [ids],
      ),
    ]);
    const badgesOf = new Map<string, BadgeDto[]>();
    for (const b of badges) {
      const k = `${b.user_id}/${b.channel_id}`;
      const list = badgesOf.get(k) ?? [];
      list.push({ badge: b.badge, score: b.score ?? 0, success: b.success, success_date: isoDate(b.completed_at) });
      badgesOf.set(k, list);
    }
    const coursesOf = new Map<string, UserCourseProgressDto[]>();
    for (const e of enrollments) {
      const list = coursesOf.get(e.user_id) ?? [];
      list.push({
        course_id: e.identifier,
        course_title: e.name,
        status: e.status,
        progress: e.progress,
        current_score: e.score ?? 0,
        total_time_spent: e.time_spent_seconds,
        enrollment_date: isoDate(e.enrolled_at)!,
        completion_date: isoDate(e.completed_at),
        badges: badgesOf.get(`${e.user_id}/${e.channel_id}`) ?? [],
      });
      coursesOf.set(e.user_id, list);
    }
    return users.map((u) => ({ username: u.username, user_id: u.user_id, name: u.full_name, courses: coursesOf.get(u.id) ?? [] }));
  }
}
