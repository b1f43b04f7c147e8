import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { APP_ENV } from '../../../core/config/config.module';
import { AppEnv } from '../../../core/config/env';
import { isoDate } from '../../../core/http/ids';
import { Page, PageQueryDto, baseUrl, pageOf, pageWindow } from '../common/pagination';
import { TribooCourseDto } from './course.dto';
import { rows } from '../../../core/database/sql';

interface CourseRow {
  identifier: string;
  name: string;
  description: string | null;
  start: Date;
  language: string | null;
  categories: string[];
  tags: string[];
  image_url: string | null;
  duration: number | null;
  updated_at: Date;
  overview_url: string | null;
  banner_image_url: string | null;
  instructors: string[] | null;
  effort: string | null;
  countries: string[] | null;
  learning_groups: string[] | null;
}

/** Started COURSE channels of the account: start date (else creation) not in the future. */
const STARTED = `c.account_id = $1 AND c.type = 'COURSE' AND coalesce(c.start_date, c.created_at) <= now()`;

function effortOf(minutes: number | null): string | null {
  if (minutes === null) return null;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * GET COURSES, by keyset on the course key (index channel(account_id, identifier)). A catalog is
 * small, so `page=N` finds its first key with one window scan of the account's courses per call.
 */
@Injectable()
export class TribooCoursesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_ENV) private readonly env: AppEnv,
  ) {}

  async list(req: FastifyRequest, accountId: string, q: PageQueryDto): Promise<Page<TribooCourseDto>> {
    const [{ count }] = await rows<{ count: number }>(this.db, `SELECT count(*)::int AS count FROM channel c WHERE ${STARTED}`, [accountId]);
    const w = pageWindow(q, count, (raw) => raw);
    const select = `SELECT c.identifier, c.name, c.description, coalesce(c.start_date, c.created_at) AS start, c.language, c.categories, c.tags,
                           c.image_url, c.duration, c.updated_at, x.overview_url, x.banner_image_url, x.instructors, x.effort, x.countries, x.learning_groups
                      FROM channel c LEFT JOIN triboo_course_catalog x ON x.channel_id = c.id WHERE ${STARTED}`;
    let fetched: CourseRow[];
    switch (w.plan.kind) {
      case 'first':
        fetched = await rows(this.db, `${select} ORDER BY c.identifier LIMIT $2`, [accountId, w.pageSize]);
        break;
      case 'after':
        fetched = await rows(this.db, `${select} AND c.identifier > $2 ORDER BY c.identifier LIMIT $3`, [accountId, w.plan.key, w.pageSize]);
        break;
      case 'before':
        fetched = (await rows<CourseRow>(this.db, `${select} AND c.identifier < $2 ORDER BY c.identifier DESC LIMIT $3`, [accountId, w.plan.key, w.pageSize])).reverse();
        break;
      case 'number':
        fetched = await rows(
          this.db,
          `${select} AND c.identifier >= (SELECT identifier FROM (SELECT c.identifier, row_number() OVER (ORDER BY c.identifier) AS rn FROM channel c WHERE ${STARTED}) s WHERE rn = $2)
           ORDER BY c.identifier LIMIT $3`,
          [accountId, w.plan.index * w.pageSize + 1, w.pageSize],
        );
        break;
    }
    const base = baseUrl(req, this.env.publicUrl);
    return pageOf(req, this.env.publicUrl, w, count, fetched.map((r) => this.toDto(r, base)), (c) => c.id);
  }

  private toDto(r: CourseRow, base: string): TribooCourseDto {
    return {
      id: r.identifier,
      display_name: r.name,
      overview_url: r.overview_url ?? `${base}/courses/${r.identifier}/about`,
      start: isoDate(r.start)!,
      card_image_url: r.image_url,
      banner_image_url: r.banner_image_url ?? r.image_url,
      short_description: r.description,
      instructors: r.instructors ?? [],
      effort: r.effort ?? effortOf(r.duration),
      language: r.language,
      course_category: r.categories[0] ?? null,
      tags: r.tags,
      countries: r.countries ?? [],
      learning_groups: r.learning_groups ?? [],
      modified: isoDate(r.updated_at)!,
    };
  }
}
