import { Controller, Delete, HttpCode, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiExtraModels, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Principal } from '../../../core/auth/principal';
import { CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { statusError } from '../common/triboo-status';
import { DeactivationDto } from './user.dto';
import { BAD_USER_ID_RESPONSE, parseUserId, userIdList, usernameList } from './user-keys';
import { DeactivateByIdQueryDto, DeactivateByUsernameQueryDto } from './users-query.dto';
import { TribooUsersDeactivateService } from './users-deactivate.service';
import { DocumentedWithTrailingSlash } from '../../../core/openapi/path-spelling';
import { INT32 } from '../../../core/openapi/schema-types';

const LIST = {
  description: 'One entry per requested user, in request order (`user_deactivated`, `user_already_inactive`, `user_not_found`).',
  schema: { type: 'array', maxItems: 1000, items: { $ref: getSchemaPath(DeactivationDto) } },
};
const NOT_FOUND = { description: '`user_not_found` (single-user form).' };

@ApiTags('Triboo: Users')
@ApiExtraModels(DeactivationDto)
@DocumentedWithTrailingSlash()
@Controller()
export class TribooUsersDeactivateController {
  constructor(private readonly service: TribooUsersDeactivateService) {}

  /** Single-user form: user_not_found is a 404 with the status body. */
  private async one(accountId: string, by: 'user_id' | 'username', key: number | string): Promise<DeactivationDto> {
    const [r] = await this.service.deactivate(accountId, by, [key]);
    if (r.status === 'user_not_found') throw statusError('user_not_found', `No user with this ${by}.`, { username: r.username, user_id: r.user_id });
    return r;
  }

  @Delete('api/extended/v1/users')
  @HttpCode(200)
  @Can('delete', 'TribooUser')
  @ApiOperation({ summary: 'DEACTIVATE USER: the users of `user_id=a,b`.', description: 'Sets is_active false (never deletes) in one transaction; the users can no longer log in and their tokens stop working.' })
  @ApiOkResponse(LIST)
  deactivateIds(@CurrentPrincipal() principal: Principal, @Query() q: DeactivateByIdQueryDto): Promise<DeactivationDto[]> {
    return this.service.deactivate(principal.accountId, 'user_id', userIdList(q.user_id));
  }

  @Delete('api/extended/v1/users/:user_id')
  @HttpCode(200)
  @Can('delete', 'TribooUser', { param: 'user_id' })
  @ApiOperation({ summary: 'DEACTIVATE USER by user id.', description: '`user_deactivated` or `user_already_inactive` (200); `user_not_found` (404).' })
  @ApiParam({ name: 'user_id', example: 29, schema: { ...INT32 } })
  @ApiOkResponse({ type: DeactivationDto })
  @ApiBadRequestResponse(BAD_USER_ID_RESPONSE)
  @ApiNotFoundResponse(NOT_FOUND)
  deactivateId(@CurrentPrincipal() principal: Principal, @Param('user_id') userId: string): Promise<DeactivationDto> {
    return this.one(principal.accountId, 'user_id', parseUserId(userId));
  }

  @Delete('api/extended/v1/users_by_username')
  @HttpCode(200)
  @Can('delete', 'TribooUser')
  @ApiOperation({ summary: 'DEACTIVATE USER: the users of `username=a,b`.', description: 'As the user_id list form, by usernames.' })
  @ApiOkResponse(LIST)
  deactivateUsernames(@CurrentPrincipal() principal: Principal, @Query() q: DeactivateByUsernameQueryDto): Promise<DeactivationDto[]> {
    return this.service.deactivate(principal.accountId, 'username', usernameList(q.username));
  }

  @Delete('api/extended/v1/users_by_username/:username')
  @HttpCode(200)
  @Can('delete', 'TribooUser', { param: 'username' })
  @ApiOperation({ summary: 'DEACTIVATE USER by username.', description: '`user_deactivated` or `user_already_inactive` (200); `user_not_found` (404).' })
  @ApiParam({ name: 'username', example: 'user6', type: String })
  @ApiOkResponse({ type: DeactivationDto })
  @ApiNotFoundResponse(NOT_FOUND)
  deactivateUsername(@CurrentPrincipal() principal: Principal, @Param('username') username: string): Promise<DeactivationDto> {
    return this.one(principal.accountId, 'username', username);
  }
}
