import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { Principal } from '../../../core/auth/principal';
import { CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { INVALID_PAGE_RESPONSE, Page, PageQueryDto } from '../common/pagination';
import { TribooCourseDto, TribooCoursePageDto } from './course.dto';
import { TribooCoursesService } from './courses.service';
import { DocumentedWithTrailingSlash } from '../../../core/openapi/path-spelling';

@ApiTags('Triboo: Courses')
@DocumentedWithTrailingSlash()
@Controller()
export class TribooCoursesController {
  constructor(private readonly courses: TribooCoursesService) {}

  @Get('api/extended/v1/courses')
  @Can('read', 'TribooCourse')
  @ApiOperation({
    summary: 'GET COURSES: the started courses of the account.',
    description: 'COURSE channels whose start date (else creation date) is not in the future, ordered by course key, paginated like GET USERS (keyset on the course key).',
  })
  @ApiOkResponse({ type: TribooCoursePageDto })
  @ApiNotFoundResponse(INVALID_PAGE_RESPONSE)
  list(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal, @Query() q: PageQueryDto): Promise<Page<TribooCourseDto>> {
    return this.courses.list(req, principal.accountId, q);
  }
}
