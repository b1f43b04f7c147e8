import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INT32 } from '../../../core/openapi/schema-types';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class OAuth2TokenRequestDto {
  @ApiProperty({ enum: ['client_credentials'], example: 'client_credentials', description: 'Only client_credentials is supported (another value answers 400 unsupported_grant_type).' })
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

  @ApiPropertyOptional({
    example: 'read',
    description: 'Space-separated scopes: `read` (GET and HEAD calls), `write` (every other method). Omitted or empty: `read write`. Another value answers 400 invalid_scope.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  scope?: string;
}

export class OAuth2TokenDto {
  access_token: string;

  @ApiProperty({ enum: ['Bearer', 'JWT'], example: 'Bearer', description: '"JWT" when token_type=jwt was asked for.' })
  token_type: string;

  @ApiProperty({ ...INT32, minimum: 1, example: 3600, description: 'Seconds.' })
  expires_in: number;

  @ApiProperty({ enum: ['read write', 'read', 'write'], example: 'read write', description: 'The scopes granted, which the token (its `scope` claim) carries: what it may do.' })
  scope: string;
}

export class OAuth2ErrorDto {
  error: string;

  error_description: string;
}
