import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { INSTRUCTOR_PERMISSIONS, POSSIBLE_ROLES } from '../policy/enabley-subjects';
import { ToBoolean, ToInt } from '../../../core/http/transforms';

/** Seed UserData: create or update a user by identifier. */
@ApiSchema({ name: 'UserData' })
export class UserDataDto {
  @ApiProperty({ description: 'The unique id of the user, defined by the external provider.', example: 'emp-1001' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  identifier: string;

  @ApiPropertyOptional({ description: 'Username (unique in the account, case-insensitively; no control, invisible or bidi characters, no leading or trailing space). Defaults to the identifier when a user is created; null keeps it.', maxLength: 150, nullable: true, type: 'string' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(150)
  username?: string | null;

  @ApiPropertyOptional({ description: 'User email (unique in the account, case-insensitively); null clears it.', maxLength: 254, example: 'jane@example.com', nullable: true, type: 'string' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ description: 'User first name; null clears it.', maxLength: 150, nullable: true, type: 'string' })
  @IsOptional()
  @IsString()
  @MaxLength(150)
  firstName?: string | null;

  @ApiPropertyOptional({ description: 'User last name; null clears it.', maxLength: 150, nullable: true, type: 'string' })
  @IsOptional()
  @IsString()
  @MaxLength(150)
  lastName?: string | null;

  @ApiPropertyOptional({ description: 'User password (stored as an argon2id hash); null keeps it. At least 8 characters, not a common password, not the username or email. A new one ends the user\'s other sessions.', minLength: 8, maxLength: 200, format: 'password', nullable: true, type: 'string' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password?: string | null;

  @ApiPropertyOptional({ description: 'User phone number.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  phone?: string;

  @ApiPropertyOptional({ description: 'User address.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;

  @ApiPropertyOptional({ description: 'User status. Default: true; null keeps it.', nullable: true, type: 'boolean' })
  @IsOptional()
  @IsBoolean()
  isActive?: boolean | null;

  @ApiPropertyOptional({ description: 'User possible roles (replaces the list). Default for a new user: [LEARNER]. SITE_ADMIN administers the account.', enum: POSSIBLE_ROLES, isArray: true, maxItems: POSSIBLE_ROLES.length })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(POSSIBLE_ROLES.length)
  @ArrayUnique()
  @IsIn(POSSIBLE_ROLES, { each: true })
  possibleRoles?: string[];

  @ApiPropertyOptional({
    description: 'User attributes exposed to external BI systems (e.g. age, geography, role in company); replaces the stored object. At most 16 KB as JSON.',
  })
  @IsOptional()
  @IsObject()
  customAttributes?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Sub-account to add the user to (created on first use).' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  subAccountName?: string;
}

/** Seed UserInfo. */
@ApiSchema({ name: 'UserInfo' })
export class UserInfoDto {
  @ApiProperty({ description: 'The unique id of the user, defined by the external provider.', example: 'emp-1001' })
  identifier: string;

  @ApiProperty({ description: 'Username.', example: 'jane.doe' })
  username: string;

  @ApiProperty({ description: 'User email.', nullable: true, type: 'string', example: 'jane@example.com' })
  email: string | null;

  @ApiProperty({ description: 'User first name.', example: 'Jane' })
  firstName: string;

  @ApiProperty({ description: 'User last name.', example: 'Doe' })
  lastName: string;

  @ApiProperty({ description: 'User status.' })
  isActive: boolean;

  @ApiProperty({ description: 'User phone number.', nullable: true, type: 'string', example: null })
  phone: string | null;

  @ApiProperty({ description: 'User address.', nullable: true, type: 'string', example: null })
  address: string | null;

  @ApiProperty({ description: 'User possible roles.', enum: POSSIBLE_ROLES, isArray: true, maxItems: POSSIBLE_ROLES.length })
  possibleRoles: string[];

  @ApiProperty({ description: 'User attributes for BI systems (an object of any keys).' })
  customAttributes: Record<string, unknown>;

  @ApiProperty({ description: 'Sub-account name(s) to which the user belongs.', type: [String], maxItems: 10000 })
  userSubAccountNames: string[];

  @ApiProperty({ description: 'User creation date.', format: 'date-time', example: '2021-08-01T01:00:00.000Z' })
  created: string;

  @ApiProperty({ description: 'User modification date.', format: 'date-time', example: '2021-08-01T01:00:00.000Z' })
  modified: string;
}

/** The filters GET /api/v2/users and GET /api/v3/users share. */
export class UserFiltersQuery {
  @ApiPropertyOptional({ description: 'Email substring (case-insensitive).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  emailSubstring?: string;

  @ApiPropertyOptional({ description: 'First name substring (case-insensitive).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  firstNameSubstring?: string;

  @ApiPropertyOptional({ description: 'Last name substring (case-insensitive).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  lastNameSubstring?: string;

  @ApiPropertyOptional({ description: 'Username substring (case-insensitive).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  usernameSubstring?: string;

  @ApiPropertyOptional({ description: 'The unique id of the user (exact match).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  identifier?: string;

  @ApiPropertyOptional({ description: 'Sub-account name of the user.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subAccountName?: string;
}

export const USERS_V2_MAX_LIMIT = 200;

export class ListUsersV2Query extends UserFiltersQuery {
  @ApiPropertyOptional({ description: 'Start index (0-based).', type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647, default: 0 })
  @IsOptional()
  @ToInt({ digits: 10 })
  @IsInt()
  @Min(0)
  @Max(2147483647)
  start?: number;

  @ApiPropertyOptional({ description: 'Page size. Max: 200 items (more answers 400).', type: 'integer', format: 'int32', minimum: 1, maximum: USERS_V2_MAX_LIMIT, default: 100 })
  @IsOptional()
  @ToInt({ digits: 10 })
  @IsInt()
  @Min(1)
  @Max(USERS_V2_MAX_LIMIT)
  limit?: number;
}

export const USERS_V3_DEFAULT_PAGE_SIZE = 100;

export class ListUsersV3Query extends UserFiltersQuery {
  @ApiPropertyOptional({ description: 'Pagination key of the next page, from the previous answer. It carries its query: send it alone, or with the same filters (different ones answer 404).', maxLength: 4096 })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  paginationKey?: string;

  @ApiPropertyOptional({
    description: 'Page size (extension of the seed; default 100, max 200). Part of the query a paginationKey is bound to.',
    type: 'integer',
    format: 'int32',
    minimum: 1,
    maximum: USERS_V2_MAX_LIMIT,
    default: USERS_V3_DEFAULT_PAGE_SIZE,
  })
  @IsOptional()
  @ToInt({ digits: 10 })
  @IsInt()
  @Min(1)
  @Max(USERS_V2_MAX_LIMIT)
  pageSize?: number;
}

export class SubAccountQuery {
  @ApiPropertyOptional({ description: 'Sub-account name: the object must belong to it (404 otherwise).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subAccountName?: string;
}

export class UserStatusQuery {
  @ApiPropertyOptional({ description: 'User status. Possible values: "true" or "false". Default: true.', default: true })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  isActive?: boolean;
}

/** Seed UserIdentity. */
@ApiSchema({ name: 'UserIdentity' })
export class UserIdentityDto {
  @ApiProperty({ description: 'Existing user identifier.', example: 'jane.doe' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  currentUserIdentifier: string;

  @ApiProperty({ description: 'New user identifier to assign (must be free in the account, 409 otherwise).', example: 'jane.smith' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  newUserIdentifier: string;
}

/** Seed ExternalPermission. */
@ApiSchema({ name: 'ExternalPermission' })
export class ExternalPermissionDto {
  @ApiProperty({ description: 'The full list of permissions (replaces the current one).', enum: INSTRUCTOR_PERMISSIONS, isArray: true, maxItems: INSTRUCTOR_PERMISSIONS.length })
  @IsArray()
  @ArrayMaxSize(INSTRUCTOR_PERMISSIONS.length)
  @ArrayUnique()
  @IsIn(INSTRUCTOR_PERMISSIONS, { each: true })
  permissions: string[];
}
