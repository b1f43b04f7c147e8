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
