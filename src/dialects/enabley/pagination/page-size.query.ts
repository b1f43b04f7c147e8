import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ToInt } from '../../../core/http/transforms';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 200;

/** paginationKey + pageSize, the query fields every paginated Enabley route shares. */
export class PageQuery {
  @ApiPropertyOptional({ description: 'Pagination key of the next page, from the previous answer. It carries its query: send it alone, or with the same filters (different ones answer 404).', maxLength: 4096 })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  paginationKey?: string;

  @ApiPropertyOptional({
    description: `Page size (extension of the seed; default ${DEFAULT_PAGE_SIZE}, max ${MAX_PAGE_SIZE}). Part of the query a paginationKey is bound to.`,
    type: 'integer',
    format: 'int32',
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: DEFAULT_PAGE_SIZE,
  })
  @IsOptional()
  @ToInt({ digits: 10 })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}
