import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class OAuth2TokenRequestDto {
  @ApiProperty({ example: 'client_credentials', description: 'Only client_credentials is supported.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  grant_type: string;

  @ApiPropertyOptional({ description: 'Required unless sent with HTTP Basic authentication.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  client_id?: string;

  @ApiPropertyOptional({ description: 'Required unless sent with HTTP Basic authentication.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  client_secret?: string;

  @ApiPropertyOptional({ enum: ['jwt', 'bearer'], description: 'Open edX clients ask for jwt; the token is a JWT either way.' })
  @IsOptional()
  @IsIn(['jwt', 'bearer', 'JWT', 'Bearer'])
  token_type?: string;

  @ApiPropertyOptional({ example: 'read write' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  scope?: string;
}

export class OAuth2TokenDto {
  access_token: string;

  @ApiProperty({ example: 'Bearer', description: '"JWT" when token_type=jwt was asked for.' })
  token_type: string;

  @ApiProperty({ example: 3600, description: 'Seconds.' })
  expires_in: number;

  @ApiProperty({ example: 'read write' })
  scope: string;
}

export class OAuth2ErrorDto {
  error: string;

  error_description: string;
}

export class EnableyTokenDto {
  access_token: string;

  @ApiProperty({ example: 'bearer' })
  token_type: string;

  @ApiProperty({ example: 3600000, description: 'Milliseconds.' })
  expires_in: number;
}

export class SessionLoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  username: string;

  @ApiProperty({ example: 'secret' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  password: string;

  @ApiPropertyOptional({ description: 'Facility id (32 hex digits or UUID) to log in to.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  facility?: string;
}

export class SessionDto {
  @ApiProperty({ example: '8f0e5a3c2b1d4e6f9a7b0c1d2e3f4a5b', description: 'User id, 32 hex digits.' })
  id: string;

  username: string;

  full_name: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'Facility id, 32 hex digits.' })
  facility_id: string | null;

  @ApiProperty({ type: [String], maxItems: 10, example: ['superuser'], description: 'Role kinds of the user.' })
  kind: string[];

  @ApiProperty({ description: 'JWT for every dialect (Authorization: Bearer or JWT).' })
  access_token: string;
}
