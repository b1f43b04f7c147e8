import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiConsumes, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { Principal } from '../../../core/auth/principal';
import { CurrentPrincipal } from '../../../core/policy/current.decorators';
import { DocumentedWithTrailingSlash } from '../../../core/openapi/path-spelling';
import { Can } from '../../../core/policy/policy.decorators';
import { INVALID_PAGE_RESPONSE, Page } from '../common/pagination';
import { CreateTribooUserDto, TribooUserDto, TribooUserPageDto, TribooUserStatusDto, UpdateTribooUserDto } from './user.dto';
import { BAD_USER_ID_RESPONSE, parseUserId, userIdList, usernameList } from './user-keys';
import { UsersByUsernameQueryDto, UsersQueryDto } from './users-query.dto';
import { TribooUsersListService } from './users-list.service';
import { TribooUsersService } from './users.service';
import { INT32 } from '../../../core/openapi/schema-types';

const CONFLICT = { description: '`username_already_used` or `email_already_used`: {"status": word, "detail": text}.' };
const NOT_FOUND = { description: '`user_not_found`: {"status": "user_not_found", "detail": text}.' };

@ApiTags('Triboo: Users')
@Controller()
export class TribooUsersController {
  constructor(
    private readonly users: TribooUsersService,
    private readonly lists: TribooUsersListService,
  ) {}

  @Post('api/extended/v1/users')
  @DocumentedWithTrailingSlash()
  @Can('create', 'TribooUser')
  @ApiOperation({
    summary: 'CREATE USERS: create one user with its profile.',
    description:
      'Form-urlencoded or JSON. Answers the created user with `status: user_created` (201). A taken username or email answers 409 `username_already_used` / `email_already_used`, decided by the database\'s unique indexes so concurrent creates cannot both win. `platform_role`, `analytics_access` and the `*_catalog_access` flags become access-group memberships.',
  })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiCreatedResponse({ type: TribooUserStatusDto })
  @ApiBadRequestResponse({ description: '`error`: bad or unknown field.' })
  @ApiConflictResponse(CONFLICT)
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateTribooUserDto): Promise<TribooUserStatusDto> {
    return this.users.create(principal.accountId, body);
  }

  @Put('update_user/:user_id')
  @HttpCode(200)
  @Can('update', 'TribooUser', { param: 'user_id' })
  @ApiOperation({
    summary: 'UPDATE USER by user id: partial update.',
    description: 'Same fields as create, all optional; a different username or email is applied. `user_updated` (200), `user_not_found` (404), `user_inactive` (409, nothing updated), `username_already_used` / `email_already_used` (409).',
  })
  @ApiParam({ name: 'user_id', description: 'Integer user id.', example: 30, schema: { ...INT32 } })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOkResponse({ type: TribooUserStatusDto })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({ description: '`user_inactive`, `username_already_used` or `email_already_used`.' })
  updateById(@CurrentPrincipal() principal: Principal, @Param('user_id') userId: string, @Body() body: UpdateTribooUserDto): Promise<TribooUserStatusDto> {
    return this.users.update(principal.accountId, { by: 'user_id', value: parseUserId(userId) }, body);
  }

  @Put('update_user_by_username/:username')
  @HttpCode(200)
  @Can('update', 'TribooUser', { param: 'username' })
  @ApiOperation({ summary: 'UPDATE USER by username: partial update.', description: 'As `PUT /update_user/{user_id}`, the user named by username.' })
  @ApiParam({ name: 'username', example: 'user7', type: String })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiOkResponse({ type: TribooUserStatusDto })
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({ description: '`user_inactive`, `username_already_used` or `email_already_used`.' })
  updateByUsername(@CurrentPrincipal() principal: Principal, @Param('username') username: string, @Body() body: UpdateTribooUserDto): Promise<TribooUserStatusDto> {
    return this.users.update(principal.accountId, { by: 'username', value: username }, body);
  }

  @Get('api/extended/v1/users')
  @DocumentedWithTrailingSlash()
  @Can('read', 'TribooUser')
  @ApiOperation({
    summary: 'GET USERS: every user of the account, or those of `user_id=a,b`.',
    description:
      'Paginated `{count, num_pages, current_page, results, next, start, previous}` with `page` (or `last`) and `page_size` (default 100, max 1000). `next`/`previous` are absolute URLs carrying keyset hints (`after`/`before`); pages are read by keyset on user_id, never by offset, so every page costs the same.',
  })
  @ApiOkResponse({ type: TribooUserPageDto })
  @ApiNotFoundResponse(INVALID_PAGE_RESPONSE)
  list(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal, @Query() q: UsersQueryDto): Promise<Page<TribooUserDto>> {
    if (q.user_id !== undefined) return this.lists.some(req, principal.accountId, q, 'user_id', userIdList(q.user_id));
    return this.lists.all(req, principal.accountId, q);
  }

  @Get('api/extended/v1/users/:user_id')
  @DocumentedWithTrailingSlash()
  @Can('read', 'TribooUser', { param: 'user_id' })
  @ApiOperation({ summary: 'GET USERS: one user by user id.', description: 'Every create field plus `user_id` and `is_active`; 404 `user_not_found`.' })
  @ApiParam({ name: 'user_id', description: 'Integer user id.', example: 30, schema: { ...INT32 } })
  @ApiOkResponse({ type: TribooUserDto })
  @ApiBadRequestResponse(BAD_USER_ID_RESPONSE)
  @ApiNotFoundResponse(NOT_FOUND)
  getById(@CurrentPrincipal() principal: Principal, @Param('user_id') userId: string): Promise<TribooUserDto> {
    return this.users.get(principal.accountId, { by: 'user_id', value: parseUserId(userId) });
  }

  @Get('api/extended/v1/users_by_username')
  @DocumentedWithTrailingSlash()
  @Can('read', 'TribooUser')
  @ApiOperation({ summary: 'GET USERS by `username=a,b` (paginated).', description: 'The users found among those usernames, paginated like GET USERS; without `username`, every user.' })
  @ApiOkResponse({ type: TribooUserPageDto })
  @ApiNotFoundResponse(INVALID_PAGE_RESPONSE)
  listByUsername(@Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal, @Query() q: UsersByUsernameQueryDto): Promise<Page<TribooUserDto>> {
    if (q.username !== undefined) return this.lists.some(req, principal.accountId, q, 'username', usernameList(q.username));
    return this.lists.all(req, principal.accountId, q);
  }

  @Get('api/extended/v1/users_by_username/:username')
  @DocumentedWithTrailingSlash()
  @Can('read', 'TribooUser', { param: 'username' })
  @ApiOperation({ summary: 'GET USERS: one user by username.', description: 'Every create field plus `user_id` and `is_active`; 404 `user_not_found`.' })
  @ApiParam({ name: 'username', example: 'user7', type: String })
  @ApiOkResponse({ type: TribooUserDto })
  @ApiNotFoundResponse(NOT_FOUND)
  getByUsername(@CurrentPrincipal() principal: Principal, @Param('username') username: string): Promise<TribooUserDto> {
    return this.users.get(principal.accountId, { by: 'username', value: username });
  }
}
