import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { Principal } from '../../../core/auth/principal';
import { CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { INVALID_PAGE_RESPONSE, Page } from '../common/pagination';
import { parseUserId, userIdList, usernameList } from '../users/user-keys';
import { SupervisorQueryDto, UserProgressByEmailQueryDto, UserProgressByUsernameQueryDto, UserProgressDto, UserProgressPageDto, UserProgressQueryDto } from './progress.dto';
import { UserProgressService } from './user-progress.service';
import { DocumentedWithTrailingSlash } from '../../../core/openapi/path-spelling';
import { INT32 } from '../../../core/openapi/schema-types';

const LIST_DESCRIPTION =
  'Active enrollments of active users with per-course status, progress, score, time spent, dates and badges (scored items of the course; an empty list where it has none). Paginated like GET USERS. `supervisor=<username>` keeps the users whose lt_supervisor is that username; without a list or supervisor, every active user.';
const ONE = { description: 'One user\'s report.' };
const NOT_FOUND = { description: '`user_not_found`.' };
const INACTIVE = { description: '`user_inactive`: reports cover active users only.' };

@ApiTags('Triboo: Progress reports')
@DocumentedWithTrailingSlash()
@Controller('api/extended/v1')
export class UserProgressController {
  constructor(private readonly reports: UserProgressService) {}

  @Get('user_progress_report')
  @Can('read', 'TribooReport')
  @ApiOperation({ summary: 'GET USER PROGRESS REPORT for `user_id=a,b` (or `supervisor=`).', description: LIST_DESCRIPTION })
  @ApiOkResponse({ type: UserProgressPageDto })
  @ApiNotFoundResponse(INVALID_PAGE_RESPONSE)
  byIds(@Req() req: FastifyRequest, @CurrentPrincipal() p: Principal, @Query() q: UserProgressQueryDto): Promise<Page<UserProgressDto>> {
    return this.reports.list(req, p.accountId, q, { supervisor: q.supervisor, ...(q.user_id !== undefined ? { by: 'user_id', keys: userIdList(q.user_id) } : {}) });
  }

  @Get('user_progress_report/:user_id')
  @Can('read', 'TribooReport', { param: 'user_id' })
  @ApiOperation({ summary: 'GET USER PROGRESS REPORT of one user by user id.', description: 'The report of one active user.' })
  @ApiParam({ name: 'user_id', example: 12345, schema: { ...INT32 } })
  @ApiOkResponse({ ...ONE, type: UserProgressDto })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(INACTIVE)
  byId(@CurrentPrincipal() p: Principal, @Param('user_id') userId: string, @Query() q: SupervisorQueryDto): Promise<UserProgressDto> {
    return this.reports.one(p.accountId, 'user_id', parseUserId(userId), q.supervisor);
  }

  @Get('user_progress_report_by_username')
  @Can('read', 'TribooReport')
  @ApiOperation({ summary: 'GET USER PROGRESS REPORT for `username=a,b` (or `supervisor=`).', description: LIST_DESCRIPTION })
  @ApiOkResponse({ type: UserProgressPageDto })
  @ApiNotFoundResponse(INVALID_PAGE_RESPONSE)
  byUsernames(@Req() req: FastifyRequest, @CurrentPrincipal() p: Principal, @Query() q: UserProgressByUsernameQueryDto): Promise<Page<UserProgressDto>> {
    return this.reports.list(req, p.accountId, q, { supervisor: q.supervisor, ...(q.username !== undefined ? { by: 'username', keys: usernameList(q.username) } : {}) });
  }

  @Get('user_progress_report_by_username/:username')
  @Can('read', 'TribooReport', { param: 'username' })
  @ApiOperation({ summary: 'GET USER PROGRESS REPORT of one user by username.', description: 'The report of one active user.' })
  @ApiParam({ name: 'username', example: 'janedeer', type: String })
  @ApiOkResponse({ ...ONE, type: UserProgressDto })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(INACTIVE)
  byUsername(@CurrentPrincipal() p: Principal, @Param('username') username: string, @Query() q: SupervisorQueryDto): Promise<UserProgressDto> {
    return this.reports.one(p.accountId, 'username', username, q.supervisor);
  }

  @Get('user_progress_report_by_email')
  @Can('read', 'TribooReport')
  @ApiOperation({ summary: 'GET USER PROGRESS REPORT for `email=a,b` (or `supervisor=`).', description: LIST_DESCRIPTION })
  @ApiOkResponse({ type: UserProgressPageDto })
  @ApiNotFoundResponse(INVALID_PAGE_RESPONSE)
  byEmails(@Req() req: FastifyRequest, @CurrentPrincipal() p: Principal, @Query() q: UserProgressByEmailQueryDto): Promise<Page<UserProgressDto>> {
    // Emails have no spaces: a `+` sent unencoded in the query string (decoded as a space) is read back as `+`.
    const emails = q.email !== undefined ? usernameList(q.email, 'email').map((e) => e.replace(/ /g, '+')) : undefined;
    return this.reports.list(req, p.accountId, q, { supervisor: q.supervisor, ...(emails ? { by: 'email', keys: emails } : {}) });
  }

  @Get('user_progress_report_by_email/:email')
  @Can('read', 'TribooReport', { param: 'email' })
  @ApiOperation({ summary: 'GET USER PROGRESS REPORT of one user by email.', description: 'The report of one active user; the email is matched case-insensitively.' })
  @ApiParam({ name: 'email', example: 'jane@example.com', type: String })
  @ApiOkResponse({ ...ONE, type: UserProgressDto })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(INACTIVE)
  byEmail(@CurrentPrincipal() p: Principal, @Param('email') email: string, @Query() q: SupervisorQueryDto): Promise<UserProgressDto> {
    return this.reports.one(p.accountId, 'email', email, q.supervisor);
  }
}
