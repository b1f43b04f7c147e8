import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

const NOTE = 'accepted on every call because the seed says "All calls require slug, apikey and secret"; not used: a call authenticates with its OAuth2 bearer token (the API client), which also fixes the account.';

/**
 * The seed's per-call credentials, tolerated in request bodies so documented calls are not refused as
 * unknown fields. Not taken from query strings: credentials do not belong in URLs (they end up in logs).
 */
export class TribooCredentialsDto {
  @ApiPropertyOptional({ description: `Platform slug: ${NOTE}` })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  slug?: string;

  @ApiPropertyOptional({ description: `API key: ${NOTE}` })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  apikey?: string;

  @ApiPropertyOptional({ description: `API secret: ${NOTE}` })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  secret?: string;
}
