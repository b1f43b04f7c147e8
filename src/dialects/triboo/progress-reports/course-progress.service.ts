import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { ApiError } from '../../../core/http/api-error';
import { COURSE_STATUS_WORDS, CourseProgressQueryDto } from './progress.dto';
import { rows } from '../../../core/database/sql';
import { reportBody } from './course-progress.stream';

function day(value: string, field: string): Date {
  const d = new Date(`${value}T00:00:00.000Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) throw ApiError.badRequest(`${field} is not a valid date (YYYY-MM-DD).`, field);
  return d;
}

/**
 * GET COURSE PROGRESS REPORT: one set-based statement over the course's enrollments joined to their users; PostgreSQL writes the JSON text, a thousand rows per cursor row, and the answer streams out as the
 * client reads it (course-progress.stream.ts), so 50,000 enrollments are neither 50,000 objects nor one 10 MB string.
 */
@Injectable()
export class CourseProgressService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async report(accountId: string, courseId: string, q: CourseProgressQueryDto): Promise<string | Readable> {
    if (q.to !== undefined && q.from === undefined) throw ApiError.required('from', 'from is required when to is given.');
    const from = q.from !== undefined ? day(q.from, 'from') : null;
    const to = q.to !== undefined ? new Date(day(q.to, 'to').getTime() + 86_400_000) : null;
    if (from && to && to <= from) throw ApiError.badRequest('to must not be before from.', 'to');
    // The course id and title are JSON-quoted by PostgreSQL, like the rows, so the whole answer is escaped one way.
    const course = await rows<{ id: string; id_json: string; name_json: string }>(
      this.db,
      `SELECT id, to_json(identifier)::text AS id_json, coalesce(to_json(name)::text, 'null') AS name_json FROM channel WHERE account_id = $1 AND identifier = $2 AND type = 'COURSE'`,
      [accountId, courseId],
    );
    if (!course.length) throw ApiError.notFound(`No course ${courseId}.`);
    const [c] = course;
    // PostgresDriver.master is the driver's public pg Pool; the cursor needs a connection of its own.
    const pool = (this.db.driver as unknown as { master: Pool }).master;
    const words = COURSE_STATUS_WORDS;
    return reportBody(
      pool,
      { channelId: c.id, statusWords: [words.not_started, words.in_progress, words.finished, words.failed], from, to },
      `{"course_id" : ${c.id_json}, "course_title" : ${c.name_json}, "enrollments" : `,
      '}',
    );
  }
}
