import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { FastifyRequest } from 'fastify';
import { ApiError } from '../../../core/http/api-error';
import { publicBaseUrl } from '../../../core/http/public-base-url';
import { ToInt } from '../../../core/http/transforms';
import { INT32 } from '../../../core/openapi/schema-types';

/** The 404 of every paginated Triboo list, with the body it really has (not the generic "Not found."). */
export const INVALID_PAGE_RESPONSE = { description: 'Invalid page (outside 1..num_pages).', example: { status: 'not_found', detail: 'Invalid page.' } };

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

/** page / page_size as Open edX's DefaultPagination reads them, plus the keyset hints our links carry. */
export class PageQueryDto {
  @ApiPropertyOptional({
    description: 'Page number (1-based) or `last`; a page outside 1..num_pages (e.g. 0) answers 404 `Invalid page.` as Open edX does.',
    example: '1',
    pattern: '^(-?[0-9]{1,9}|last)$',
  })
  @IsOptional()
  @IsString()
  @Matches(/^(-?\d{1,9}|last)$/, { message: 'page must be an integer or "last".' })
  page?: string;

  @ApiPropertyOptional({ ...INT32, description: `Items per page (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}; more is a 400).`, minimum: 1, maximum: MAX_PAGE_SIZE, example: 100 })
  @IsOptional()
  @ToInt({ digits: 9, trim: true })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  page_size?: number;

  @ApiPropertyOptional({ description: 'Keyset hint written into `next` links: the key of the last item of the previous page.', maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  after?: string;

  @ApiPropertyOptional({ description: 'Keyset hint written into `previous` links: the key of the first item of the following page.', maxLength: 300 })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  before?: string;
}

/** The Open edX page envelope every Triboo list answers. */
export class PageEnvelopeDto {
  @ApiProperty({ ...INT32, description: 'Items in the whole list.' })
  count: number;

  @ApiProperty({ ...INT32, description: 'Number of pages (at least 1).' })
  num_pages: number;

  @ApiProperty({ ...INT32 })
  current_page: number;

  @ApiProperty({ type: String, nullable: true, description: 'Absolute URL of the next page, or null.' })
  next: string | null;

  @ApiProperty({ ...INT32, description: 'Index of the first item of this page in the whole list.' })
  start: number;

  @ApiProperty({ type: String, nullable: true, description: 'Absolute URL of the previous page, or null.' })
  previous: string | null;
}

export interface Page<T> {
  count: number;
  num_pages: number;
  current_page: number;
  results: T[];
  next: string | null;
  start: number;
  previous: string | null;
}

/** Where a page starts: page 1, a keyset hint from our own links, or a page number to resolve. */
export type PagePlan<K> =
  | { kind: 'first' }
  | { kind: 'after'; key: K }
  | { kind: 'before'; key: K }
  | { kind: 'number'; index: number };

export interface PageWindow<K> {
  page: number;
  pageSize: number;
  numPages: number;
  plan: PagePlan<K>;
}

/** Resolves page / page_size / after / before against the list's count; an impossible page is 404. */
export function pageWindow<K>(q: PageQueryDto, count: number, parseKey: (raw: string) => K | null): PageWindow<K> {
  const pageSize = q.page_size ?? DEFAULT_PAGE_SIZE;
  const numPages = Math.max(1, Math.ceil(count / pageSize));
  const page = q.page === 'last' ? numPages : Number(q.page ?? '1');
  if (page < 1 || page > numPages) throw ApiError.notFound('Invalid page.');
  const hint = (raw: string | undefined): K | null => {
    if (raw === undefined) return null;
    const key = parseKey(raw);
    if (key === null) throw ApiError.badRequest('after/before is not a valid key of this list.', raw === q.after ? 'after' : 'before');
    return key;
  };
  const after = hint(q.after);
  const before = hint(q.before);
  if (page === 1 && after === null) return { page, pageSize, numPages, plan: { kind: 'first' } };
  if (after !== null) return { page, pageSize, numPages, plan: { kind: 'after', key: after } };
  if (before !== null) return { page, pageSize, numPages, plan: { kind: 'before', key: before } };
  return { page, pageSize, numPages, plan: { kind: 'number', index: page - 1 } };
}

/** The base for links: PUBLIC_URL, else a validated request host, else '' (relative links); see publicBaseUrl. */
export function baseUrl(req: FastifyRequest, publicUrl: string | undefined): string {
  return publicBaseUrl(req, publicUrl);
}

function link(req: FastifyRequest, publicUrl: string | undefined, set: Record<string, string | null>): string {
  const url = new URL(req.url, 'http://placeholder');
  for (const [k, v] of Object.entries(set)) {
    if (v === null) url.searchParams.delete(k);
    else url.searchParams.set(k, v);
  }
  return `${baseUrl(req, publicUrl)}${url.pathname}${url.search}`;
}

/** Builds the envelope; next/previous carry the keyset hints of this page's last/first item. */
export function pageOf<T, K>(req: FastifyRequest, publicUrl: string | undefined, w: PageWindow<K>, count: number, results: T[], keyOf: (item: T) => string | number): Page<T> {
  const last = results[results.length - 1];
  const first = results[0];
  const next = w.page < w.numPages && last !== undefined ? link(req, publicUrl, { page: String(w.page + 1), after: String(keyOf(last)), before: null }) : null;
  const previous =
    w.page > 1 ? link(req, publicUrl, { page: String(w.page - 1), before: first !== undefined ? String(keyOf(first)) : null, after: null }) : null;
  return { count, num_pages: w.numPages, current_page: w.page, results, next, start: (w.page - 1) * w.pageSize, previous };
}
