import { Controller, Get, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../core/auth/principal';
import { CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { ApiOkList } from '../../../core/http/api-ok-list';
import { EnableyErrors } from '../policy/enabley-api.decorators';
import { DEFAULT_PAGE_SIZE } from '../pagination/page-size.query';
import { KeysetPaginator, PaginationResult } from '../pagination/paginator';
import { PerformanceV1QueryDto, PerformanceV2QueryDto, UserChannelPerformanceDto, UserChannelPerformancePageDto } from './performance.dto';
import { ApiError } from '../../../core/http/api-error';
import { PerformanceRow, toPerformance } from './performance.mapper';
import { PERFORMANCE_V1_LIMIT, PerformanceService } from './performance.service';

@ApiTags('Enabley: Performance')
@Controller()
export class PerformanceController {
  constructor(
    private readonly performance: PerformanceService,
    private readonly paginator: KeysetPaginator,
  ) {}

  @Get('api/v1/performance')
  @Can('read', 'EnableyPerformance')
  @ApiOperation({
    summary: 'Get users channel performance',
    description:
      "Get the user's overall performance for a specified channel. If no externalChannelId is provided, the performance for all channels of that user will be returned. " +
      'In addition, users with no ExternalId set will not be included. If externalChannelId is provided, the performance of the user in the given channel will be returned. ' +
      `progress = completed non-optional items / non-optional items (0-100), score = mean of scored items. At most ${PERFORMANCE_V1_LIMIT} rows; use v2 to page through more. ` +
      '404 not_found for an unknown channel or user.',
  })
  @ApiOkList(UserChannelPerformanceDto, PERFORMANCE_V1_LIMIT, 'OK')
  @EnableyErrors()
  @ApiNotFoundResponse({ description: 'Unknown channel or user.' })
  async v1(@CurrentPrincipal() p: Principal, @Query() q: PerformanceV1QueryDto): Promise<UserChannelPerformanceDto[]> {
    const channelId = q.externalChannelId ? await this.performance.channelId(p.accountId, q.externalChannelId) : null;
    const userId = q.externalUserId ? await this.performance.userId(p.accountId, q.externalUserId) : null;
    return (await this.performance.v1(p.accountId, channelId, userId)).map(toPerformance);
  }

  @Get('api/v2/performance')
  @Can('read', 'EnableyPerformance')
  @ApiOperation({
    summary: 'Get performance by user, channel, or both',
    description:
      'Retrieve learner performance for a specific channel, or a specific user, or both (at least one is required), page by page by keyset. Send the returned paginationKey (alone, or ' +
      'with the same filters) for the next page; it is null on the last page. An altered, expired or foreign key answers 404 not_found, as do an unknown channel or user.',
  })
  @ApiOkResponse({ type: UserChannelPerformancePageDto })
  @EnableyErrors('Invalid input (invalid_request), e.g. neither channelIdentifier nor userIdentifier.')
  @ApiNotFoundResponse({ description: 'Unknown channel or user, or an invalid paginationKey.' })
  async v2(@CurrentPrincipal() p: Principal, @Query() raw: PerformanceV2QueryDto): Promise<PaginationResult<UserChannelPerformanceDto>> {
    const { q, query } = this.paginator.restore(raw, ['channelIdentifier', 'userIdentifier', 'pageSize']);
    if (!q.channelIdentifier && !q.userIdentifier) throw ApiError.badRequest('Give channelIdentifier, userIdentifier, or both.', 'channelIdentifier');
    const channelId = q.channelIdentifier ? await this.performance.channelId(p.accountId, q.channelIdentifier) : null;
    const userId = q.userIdentifier ? await this.performance.userId(p.accountId, q.userIdentifier) : null;
    return this.paginator.page<PerformanceRow, UserChannelPerformanceDto>({
      binding: { route: 'GET /api/v2/performance', accountId: p.accountId, filters: { channelId, userId }, pageSize: q.pageSize ?? DEFAULT_PAGE_SIZE, query },
      paginationKey: q.paginationKey,
      count: () => this.performance.v2Count(channelId, userId),
      fetch: (after, limit) => this.performance.v2Page(channelId, userId, after ? String(after[0]) : null, limit),
      position: (r) => [channelId ? r.user_id : r.channel_id],
      map: toPerformance,
    });
  }
}
