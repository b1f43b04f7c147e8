import { ListQueryDto } from './list-query.dto';
import { DEFAULT_COUNT, LIST_URN, MAX_COUNT } from './urns';

/** RFC 7644 section 3.4.2.4: startIndex below 1 reads as 1, count below 0 as 0, above the maximum as the maximum. */
export function pageOf(q: Pick<ListQueryDto, 'startIndex' | 'count'>): { offset: number; limit: number; startIndex: number } {
  const startIndex = Math.max(1, q.startIndex ?? 1);
  const limit = Math.min(MAX_COUNT, Math.max(0, q.count ?? DEFAULT_COUNT));
  return { offset: startIndex - 1, limit, startIndex };
}

export function listResponse(total: number, startIndex: number, resources: unknown[]) {
  return { schemas: [LIST_URN], totalResults: total, startIndex, itemsPerPage: resources.length, Resources: resources };
}
