import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ToBoolean } from '../../../core/http/transforms';
import { FORM_BOOLEANS } from '../common/transforms';
import { PageQueryDto } from '../common/pagination';
import { TribooCredentialsDto } from '../common/credentials.dto';
import { INT32 } from '../../../core/openapi/schema-types';

const joinList = () => Transform(({ value }) => (Array.isArray(value) ? value.map(String).join(',') : value));

export class BulkEnrollRequestDto extends TribooCredentialsDto {
  @IsIn(['enroll', 'unenroll'])
  action: 'enroll' | 'unenroll';

  @ApiPropertyOptional({ default: false, description: 'Pre-enrolled emails become enrollments as soon as an active user with that email exists.' })
  @IsOptional()
  @ToBoolean(FORM_BOOLEANS)
  @IsBoolean()
  auto_enroll?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Queue one email per affected identifier.' })
  @IsOptional()
  @ToBoolean(FORM_BOOLEANS)
  @IsBoolean()
  email_students?: boolean;

  @ApiProperty({ description: 'Comma-separated course keys.', example: 'course-v1:triboo+Demo+123' })
  @joinList()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100000)
  courses: string;

  @ApiProperty({ description: 'Emails or usernames, separated by commas, whitespace or newlines.', example: 'brandon@triboolearning.com' })
  @joinList()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000000)
  identifiers: string;
}

export class EnrollmentStateDto {
  @ApiProperty({ description: 'An active user with this identifier exists.' }) user: boolean;
  @ApiProperty({ description: 'An active enrollment exists.' }) enrollment: boolean;
  @ApiProperty({ description: 'A pre-enrollment (enrollment allowed) exists for the email.' }) allowed: boolean;
  @ApiProperty({ description: 'The pre-enrollment\'s auto_enroll flag.' }) auto_enroll: boolean;
}

export class BulkEnrollResultDto {
  @ApiProperty({ example: 'brandon@triboolearning.com' }) identifier: string;
  before?: EnrollmentStateDto;
  after?: EnrollmentStateDto;
  @ApiPropertyOptional({ description: 'Neither an existing user nor a valid email.', example: true }) invalidIdentifier?: boolean;
}

export class BulkEnrollCourseDto {
  @ApiProperty({ enum: ['enroll', 'unenroll'] }) action: string;
  auto_enroll: boolean;
  @ApiProperty({ type: [BulkEnrollResultDto], maxItems: 100000 }) results: BulkEnrollResultDto[];
}

export class BulkEnrollResponseDto {
  @ApiProperty({ enum: ['enroll', 'unenroll'] }) action: string;
  auto_enroll: boolean;
  email_students: boolean;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/BulkEnrollCourseDto' }, maxProperties: 1000, description: 'One entry per course key (Open edX shape: a map keyed by course id).' })
  courses: Record<string, BulkEnrollCourseDto>;
}

export class EnrollmentAuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only this course. Course keys have no spaces, so a `+` decoded to a space is read back as `+`.', example: 'course-v1:triboo+Demo+123' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/ /g, '+') : value))
  @IsString()
  @MaxLength(500)
  course_id?: string;
}

export class EnrollmentAuditDto {
  @ApiProperty({ example: '42.1', description: 'Entry id: audit row id and position.' }) id: string;
  @ApiProperty({ format: 'date-time', example: '2021-08-01T01:00:00.000Z' }) created: string;
  @ApiProperty({ example: 'course-v1:triboo+Demo+123' }) course_id: string;
  @ApiProperty({ description: 'As sent.' }) identifier: string;
  email: string | null;
  @ApiProperty({ ...INT32, nullable: true, description: 'The user at the time of the call; null for an unregistered email.' }) user_id: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Username at the time of the call.' }) username: string | null;
  @ApiProperty({ enum: ['enroll', 'unenroll'] }) action: string;
  @ApiProperty({ example: 'from unenrolled to enrolled' }) state_transition: string;
  @ApiProperty({ description: '`client:<client_id>` or `user:<uuid>`.' }) enrolled_by: string;
}

export class EnrollmentAuditPageDto {
  @ApiProperty({ ...INT32 })
  count: number;
  @ApiProperty({ ...INT32 })
  num_pages: number;
  @ApiProperty({ ...INT32 })
  current_page: number;
  @ApiProperty({ type: [EnrollmentAuditDto], maxItems: 1000 }) results: EnrollmentAuditDto[];
  next: string | null;
  @ApiProperty({ ...INT32 }) start: number;
  previous: string | null;
}
