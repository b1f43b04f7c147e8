import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../pagination/page-size.query';
import { PaginatedResponseOf } from '../pagination/pagination.dto';
import { ToBoolean } from '../../../core/http/transforms';

/** ExternalMasterChannelGet. */
@ApiSchema({ name: 'ExternalMasterChannelGet' })
export class MasterChannelDto {
  @ApiProperty({ type: [String], maxItems: 100, description: 'Channel category names' })
  categories: string[];

  @ApiProperty({ format: 'date-time', description: 'The master channel creation date' })
  created: string;

  @ApiProperty({ description: 'The unique id of the model entity - defined by an external provider' })
  identifier: string;

  @ApiProperty({ description: 'The master channel name' })
  name: string;

  @ApiProperty({ description: 'Whether the master channel is published' })
  published: boolean;

  @ApiProperty({ type: 'string', nullable: true, description: 'The sub-account to which the master channel belongs' })
  subAccountName: string | null;
}

export class MastersQueryDto {
  @ApiPropertyOptional({ description: 'Only include published master channels' })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  onlyPublished?: boolean;

  @ApiPropertyOptional({ description: 'Sub-account name' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  subAccountName?: string;
}

export class MastersV3QueryDto extends PageQuery {
  @ApiPropertyOptional({ description: 'Only include published master channels' })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  onlyPublished?: boolean;

  @ApiPropertyOptional({ description: 'Sub-account name' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  subAccountName?: string;
}

/** ExternalChannelInstance. */
@ApiSchema({ name: 'ExternalChannelInstance' })
export class ChannelInstanceDto {
  @ApiProperty({ description: 'The unique id of the model entity - defined by an external provider', example: 'course-v1:acme+safety+2026-q3' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  identifier: string;

  @ApiProperty({ description: 'The unique id of the master course - defined by an external provider', example: 'master-safety' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  masterCourseIdentifier: string;

  @ApiPropertyOptional({ maxLength: 255, description: "Channel name (default: the master's name)" })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({ description: "The sub-account to which the channel belongs (default: the master's)" })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  subAccountName?: string;
}

@ApiSchema({ name: 'PaginationResponseExternalMasterChannelGet' })
export class MasterChannelPageDto extends PaginatedResponseOf(MasterChannelDto, 200) {}
