import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { ToBoolean } from '../../../core/http/transforms';

/** Seed GroupData: create or update a group by identifier. */
@ApiSchema({ name: 'GroupData' })
export class GroupDataDto {
  @ApiProperty({ description: 'The unique id of the group, defined by the external provider.', example: 'warehouse-north' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  identifier: string;

  @ApiPropertyOptional({ description: 'Group name (required when the group is created).', maxLength: 300 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name?: string;

  @ApiPropertyOptional({ description: 'Parent group identifier; that group must exist (400 otherwise) and may not be the group or one of its descendants. null detaches the group.', maxLength: 200, nullable: true, type: 'string' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  parentIdentifier?: string | null;

  @ApiPropertyOptional({ description: 'Sub-account of the group (created on first use). null clears it.', maxLength: 200, nullable: true, type: 'string' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  subAccountName?: string | null;

  @ApiPropertyOptional({ description: 'Group type according to the group hierarchy (e.g. Region, Store). null clears it.', maxLength: 100, nullable: true, type: 'string' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  type?: string | null;
}

/** Seed GroupInfo. */
@ApiSchema({ name: 'GroupInfo' })
export class GroupInfoDto {
  @ApiProperty({ description: 'The unique id of the group, defined by the external provider.' })
  identifier: string;

  @ApiProperty({ description: 'Group name.' })
  name: string;

  @ApiProperty({ description: 'Parent group identifier.', nullable: true, type: 'string' })
  parentIdentifier: string | null;

  @ApiProperty({ description: 'Sub-account to which the group belongs.', nullable: true, type: 'string' })
  subAccountName: string | null;

  @ApiProperty({ description: 'Group type according to the group hierarchy.', nullable: true, type: 'string' })
  type: string | null;

  @ApiProperty({ description: 'Group creation date.', format: 'date-time', example: '2017-12-13T13:14:28.317Z' })
  created: string;

  @ApiProperty({ description: 'Group modification date.', format: 'date-time', example: '2017-12-13T13:14:28.317Z' })
  modified: string;
}

export class GroupListQuery {
  @ApiPropertyOptional({ description: 'Sub-account name: only its groups.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  subAccountName?: string;
}

export class ReplaceQuery {
  @ApiPropertyOptional({ description: 'true: remove all current mappings of the user first, in the same transaction.', default: false })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  replace?: boolean;
}

/** Most groups one list answer returns. */
export const GROUP_LIST_MAX = 10000;
