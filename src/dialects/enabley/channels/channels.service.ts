import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_ENV } from '../../../core/config/config.module';
import { AppEnv } from '../../../core/config/env';
import { isUniqueViolation } from '../../../core/database/pg-error';
import { retryOnceOnConflict } from '../../../core/database/retry-on-conflict';
import { ApiError } from '../../../core/http/api-error';
import { SubAccountsService } from '../sub-accounts/sub-accounts.service';
import { ChannelDataDto, ChannelInfoDto } from './channel.dto';
import { CHANNEL_SELECT, ChannelRow, toChannelInfo } from './channel.mapper';
import { rows } from '../../../core/database/sql';

/** Most channels the unpaginated lists (v1 channels, v2 masters) answer. */
export const CHANNELS_V1_LIMIT = 10000;

export interface ChannelListFilter {
  createdSince?: Date;
  subAccountName?: string;
  masters?: boolean;
  onlyPublished?: boolean;
}

/** Enabley channels over the core channel table (+ enabley_channel for the sub-account). */
@Injectable()
export class ChannelsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_ENV) private readonly env: AppEnv,
    private readonly subAccounts: SubAccountsService,
  ) {}

  info(row: ChannelRow, includeCategories = false): ChannelInfoDto {
    return toChannelInfo(row, includeCategories, this.env.publicUrl);
  }

  /** The channel's id in the caller's account, or 404 (`item_not_exists` when it is a body reference). */
  async idOf(accountId: string, identifier: string, manager: EntityManager | DataSource = this.db, reference = false): Promise<string> {
    const [row] = await rows<{ id: string }>(manager, `SELECT id FROM channel WHERE account_id = $1 AND identifier = $2`, [accountId, identifier]);
    if (!row) {
      const message = `No channel with identifier "${identifier}".`;
      throw reference ? ApiError.itemNotExists(message) : ApiError.notFound(message);
    }
    return row.id;
  }

  async row(accountId: string, identifier: string, manager: EntityManager | DataSource = this.db): Promise<ChannelRow> {
    const [row] = await rows<ChannelRow>(manager, `${CHANNEL_SELECT} WHERE c.account_id = $1 AND c.identifier = $2`, [accountId, identifier]);
    if (!row) throw ApiError.notFound(`No channel with identifier "${identifier}".`);
    return row;
  }

  /**
   * One keyset page (or all, with limit null) of the account's channels in creation order;
   * `after` = [created ISO, id]. Masters are listed only when filter.masters is true.
   */
  list(accountId: string, filter: ChannelListFilter, after: (string | number | boolean | null)[] | null, limit: number | null): Promise<ChannelRow[]> {
    return rows(
      this.db,
      `${CHANNEL_SELECT}
        WHERE c.account_id = $1 AND c.is_master = $2
          AND ($3::timestamptz IS NULL OR c.created_at >= $3)
          AND ($4::text IS NULL OR ec.sub_account_name = $4)
          AND (NOT $5 OR c.published)
          AND ($6::timestamptz IS NULL OR (c.created_at, c.id) > ($6::timestamptz, $7::uuid))
        ORDER BY c.created_at, c.id
        LIMIT $8`,
      [accountId, filter.masters ?? false, filter.createdSince ?? null, filter.subAccountName ?? null, filter.onlyPublished ?? false, after?.[0] ?? null, after?.[1] ?? null, limit],
    );
  }

  async count(accountId: string, filter: ChannelListFilter): Promise<number> {
    const [{ n }] = await rows<{ n: number }>(
      this.db,
      `SELECT count(*)::int AS n FROM channel c LEFT JOIN enabley_channel ec ON ec.channel_id = c.id
        WHERE c.account_id = $1 AND c.is_master = $2 AND ($3::text IS NULL OR ec.sub_account_name = $3) AND (NOT $4 OR c.published)`,
      [accountId, filter.masters ?? false, filter.subAccountName ?? null, filter.onlyPublished ?? false],
    );
    return n;
  }

  /** PUT /api/v1/channels: creates (name required) or updates the channel with that identifier. */
  async upsert(accountId: string, dto: ChannelDataDto): Promise<{ channel: ChannelInfoDto; created: boolean }> {
    return retryOnceOnConflict(() => this.upsertOnce(accountId, dto));
  }

  private async upsertOnce(accountId: string, dto: ChannelDataDto): Promise<{ channel: ChannelInfoDto; created: boolean }> {
    const start = dto.schedule?.startDate ?? null;
    const end = dto.schedule?.endDate ?? null;
    if (start && end && new Date(end) < new Date(start)) throw ApiError.badRequest('schedule.endDate must not be before schedule.startDate.', 'schedule.endDate');
    return this.db.transaction(async (m) => {
      const [existing] = await rows<{ id: string }>(m, `SELECT id FROM channel WHERE account_id = $1 AND identifier = $2 FOR UPDATE`, [accountId, dto.identifier]);
      const values = [
        dto.name ?? null,
        dto.type ?? null,
        dto.status ?? null,
        dto.categories ?? null,
        dto.isMaster ?? null,
        dto.published ?? null,
        dto.duration ?? null,
        dto.schedule !== undefined,
        start,
        end,
      ];
      let id: string;
      if (existing) {
        id = existing.id;
        await rows(
          m,
          `UPDATE channel SET name = coalesce($2, name), type = coalesce($3, type), status = coalesce($4, status),
                  categories = coalesce($5::text[], categories), is_master = coalesce($6, is_master), published = coalesce($7, published),
                  duration = coalesce($8, duration),
                  start_date = CASE WHEN $9 THEN $10::timestamptz ELSE start_date END,
                  end_date = CASE WHEN $9 THEN $11::timestamptz ELSE end_date END, updated_at = now()
            WHERE id = $1`,
          [id, ...values],
        );
      } else {
        if (!dto.name) throw ApiError.required('name', 'A new channel needs a name.');
        try {
          [{ id }] = await rows(
            m,
            `INSERT INTO channel (account_id, identifier, name, type, status, categories, is_master, published, duration, start_date, end_date)
             VALUES ($1, $2, $3, coalesce($4, 'COURSE'), coalesce($5, 'ACTIVE'), coalesce($6::text[], '{}'), coalesce($7, false), coalesce($8, true), $9,
                     CASE WHEN $10 THEN $11::timestamptz END, CASE WHEN $10 THEN $12::timestamptz END)
             RETURNING id`,
            [accountId, dto.identifier, ...values],
          );
        } catch (e) {
          if (isUniqueViolation(e)) throw ApiError.conflict('A channel with that identifier already exists.', 'identifier');
          throw e;
        }
      }
      // The sub-account is created on first use, as for users and groups (WORKSPACE entitlements name it).
      if (dto.subAccountName) await this.subAccounts.ensure(accountId, dto.subAccountName, m);
      if (dto.subAccountName !== undefined || !existing) {
        await rows(
          m,
          `INSERT INTO enabley_channel (channel_id, sub_account_name) VALUES ($1, $2)
           ON CONFLICT (channel_id) DO UPDATE SET sub_account_name = EXCLUDED.sub_account_name`,
          [id, dto.subAccountName || null],
        );
      }
      const row = (await rows<ChannelRow>(m, `${CHANNEL_SELECT} WHERE c.id = $1`, [id]))[0];
      return { channel: this.info(row, true), created: !existing };
    });
  }

  async learnersCount(channelId: string): Promise<number> {
    const [{ n }] = await rows<{ n: number }>(this.db, `SELECT count(*)::int AS n FROM enrollment WHERE channel_id = $1 AND is_active`, [channelId]);
    return n;
  }
}
