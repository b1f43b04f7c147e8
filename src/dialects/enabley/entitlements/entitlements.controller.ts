import { Body, Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '../../../core/auth/principal';
import { CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { EnableyErrors } from '../policy/enabley-api.decorators';
import { ENABLEY_USER } from '../policy/enabley-subjects';
import { PolicySubjectAttrs } from '../policy/policy-subject.decorator';
import { EnableyUserAttrs } from '../users/user.loader';
import { ExternalEntitlementDto } from './entitlement.dto';
import { EntitlementsService } from './entitlements.service';

@ApiTags('Enabley: Users')
@Controller()
export class EntitlementsController {
  constructor(private readonly entitlements: EntitlementsService) {}

  @Post('api/v2/users/entitlements')
  @HttpCode(200)
  @Can('update', ENABLEY_USER, { body: 'userIdentifier' })
  @ApiOperation({
    summary: 'Add user entity role',
    description: 'Gives the user a role (MANAGER, EDITOR, INSTRUCTOR) on a Course, Group or Workspace (sub-account). The user and the entity must exist (404 not_found). Adding an existing entitlement again is a no-op.',
  })
  @ApiOkResponse({ type: ExternalEntitlementDto, description: 'OK' })
  @EnableyErrors()
  async add(@CurrentPrincipal() p: Principal, @PolicySubjectAttrs() user: EnableyUserAttrs, @Body() body: ExternalEntitlementDto): Promise<ExternalEntitlementDto> {
    await this.entitlements.add(p.accountId, user.id, body);
    return { userIdentifier: body.userIdentifier, entityType: body.entityType, entityIdentifier: body.entityIdentifier, userRole: body.userRole };
  }

  @Delete('api/v2/users/entitlements')
  @Can('update', ENABLEY_USER, { body: 'userIdentifier' })
  @ApiOperation({ summary: 'Remove user entity role', description: 'Removes that role of the user from the Course, Group or Workspace; 404 not_found when the user does not have it.' })
  @ApiOkResponse({ type: ExternalEntitlementDto, description: 'OK' })
  @EnableyErrors()
  async remove(@CurrentPrincipal() p: Principal, @PolicySubjectAttrs() user: EnableyUserAttrs, @Body() body: ExternalEntitlementDto): Promise<ExternalEntitlementDto> {
    await this.entitlements.remove(p.accountId, user.id, body);
    return { userIdentifier: body.userIdentifier, entityType: body.entityType, entityIdentifier: body.entityIdentifier, userRole: body.userRole };
  }
}
