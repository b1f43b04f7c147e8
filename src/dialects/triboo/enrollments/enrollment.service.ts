import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../../../core/auth/principal';
import { ApiError } from '../../../core/http/api-error';
import { isoDate } from '../../../core/http/ids';
import { EnrollmentsService } from '../../../core/learning/enrollments.service';
import { EnrollmentDto, EnrollmentRequestDto } from './enrollment.dto';
import { rows } from '../../../core/database/sql';

/** POST /api/enrollment/v1/enrollment: one user, one course, through the core enrollment table. */
@Injectable()
export class TribooEnrollmentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly enrollments: EnrollmentsService,
  ) {}

  async enroll(principal: Principal, dto: EnrollmentRequestDto): Promise<EnrollmentDto> {
    const accountId = principal.accountId;
    const username = dto.user ?? dto.username;
    if (!username) throw ApiError.required('user', 'user (the learner\'s username) is required.');
    const courseId = dto.course_details.course_id ?? dto.course_details['course id'];
    if (!courseId) throw ApiError.required('course_details.course_id', 'Course ID must be specified to create a new enrollment.');
    return this.db.transaction(async (m) => {
      const users = await rows<{ id: string; username: string }>(m, `SELECT id, username FROM "user" WHERE account_id = $1 AND username = $2`, [accountId, username]);
      if (!users.length) {
        const message = `The user ${username} does not exist.`;
        throw ApiError.withBody(406, { status: 'user_not_found', detail: message, message }, message);
      }
      const courses = await rows<{ id: string; identifier: string; name: string; start_date: Date | null; end_date: Date | null }>(
        m,
        `SELECT id, identifier, name, start_date, end_date FROM channel WHERE account_id = $1 AND identifier = $2 AND type = 'COURSE'`,
        [accountId, courseId],
      );
      if (!courses.length) throw ApiError.badRequest(`No course '${courseId}' found for enrollment.`, 'course_details.course_id');
      const [user, course] = [users[0], courses[0]];
      const mode = dto.mode ?? 'honor';
      // Creates or reactivates; an active enrollment keeps its row (and dates).
      await this.enrollments.enroll(m, accountId, [user.id], [course.id], { mode });
      if (dto.mode !== undefined) await this.enrollments.setMode(m, [user.id], [course.id], mode);
      if (dto.is_active === false) await this.enrollments.unenroll(m, [user.id], [course.id]);
      const [e] = await rows<{ created_at: Date; mode: string; is_active: boolean }>(m, `SELECT created_at, mode, is_active FROM enrollment WHERE user_id = $1 AND channel_id = $2`, [user.id, course.id]);
      return {
        created: isoDate(e.created_at)!,
        mode: e.mode,
        is_active: e.is_active,
        user: user.username,
        course_details: { course_id: course.identifier, course_name: course.name, course_start: isoDate(course.start_date), course_end: isoDate(course.end_date) },
      };
    });
  }
}
