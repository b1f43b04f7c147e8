import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PageQuery } from '../pagination/page-size.query';
import { PaginatedResponseOf } from '../pagination/pagination.dto';
import { ToBoolean } from '../../../core/http/transforms';

export const AVAILABILITY_STATUSES = ['ACTIVE', 'NONACTIVE', 'DRAFT', 'SCHEDULED', 'STARTED', 'FINISHED'] as const;
export type AvailabilityStatus = (typeof AVAILABILITY_STATUSES)[number];

@ApiSchema({ name: 'Schedule' })
export class ScheduleDto {
  @ApiPropertyOptional({ type: 'string', nullable: true, format: 'date-time', maxLength: 40, description: 'Channel Start Date', example: '2026-01-01T00:00:00.000Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @MaxLength(40)
  startDate?: string | null;

  @ApiPropertyOptional({ type: 'string', nullable: true, format: 'date-time', maxLength: 40, description: 'Channel End Date', example: '2026-12-31T00:00:00.000Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @MaxLength(40)
  endDate?: string | null;
}

@ApiSchema({ name: 'ChannelAvailability' })
export class ChannelAvailabilityDto {
  @ApiProperty({ description: 'Channel Schedule' })
  schedule: ScheduleDto;

  @ApiProperty({ description: 'Channel Status' })
  status: AvailabilityStatus;
}

/** ChannelData: the seed's fields, plus optional authoring extensions (categories, master, schedule ...). */
@ApiSchema({ name: 'ChannelData' })
export class ChannelDataDto {
  @ApiProperty({ description: 'The unique id of the model entity - defined by an external provider (for a course, its course key).', example: 'course-v1:acme+safety+2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  identifier: string;

  @ApiPropertyOptional({ maxLength: 255, description: 'Channel name (required when the channel is created).', example: 'Workplace safety' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({ description: 'Channel Status ACTIVE/INACTIVE (default ACTIVE)' })
  @IsOptional()
  @IsIn(['ACTIVE', 'INACTIVE'])
  status?: 'ACTIVE' | 'INACTIVE';

  @ApiPropertyOptional({ description: 'The sub-account to which the channel belongs', example: 'emea' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  subAccountName?: string;

  @ApiPropertyOptional({ description: 'Channel Type STREAM/COURSE (default COURSE)' })
  @IsOptional()
  @IsIn(['STREAM', 'COURSE'])
  type?: 'STREAM' | 'COURSE';

  @ApiPropertyOptional({ description: 'Extension: channel category names (replaces the current list).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(255, { each: true })
  categories?: string[];

  @ApiPropertyOptional({ description: 'Extension: whether the channel is a master channel that instances are created from.' })
  @IsOptional()
  @IsBoolean()
  isMaster?: boolean;

  @ApiPropertyOptional({ description: 'Extension: whether the channel is published (default true); unpublished channels read DRAFT.' })
  @IsOptional()
  @IsBoolean()
  published?: boolean;

  @ApiPropertyOptional({ type: 'integer', format: 'int64', minimum: 0, maximum: 1000000000, description: 'Extension: channel duration in minutes.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000000000)
  duration?: number;

  @ApiPropertyOptional({ description: 'Extension: the channel schedule.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ScheduleDto)
  schedule?: ScheduleDto;
}

@ApiSchema({ name: 'ChannelInfo' })
export class ChannelInfoDto {
  @ApiProperty({ description: 'Channel Availability' })
  availability: ChannelAvailabilityDto;

  @ApiProperty({ type: [String], nullable: true, maxItems: 100, description: 'Channel category names (null unless includeCategories=true)' })
  categories: string[] | null;

  @ApiProperty({ format: 'date-time', description: 'Channel creation date', example: '2026-01-01T00:00:00.000Z' })
  created: string;

  @ApiProperty({ description: 'Channel direct link', example: 'https://lms.example.com/channels/course-v1%3Aacme%2Bsafety%2B2026' })
  directLink: string;

  @ApiProperty({ type: 'integer', format: 'int64', minimum: 0, maximum: 1000000000, nullable: true, description: 'Channel duration (minutes)' })
  duration: number | null;

  @ApiProperty({ description: 'The unique id of the model entity - defined by an external provider' })
  identifier: string;

  @ApiProperty({ type: 'string', nullable: true, description: 'The unique channel id of the master channel as defined by an external provider, or null if this channel is not a master channel instance' })
  masterChannelId: string | null;

  @ApiProperty({ description: 'Is this channel an instance of a master channel' })
  masterChannelInstance: boolean;

  @ApiProperty({ description: 'Channel name' })
  name: string;

  @ApiProperty({ type: 'string', nullable: true, description: 'The name of the Sub-Account for this Channel' })
  subAccountName: string | null;

  @ApiProperty({ description: 'Channel Type STREAM/COURSE' })
  type: 'STREAM' | 'COURSE';
}

export class ListChannelsQueryDto {
  @ApiPropertyOptional({ description: 'Filter by channels created since the specified date (format: YYYY-MM-DDTHH:mm:ss.SSSZ)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @MaxLength(40)
  createdSince?: string;

  @ApiPropertyOptional({ description: 'Channel categories' })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  includeCategories?: boolean;

  @ApiPropertyOptional({ description: 'Sub-account name' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  subAccountName?: string;
}

export class GetChannelQueryDto {
  @ApiPropertyOptional({ description: 'Channel categories' })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  includeCategories?: boolean;
}

export class ListChannelsV3QueryDto extends PageQuery {
  @ApiPropertyOptional({ description: 'Channel categories' })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  includeCategories?: boolean;

  @ApiPropertyOptional({ description: 'Sub-account name' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  subAccountName?: string;
}

@ApiSchema({ name: 'ExternalChannelMembersInfoGet' })
export class MembersCountDto {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2147483647, description: 'The number of learners in the channel, 0 if none' })
  learners: number;
}

@ApiSchema({ name: 'PaginationResponseChannelInfo' })
export class ChannelInfoPageDto extends PaginatedResponseOf(ChannelInfoDto, 200) {}
