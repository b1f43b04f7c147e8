import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { APP_ENV } from '../../../core/config/config.module';
import { AppEnv } from '../../../core/config/env';
import { Page, PageQueryDto, PageWindow, pageOf, pageWindow } from '../common/pagination';
import { PageAnchorCache } from '../common/page-anchors';
import { TribooUserDto } from './user.dto';
import { USER_COLUMNS, USER_FROM, UserRow, toTribooUser } from './user.mapper';

/** A user_id keyset hint: an integer column, so anything beyond 2^31 - 1 is not a key of this list. */
const parseKey = (raw: string): number | null => (/^\d{1,10}$/.test(raw) && Number(raw) <= 2147483647 ? Number(raw) : null);

/**
 * GET USERS lists, by keyset on the integer user_id (index user(account_id, user_id)), never OFFSET:
 * page 1 and the `after`/`before` hints of our own links read one index range; `page=N` starts at
 * the N-th page anchor, computed once per account and page size in one index-only scan and reused
 * while the account's (count, max user_id) is unchanged. Every call: one count query, one page query.
 */
@Injectable()
export class TribooUsersListService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly anchors: PageAnchorCache,
    @Inject(APP_ENV) private readonly env: AppEnv,
  ) {}

  async all(req: FastifyRequest, accountId: string, q: PageQueryDto): Promise<Page<TribooUserDto>> {
    const [{ count, max }]: { count: number; max: number | null }[] = await this.db.query(
      `SELECT count(*)::int AS count, max(user_id) AS max FROM "user" WHERE account_id = $1`,
      [accountId],
    );
    const w = pageWindow(q, count, parseKey);
    const cacheKey = `triboo-users:${accountId}:${w.pageSize}`;
    const signature = `${count}:${max}`;
    const compute = () => this.computeAnchors(accountId, w.pageSize);
    const select = `SELECT ${USER_COLUMNS} FROM ${USER_FROM} WHERE u.account_id = $1`;
    let rows: UserRow[];
    switch (w.plan.kind) {
      case 'first':
        rows = await this.db.query(`${select} ORDER BY u.user_id LIMIT $2`, [accountId, w.pageSize]);
        if (w.numPages > 1) this.anchors.warm(cacheKey, signature, compute);
        break;
      case 'after':
        rows = await this.db.query(`${select} AND u.user_id > $2 ORDER BY u.user_id LIMIT $3`, [accountId, w.plan.key, w.pageSize]);
        break;
      case 'before':
        rows = (await this.db.query(`${select} AND u.user_id < $2 ORDER BY u.user_id DESC LIMIT $3`, [accountId, w.plan.key, w.pageSize])).reverse();
        break;
      case 'number': {
        const anchors = await this.anchors.get(cacheKey, signature, compute);
        const anchor = anchors[Math.min(w.plan.index, anchors.length - 1)] ?? 0;
        rows = await this.db.query(`${select} AND u.user_id >= $2 ORDER BY u.user_id LIMIT $3`, [accountId, anchor, w.pageSize]);
        break;
      }
    }
    return pageOf(req, this.env.publicUrl, w, count, rows.map(toTribooUser), (u) => u.user_id);
  }

  /** The first user_id of every page, in one index-only scan. */
  private async computeAnchors(accountId: string, pageSize: number): Promise<number[]> {
    const [{ anchors }]: { anchors: number[] | null }[] = await this.db.query(
      `SELECT array_agg(user_id ORDER BY user_id) AS anchors
         FROM (SELECT user_id, row_number() OVER (ORDER BY user_id) AS rn FROM "user" WHERE account_id = $1) s
        WHERE (rn - 1) % $2 = 0`,
      [accountId, pageSize],
    );
    return anchors ?? [];
  }

  /** `?user_id=a,b` / `?username=a,b`: the users found, in user_id order, paginated the same way. */
  async some(req: FastifyRequest, accountId: string, q: PageQueryDto, by: 'user_id' | 'username', keys: (number | string)[]): Promise<Page<TribooUserDto>> {
    const cond = by === 'user_id' ? 'u.user_id = ANY($2::int[])' : 'u.username = ANY($2::text[])';
    const rows: UserRow[] = await this.db.query(`SELECT ${USER_COLUMNS} FROM ${USER_FROM} WHERE u.account_id = $1 AND ${cond} ORDER BY u.user_id`, [accountId, keys]);
    const w = pageWindow(q, rows.length, parseKey);
    return pageOf(req, this.env.publicUrl, w, rows.length, slice(rows, w).map(toTribooUser), (u) => u.user_id);
  }
}

/** A page of a short, already bounded list (at most MAX_LIST_KEYS rows). */
function slice(rows: UserRow[], w: PageWindow<number>): UserRow[] {
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
