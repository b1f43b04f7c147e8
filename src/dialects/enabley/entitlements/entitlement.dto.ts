import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ENTITLEMENT_ENTITY_TYPES, ENTITLEMENT_ROLES } from '../policy/enabley-subjects';

/** Seed ExternalEntitlement. */
@ApiSchema({ name: 'ExternalEntitlement' })
export class ExternalEntitlementDto {
  @ApiProperty({ description: 'The user the role is given to.', example: 'jane.doe' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  userIdentifier: string;

  @ApiProperty({ description: 'Kind of entity: COURSE (a channel), GROUP, or WORKSPACE (a sub-account, by name).', enum: ENTITLEMENT_ENTITY_TYPES })
  @IsIn(ENTITLEMENT_ENTITY_TYPES)
  entityType: string;

  @ApiProperty({ description: 'Identifier of the entity (channel or group identifier, sub-account name). It must exist.', example: 'course-v1:acme+safety+2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  entityIdentifier: string;

  @ApiProperty({ description: 'The role on that entity: MANAGER (read, update, delete), EDITOR (read, update), INSTRUCTOR (read).', enum: ENTITLEMENT_ROLES })
  @IsIn(ENTITLEMENT_ROLES)
  userRole: string;
}
