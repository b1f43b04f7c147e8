import { Readable } from 'node:stream';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Principal } from '../../../core/auth/principal';
import { CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { CourseProgressQueryDto, CourseProgressDto } from './progress.dto';
import { CourseProgressService } from './course-progress.service';
import { DocumentedWithTrailingSlash } from '../../../core/openapi/path-spelling';

@ApiTags('Triboo: Progress reports')
@DocumentedWithTrailingSlash()
@Controller('api/extended/v1')
export class CourseProgressController {
  constructor(private readonly reports: CourseProgressService) {}

  @Get('course_progress_report/:course_id')
  @Can('read', 'TribooReport', { param: 'course_id' })
  @ApiOperation({
    summary: 'GET COURSE PROGRESS REPORT: every active enrollment of active users in one course.',
    description:
      'Course ids contain `:` and `+` (`course-v1:edX+AGT101+2020_T1`) and are taken verbatim. `from` (required when `to` is used) and `to` (YYYY-MM-DD, inclusive) restrict to enrollments made in that window. Status words: Not Started, In Progress, Successful, Unsuccessful.',
  })
  @ApiParam({ name: 'course_id', example: 'course-v1:edX+AGT101+2020_T1', type: String })
  @ApiOkResponse({ type: CourseProgressDto })
  @ApiNotFoundResponse({ description: 'No such course in the account.' })
  async report(@CurrentPrincipal() p: Principal, @Param('course_id') courseId: string, @Query() q: CourseProgressQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | Readable> {
    const body = await this.reports.report(p.accountId, courseId, q);
    reply.type('application/json; charset=utf-8');
    return body;
  }
}
