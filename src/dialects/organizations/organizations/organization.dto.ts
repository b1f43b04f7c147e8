import { ApiProperty } from '@nestjs/swagger';
import { Trim } from '../../../core/http/transforms';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

/** Codes travel in comma-separated lists, so a code has no comma and no surrounding spaces. */
export const CODE_PATTERN = /^[^,\s](?:[^,]{0,98}[^,\s])?$/;
const CODE_MESSAGE = 'must be 1-100 characters without commas or leading/trailing spaces';

export class OrganizationRefDto {
  @ApiProperty({ description: 'Organization identification string.', example: 'acme-sales', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  organization: string;
}

export class CreateOrganizationDto {
  @ApiProperty({ description: 'Organization identification string, unique in the account; no commas.', example: 'acme-sales', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @Matches(CODE_PATTERN, { message: `code ${CODE_MESSAGE}` })
  code: string;

  @ApiProperty({ description: 'Title of the organization.', example: 'ACME Sales', maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;
}

export class RenameOrganizationDto extends OrganizationRefDto {
  @ApiProperty({ description: 'New title of the organization.', example: 'ACME Sales EMEA', maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;
}

export class OrganizationListItemDto {
  @ApiProperty({ description: 'Organization identification string.', example: 'acme-sales' })
  code: string;

  @ApiProperty({ description: 'Title of the organization.', example: 'ACME Sales' })
  name: string;
}

export class OrganizationDto {
  @ApiProperty({ description: 'Organization identification string.', example: 'acme-sales' })
  organization: string;

  @ApiProperty({ description: 'Title of the organization.', example: 'ACME Sales' })
  name: string;
}
