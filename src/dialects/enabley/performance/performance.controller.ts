import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../core/auth/principal';
import { ErrorResponseDoc } from '../../../core/http/error-response.doc';
import { CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { PerformanceV1QueryDto, UserChannelPerformanceDto } from './performance.dto';
import { toPerformance } from './performance.mapper';
import { PERFORMANCE_V1_LIMIT, PerformanceService } from './performance.service';

@ApiTags('Enabley: Performance')
@Controller()
export class PerformanceController {
  constructor(private readonly performance: PerformanceService) {}

  @Get('api/v1/performance')
  @Can('read', 'Performance')
  @ApiOperation({
    summary: 'Get users channel performance',
    description:
      "Get the user's overall performance for a specified channel. If no externalChannelId is provided, the performance for all channels of that user will be returned. " +
      'In addition, users with no ExternalId set will not be included. If externalChannelId is provided, the performance of the user in the given channel will be returned. ' +
      `progress = completed non-optional items / non-optional items (0-100), score = mean of scored items. At most ${PERFORMANCE_V1_LIMIT} rows; use v2 to page through more. ` +
      '404 not_found for an unknown channel or user.',
  })
  @ApiOkResponse({ type: UserChannelPerformanceDto, isArray: true })
  @ApiBadRequestResponse({ description: 'Invalid input', type: ErrorResponseDoc })
  @ApiNotFoundResponse({ description: 'Unknown channel or user.', type: ErrorResponseDoc })
  async v1(@CurrentPrincipal() p: Principal, @Query() q: PerformanceV1QueryDto): Promise<UserChannelPerformanceDto[]> {
    const channelId = q.externalChannelId ? await this.performance.channelId(p.accountId, q.externalChannelId) : null;
    const userId = q.externalUserId ? await this.performance.userId(p.accountId, q.externalUserId) : null;
    return (await this.performance.v1(p.accountId, channelId, userId)).map(toPerformance);
  }
}
