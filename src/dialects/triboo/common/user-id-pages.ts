import { DataSource } from 'typeorm';
import { PageAnchorCache } from './page-anchors';
import { PageWindow } from './pagination';
import { rows } from '../../../core/database/sql';

/** A user_id keyset hint: an integer column, so anything beyond 2^31 - 1 is not a key of these lists. */
export const parseUserIdKey = (raw: string): number | null => (/^\d{1,10}$/.test(raw) && Number(raw) <= 2147483647 ? Number(raw) : null);

export interface UserIdPageQuery {
  /** `SELECT <columns> FROM <from> WHERE <where>`; `from` aliases the user table as `u`. */
  columns: string;
  from: string;
  where: string;
  params: unknown[];
  /** Page anchors are cached under this key while `signature` (e.g. count and max user_id) is unchanged. */
  cacheKey: string;
  signature: string;
  /** Compute the anchors in the background after page 1, so `page=N` is fast from the first jump. */
  warmAfterFirst?: boolean;
}

/**
 * One page of users ordered by the integer user_id, read by keyset, never OFFSET: page 1 and the
 * after/before hints of our own links read one index range; `page=N` starts at the N-th page anchor,
 * computed in one index-only scan and cached.
 */
export async function readUserIdPage<T>(db: DataSource, anchors: PageAnchorCache, w: PageWindow<number>, q: UserIdPageQuery): Promise<T[]> {
  const select = `SELECT ${q.columns} FROM ${q.from} WHERE ${q.where}`;
  const n = q.params.length;
  switch (w.plan.kind) {
    case 'first': {
      const found = await rows<T>(db, `${select} ORDER BY u.user_id LIMIT $${n + 1}`, [...q.params, w.pageSize]);
      if (q.warmAfterFirst && w.numPages > 1) anchors.warm(q.cacheKey, q.signature, () => computeAnchors(db, q, w.pageSize));
      return found;
    }
    case 'after':
      return rows<T>(db, `${select} AND u.user_id > $${n + 1} ORDER BY u.user_id LIMIT $${n + 2}`, [...q.params, w.plan.key, w.pageSize]);
    case 'before':
      return (await rows<T>(db, `${select} AND u.user_id < $${n + 1} ORDER BY u.user_id DESC LIMIT $${n + 2}`, [...q.params, w.plan.key, w.pageSize])).reverse();
    case 'number': {
      const list = await anchors.get(q.cacheKey, q.signature, () => computeAnchors(db, q, w.pageSize));
      const anchor = list[Math.min(w.plan.index, list.length - 1)] ?? 0;
      return rows<T>(db, `${select} AND u.user_id >= $${n + 1} ORDER BY u.user_id LIMIT $${n + 2}`, [...q.params, anchor, w.pageSize]);
    }
  }
}

/** The first user_id of every page, in one index-only scan. */
async function computeAnchors(db: DataSource, q: UserIdPageQuery, pageSize: number): Promise<number[]> {
  const [{ a }] = await rows<{ a: number[] | null }>(
    db,
    `SELECT array_agg(user_id ORDER BY user_id) AS a
       FROM (SELECT u.user_id, row_number() OVER (ORDER BY u.user_id) AS rn FROM "user" u WHERE ${q.where}) s
      WHERE (rn - 1) % $${q.params.length + 1} = 0`,
    [...q.params, pageSize],
  );
  return a ?? [];
}

/** A page of a short, already bounded list held in memory, cut the same way. */
export function cutUserIdPage<T extends { user_id: number }>(rows: T[], w: PageWindow<number>): T[] {
  switch (w.plan.kind) {
    case 'first':
      return rows.slice(0, w.pageSize);
    case 'after': {
      const key = w.plan.key;
      return rows.filter((r) => r.user_id > key).slice(0, w.pageSize);
    }
    case 'before': {
      const key = w.plan.key;
      return rows.filter((r) => r.user_id < key).slice(-w.pageSize);
    }
    case 'number':
      return rows.slice(w.plan.index * w.pageSize, (w.plan.index + 1) * w.pageSize);
  }
}
