import { Body, Controller, Delete, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Principal } from '../../../core/auth/principal';
import { ApiError } from '../../../core/http/api-error';
import { CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { ReplaceQuery } from '../groups/group.dto';
import { ApiOkList } from '../../../core/http/api-ok-list';
import { EnableyErrors } from '../policy/enabley-api.decorators';
import { ENABLEY_USER, ENABLEY_USER_PROFILE } from '../policy/enabley-subjects';
import { PolicySubjectAttrs } from '../policy/policy-subject.decorator';
import { EnableyUserAttrs } from '../users/user.loader';
import { USER_PROFILES_MAX, UserProfileDataDto, UserProfileInfoDto } from './user-profile.dto';
import { EnableyUserProfileAttrs } from './user-profile.loader';
import { UserProfilesService } from './user-profiles.service';

@ApiTags('Enabley: UserProfiles')
@Controller()
export class UserProfilesController {
  constructor(private readonly profiles: UserProfilesService) {}

  @Post('api/v2/getUserProfiles')
  @HttpCode(200)
  @Can('read', ENABLEY_USER_PROFILE)
  @ApiOperation({ summary: 'Get profile details by id(s)', description: `The profiles of the account with those identifiers (unknown ones are left out), ordered by identifier. At most ${USER_PROFILES_MAX} identifiers.` })
  @ApiBody({ description: 'User profile identifiers', schema: { type: 'array', items: { type: 'string', maxLength: 200 }, maxItems: USER_PROFILES_MAX } })
  @ApiOkList(UserProfileInfoDto, USER_PROFILES_MAX, 'OK')
  @EnableyErrors()
  find(@CurrentPrincipal() p: Principal, @Body() identifiers: unknown): Promise<UserProfileInfoDto[]> {
    if (!Array.isArray(identifiers)) throw ApiError.badRequest('The body must be an array of profile identifiers.', 'identifiers');
    if (identifiers.length > USER_PROFILES_MAX) throw ApiError.badRequest(`At most ${USER_PROFILES_MAX} identifiers.`, 'identifiers');
    if (identifiers.some((i) => typeof i !== 'string' || i.length === 0 || i.length > 200)) throw ApiError.badRequest('Every identifier must be a non-empty string of at most 200 characters.', 'identifiers');
    return this.profiles.findMany(p.accountId, identifiers as string[]);
  }

  @Put('api/v2/userProfiles')
  @Can('create', ENABLEY_USER_PROFILE)
  @ApiOperation({ summary: 'Create or update User Profile', description: 'Creates the profile or renames it by `identifier`: 201 created, 200 updated.' })
  @ApiCreatedResponse({ type: UserProfileInfoDto, description: 'User Profile was created' })
  @ApiOkResponse({ type: UserProfileInfoDto, description: 'User Profile was updated' })
  @EnableyErrors()
  async upsert(@CurrentPrincipal() p: Principal, @Body() body: UserProfileDataDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<UserProfileInfoDto> {
    const { created, profile } = await this.profiles.upsert(p.accountId, body);
    reply.status(created ? 201 : 200);
    return profile;
  }

  @Post('api/v2/userProfiles/users/:identifier')
  @HttpCode(200)
  @Can('read', ENABLEY_USER, { param: 'identifier' })
  @ApiOperation({ summary: 'Find profiles of a user by user identifier', description: 'The profiles the user is mapped to, ordered by identifier.' })
  @ApiParam({ name: 'identifier', description: 'User identifier', type: String })
  @ApiOkList(UserProfileInfoDto, USER_PROFILES_MAX, 'OK')
  @EnableyErrors()
  ofUser(@CurrentPrincipal() p: Principal, @PolicySubjectAttrs() user: EnableyUserAttrs): Promise<UserProfileInfoDto[]> {
    return this.profiles.profilesOfUser(p.accountId, user.id);
  }

  @Put('api/v2/userProfiles/:profileIdentifier/users/:userIdentifier')
  @Can('update', ENABLEY_USER_PROFILE, { param: 'profileIdentifier' })
  @ApiOperation({
    summary: 'Assign profile of a user by user identifier and profile identifier',
    description: 'Maps the user to the profile (idempotent). With `replace=true`, the user\'s other profile mappings are removed in the same transaction. Unknown user → 404 not_found.',
  })
  @ApiParam({ name: 'profileIdentifier', description: 'Profile identifier', type: String })
  @ApiParam({ name: 'userIdentifier', description: 'User identifier', type: String })
  @ApiOkResponse({ description: 'Assignment of profile of a user was updated' })
  @EnableyErrors()
  async assign(@CurrentPrincipal() p: Principal, @PolicySubjectAttrs() profile: EnableyUserProfileAttrs, @Param('userIdentifier') userIdentifier: string, @Query() q: ReplaceQuery): Promise<void> {
    await this.profiles.assign(p.accountId, profile.id, userIdentifier, q.replace ?? false);
  }

  @Delete('api/v2/userProfiles/:profileIdentifier/users/:userIdentifier')
  @Can('update', ENABLEY_USER_PROFILE, { param: 'profileIdentifier' })
  @ApiOperation({ summary: 'Remove profile of a user by user identifier and profile identifier', description: 'Removes the mapping; 404 not_found when the user does not have that profile.' })
  @ApiParam({ name: 'profileIdentifier', description: 'Profile identifier', type: String })
  @ApiParam({ name: 'userIdentifier', description: 'User identifier', type: String })
  @ApiOkResponse({ description: 'Remove assignment of profile of a user was updated' })
  @EnableyErrors()
  async unassign(@CurrentPrincipal() p: Principal, @PolicySubjectAttrs() profile: EnableyUserProfileAttrs, @Param('userIdentifier') userIdentifier: string): Promise<void> {
    await this.profiles.unassign(p.accountId, profile.id, userIdentifier);
  }
}
