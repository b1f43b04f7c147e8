import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Principal } from '../../../core/auth/principal';
import { CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { ApiOkList } from '../../../core/http/api-ok-list';
import { EnableyErrors } from '../policy/enabley-api.decorators';
import { ENABLEY_USER } from '../policy/enabley-subjects';
import { PolicySubjectAttrs } from '../policy/policy-subject.decorator';
import { EnableyUserAttrs } from '../users/user.loader';
import { GROUP_LIST_MAX, GroupInfoDto, GroupListQuery } from './group.dto';
import { GroupsService } from './groups.service';

@ApiTags('Enabley: Groups')
@Controller()
export class UserGroupsController {
  constructor(private readonly groups: GroupsService) {}

  @Get('api/v1/users/:identifier/groups')
  @Can('read', ENABLEY_USER, { param: 'identifier' })
  @ApiOperation({ summary: 'Find user group(s) by user identifier', description: 'The groups the user is mapped to, optionally only those of one sub-account.' })
  @ApiParam({ name: 'identifier', description: 'User identifier', type: String })
  @ApiOkList(GroupInfoDto, GROUP_LIST_MAX, 'OK')
  @EnableyErrors()
  list(@CurrentPrincipal() p: Principal, @PolicySubjectAttrs() user: EnableyUserAttrs, @Query() q: GroupListQuery): Promise<GroupInfoDto[]> {
    return this.groups.groupsOfUser(p.accountId, user.id, q.subAccountName);
  }
}
