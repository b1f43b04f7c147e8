import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class CatalogItemQueryDto {
  @ApiProperty({ description: 'externalChannelId' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  externalChannelId: string;

  @ApiPropertyOptional({ description: 'subAccountName: when given, the channel must belong to it' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  subAccountName?: string;
}

/** ExternalCatalogItemGet. */
@ApiSchema({ name: 'ExternalCatalogItemGet' })
export class CatalogItemDto {
  @ApiProperty({ format: 'uuid', description: 'Stable id of the channel in the catalog' })
  catalogItemId: string;

  @ApiProperty({ description: 'Link to the catalog item' })
  link: string;
}
