import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConsumes, ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { Principal } from '../../../core/auth/principal';
import { CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { Page } from '../common/pagination';
import { answerBody } from './bulk-enroll.answer';
import { BulkEnrollCourseDto, BulkEnrollRequestDto, BulkEnrollResponseDto, EnrollmentAuditDto, EnrollmentAuditPageDto, EnrollmentAuditQueryDto } from './bulk-enroll.dto';
import { BulkEnrollService } from './bulk-enroll.service';
import { EnrollmentAuditService } from './enrollment-audit.service';

@ApiTags('Triboo: Bulk enroll')
@ApiExtraModels(BulkEnrollCourseDto)
@Controller('api/bulk_enroll/v1')
export class BulkEnrollController {
  constructor(
    private readonly bulk: BulkEnrollService,
    private readonly audit: EnrollmentAuditService,
  ) {}

  @Post('bulk_enroll')
  @HttpCode(200)
  @Can('create', 'BulkEnrollment')
  @ApiOperation({
    summary: 'BULK ENROLL: enroll or unenroll many emails/usernames in many courses.',
    description:
      'Staff only (API clients and account admins; others 403). Answers Open edX\'s shape: per course, per identifier `{identifier, before, after}` with states `{user, enrollment, allowed, auto_enroll}`, or `{identifier, invalidIdentifier: true}`. Registered active users are enrolled; other valid emails get a pre-enrollment (with `auto_enroll` it becomes an enrollment when an active user with that email appears). Unenroll removes enrollments and pre-enrollments. Every processed identifier and course writes an audit row (GET /api/bulk_enroll/v1/audit). A malformed (400) or unknown (404) course fails the whole call with nothing changed. Runs a fixed number of SQL statements in one transaction whatever the number of identifiers.',
  })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiOkResponse({ type: BulkEnrollResponseDto })
  @ApiBadRequestResponse({ description: 'Bad input or a malformed course key; nothing changed.' })
  @ApiNotFoundResponse({ description: 'An unknown course; nothing changed.' })
  async enroll(@CurrentPrincipal() principal: Principal, @Body() body: BulkEnrollRequestDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | Readable> {
    // Written after the commit from the compact outcome; 100,000 results stream instead of sitting in memory.
    const answer = answerBody(await this.bulk.run(principal, body));
    reply.type('application/json; charset=utf-8');
    return answer;
  }

  @Get('audit')
  @Can('read', 'BulkEnrollment')
  @ApiOperation({
    summary: 'The bulk-enroll audit trail (Open edX ManualEnrollmentAudit).',
    description: 'One row per identifier and course a bulk enroll call processed, oldest first, with its state transition (`from unenrolled to enrolled`, `from unenrolled to allowed to enroll`, ...). Optional `course_id`; paginated like GET USERS.',
  })
  @ApiOkResponse({ type: EnrollmentAuditPageDto })
  @ApiNotFoundResponse({ description: 'Unknown course, or invalid page.' })
  list(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal, @Query() q: EnrollmentAuditQueryDto): Promise<Page<EnrollmentAuditDto>> {
    return this.audit.list(req, principal.accountId, q);
  }
}
