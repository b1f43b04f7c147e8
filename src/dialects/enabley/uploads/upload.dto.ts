import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';

/** OrgBulkDataRequest. */
@ApiSchema({ name: 'OrgBulkDataRequest' })
export class OrgBulkDataRequestDto {
  @ApiProperty({ description: 'content: the CSV text (see the route description for its columns)' })
  @IsString()
  @MaxLength(10000000)
  content: string;

  @ApiProperty({ description: 'fileName', example: 'org.csv' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  fileName: string;
}

/** ExternalOrgBulkUploadRequest. */
@ApiSchema({ name: 'ExternalOrgBulkUploadRequest' })
export class OrgBulkUploadRequestDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => OrgBulkDataRequestDto)
  files: OrgBulkDataRequestDto[];
}

export const ROW_STATUSES = ['created', 'updated', 'failed'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];

export class OrgBulkRowResultDto {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 2, maximum: 100001, description: 'Line of the record in its file (the header is line 1).' })
  row: number;

  @ApiProperty({ type: 'string', nullable: true, description: 'The user identifier of the row.' })
  identifier: string | null;

  status: RowStatus;

  @ApiPropertyOptional({ description: 'Why the row failed.' })
  message?: string;
}

export class OrgBulkFileResultDto {
  fileName: string;

  @ApiProperty({ type: [OrgBulkRowResultDto], maxItems: 100000 })
  rows: OrgBulkRowResultDto[];
}

/** ExternalOrgBulkUploadResponse. */
@ApiSchema({ name: 'ExternalOrgBulkUploadResponse' })
export class OrgBulkUploadResponseDto {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 100000 })
  created: number;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 100000 })
  updated: number;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 100000 })
  failed: number;

  @ApiProperty({ type: [OrgBulkFileResultDto], maxItems: 20 })
  files: OrgBulkFileResultDto[];
}
