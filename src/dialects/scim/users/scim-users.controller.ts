import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Principal } from '../../../core/auth/principal';
import { APP_ENV } from '../../../core/config/config.module';
import { AppEnv } from '../../../core/config/env';
import { CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { ListQueryDto, ProjectionQueryDto } from '../common/list-query.dto';
import { ScimBody, ScimOperation, scimBase } from '../common/scim-http';
import { ScimPatchDoc, ScimUserDoc, ScimUserInputDoc, ScimUserListDoc } from '../common/scim.docs';
import { ScimUsersService } from './scim-users.service';

type Json = Record<string, unknown>;

const ID = { name: 'id', description: 'The user\'s id (UUID).', example: '2819c223-7f76-453a-919d-413861904646' };
const NOT_FOUND = { description: 'No such user in the account (another account\'s user included).' };
const CONFLICT = { description: 'scimType uniqueness: the userName (or email) is taken in the account.' };

/**
 * RFC 7644 section 3 over the core user: a user made here is at once a Triboo, Enabley and Kolibri user. Bodies are
 * read by the dialect (user.input.ts, patch-ops.ts) rather than a DTO: SCIM attribute names are case-insensitive.
 */
@ScimOperation()
@Controller('scim/v2/Users')
export class ScimUsersController {
  constructor(
    private readonly users: ScimUsersService,
    @Inject(APP_ENV) private readonly env: AppEnv,
  ) {}

  @Get()
  @Can('read', 'ScimUser')
  @ApiOperation({
    summary: 'SCIM: list or search users.',
    description: 'A ListResponse; `filter` (RFC 7644 section 3.4.2.2, translated to SQL), `startIndex` (1-based), `count` (default 100, at most 1000), `attributes`/`excludedAttributes`. An unsupported filter answers 400 invalidFilter.',
  })
  @ApiOkResponse({ type: ScimUserListDoc })
  scimListUsers(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal, @Query() q: ListQueryDto): Promise<Json> {
    return this.users.list(principal.accountId, scimBase(req, this.env.publicUrl), q);
  }

  @Post()
  @Can('create', 'ScimUser')
  @ApiOperation({ summary: 'SCIM: create a user.', description: 'userName required; emails\' primary (else first) value is the user\'s email. 201 with the User and a Location header.' })
  @ScimBody()
  @ApiBody({ type: ScimUserInputDoc })
  @ApiCreatedResponse({ type: ScimUserDoc, headers: { Location: { description: 'The new user\'s URI.', schema: { type: 'string' } } } })
  @ApiConflictResponse(CONFLICT)
  async scimCreateUser(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentPrincipal() principal: Principal, @Body() body: unknown): Promise<Json> {
    const user = await this.users.create(principal.accountId, scimBase(req, this.env.publicUrl), body);
    reply.header('Location', (user.meta as Json).location as string);
    return user;
  }

  @Get(':id')
  @Can('read', 'ScimUser')
  @ApiOperation({ summary: 'SCIM: one user.', description: '`attributes`/`excludedAttributes` apply.' })
  @ApiParam(ID)
  @ApiOkResponse({ type: ScimUserDoc })
  @ApiNotFoundResponse(NOT_FOUND)
  scimGetUser(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal, @Param('id') id: string, @Query() q: ProjectionQueryDto): Promise<Json> {
    return this.users.get(principal.accountId, scimBase(req, this.env.publicUrl), id, q);
  }

  @Put(':id')
  @Can('update', 'ScimUser')
  @ApiOperation({ summary: 'SCIM: replace a user.', description: 'The body replaces the user: attributes it leaves out are cleared (the password stays unless sent). `active: false` deactivates the user on every dialect.' })
  @ApiParam(ID)
  @ScimBody()
  @ApiBody({ type: ScimUserInputDoc })
  @ApiOkResponse({ type: ScimUserDoc })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(CONFLICT)
  scimReplaceUser(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown): Promise<Json> {
    return this.users.replace(principal.accountId, scimBase(req, this.env.publicUrl), id, body);
  }

  @Patch(':id')
  @Can('update', 'ScimUser')
  @ApiOperation({
    summary: 'SCIM: modify a user.',
    description: 'PatchOp add/replace/remove, with or without path, value filters in paths (`emails[type eq "work"].value`). Entra ID\'s capitalised ops and "True"/"False" strings and Okta\'s `replace` of `{active}` without a path are accepted. 200 with the User.',
  })
  @ApiParam(ID)
  @ScimBody()
  @ApiBody({ type: ScimPatchDoc })
  @ApiOkResponse({ type: ScimUserDoc })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse(CONFLICT)
  scimPatchUser(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: unknown): Promise<Json> {
    return this.users.patch(principal.accountId, scimBase(req, this.env.publicUrl), id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Can('delete', 'ScimUser')
  @ApiOperation({ summary: 'SCIM: delete a user.', description: 'The core user and everything of it go (every dialect); 204, then 404.' })
  @ApiParam(ID)
  @ApiNoContentResponse({ description: 'Deleted.' })
  @ApiNotFoundResponse(NOT_FOUND)
  async scimDeleteUser(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<void> {
    await this.users.remove(principal.accountId, id);
  }
}
