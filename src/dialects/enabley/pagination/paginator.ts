import { Injectable } from '@nestjs/common';
import { CursorState, PageBinding, PaginationKeyService } from './pagination-key.service';

/** Enabley's paginated answer {items, pageSize, currentPage, totalPages, paginationKey}. */
export interface PaginationResult<T> {
  items: T[];
  pageSize: number;
  currentPage: number;
  totalPages: number;
  paginationKey: string | null;
}

export interface KeysetPageQuery<R, T> {
  binding: PageBinding;
  /** The key the client sent, if any. */
  paginationKey?: string;
  /** Number of matching rows; called on the first page only. */
  count: () => Promise<number>;
  /**
   * Up to `limit` rows after the keyset position (null: from the start), in keyset order:
   * `WHERE (sort, id) > ($n, $m) ORDER BY sort, id LIMIT $limit`, never OFFSET. `total` is the number of
   * matching rows counted on the first page, for lists that pick their plan by selectivity.
   */
  fetch: (after: CursorState['after'] | null, limit: number, total: number | undefined) => Promise<R[]>;
  /** The keyset position of a row (its sort key(s) and id). */
  position: (row: R) => CursorState['after'];
  map: (row: R) => T;
}

/** Runs one page of a keyset-paginated Enabley list: one count on the first page, then one query per page. */
@Injectable()
export class KeysetPaginator {
  constructor(private readonly keys: PaginationKeyService) {}

  /**
   * A paginationKey continues the query it came from, so a client may send it alone: the query
   * parameters `names` the request leaves out are taken from the key (signed, so trusted); those it
   * sends must equal the key's (checked when the page is read, 404 not_found otherwise). Returns the
   * completed query and the values to bind the next key to (`binding.query`).
   */
  restore<Q extends { paginationKey?: string }>(raw: Q, names: readonly (keyof Q & string)[]): { q: Q; query: Record<string, unknown> } {
    const q = { ...raw };
    if (raw.paginationKey !== undefined) {
      const stored = this.keys.storedQuery(raw.paginationKey);
      for (const name of names) if (q[name] === undefined && stored[name] !== undefined) q[name] = stored[name] as Q[typeof name];
    }
    const query: Record<string, unknown> = {};
    for (const name of names) query[name] = q[name];
    return { q, query };
  }

  async page<R, T>(q: KeysetPageQuery<R, T>): Promise<PaginationResult<T>> {
    const size = q.binding.pageSize;
    let state: CursorState | null = null;
    if (q.paginationKey !== undefined) state = this.keys.decode(q.paginationKey, q.binding);
    const total = state ? state.total : await q.count();
    const totalPages = state ? state.totalPages : Math.ceil(total! / size);
    const currentPage = state ? state.page : 1;
    const rows = await q.fetch(state ? state.after : null, size + 1, total);
    const hasMore = rows.length > size;
    const pageRows = hasMore ? rows.slice(0, size) : rows;
    const paginationKey = hasMore
      ? this.keys.encode(q.binding, { after: q.position(pageRows[pageRows.length - 1]), page: currentPage + 1, totalPages: Math.max(totalPages, currentPage + 1), total })
      : null;
    return {
      items: pageRows.map(q.map),
      pageSize: size,
      currentPage,
      totalPages: Math.max(totalPages, hasMore ? currentPage + 1 : pageRows.length ? currentPage : 0),
      paginationKey,
    };
  }
}
