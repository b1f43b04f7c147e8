import { Controller, Get, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../core/auth/principal';
import { CurrentPrincipal } from '../../../core/policy/current.decorators';
import { EnableyErrors } from '../policy/enabley-api.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { CatalogItemDto, CatalogItemQueryDto } from './catalog.dto';
import { CatalogService } from './catalog.service';

@ApiTags('Enabley: Catalog')
@Controller()
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('api/v1/catalog/catalogItem')
  @Can('read', 'EnableyCatalog')
  @ApiOperation({
    summary: 'getCatalogItem',
    description: 'The catalog item of a published channel: a stable catalogItemId and its link. 404 item_not_exists when the channel is unknown, in another sub-account, or not published.',
  })
  @ApiOkResponse({ type: CatalogItemDto })
  @EnableyErrors()
  @ApiNotFoundResponse({ description: 'No such published channel.' })
  get(@CurrentPrincipal() p: Principal, @Query() q: CatalogItemQueryDto): Promise<CatalogItemDto> {
    return this.catalog.item(p.accountId, q.externalChannelId, q.subAccountName);
  }
}
