import { Body, Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiParam } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '../../../core/auth/principal';
import { CurrentPrincipal } from '../../../core/policy/current.decorators';
import { ENABLEY_CHANNEL } from '../policy/enabley-subjects';
import { Can } from '../../../core/policy/policy.decorators';
import { UserChannelPerformanceDto } from '../performance/performance.dto';
import { ApiOkList } from '../../../core/http/api-ok-list';
import { EnableyErrors } from '../policy/enabley-api.decorators';
import { ChannelContentService, EVENTS_LIMIT } from './channel-content.service';
import { ChannelsService } from './channels.service';
import { ContentItemDto, ContentItemListDto, ContentItemsUpdateDto, ProgressUpdateDto, TrainingEventDataDto, TrainingEventDto } from './content.dto';

@ApiTags('Enabley: Channels')
@Controller()
export class ChannelContentController {
  constructor(
    private readonly channels: ChannelsService,
    private readonly content: ChannelContentService,
  ) {}

  @Get('api/v1/channels/:channelIdentifier/courses/events')
  @ApiParam({ name: 'channelIdentifier', description: 'Channel identifier', type: String })
  @Can('read', ENABLEY_CHANNEL, { param: 'channelIdentifier' })
  @ApiOperation({ summary: 'Get Course Training Events', description: 'Get all Course Training Events of the channel, earliest first.' })
  @ApiOkList(TrainingEventDto, EVENTS_LIMIT, 'OK')
  @EnableyErrors()
  async events(@CurrentPrincipal() p: Principal, @Param('channelIdentifier') c: string): Promise<TrainingEventDto[]> {
    return this.content.listEvents(await this.channels.idOf(p.accountId, c));
  }

  @Put('api/v1/channels/:channelIdentifier/courses/events')
  @ApiParam({ name: 'channelIdentifier', description: 'Channel identifier', type: String })
  @Can('update', ENABLEY_CHANNEL, { param: 'channelIdentifier' })
  @ApiOperation({
    summary: 'Create or update a Course Training Event (authoring, beyond the seed)',
    description:
      'Creates (201; name required) or updates (200) the training event with that identifier. An event is a content item of the channel: unless optional, completing it counts towards progress. ' +
      '409 item_exists when a plain content item has that identifier.',
  })
  @ApiCreatedResponse({ description: 'Event was created', type: TrainingEventDto })
  @ApiOkResponse({ description: 'Event was updated', type: TrainingEventDto })
  @EnableyErrors()
  @ApiConflictResponse({ description: 'The identifier belongs to a content item that is not an event.' })
  async upsertEvent(
    @CurrentPrincipal() p: Principal,
    @Param('channelIdentifier') c: string,
    @Body() body: TrainingEventDataDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<TrainingEventDto> {
    const { event, created } = await this.content.upsertEvent(await this.channels.idOf(p.accountId, c), body);
    res.status(created ? 201 : 200);
    return event;
  }

  @Get('api/v1/channels/:channelIdentifier/contentItems')
  @ApiParam({ name: 'channelIdentifier', description: 'Channel identifier', type: String })
  @Can('read', ENABLEY_CHANNEL, { param: 'channelIdentifier' })
  @ApiOperation({ summary: 'List the content items of a channel (beyond the seed)', description: 'Every content item of the channel, training events included, in position order.' })
  @ApiOkResponse({ type: ContentItemListDto })
  @EnableyErrors()
  async items(@CurrentPrincipal() p: Principal, @Param('channelIdentifier') c: string): Promise<ContentItemListDto> {
    return { items: await this.content.listItems(await this.channels.idOf(p.accountId, c)) };
  }

  @Put('api/v1/channels/:channelIdentifier/contentItems')
  @ApiParam({ name: 'channelIdentifier', description: 'Channel identifier', type: String })
  @HttpCode(200)
  @Can('update', ENABLEY_CHANNEL, { param: 'channelIdentifier' })
  @ApiOperation({
    summary: 'Create or update content items of a channel (authoring, beyond the seed)',
    description:
      'Upserts up to 1000 items by identifier in one statement; optional items do not count towards progress, scored items make up the score. Learners\' progress is recomputed.',
  })
  @ApiOkResponse({ type: ContentItemListDto })
  @EnableyErrors()
  async upsertItems(@CurrentPrincipal() p: Principal, @Param('channelIdentifier') c: string, @Body() body: ContentItemsUpdateDto): Promise<{ items: ContentItemDto[] }> {
    return { items: await this.content.upsertItems(await this.channels.idOf(p.accountId, c), body.items) };
  }

  @Put('api/v1/channels/:channelIdentifier/contentItems/:itemIdentifier/users/:userIdentifier/progress')
  @ApiParam({ name: 'channelIdentifier', description: 'Channel identifier', type: String })
  @ApiParam({ name: 'itemIdentifier', description: 'Content item (or training event) identifier within the channel', type: String })
  @ApiParam({ name: 'userIdentifier', description: 'User identifier', type: String })
  @HttpCode(200)
  @Can('update', ENABLEY_CHANNEL, { param: 'channelIdentifier' })
  @ApiOperation({
    summary: "Record a learner's progress on a content item (beyond the seed)",
    description:
      'Sets completed, score (0-100) and time spent (seconds) of the learner on the item, then recomputes the channel progress (completed non-optional items / non-optional items), ' +
      'score (mean of scored items) and completion date, and re-evaluates certificates. 404 item_not_exists when the user is unknown or not a learner of the channel.',
  })
  @ApiOkResponse({ type: UserChannelPerformanceDto })
  @EnableyErrors()
  async progress(
    @CurrentPrincipal() p: Principal,
    @Param('channelIdentifier') c: string,
    @Param('itemIdentifier') item: string,
    @Param('userIdentifier') user: string,
    @Body() body: ProgressUpdateDto,
  ): Promise<UserChannelPerformanceDto> {
    return this.content.recordProgress(p.accountId, await this.channels.idOf(p.accountId, c), item, user, body);
  }

  @Post('api/v4/channels/forceComplete/channel/:channelIdentifier/user/:userIdentifier')
  @ApiParam({ name: 'channelIdentifier', description: 'Channel identifier', type: String })
  @ApiParam({ name: 'userIdentifier', description: 'User identifier', type: String })
  @HttpCode(200)
  @Can('update', ENABLEY_CHANNEL, { param: 'channelIdentifier' })
  @ApiOperation({
    summary: 'Force complete a channel for a learner',
    description:
      'Mark all non-optional content items and training events in the channel as completed for the specified learner, in one transaction: progress becomes 100, ' +
      'the completion date is set and certificates are re-evaluated. 404 item_not_exists when the user is unknown or not a learner of the channel.',
  })
  @ApiOkResponse({ type: UserChannelPerformanceDto })
  @EnableyErrors()
  async forceComplete(@CurrentPrincipal() p: Principal, @Param('channelIdentifier') c: string, @Param('userIdentifier') user: string): Promise<UserChannelPerformanceDto> {
    return this.content.forceComplete(p.accountId, await this.channels.idOf(p.accountId, c), user);
  }
}
