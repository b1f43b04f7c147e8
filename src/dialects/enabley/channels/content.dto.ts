import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';

export class ContentItemDataDto {
  @ApiProperty({ description: 'Identifier of the item, unique within the channel.', example: 'unit-1' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  identifier: string;

  @ApiProperty({ maxLength: 255, description: 'Item name.', example: 'Introduction' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name: string;

  @ApiPropertyOptional({ description: 'Optional items do not count towards progress (default false).' })
  @IsOptional()
  @IsBoolean()
  optional?: boolean;

  @ApiPropertyOptional({ description: 'Whether the item is scored; the channel score is the mean of scored items (default false).' })
  @IsOptional()
  @IsBoolean()
  scored?: boolean;

  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 0, maximum: 1000000, description: 'Order within the channel.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000000)
  position?: number;
}

export class ContentItemsUpdateDto {
  @ApiProperty({ type: [ContentItemDataDto], minItems: 1, maxItems: 1000, description: 'Items to create or update (by identifier).' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ContentItemDataDto)
  items: ContentItemDataDto[];
}

export class ContentItemDto {
  identifier: string;

  @ApiProperty()
  name: string;

  optional: boolean;

  scored: boolean;

  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 1000000 })
  position: number;

  @ApiProperty({ description: 'Whether the item is a training event.' })
  trainingEvent: boolean;
}

export class ContentItemListDto {
  @ApiProperty({ type: [ContentItemDto], maxItems: 10000 })
  items: ContentItemDto[];
}

/** TrainingEvent of the seed. */
@ApiSchema({ name: 'TrainingEvent' })
export class TrainingEventDto {
  @ApiProperty({ description: 'Indicates if the training event lasts the entire day' })
  allDayEvent: boolean;

  @ApiProperty({ type: 'string', nullable: true, description: 'Training event description' })
  description: string | null;

  @ApiProperty({ type: 'string', nullable: true, format: 'date-time', description: 'Start date and time of the training event' })
  fromDate: string | null;

  @ApiProperty({ description: 'Identifier of the event within its channel (the content item it completes).' })
  identifier: string;

  @ApiProperty({ description: 'Indicates if grading is included for the training event' })
  includeGrade: boolean;

  @ApiProperty({ description: 'Indicates if the training event is published' })
  isPublished: boolean;

  @ApiProperty({ description: 'Indicates if the training event is a live session' })
  liveSession: boolean;

  @ApiProperty({ type: 'string', nullable: true, description: 'Event location' })
  location: string | null;

  @ApiProperty({ description: 'The name of the training event' })
  name: string;

  @ApiProperty({ type: 'string', nullable: true, format: 'date-time', description: 'End date and time of the training event' })
  untilDate: string | null;
}

export class TrainingEventDataDto {
  @ApiProperty({ description: 'Identifier of the event within its channel.', example: 'kickoff-2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  identifier: string;

  @ApiPropertyOptional({ maxLength: 255, description: 'The name of the training event (required when created).' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ format: 'date-time', maxLength: 40 })
  @IsOptional()
  @IsISO8601({ strict: true })
  @MaxLength(40)
  fromDate?: string;

  @ApiPropertyOptional({ format: 'date-time', maxLength: 40 })
  @IsOptional()
  @IsISO8601({ strict: true })
  @MaxLength(40)
  untilDate?: string;

  @IsOptional()
  @IsBoolean()
  allDayEvent?: boolean;

  @IsOptional()
  @IsBoolean()
  includeGrade?: boolean;

  @IsOptional()
  @IsBoolean()
  isPublished?: boolean;

  @IsOptional()
  @IsBoolean()
  liveSession?: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  location?: string;

  @ApiPropertyOptional({ description: 'Optional events do not count towards progress (default false).' })
  @IsOptional()
  @IsBoolean()
  optional?: boolean;
}

export class ProgressUpdateDto {
  @ApiPropertyOptional({ description: 'Whether the learner completed the item.' })
  @IsOptional()
  @IsBoolean()
  completed?: boolean;

  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 0, maximum: 100, description: 'Score on the item (0-100).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  score?: number;

  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 0, maximum: 100000000, description: 'Total time spent on the item, in seconds.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000000)
  timeSpent?: number;
}
