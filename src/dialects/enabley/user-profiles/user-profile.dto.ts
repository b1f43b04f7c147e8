import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Seed UserProfileData. */
@ApiSchema({ name: 'UserProfileData' })
export class UserProfileDataDto {
  @ApiProperty({ description: 'The unique id of the user profile, defined by the external provider.', example: 'forklift-operator' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  identifier: string;

  @ApiProperty({ description: 'User Profile name.', maxLength: 300, example: 'Forklift operator' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name: string;
}

/** Seed UserProfileInfo. */
@ApiSchema({ name: 'UserProfileInfo' })
export class UserProfileInfoDto {
  @ApiProperty({ description: 'The unique id of the user profile, defined by the external provider.' })
  identifier: string;

  @ApiProperty({ description: 'User Profile name.' })
  name: string;

  @ApiProperty({ description: 'User Profile creation date.', format: 'date-time', example: '2021-08-01T01:00:00.000Z' })
  created: string;

  @ApiProperty({ description: 'User Profile modification date.', format: 'date-time', example: '2021-08-01T01:00:00.000Z' })
  modified: string;
}

/** Most identifiers POST /api/v2/getUserProfiles accepts, and most profiles a list returns. */
export const USER_PROFILES_MAX = 1000;
