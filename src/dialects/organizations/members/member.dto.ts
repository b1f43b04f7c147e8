import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ToBoolean, Trim } from '../../../core/http/transforms';
import { ORGANIZATIONS_BOOLEANS } from '../common/input';
import { CONTENT_LEVELS, ContentLevel, ORGANIZATION_LEVELS, OrganizationLevel, PermissionDto, levelMessage } from '../common/levels';
import { OrganizationRefDto } from '../organizations/organization.dto';
import { INT32 } from '../../../core/openapi/schema-types';

const USERS = 'Comma-separated list of user identification strings (at most 1000).';
const ORGANIZATIONS = 'Comma-separated list of organization identification strings (at most 100).';

class LevelsDto {
  @ApiPropertyOptional({ enum: ORGANIZATION_LEVELS, default: 'member', description: 'Permission level to the organization.' })
  @IsOptional()
  @IsIn(ORGANIZATION_LEVELS, { message: levelMessage('permission_organization', ORGANIZATION_LEVELS) })
  permission_organization?: OrganizationLevel;

  @ApiPropertyOptional({ enum: CONTENT_LEVELS, default: 'none', description: 'Permission level to contents in the organization.' })
  @IsOptional()
  @IsIn(CONTENT_LEVELS, { message: levelMessage('permission_content', CONTENT_LEVELS) })
  permission_content?: ContentLevel;

  @ApiPropertyOptional({ default: false, description: 'Queue one notification message per affected user.' })
  @IsOptional()
  @ToBoolean(ORGANIZATIONS_BOOLEANS)
  @IsBoolean({ message: 'notify must be true or false' })
  notify?: boolean;
}

export class AssignMembersDto extends LevelsDto {
  @ApiProperty({ description: 'Organization identification string.', example: 'acme-sales', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  organization: string;

  @ApiProperty({ description: USERS, example: 'alice,bob', maxLength: 200000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200000)
  users: string;

  @ApiPropertyOptional({ description: 'Name of a department of the organization (400 when it has none of that name); not together with the permission_ fields.' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  department?: string;
}

export class RemoveMembersDto extends OrganizationRefDto {
  @ApiProperty({ description: USERS, example: 'alice,bob', maxLength: 200000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200000)
  users: string;
}

export class BulkAssignMembersDto extends LevelsDto {
  @ApiProperty({ description: ORGANIZATIONS, example: 'acme-sales,acme-support', maxLength: 20000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  organizations: string;

  @ApiProperty({ description: USERS, example: 'alice,bob', maxLength: 200000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200000)
  users: string;

  @ApiPropertyOptional({ description: 'Name of a department; in an organization without it, the permission_ fields set the levels.' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  department?: string;
}

export class UserRefDto {
  @ApiProperty({ description: 'User identification string.', example: 'alice', maxLength: 300 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  user: string;
}

export class AssignUserDto extends LevelsDto {
  @ApiProperty({ description: 'User identification string.', example: 'alice', maxLength: 300 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  user: string;

  @ApiProperty({ description: ORGANIZATIONS, example: 'acme-sales,acme-support', maxLength: 20000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  organizations: string;

  @ApiPropertyOptional({ description: 'Name of a department; in an organization without it, the permission_ fields set the levels.' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  department?: string;
}

export class RemoveUserDto extends UserRefDto {
  @ApiProperty({ description: ORGANIZATIONS, example: 'acme-sales,acme-support', maxLength: 20000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  organizations: string;
}

export class MemberDto {
  @ApiProperty({ description: 'User identification string.', example: 'alice' })
  code: string;

  @ApiProperty({ description: 'Name of the member (full name, else the username).', example: 'Alice Smith' })
  name: string;

  @ApiProperty({ type: String, nullable: true, description: 'Name of the department, if the member is in one.', example: 'Sales' })
  department: string | null;

  permission: PermissionDto;
}

export class AssignedMemberDto extends MemberDto {
  @ApiProperty({ description: 'Organization identification string.', example: 'acme-sales' })
  organization: string;
}

export const MAX_RESULT_ITEMS = 100000;

export class AssignResultDto {
  @ApiProperty({ type: AssignedMemberDto, isArray: true, maxItems: MAX_RESULT_ITEMS, description: 'The resulting membership of every known user in every organization of the call.' })
  members: AssignedMemberDto[];

  @ApiProperty({ type: String, isArray: true, maxItems: 1000, description: 'Requested user codes with no user in the account; nothing was written for them.', example: [] })
  unknown_users: string[];

  @ApiProperty({ ...INT32, description: 'Notification messages queued (notify=true): one per affected user.', example: 0 })
  notified: number;
}

export class RemovedMembershipDto {
  @ApiProperty({ description: 'Organization identification string.', example: 'acme-sales' })
  organization: string;

  @ApiProperty({ description: 'User identification string.', example: 'alice' })
  code: string;
}

export class RemoveResultDto {
  @ApiProperty({ type: RemovedMembershipDto, isArray: true, maxItems: MAX_RESULT_ITEMS, description: 'Memberships removed (users that were not members are not listed).' })
  removed: RemovedMembershipDto[];

  @ApiProperty({ type: String, isArray: true, maxItems: 1000, description: 'Requested user codes with no user in the account.', example: [] })
  unknown_users: string[];
}

export class UserOrganizationDto {
  @ApiProperty({ description: 'Organization identification string.', example: 'acme-sales' })
  code: string;

  @ApiProperty({ description: 'Title of the organization.', example: 'ACME Sales' })
  name: string;

  @ApiProperty({ description: 'Link to the organization (PUBLIC_URL-based when set, else relative).', example: 'https://lms.example.com/organization?organization=acme-sales' })
  link: string;

  @ApiProperty({ type: String, nullable: true, description: 'Name of the department, if the member is in one.', example: 'Sales' })
  department: string | null;

  permission: PermissionDto;
}
