import { Body, Controller, Delete, Param, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Principal } from '../../../core/auth/principal';
import { CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { EnableyErrors } from '../policy/enabley-api.decorators';
import { ENABLEY_USER } from '../policy/enabley-subjects';
import { PolicySubjectAttrs } from '../policy/policy-subject.decorator';
import { ExternalPermissionDto, UserIdentityDto, UserInfoDto } from './user.dto';
import { EnableyUserAttrs } from './user.loader';
import { EnableyUsersService } from './users.service';

@ApiTags('Enabley: Users')
@Controller()
export class EnableyUserIdentityController {
  constructor(private readonly users: EnableyUsersService) {}

  @Put('api/v2/users/identityManagement')
  @Can('update', ENABLEY_USER, { body: 'currentUserIdentifier' })
  @ApiOperation({
    summary: 'Change the user identifier (user ID) for an existing user.',
    description: 'Renames the identifier; sub-accounts, groups, profiles and entitlements stay with the user. The new identifier must be free in the account (409 item_exists otherwise).',
  })
  @ApiOkResponse({ type: UserInfoDto, description: 'OK' })
  @ApiConflictResponse({ description: 'The new identifier is taken (item_exists).' })
  @EnableyErrors()
  changeIdentifier(@CurrentPrincipal() p: Principal, @Body() body: UserIdentityDto): Promise<UserInfoDto> {
    return this.users.changeIdentifier(p.accountId, body.currentUserIdentifier, body.newUserIdentifier);
  }

  @Put('api/v2/users/:userIdentifier/permissions')
  @Can('update', ENABLEY_USER, { param: 'userIdentifier' })
  @ApiOperation({
    summary: 'Set user permissions',
    description: 'Sets the permissions of a user whose possibleRoles include INSTRUCTOR (400 otherwise). The list replaces any existing permissions.',
  })
  @ApiParam({ name: 'userIdentifier', description: 'userIdentifier', type: String })
  @ApiOkResponse({ type: ExternalPermissionDto, description: 'OK' })
  @EnableyErrors('Invalid input, or the user is not an INSTRUCTOR (invalid_request).')
  async setPermissions(@CurrentPrincipal() p: Principal, @PolicySubjectAttrs() user: EnableyUserAttrs, @Body() body: ExternalPermissionDto): Promise<ExternalPermissionDto> {
    return { permissions: await this.users.setPermissions(p.accountId, user.id, body.permissions) };
  }

  @Delete('api/v2/users/:identifier/subAccountName/:subAccountName')
  @Can('update', ENABLEY_USER, { param: 'identifier' })
  @ApiOperation({ summary: 'Remove a user from a particular sub-account', description: 'Removes the user from that sub-account; 404 not_found when the user does not belong to it.' })
  @ApiParam({ name: 'identifier', description: 'User identifier', type: String })
  @ApiParam({ name: 'subAccountName', description: 'Sub-account name', type: String })
  @ApiOkResponse({ description: 'OK' })
  @EnableyErrors()
  async removeFromSubAccount(@CurrentPrincipal() p: Principal, @PolicySubjectAttrs() user: EnableyUserAttrs, @Param('subAccountName') subAccountName: string): Promise<void> {
    await this.users.removeFromSubAccount(p.accountId, user.id, subAccountName);
  }
}
