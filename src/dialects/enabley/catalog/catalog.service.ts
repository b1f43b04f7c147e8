import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_ENV } from '../../../core/config/config.module';
import { AppEnv } from '../../../core/config/env';
import { ApiError } from '../../../core/http/api-error';
import { CatalogItemDto } from './catalog.dto';
import { rows } from '../../../core/database/sql';

/** The catalog: every published, active, non-master channel has a stable catalog item. */
@Injectable()
export class CatalogService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_ENV) private readonly env: AppEnv,
  ) {}

  async item(accountId: string, externalChannelId: string, subAccountName?: string): Promise<CatalogItemDto> {
    const [channel] = await rows<{ id: string; published: boolean; status: string; is_master: boolean; sub_account_name: string | null }>(
      this.db,
      `SELECT c.id, c.published, c.status, c.is_master, ec.sub_account_name FROM channel c LEFT JOIN enabley_channel ec ON ec.channel_id = c.id
        WHERE c.account_id = $1 AND c.identifier = $2`,
      [accountId, externalChannelId],
    );
    const missing = (why: string) => ApiError.itemNotExists(why);
    if (!channel || (subAccountName && channel.sub_account_name !== subAccountName)) throw missing(`No channel "${externalChannelId}"${subAccountName ? ` in sub-account "${subAccountName}"` : ''}.`);
    if (!channel.published || channel.status !== 'ACTIVE' || channel.is_master) throw missing(`Channel "${externalChannelId}" is not published in the catalog.`);
    const [row] = await rows<{ id: string }>(
      this.db,
      `WITH ins AS (INSERT INTO enabley_catalog_item (channel_id) VALUES ($1) ON CONFLICT (channel_id) DO NOTHING RETURNING id)
       SELECT id FROM ins UNION ALL SELECT id FROM enabley_catalog_item WHERE channel_id = $1`,
      [channel.id],
    );
    return { catalogItemId: row.id, link: `${(this.env.publicUrl ?? '').replace(/\/$/, '')}/catalog/${row.id}` };
  }
}
