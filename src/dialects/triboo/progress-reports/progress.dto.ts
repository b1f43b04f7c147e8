import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ENROLLMENT_STATUSES } from '../../../core/learning/enrollment.entity';
import { PageQueryDto } from '../common/pagination';
import { INT32 } from '../../../core/openapi/schema-types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class UserProgressQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Comma-separated integer user ids.', example: '2,29' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  user_id?: string;

  @ApiPropertyOptional({ description: 'Every user whose lt_supervisor is this username.', example: 'boss' })
  @IsOptional()
  @IsString()
  @MaxLength(150)
  supervisor?: string;
}

export class UserProgressByUsernameQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Comma-separated usernames.', example: 'edx,user6' })
  @IsOptional()
  @IsString()
  @MaxLength(200000)
  username?: string;

  @ApiPropertyOptional({ description: 'Every user whose lt_supervisor is this username.' })
  @IsOptional()
  @IsString()
  @MaxLength(150)
  supervisor?: string;
}

export class UserProgressByEmailQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Comma-separated emails.', example: 'a@example.com,b@example.com' })
  @IsOptional()
  @IsString()
  @MaxLength(200000)
  email?: string;

  @ApiPropertyOptional({ description: 'Every user whose lt_supervisor is this username.' })
  @IsOptional()
  @IsString()
  @MaxLength(150)
  supervisor?: string;
}

/** The single-user forms take `supervisor` too (it narrows to that supervisor's users). */
export class SupervisorQueryDto {
  @ApiPropertyOptional({ description: 'Only if the user\'s lt_supervisor is this username.' })
  @IsOptional()
  @IsString()
  @MaxLength(150)
  supervisor?: string;
}

export class CourseProgressQueryDto {
  @ApiPropertyOptional({ format: 'date', description: 'YYYY-MM-DD: enrollments from that day on (required when `to` is given).', example: '2021-09-15', pattern: '^\\d{4}-\\d{2}-\\d{2}$' })
  @IsOptional()
  @IsString()
  @Matches(DATE, { message: 'from must be a date in YYYY-MM-DD format.' })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'YYYY-MM-DD: enrollments up to and including that day.', example: '2022-01-01', pattern: '^\\d{4}-\\d{2}-\\d{2}$' })
  @IsOptional()
  @IsString()
  @Matches(DATE, { message: 'to must be a date in YYYY-MM-DD format.' })
  to?: string;
}

export class BadgeDto {
  @ApiProperty({ example: 'Section 1 - badge 1', description: 'A scored item of the course.' })
  badge: string;

  @ApiProperty({ example: 90 })
  score: number;

  success: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2021-08-08T00:30:00.000Z' })
  success_date: string | null;
}

export class UserCourseProgressDto {
  @ApiProperty({ example: 'course-v1:demo+F07+2020_T2' }) course_id: string;
  @ApiProperty({ example: 'My First Course' }) course_title: string;
  @ApiProperty({ enum: [...ENROLLMENT_STATUSES] }) status: string;
  @ApiProperty({ ...INT32, example: 100, minimum: 0, maximum: 100 }) progress: number;
  @ApiProperty({ ...INT32, example: 89 }) current_score: number;
  @ApiProperty({ ...INT32, example: 1403094, description: 'Seconds.' }) total_time_spent: number;
  @ApiProperty({ format: 'date-time', example: '2021-08-01T01:00:00.000Z' }) enrollment_date: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completion_date: string | null;
  @ApiProperty({ type: [BadgeDto], maxItems: 1000 }) badges: BadgeDto[];
}

export class UserProgressDto {
  @ApiProperty({ example: 'janedeer' }) username: string;
  @ApiProperty({ ...INT32, example: 12345 }) user_id: number;
  @ApiProperty({ example: 'Jane Deer' }) name: string;
  @ApiProperty({ type: [UserCourseProgressDto], maxItems: 10000 }) courses: UserCourseProgressDto[];
}

export class UserProgressPageDto {
  @ApiProperty({ ...INT32 })
  count: number;
  @ApiProperty({ ...INT32 })
  num_pages: number;
  @ApiProperty({ ...INT32 })
  current_page: number;
  @ApiProperty({ type: [UserProgressDto], maxItems: 1000 }) results: UserProgressDto[];
  next: string | null;
  @ApiProperty({ ...INT32 }) start: number;
  previous: string | null;
}

export const COURSE_STATUS_WORDS = { not_started: 'Not Started', in_progress: 'In Progress', finished: 'Successful', failed: 'Unsuccessful' } as const;

export class CourseEnrollmentProgressDto {
  @ApiProperty({ example: 'LaetitiaP' }) username: string;
  @ApiProperty({ ...INT32, example: 14 }) user_id: number;
  @ApiProperty({ example: 'Laetitia Pfaender' }) name: string;
  @ApiProperty({ enum: Object.values(COURSE_STATUS_WORDS) }) status: string;
  @ApiProperty({ ...INT32, example: 48 }) progress: number;
  @ApiProperty({ ...INT32, example: 100 }) current_score: number;
  @ApiProperty({ ...INT32, example: 4082 }) total_time_spent: number;
  @ApiProperty({ format: 'date-time', example: '2020-05-21T03:14:40.349Z' }) enrollment_date: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completion_date: string | null;
}

export class CourseProgressDto {
  @ApiProperty({ example: 'course-v1:edX+AGT101+2020_T1' }) course_id: string;
  @ApiProperty({ example: 'Global Security Awareness (English)' }) course_title: string;
  @ApiProperty({ type: [CourseEnrollmentProgressDto], maxItems: 1000000 }) enrollments: CourseEnrollmentProgressDto[];
}
