import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Trim } from '../../../core/http/transforms';
import { CONTENT_LEVELS, ContentLevel, ORGANIZATION_LEVELS, OrganizationLevel, PermissionDto, levelMessage } from '../common/levels';
import { OrganizationRefDto } from '../organizations/organization.dto';

export class DepartmentRefDto extends OrganizationRefDto {
  @ApiProperty({ description: 'Name of the department, unique in the organization.', example: 'Sales', maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;
}

export class SaveDepartmentDto extends DepartmentRefDto {
  @ApiPropertyOptional({ default: 'member', description: 'Permission level to the organization its members get.' })
  @IsOptional()
  @IsIn(ORGANIZATION_LEVELS, { message: levelMessage('permission_organization', ORGANIZATION_LEVELS) })
  permission_organization?: OrganizationLevel;

  @ApiPropertyOptional({ enum: CONTENT_LEVELS, default: 'none', description: 'Permission level to contents in the organization its members get.' })
  @IsOptional()
  @IsIn(CONTENT_LEVELS, { message: levelMessage('permission_content', CONTENT_LEVELS) })
  permission_content?: ContentLevel;
}

export class DepartmentDto {
  @ApiProperty({ description: 'Name of the department.', example: 'Sales' })
  name: string;

  @ApiProperty({ description: 'The permission levels its members get.' })
  permission: PermissionDto;
}
