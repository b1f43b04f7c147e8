import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { PageQuery } from '../pagination/page-size.query';
import { PaginatedResponseOf } from '../pagination/pagination.dto';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** External user channel performance. */
@ApiSchema({ name: 'ExternalUserChannelPerformance' })
export class UserChannelPerformanceDto {
  @ApiProperty({ description: 'Channel name' })
  channelName: string;

  @ApiProperty({ type: 'string', nullable: true, format: 'date-time', description: 'Completion date' })
  completionDate: string | null;

  @ApiProperty({ description: 'External channel id' })
  externalChannelId: string;

  @ApiProperty({ description: 'External user id' })
  externalUserId: string;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 100, description: 'Channel progress' })
  progress: number;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 100, nullable: true, description: 'Total score (mean of scored items, 0-100)' })
  score: number | null;
}

export class PerformanceV1QueryDto {
  @ApiPropertyOptional({ description: 'externalChannelId' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  externalChannelId?: string;

  @ApiPropertyOptional({ description: 'externalUserId' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  externalUserId?: string;
}

export class PerformanceV2QueryDto extends PageQuery {
  @ApiPropertyOptional({ description: 'Channel identifier' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  channelIdentifier?: string;

  @ApiPropertyOptional({ description: 'User identifier' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  userIdentifier?: string;
}

@ApiSchema({ name: 'PaginationResponseExternalUserChannelPerformance' })
export class UserChannelPerformancePageDto extends PaginatedResponseOf(UserChannelPerformanceDto, 200) {}
