import { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

/**
 * The OpenAPI schema of PaginationResponse«Item» for one item class, e.g.
 * `class UserPage extends PaginatedResponseOf(UserInfoDto, 200) {}`.
 */
export function PaginatedResponseOf<T>(item: Type<T>, maxItems: number) {
  class PaginatedResponse {
    @ApiProperty({ type: [item], maxItems, description: 'The items of this page.' })
    items: T[];

    @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: maxItems, description: 'Page size.' })
    pageSize: number;

    @ApiProperty({ type: 'integer', format: 'int32', minimum: 1, maximum: 2147483647, description: 'Number of this page, starting at 1.' })
    currentPage: number;

    @ApiProperty({ type: 'integer', format: 'int64', minimum: 0, maximum: 2147483647, description: 'Number of pages, counted when the first page was read.' })
    totalPages: number;

    @ApiProperty({
      type: 'string',
      nullable: true,
      description: 'Opaque, signed key of the next page (send it back alone or with the same filters); null on the last page. An altered, expired or foreign key answers 404 not_found.',
    })
    paginationKey: string | null;
  }
  return PaginatedResponse;
}
