import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INT32 } from '../../../core/openapi/schema-types';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * RFC 6749 section 3.2: "Parameters sent without a value MUST be treated as if they were omitted from the
 * request." Swagger UI's form sends every field, empty ones as `client_id=`; next to HTTP Basic, an empty
 * client_secret is no second credential.
 */
const EmptyIsOmitted = () => Transform(({ value }) => (value === '' ? undefined : value));

export class OAuth2TokenRequestDto {
  @ApiProperty({ enum: ['client_credentials'], example: 'client_credentials', description: 'Only client_credentials is supported (another value answers 400 unsupported_grant_type).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  grant_type: string;

  @ApiPropertyOptional({ example: 'my-client', description: 'Required unless sent with HTTP Basic authentication (then omit it or leave it empty).' })
  @EmptyIsOmitted()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  client_id?: string;

  @ApiPropertyOptional({ example: 'my-secret', description: 'Required unless sent with HTTP Basic authentication (then omit it or leave it empty).' })
  @EmptyIsOmitted()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  client_secret?: string;

  @ApiPropertyOptional({ enum: ['jwt', 'bearer'], description: 'Open edX clients ask for jwt; the token is a JWT either way.' })
  @EmptyIsOmitted()
  @IsOptional()
  @IsIn(['jwt', 'bearer', 'JWT', 'Bearer'])
  token_type?: string;

  @ApiPropertyOptional({
    // The default, not `read`: Swagger UI pre-fills the example, and a read-only token would then refuse every write.
    example: 'read write',
    description: 'Space-separated scopes: `read` (GET and HEAD calls), `write` (every other method). Omitted or empty: `read write`. Another value answers 400 invalid_scope.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  scope?: string;
}

export class OAuth2TokenDto {
  @ApiProperty({ description: 'The JWT to send as `Authorization: Bearer <token>` (or `JWT <token>`) to every dialect.', example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjbGllbnQ6bXktY2xpZW50Iiwic2NvcGUiOiJyZWFkIHdyaXRlIiwiZXhwIjoxNzk2MjAwMDAwfQ.Qm9vdHN0cmFwIGV4YW1wbGUsIG5vdCBhIHJlYWwgc2ln' })
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
