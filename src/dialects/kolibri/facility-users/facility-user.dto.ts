import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsKolibriId, IsOptionalNotNull } from '../common/kolibri-ids';
import { ASSIGNABLE_COACH_ALIAS } from '../roles/role.dto';

/** Kolibri's FacilityUserFilter.USER_TYPE_CHOICES: learner, superuser and the role kinds (both spellings of assignable coach). */
export const USER_TYPES = ['learner', 'superuser', 'admin', 'coach', 'assignable_coach', ASSIGNABLE_COACH_ALIAS] as const;

/** Kolibri's ordering_fields that this server stores (gender and birth_year are kept by no dialect here). */
export const ORDER_FIELDS = ['id', 'username', 'full_name', 'date_joined'] as const;
export const ORDERINGS = ORDER_FIELDS.flatMap((f) => [f, `-${f}`]);

export class UserRoleDto {
  @ApiProperty({ description: 'Collection (facility or classroom) id, 32 hex digits.' })
  collection: string;

  @ApiProperty({ enum: ['admin', 'coach', 'assignable_coach'] })
  kind: string;

  @ApiProperty({ description: 'Role id, 32 hex digits.' })
  id: string;
}

export class FacilityUserDto {
  @ApiProperty({ example: '8f0e5a3c2b1d4e6f9a7b0c1d2e3f4a5b', description: 'User id, 32 hex digits.' })
  id: string;

  @ApiProperty({ example: 'jdoe' })
  username: string;

  @ApiProperty({ example: 'Jane Doe' })
  full_name: string;

  @ApiProperty({ type: 'string', nullable: true, description: 'Facility id, 32 hex digits; null for a user made through another dialect who is in no facility yet.' })
  facility: string | null;

  is_superuser: boolean;

  @ApiProperty({ type: [UserRoleDto], maxItems: 1000 })
  roles: UserRoleDto[];
}

export class FacilityUserPageDto {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: 2147483647 })
  page: number;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647, description: 'Number of users matching.' })
  count: number;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647 })
  total_pages: number;

  @ApiProperty({ type: [FacilityUserDto], maxItems: 1000 })
  results: FacilityUserDto[];
}

export class FacilityUserQueryDto {
  @ApiPropertyOptional({ description: 'Only users of this facility.' })
  @IsOptional()
  @IsKolibriId()
  facility?: string;

  @ApiPropertyOptional({ description: 'Only members of this classroom or learner group, or users of this facility.' })
  @IsOptional()
  @IsKolibriId()
  member_of?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Users whose username or full name contains every term (case-insensitive; terms split on spaces and commas, a quoted phrase is one term).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ enum: USER_TYPES, description: 'Only learners (no role), superusers, or users with that role kind.' })
  @IsOptional()
  @IsIn(USER_TYPES)
  user_type?: string;

  @ApiPropertyOptional({ enum: USER_TYPES, description: 'Leave out learners (no role), superusers, or users with that role kind.' })
  @IsOptional()
  @IsIn(USER_TYPES)
  exclude_user_type?: string;

  @ApiPropertyOptional({ description: 'Leave out members of this classroom or learner group, and users of this facility.' })
  @IsOptional()
  @IsKolibriId()
  exclude_member_of?: string;

  @ApiPropertyOptional({ description: 'Leave out the coaches of this collection.' })
  @IsOptional()
  @IsKolibriId()
  exclude_coach_for?: string;

  @ApiPropertyOptional({ enum: ORDERINGS, description: 'Sort field (default username); a leading "-" sorts descending.' })
  @IsOptional()
  @IsIn(ORDERINGS)
  ordering?: string;

  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 1, maximum: 100000, description: 'Page number (with page_size).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;

  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 1, maximum: 1000, description: 'Page size; given, the answer is a page object.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  page_size?: number;
}

const USERNAME = /^\S+$/u;

export class CreateFacilityUserDto {
  @ApiProperty({ example: 'jdoe', description: 'Unique per facility (case-insensitively) and per account.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(125)
  @Matches(USERNAME, { message: 'username may not contain spaces.' })
  username: string;

  @ApiProperty({ minLength: 8, maxLength: 128, description: 'At least 8 characters, not a common password, not the username.', example: 'Blue-Heron-42' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password: string;

  @IsOptionalNotNull()
  @IsString()
  @MaxLength(120)
  full_name?: string;

  @ApiPropertyOptional({ description: "Facility id; defaults to the caller's facility." })
  @IsOptional()
  @IsKolibriId()
  facility?: string;
}

export class UpdateFacilityUserDto {
  @IsOptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(125)
  @Matches(USERNAME, { message: 'username may not contain spaces.' })
  username?: string;

  @ApiPropertyOptional({ minLength: 8, maxLength: 128, description: "At least 8 characters, not a common password, not the username; ends the user's other sessions." })
  @IsOptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password?: string;

  @IsOptionalNotNull()
  @IsString()
  @MaxLength(120)
  full_name?: string;
}
