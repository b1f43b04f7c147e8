import { subject } from '@casl/ability';
import { Body, Controller, Delete, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Principal } from '../../../core/auth/principal';
import { ApiError } from '../../../core/http/api-error';
import { AppAbility } from '../../../core/policy/app-ability';
import { CurrentAbility, CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { ApiOkList } from '../../../core/http/api-ok-list';
import { EnableyErrors } from '../policy/enabley-api.decorators';
import { ENABLEY_USER } from '../policy/enabley-subjects';
import { ListUsersV2Query, USERS_V2_MAX_LIMIT, SubAccountQuery, UserDataDto, UserInfoDto, UserStatusQuery } from './user.dto';
import { toUserInfo } from './user-info.sql';
import { EnableyUsersReadService } from './users-read.service';
import { EnableyUsersService } from './users.service';

@ApiTags('Enabley: Users')
@Controller()
export class EnableyUsersController {
  constructor(
    private readonly reads: EnableyUsersReadService,
    private readonly users: EnableyUsersService,
  ) {}

  @Get('api/v2/users')
  @Can('read', ENABLEY_USER)
  @ApiOperation({
    summary: 'Find users by filter',
    description: 'Users of the caller\'s account ordered by identifier, from index `start`, at most `limit` (max 200; more answers 400). Substring filters are case-insensitive.',
  })
  @ApiOkList(UserInfoDto, USERS_V2_MAX_LIMIT, 'OK')
  @EnableyErrors('Invalid input, e.g. limit above 200 (invalid_request).')
  list(@CurrentPrincipal() p: Principal, @Query() q: ListUsersV2Query): Promise<UserInfoDto[]> {
    return this.reads.listV2(p.accountId, q);
  }

  @Put('api/v2/users')
  @Can('create', ENABLEY_USER)
  @ApiOperation({
    summary: 'Create or update User',
    description:
      'Creates a new user or updates the existing one by `identifier`: 201 when created, 200 when updated. Omitted fields keep their value. `subAccountName` adds the user to that sub-account (created on first use). Username or email taken by another user → 409 item_exists; usernames are unique case-insensitively (and by their NFKC form), and control, invisible or bidi characters are refused (400). A password follows the password policy (at least 8 characters, not a common password, not the username or email; 400 otherwise); a new password ends the user\'s other sessions.',
  })
  @ApiCreatedResponse({ type: UserInfoDto, description: 'User was created' })
  @ApiOkResponse({ type: UserInfoDto, description: 'User was updated' })
  @ApiConflictResponse({ description: 'The username or email is taken by another user (item_exists).' })
  @EnableyErrors()
  async upsert(@CurrentPrincipal() p: Principal, @Body() body: UserDataDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<UserInfoDto> {
    const { created, user } = await this.users.upsert(p.accountId, body, p);
    reply.status(created ? 201 : 200);
    return user;
  }

  @Get('api/v2/users/:identifier')
  @Can('read', ENABLEY_USER)
  @ApiOperation({ summary: 'Find user by identifier', description: 'One user of the caller\'s account; with `subAccountName`, only if the user belongs to it. Absent → 404 not_found.' })
  @ApiParam({ name: 'identifier', description: 'User identifier', type: String })
  @ApiOkResponse({ type: UserInfoDto, description: 'OK' })
  @ApiNotFoundResponse({ description: 'No user with that identifier in the account (or the sub-account): not_found.' })
  @EnableyErrors()
  async get(@CurrentPrincipal() p: Principal, @CurrentAbility() ability: AppAbility, @Param('identifier') identifier: string, @Query() q: SubAccountQuery): Promise<UserInfoDto> {
    // The hot path: one indexed query; the object check runs in memory on the row it returned.
    const row = await this.reads.findRow(p.accountId, identifier, q.subAccountName);
    if (!row || !ability.can('read', subject(ENABLEY_USER, { accountId: p.accountId, id: row.id, identifier: row.identifier } as Record<string, unknown>))) throw ApiError.notFound('No user with that identifier.');
    return toUserInfo(row);
  }

  @Put('api/v2/users/:identifier')
  @Can('update', ENABLEY_USER, { param: 'identifier' })
  @ApiOperation({ summary: 'Update existing user status', description: 'Activates (`isActive=true`, the default) or deactivates the user. A deactivated user\'s tokens stop working.' })
  @ApiParam({ name: 'identifier', description: 'User identifier', type: String })
  @ApiOkResponse({ type: UserInfoDto, description: 'OK' })
  @EnableyErrors()
  setStatus(@CurrentPrincipal() p: Principal, @Param('identifier') identifier: string, @Query() q: UserStatusQuery): Promise<UserInfoDto> {
    return this.users.setActive(p.accountId, identifier, q.isActive ?? true);
  }

  @Delete('api/v2/users/:identifier')
  @Can('delete', ENABLEY_USER, { param: 'identifier' })
  @ApiOperation({
    summary: 'Delete user by identifier',
    description: 'A real delete: the user and, in the same transaction, its sub-account links, group and profile mappings, entitlements, permissions and sessions.',
  })
  @ApiParam({ name: 'identifier', description: 'User identifier', type: String })
  @ApiOkResponse({ description: 'OK' })
  @EnableyErrors()
  async delete(@CurrentPrincipal() p: Principal, @Param('identifier') identifier: string): Promise<void> {
    await this.users.delete(p.accountId, identifier);
  }
}
