import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '../../../core/auth/principal';
import { AppAbility } from '../../../core/policy/app-ability';
import { CurrentAbility, CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { ApiOkList } from '../../../core/http/api-ok-list';
import { MAX_LIST_ITEMS } from '../common/one-or-many';
import { pathId } from '../common/kolibri-ids';
import { CreateLearnerGroupDto, LearnerGroupDto, LearnerGroupQueryDto, UpdateLearnerGroupDto } from './learner-group.dto';
import { LearnerGroupsService } from './learner-groups.service';

@ApiTags('Kolibri: Learner groups')
@Controller('api/auth/learnergroup')
export class LearnerGroupsController {
  constructor(private readonly groups: LearnerGroupsService) {}

  @Get()
  @Can('read', 'LearnerGroup')
  @ApiOperation({
    summary: 'List learner groups',
    description: 'The learner groups the caller may read (facility admins and coaches, coaches of the parent classroom, its learners), optionally of one classroom (parent).',
  })
  @ApiOkList(LearnerGroupDto, MAX_LIST_ITEMS)
  @ApiBadRequestResponse()
  list(@Query() query: LearnerGroupQueryDto, @CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility): Promise<LearnerGroupDto[]> {
    return this.groups.list(principal, ability, query.parent);
  }

  @Post()
  @Can('create', 'LearnerGroup')
  @ApiOperation({ summary: 'Create learner group', description: 'Create a learner group within a classroom (facility admins, facility coaches, coaches of the classroom). Names are unique per classroom (400 UNIQUE).' })
  @ApiCreatedResponse({ type: LearnerGroupDto })
  @ApiBadRequestResponse()
  create(@Body() body: CreateLearnerGroupDto, @CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility): Promise<LearnerGroupDto> {
    return this.groups.create(principal, ability, body.name, body.parent);
  }

  @Get(':id')
  @Can('read', 'LearnerGroup', { param: 'id' })
  @ApiOperation({ summary: 'Get learner group', description: 'Retrieve details of a specific learner group with its learner ids.' })
  @ApiOkResponse({ type: LearnerGroupDto })
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<LearnerGroupDto> {
    return this.groups.get(principal.accountId, pathId(id));
  }

  @Patch(':id')
  @Can('update', 'LearnerGroup', { param: 'id' })
  @ApiOperation({ summary: 'Update learner group', description: 'Rename a learner group (facility admins and coaches of its classroom).' })
  @ApiOkResponse({ type: LearnerGroupDto })
  @ApiBadRequestResponse()
  update(@Param('id') id: string, @Body() body: UpdateLearnerGroupDto, @CurrentPrincipal() principal: Principal): Promise<LearnerGroupDto> {
    return this.groups.update(principal.accountId, pathId(id), body.name);
  }

  @Delete(':id')
  @HttpCode(204)
  @Can('delete', 'LearnerGroup', { param: 'id' })
  @ApiOperation({ summary: 'Delete learner group', description: 'Delete a learner group with its memberships (facility admins and coaches of its classroom).' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  remove(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.groups.remove(principal.accountId, pathId(id));
  }
}
