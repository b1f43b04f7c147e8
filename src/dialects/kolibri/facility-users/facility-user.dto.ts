import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsKolibriId, IsOptionalNotNull } from '../common/kolibri-ids';

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

  @ApiProperty({ description: 'Facility id, 32 hex digits.' })
  facility: string;

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

  @ApiPropertyOptional({ description: 'Only members of this classroom or learner group.' })
  @IsOptional()
  @IsKolibriId()
  member_of?: string;

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

  @ApiProperty({ minLength: 8, maxLength: 128, description: 'At least 8 characters, not a common password, not the username.' })
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
