import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '../../../core/auth/principal';
import { AppAbility } from '../../../core/policy/app-ability';
import { CurrentAbility, CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { ApiOkList } from '../../../core/http/api-ok-list';
import { MAX_LIST_ITEMS } from '../common/one-or-many';
import { pathId } from '../common/kolibri-ids';
import { ClassroomDto, ClassroomQueryDto, CreateClassroomDto, UpdateClassroomDto } from './classroom.dto';
import { ClassroomsService } from './classrooms.service';

@ApiTags('Kolibri: Classrooms')
@Controller('api/auth/classroom')
export class ClassroomsController {
  constructor(private readonly classrooms: ClassroomsService) {}

  @Get()
  @Can('read', 'Classroom')
  @ApiOperation({
    summary: 'List classrooms',
    description: 'The classrooms the caller may read (facility admins and coaches: all of the facility; classroom coaches and learners: their own), optionally of one facility (parent) or only those the caller coaches (role=coach).',
  })
  @ApiOkList(ClassroomDto, MAX_LIST_ITEMS)
  @ApiBadRequestResponse()
  list(@Query() query: ClassroomQueryDto, @CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility): Promise<ClassroomDto[]> {
    return this.classrooms.list(principal, ability, query);
  }

  @Post()
  @Can('create', 'Classroom')
  @ApiOperation({ summary: 'Create classroom', description: 'Create a classroom in a facility (facility admins). Names are unique per facility (400 UNIQUE).' })
  @ApiCreatedResponse({ type: ClassroomDto })
  @ApiBadRequestResponse()
  create(@Body() body: CreateClassroomDto, @CurrentPrincipal() principal: Principal, @CurrentAbility() ability: AppAbility): Promise<ClassroomDto> {
    return this.classrooms.create(principal, ability, body.name, body.parent);
  }

  @Get(':id')
  @Can('read', 'Classroom', { param: 'id' })
  @ApiOperation({ summary: 'Get classroom', description: 'Retrieve details of a specific classroom.' })
  @ApiOkResponse({ type: ClassroomDto })
  get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ClassroomDto> {
    return this.classrooms.get(principal.accountId, pathId(id));
  }

  @Patch(':id')
  @Can('update', 'Classroom', { param: 'id' })
  @ApiOperation({ summary: 'Update classroom', description: 'Rename a classroom (facility admins).' })
  @ApiOkResponse({ type: ClassroomDto })
  @ApiBadRequestResponse()
  update(@Param('id') id: string, @Body() body: UpdateClassroomDto, @CurrentPrincipal() principal: Principal): Promise<ClassroomDto> {
    return this.classrooms.update(principal.accountId, pathId(id), body.name);
  }

  @Delete(':id')
  @HttpCode(204)
  @Can('delete', 'Classroom', { param: 'id' })
  @ApiOperation({ summary: 'Delete classroom', description: 'Delete a classroom with its learner groups, memberships and roles, in one transaction (facility admins).' })
  @ApiNoContentResponse({ description: 'Deleted.' })
  remove(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.classrooms.remove(principal.accountId, pathId(id));
  }
}
