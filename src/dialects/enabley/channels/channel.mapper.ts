import { isoDate } from '../../../core/http/ids';
import { AvailabilityStatus, ChannelInfoDto } from './channel.dto';

/** A channel row as the Enabley channel queries select it (CHANNEL_SELECT). */
export interface ChannelRow {
  id: string;
  identifier: string;
  name: string;
  type: 'STREAM' | 'COURSE';
  status: 'ACTIVE' | 'INACTIVE';
  published: boolean;
  is_master: boolean;
  start_date: Date | null;
  end_date: Date | null;
  duration: number | null;
  categories: string[];
  created_at: Date;
  /** created_at at full (microsecond) precision, for keyset cursors. */
  created_key: string;
  sub_account_name: string | null;
  master_identifier: string | null;
}

export const CHANNEL_SELECT = `
  SELECT c.id, c.identifier, c.name, c.type, c.status, c.published, c.is_master, c.start_date, c.end_date, c.duration,
         c.categories, c.created_at, c.created_at::text AS created_key, ec.sub_account_name, m.identifier AS master_identifier
    FROM channel c
    LEFT JOIN enabley_channel ec ON ec.channel_id = c.id
    LEFT JOIN channel m ON m.id = c.master_channel_id`;

export function availabilityStatus(row: ChannelRow, now = new Date()): AvailabilityStatus {
  if (row.status === 'INACTIVE') return 'NONACTIVE';
  if (!row.published) return 'DRAFT';
  if (row.start_date && row.start_date > now) return 'SCHEDULED';
  if (row.end_date && row.end_date <= now) return 'FINISHED';
  if (row.start_date) return 'STARTED';
  return 'ACTIVE';
}

/** The channel's direct link: PUBLIC_URL + /channels/{identifier} (a relative path without PUBLIC_URL). */
export function channelLink(publicUrl: string | undefined, identifier: string): string {
  return `${(publicUrl ?? '').replace(/\/$/, '')}/channels/${encodeURIComponent(identifier)}`;
}

export function toChannelInfo(row: ChannelRow, includeCategories: boolean, publicUrl: string | undefined): ChannelInfoDto {
  return {
    availability: { status: availabilityStatus(row), schedule: { startDate: isoDate(row.start_date), endDate: isoDate(row.end_date) } },
    categories: includeCategories ? (row.categories ?? []) : null,
    created: isoDate(row.created_at)!,
    directLink: channelLink(publicUrl, row.identifier),
    duration: row.duration,
    identifier: row.identifier,
    masterChannelId: row.master_identifier,
    masterChannelInstance: row.master_identifier !== null,
    name: row.name,
    subAccountName: row.sub_account_name,
    type: row.type,
  };
}
