import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { ToInt } from '../../../core/http/transforms';
import { MAX_FILTER_LENGTH } from './filter-parser';

/** `attributes` / `excludedAttributes` of every read (RFC 7644 section 3.9). */
export class ProjectionQueryDto {
  @ApiPropertyOptional({ description: 'Comma-separated attributes to return (id and schemas always come).', example: 'userName,emails' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  attributes?: string;

  @ApiPropertyOptional({ description: 'Comma-separated attributes to leave out.', example: 'members' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  excludedAttributes?: string;
}

/** RFC 7644 section 3.4.2: filter, 1-based startIndex, count (default 100, at most 1000). */
export class ListQueryDto extends ProjectionQueryDto {
  @ApiPropertyOptional({ description: 'RFC 7644 filter.', example: 'userName eq "bjensen@example.com"', maxLength: MAX_FILTER_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_FILTER_LENGTH)
  filter?: string;

  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: -2147483648, maximum: 2147483647, description: '1-based index of the first result; below 1 reads as 1.', example: 1 })
  @IsOptional()
  @ToInt({ digits: 9 })
  @IsInt()
  startIndex?: number;

  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: -2147483648, maximum: 2147483647, description: 'Page size: default 100, at most 1000 (more reads as 1000, below 0 as 0).', example: 100 })
  @IsOptional()
  @ToInt({ digits: 9 })
  @IsInt()
  count?: number;

  @ApiPropertyOptional({ description: 'Not supported (ServiceProviderConfig sort.supported is false): ignored, as RFC 7644 section 3.4.2.3 allows.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  sortBy?: string;

  @ApiPropertyOptional({ enum: ['ascending', 'descending'], description: 'Ignored with sortBy.' })
  @IsOptional()
  @IsIn(['ascending', 'descending'])
  sortOrder?: string;
}
