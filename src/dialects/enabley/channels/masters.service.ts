import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isUniqueViolation } from '../../../core/database/pg-error';
import { ApiError } from '../../../core/http/api-error';
import { isoDate } from '../../../core/http/ids';
import { SubAccountsService } from '../sub-accounts/sub-accounts.service';
import { ChannelInfoDto } from './channel.dto';
import { CHANNEL_SELECT, ChannelRow } from './channel.mapper';
import { ChannelsService } from './channels.service';
import { ChannelInstanceDto, MasterChannelDto } from './masters.dto';
import { rows } from '../../../core/database/sql';

export function toMaster(r: ChannelRow): MasterChannelDto {
  return {
    categories: r.categories ?? [],
    created: isoDate(r.created_at)!,
    identifier: r.identifier,
    name: r.name,
    published: r.published,
    subAccountName: r.sub_account_name,
  };
}

/** Master channels and the instances created from them. */
@Injectable()
export class MastersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly channels: ChannelsService,
    private readonly subAccounts: SubAccountsService,
  ) {}

  /**
   * Creates a channel instance of a master: same type, categories, duration and description, a copy of
   * every content item and training event (set-based), `masterChannelInstance: true`.
   */
  async createInstance(accountId: string, dto: ChannelInstanceDto): Promise<ChannelInfoDto> {
    return this.db.transaction(async (m) => {
      const [master] = await rows(m, `SELECT id, is_master FROM channel WHERE account_id = $1 AND identifier = $2`, [accountId, dto.masterCourseIdentifier]);
      if (!master) {
        const msg = `No master channel with identifier "${dto.masterCourseIdentifier}".`;
        throw ApiError.itemNotExists(msg);
      }
      if (!master.is_master) throw ApiError.badRequest(`Channel "${dto.masterCourseIdentifier}" is not a master channel.`, 'masterCourseIdentifier');
      let id: string;
      try {
        [{ id }] = await rows(
          m,
          `INSERT INTO channel (account_id, identifier, name, type, status, description, duration, language, categories, tags, image_url, is_master, published, master_channel_id)
           SELECT account_id, $2, coalesce($3, name), type, 'ACTIVE', description, duration, language, categories, tags, image_url, false, true, id
             FROM channel WHERE id = $1 RETURNING id`,
          [master.id, dto.identifier, dto.name ?? null],
        );
      } catch (e) {
        if (isUniqueViolation(e)) throw ApiError.conflict(`A channel with identifier "${dto.identifier}" already exists.`, 'identifier');
        throw e;
      }
      if (dto.subAccountName) await this.subAccounts.ensure(accountId, dto.subAccountName, m);
      await rows(
        m,
        `INSERT INTO enabley_channel (channel_id, sub_account_name)
         SELECT $2, coalesce($3, (SELECT sub_account_name FROM enabley_channel WHERE channel_id = $1))`,
        [master.id, id, dto.subAccountName || null],
      );
      await rows(
        m,
        `INSERT INTO content_item (channel_id, identifier, name, optional, scored, position)
         SELECT $2, identifier, name, optional, scored, position FROM content_item WHERE channel_id = $1`,
        [master.id, id],
      );
      await rows(
        m,
        `INSERT INTO enabley_training_event (content_item_id, channel_id, description, from_date, until_date, all_day_event, include_grade, is_published, live_session, location)
         SELECT copy.id, $2, te.description, te.from_date, te.until_date, te.all_day_event, te.include_grade, te.is_published, te.live_session, te.location
           FROM enabley_training_event te
           JOIN content_item orig ON orig.id = te.content_item_id
           JOIN content_item copy ON copy.channel_id = $2 AND copy.identifier = orig.identifier
          WHERE te.channel_id = $1`,
        [master.id, id],
      );
      const [row] = await rows<ChannelRow>(m, `${CHANNEL_SELECT} WHERE c.id = $1`, [id]);
      return this.channels.info(row, true);
    });
  }
}
