import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { userCounts } from '../../../core/users/user-counts';
import { KeysetPaginator, PaginationResult } from '../pagination/paginator';
import { rows } from '../../../core/database/sql';
import { ListUsersV2Query, ListUsersV3Query, USERS_V3_DEFAULT_PAGE_SIZE, UserFiltersQuery, UserInfoDto } from './user.dto';
import { USER_INFO_SELECT, USER_SCOPE, UserInfoRow, toUserInfo, userFilterSql } from './user-info.sql';

/**
 * Up to this many matches, a filtered list collects the matching ids first (pg_trgm / sub-account indexes)
 * and sorts them; above it, walking the identifier index and filtering stops early enough. PostgreSQL
 * cannot estimate '%…%' selectivity, so the list decides from the count instead of the planner.
 */
const SELECTIVE_MAX = 10_000;

function hasSetFilter(f: UserFiltersQuery): boolean {
  return Boolean(f.emailSubstring || f.firstNameSubstring || f.lastNameSubstring || f.usernameSubstring || f.subAccountName !== undefined);
}

/** The query parameters of GET /api/v3/users a paginationKey carries. */
const USERS_V3_QUERY = ['emailSubstring', 'firstNameSubstring', 'lastNameSubstring', 'usernameSubstring', 'identifier', 'subAccountName', 'pageSize'] as const;

/** Every UserInfo read: single user (the hot path), v2 start/limit lists and v3 keyset pages. */
@Injectable()
export class EnableyUsersReadService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly paginator: KeysetPaginator,
  ) {}

  /** One indexed query (account_id, identifier); null when absent, in another account, or not in the sub-account. */
  async findRow(accountId: string, identifier: string, subAccountName?: string, manager: EntityManager | DataSource = this.db): Promise<UserInfoRow | null> {
    const params: unknown[] = [accountId, identifier];
    let sql = `${USER_INFO_SELECT} WHERE ${USER_SCOPE} AND u.identifier = $2`;
    if (subAccountName !== undefined) {
      params.push(subAccountName);
      sql += ` AND EXISTS (SELECT 1 FROM enabley_user_sub_account us JOIN enabley_sub_account s ON s.id = us.sub_account_id
                           WHERE us.user_id = u.id AND s.account_id = $1 AND s.name = $3)`;
    }
    // The name only takes effect on the data source; inside a transaction it is ignored.
    const found = await rows<UserInfoRow>(manager, sql, params, { name: `enabley_user_info_${params.length}` });
    return found[0] ?? null;
  }

  async findInfo(accountId: string, identifier: string, manager?: EntityManager): Promise<UserInfoDto | null> {
    const row = await this.findRow(accountId, identifier, undefined, manager);
    return row ? toUserInfo(row) : null;
  }

  private async count(accountId: string, f: UserFiltersQuery): Promise<number> {
    // Unfiltered (the usual first page): the maintained per-account count, not a count(*) over every user.
    if (!hasSetFilter(f) && f.identifier === undefined) {
      const c = await userCounts(this.db, accountId);
      return c.users - c.superusers;
    }
    const params: unknown[] = [accountId];
    const where = userFilterSql(f, params);
    const [{ n }] = await rows<{ n: string }>(this.db, `SELECT count(*) AS n FROM "user" u WHERE ${where}`, params);
    return Number(n);
  }

  /** The page query: `where` and `tail` (ORDER BY … LIMIT …) share `params`. */
  private pageSql(where: string, tail: string, selective: boolean): string {
    if (!selective) return `${USER_INFO_SELECT} WHERE ${where} ${tail}`;
    return `WITH m AS MATERIALIZED (SELECT u.id FROM "user" u WHERE ${where})
            ${USER_INFO_SELECT} WHERE u.id IN (SELECT id FROM m) ${tail}`;
  }

  /**
   * v2: `start` is an index into the filtered list ordered by identifier, as the seed defines it, so this
   * one list reads with OFFSET (bounded by limit ≤ 200); paginated v3 reads by keyset.
   */
  async listV2(accountId: string, q: ListUsersV2Query): Promise<UserInfoDto[]> {
    const selective = hasSetFilter(q) && (await this.count(accountId, q)) <= SELECTIVE_MAX;
    const params: unknown[] = [accountId];
    const where = userFilterSql(q, params);
    params.push(q.limit ?? 100, q.start ?? 0);
    const found = await rows<UserInfoRow>(this.db, this.pageSql(where, `ORDER BY u.identifier LIMIT $${params.length - 1} OFFSET $${params.length}`, selective), params);
    return found.map(toUserInfo);
  }

  /**
   * v3: keyset pages ordered by identifier (unique per account, so it is the whole keyset and the
   * (account_id, identifier) unique index serves every page the same way, first or last).
   */
  listV3(accountId: string, raw: ListUsersV3Query): Promise<PaginationResult<UserInfoDto>> {
    const { q, query } = this.paginator.restore(raw, USERS_V3_QUERY);
    const filters: UserFiltersQuery = {
      emailSubstring: q.emailSubstring,
      firstNameSubstring: q.firstNameSubstring,
      lastNameSubstring: q.lastNameSubstring,
      usernameSubstring: q.usernameSubstring,
      identifier: q.identifier,
      subAccountName: q.subAccountName,
    };
    return this.paginator.page<UserInfoRow, UserInfoDto>({
      binding: { route: 'GET /api/v3/users', accountId, filters: { ...filters }, pageSize: q.pageSize ?? USERS_V3_DEFAULT_PAGE_SIZE, query },
      paginationKey: q.paginationKey,
      count: () => this.count(accountId, filters),
      fetch: (after, limit, total) => {
        const params: unknown[] = [accountId];
        let where = userFilterSql(filters, params);
        if (after) {
          params.push(String(after[0]));
          where += ` AND u.identifier > $${params.length}`;
        }
        params.push(limit);
        const selective = hasSetFilter(filters) && total !== undefined && total <= SELECTIVE_MAX;
        return rows<UserInfoRow>(this.db, this.pageSql(where, `ORDER BY u.identifier LIMIT $${params.length}`, selective), params);
      },
      position: (row) => [row.identifier],
      map: toUserInfo,
    });
  }
}
