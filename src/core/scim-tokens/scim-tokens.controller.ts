import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiOkList } from '../http/api-ok-list';
import { Principal } from '../auth/principal';
import { ErrorResponseDoc } from '../http/error-response.doc';
import { CurrentPrincipal } from '../policy/current.decorators';
import { Can } from '../policy/policy.decorators';
import { CreateScimTokenDto, CreatedScimTokenDto, ScimTokenDto } from './scim-token.dto';
import { MAX_SCIM_TOKENS, ScimTokensService } from './scim-tokens.service';

/** CONTRACT section 8: an account's SCIM bearer tokens, managed by its API client or an account administrator. */
@ApiTags('Platform: SCIM tokens')
@Controller('api/platform/v1/scim-tokens')
export class ScimTokensController {
  constructor(private readonly tokens: ScimTokensService) {}

  @Post()
  @Can('manage', 'ScimToken')
  @ApiOperation({
    summary: 'Issue a SCIM token for an identity provider; the token is shown only here.',
    description: 'The token opens `/scim/v2/*` of the caller\'s account and nothing else. It is stored as its SHA-256 and cannot be shown again.',
  })
  @ApiCreatedResponse({ type: CreatedScimTokenDto })
  @ApiBadRequestResponse({ description: `A bad name, or the account already holds ${MAX_SCIM_TOKENS} tokens.` })
  createScimToken(@CurrentPrincipal() principal: Principal, @Body() body: CreateScimTokenDto): Promise<CreatedScimTokenDto> {
    return this.tokens.create(principal.accountId, body.name);
  }

  @Get()
  @Can('manage', 'ScimToken')
  @ApiOperation({ summary: 'List the account\'s SCIM tokens, without their secrets.', description: 'Oldest first.' })
  @ApiOkList(ScimTokenDto, MAX_SCIM_TOKENS, 'The tokens, oldest first.')
  @ApiBadRequestResponse({ description: 'A malformed request.' })
  listScimTokens(@CurrentPrincipal() principal: Principal): Promise<ScimTokenDto[]> {
    return this.tokens.list(principal.accountId);
  }

  @Delete(':id')
  @HttpCode(204)
  @Can('manage', 'ScimToken')
  @ApiOperation({ summary: 'Revoke a SCIM token.', description: 'The next request with it, in any process, answers 401.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Revoked.' })
  @ApiNotFoundResponse({ description: 'No such token in the caller\'s account.', type: ErrorResponseDoc })
  async revokeScimToken(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<void> {
    await this.tokens.revoke(principal.accountId, id);
  }
}
