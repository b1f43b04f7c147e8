import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { APP_ENV } from '../../../core/config/config.module';
import { rows } from '../../../core/database/sql';
import { userCounts } from '../../../core/users/user-counts';
import { AppEnv } from '../../../core/config/env';
import { Page, PageQueryDto, pageOf, pageWindow } from '../common/pagination';
import { PageAnchorCache } from '../common/page-anchors';
import { cutUserIdPage, parseUserIdKey, readUserIdPage } from '../common/user-id-pages';
import { TribooUserDto } from './user.dto';
import { USER_COLUMNS, USER_FROM, UserRow, toTribooUser } from './user.mapper';

/**
 * GET USERS lists, by keyset on the integer user_id (index user(account_id, user_id)), never OFFSET:
 * page 1 and the `after`/`before` hints of our own links read one index range; `page=N` starts at
 * the N-th page anchor, computed once per account and page size in one index-only scan and reused
 * while the account's (count, max user_id) is unchanged. Every call: the maintained count (not a count(*)
 * over the account's users, see userCounts), one index lookup of max(user_id), one page query.
 */
@Injectable()
export class TribooUsersListService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly anchors: PageAnchorCache,
    @Inject(APP_ENV) private readonly env: AppEnv,
  ) {}

  async all(req: FastifyRequest, accountId: string, q: PageQueryDto): Promise<Page<TribooUserDto>> {
    const [{ users: count }, [{ max }]] = await Promise.all([
      userCounts(this.db, accountId),
      rows<{ max: number | null }>(this.db, `SELECT max(user_id) AS max FROM "user" WHERE account_id = $1`, [accountId]),
    ]);
    const w = pageWindow(q, count, parseUserIdKey);
    const page = await readUserIdPage<UserRow>(this.db, this.anchors, w, {
      columns: USER_COLUMNS,
      from: USER_FROM,
      where: 'u.account_id = $1',
      params: [accountId],
      cacheKey: `triboo-users:${accountId}:${w.pageSize}`,
      signature: `${count}:${max}`,
      warmAfterFirst: true,
    });
    return pageOf(req, this.env.publicUrl, w, count, page.map(toTribooUser), (u) => u.user_id);
  }

  /** `?user_id=a,b` / `?username=a,b`: the users found, in user_id order, paginated the same way. */
  async some(req: FastifyRequest, accountId: string, q: PageQueryDto, by: 'user_id' | 'username', keys: (number | string)[]): Promise<Page<TribooUserDto>> {
    const cond = by === 'user_id' ? 'u.user_id = ANY($2::int[])' : 'u.username = ANY($2::text[])';
    const found = await rows<UserRow>(this.db, `SELECT ${USER_COLUMNS} FROM ${USER_FROM} WHERE u.account_id = $1 AND ${cond} ORDER BY u.user_id`, [accountId, keys]);
    const w = pageWindow(q, found.length, parseUserIdKey);
    return pageOf(req, this.env.publicUrl, w, found.length, cutUserIdPage(found, w).map(toTribooUser), (u) => u.user_id);
  }
}
